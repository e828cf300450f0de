import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requestClaimChanges } from '@/server/review';
import { claimParamsSchema, requestChangesSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/** Send a submitted claim back to its author with a required comment (REVIEWER or ADMIN). */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  const input = await parseBody(request, requestChangesSchema);
  return Response.json(await requestClaimChanges(db(), user, id, input));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
