import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { submitClaim } from '@/server/review';
import { claimParamsSchema, submitSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/**
 * Send a claim for review (DRAFT or CHANGES_REQUESTED -> SUBMITTED): its author or an admin.
 * 400 naming the missing fields (verdict, rationale), 409 with `currentState`.
 */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const input = await parseBody(request, submitSchema);
  return Response.json(await submitClaim(db(), user, id, input));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
