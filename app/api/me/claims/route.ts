import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { listMyClaims } from '@/server/queries/review-queue';
import { myClaimsQuerySchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/**
 * The signed-in user's own claims by review state (`state` to pick one), newest change first,
 * with the number in each state: `{counts, claims}`.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const query = myClaimsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listMyClaims(db(), user.id, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
