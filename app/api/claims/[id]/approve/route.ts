import { parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { approveClaim } from '@/server/review';
import { approveSchema, claimParamsSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/**
 * Approve a submitted claim (REVIEWER or ADMIN, never its author or last editor: 403 with the
 * reason). 409 with `currentState` and `lastDecision` when it was decided or changed meanwhile.
 */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const input = await parseBody(request, approveSchema);
  return Response.json(await approveClaim(db(), user, id, input));
});
