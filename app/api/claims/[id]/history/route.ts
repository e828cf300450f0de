import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { getClaimHistory } from '@/server/queries/claim-history';
import { claimParamsSchema } from '@/server/review-schemas';
import { requireUser } from '@/server/platform/session';

/** Every change to the claim, its spans, evidence and review state, oldest first. */
export const GET = route(async (_request, { params }: { params: Promise<unknown> }) => {
  await requireUser();
  const { id } = await parseParams(params, claimParamsSchema);
  return Response.json({ history: await getClaimHistory(db(), id) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
