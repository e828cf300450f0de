/**
 * Everything the claim page shows: the claim's review card (spans in context, evidence, what
 * the viewer may do), the approval it holds (and whether it still holds), the discussion and
 * the history.
 */
import { isApprovalStillValid } from '@/lib/review';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';
import { getDiscussion } from '../review';
import type { SessionUser } from '../users';
import { getClaimHistory } from './claim-history';
import { getReviewCard } from './review-queue';

/** The claim page's data; throws 404 for an unknown claim. */
export async function getClaimReviewPage(prisma: PrismaClient, viewer: SessionUser, id: string) {
  const card = await getReviewCard(prisma, viewer, id);
  if (!card) throw notFound('Claim');
  const [discussion, history] = await Promise.all([
    getDiscussion(prisma, id),
    getClaimHistory(prisma, id),
  ]);
  const approval =
    card.reviewState === 'APPROVED'
      ? ([...discussion.decisions].reverse().find((d) => d.decision === 'APPROVE') ?? null)
      : null;
  const approvalHolds =
    approval !== null &&
    isApprovalStillValid(
      {
        text: card.text,
        claimant: card.claimant,
        reviewState: card.reviewState,
        verdict: card.verdict,
        rationale: card.rationale,
        evidence: card.evidence,
        anchors: card.appearances.map((a) => ({
          articleId: a.articleId,
          revisionId: '',
          start: a.start,
          end: a.end,
          exact: a.exact,
        })),
      },
      approval.snapshotHash,
    );
  return { card, approval, approvalHolds, ...discussion, history };
}

export type ClaimReviewPage = Awaited<ReturnType<typeof getClaimReviewPage>>;
