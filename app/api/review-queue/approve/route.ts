import { handleOtherMethods, parseBody, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { approveClaims } from '@/server/review';
import { bulkApproveSchema } from '@/server/review-schemas';
import { requireRole } from '@/server/platform/session';

/**
 * Approve several claims at once (REVIEWER or ADMIN), each with the version the reviewer saw.
 * Each is decided on its own: `{approved, refused}` with the status and reason of each refusal.
 */
export const POST = route(async (request) => {
  const user = await requireRole('REVIEWER', 'ADMIN');
  const { claims } = await parseBody(request, bulkApproveSchema);
  return Response.json(await approveClaims(db(), user, claims));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
