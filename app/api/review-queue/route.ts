import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { listReviewQueue } from '@/server/queries/review-queue';
import { queueQuerySchema } from '@/server/review-schemas';
import { requireRole } from '@/server/platform/session';

/**
 * The review queue (REVIEWER or ADMIN): SUBMITTED claims, oldest first, filtered by `article`,
 * `author` and `verdict`; `limit` (1-50, default 25) per page, next page with `after`.
 */
export const GET = route(async (request) => {
  const user = await requireRole('REVIEWER', 'ADMIN');
  const query = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listReviewQueue(db(), user, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
