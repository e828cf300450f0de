import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { reopenClaim } from '@/server/review';
import { claimParamsSchema, reopenSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/** Withdraw an approval with a required reason (REVIEWER or ADMIN): -> CHANGES_REQUESTED. */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const input = await parseBody(request, reopenSchema);
  return Response.json(await reopenClaim(db(), user, id, input));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
