import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { approveClaim } from '@/server/review';
import { approveSchema, claimParamsSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/**
 * Approve a submitted claim (REVIEWER or ADMIN, never its author nor anyone who changed it since
 * its last approval: 403 with the reason). 409 with `currentState` and `lastDecision` when it
 * was decided or changed meanwhile; 409 `reason: needs_confirmation` with the changed words when
 * a passage is fuzzy or changed since submission and `confirmChangedText` is not set.
 */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const input = await parseBody(request, approveSchema);
  return Response.json(await approveClaim(db(), user, id, input));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
