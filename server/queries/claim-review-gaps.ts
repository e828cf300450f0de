/**
 * What the approved claims' ClaimReview lacks for want of data, grouped where it is fixed: per
 * article (no source URL, no published date: the claims' appearance and datePublished), and the
 * claims without a claimant (itemReviewed.author). Read for the Claims page.
 */
import type { PrismaClient } from '../platform/db';

/** One thing to fix, the approved claims it affects, and where to fix it. */
export type ClaimReviewGap = {
  readonly kind: 'article-source-url' | 'article-published-date' | 'claimant';
  /** Approved claims whose ClaimReview lacks the field because of it. */
  readonly claims: number;
  /** The article (for article gaps) or the first claim (for claimants) to open. */
  readonly target: { readonly id: string; readonly title: string };
};

/** Most claims without a claimant named one by one; the rest are counted. */
const MAX_CLAIMANT_GAPS = 20;

/** The gaps, articles first (by title), then claims without a claimant (oldest first). */
export async function listClaimReviewGaps(prisma: PrismaClient): Promise<ClaimReviewGap[]> {
  const approved = { reviewState: 'APPROVED' } as const;
  const articles = await prisma.article.findMany({
    where: {
      OR: [{ sourceUrl: null }, { sourceUrl: '' }, { publishedAt: null }],
      annotations: { some: { claim: approved } },
    },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, sourceUrl: true, publishedAt: true },
  });
  const gaps: ClaimReviewGap[] = [];
  for (const article of articles) {
    const claims = await prisma.claim.count({
      where: { ...approved, annotations: { some: { articleId: article.id } } },
    });
    const target = { id: article.id, title: article.title };
    if (!article.sourceUrl) gaps.push({ kind: 'article-source-url', claims, target });
    if (!article.publishedAt) gaps.push({ kind: 'article-published-date', claims, target });
  }
  const noClaimant = { ...approved, OR: [{ claimant: null }, { claimant: '' }] };
  const unnamed = await prisma.claim.findMany({
    where: noClaimant,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: MAX_CLAIMANT_GAPS,
    select: { id: true, text: true },
  });
  for (const claim of unnamed) {
    gaps.push({ kind: 'claimant', claims: 1, target: { id: claim.id, title: claim.text } });
  }
  return gaps;
}
