import { proposalActionSchema, proposalParamsSchema } from '@/lib/evidence/schemas';
import { acceptProposal, dismissProposal } from '@/server/evidence/article-watch';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';

type Ctx = { params: Promise<unknown> };

/**
 * Decides a revision proposal from the article's source: `{action: "accept", baseRevisionId}`
 * makes its text the next revision (201 with the re-anchoring summary; 409 when the article
 * changed since `baseRevisionId` or the proposal is no longer open); `{action: "dismiss"}`
 * keeps the article as it is (204).
 */
export const POST = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id, proposalId } = await parseParams(params, proposalParamsSchema);
  const input = await parseBody(request, proposalActionSchema);
  if (input.action === 'dismiss') {
    await dismissProposal(db(), user, id, proposalId);
    return new Response(null, { status: 204 });
  }
  const revised = await acceptProposal(db(), user, id, proposalId, input.baseRevisionId);
  return Response.json(revised, { status: 201 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
