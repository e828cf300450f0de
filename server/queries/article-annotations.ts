/**
 * The article page's read model: the current revision, its placed spans in text order, the
 * orphaned spans with ranked candidate places on the current text, and their claims.
 */
import { matchTextQuote } from '@/lib/anchoring';
import { annotationSelect, claimInclude, toClaimView } from '../claims';
import type { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';

/**
 * Everything the article page needs: the current revision, its placed spans in text order,
 * the orphaned spans with ranked candidate places on the current text, and their claims.
 */
export async function getArticleAnnotations(prisma: PrismaClient, articleId: string) {
  const { claimIds, ...spans } = await loadSpans(prisma, articleId);
  const claims = await prisma.claim.findMany({
    where: { id: { in: claimIds } },
    include: claimInclude,
  });
  return { ...spans, claims: claims.map(toClaimView) };
}

/** What the article's list, cards and picker show of a claim (lib/api ClaimSummaryDTO). */
const claimSummarySelect = {
  id: true,
  text: true,
  claimant: true,
  verdict: true,
  reviewState: true,
  version: true,
  authorId: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.ClaimSelect;

/**
 * The article page's first data: like getArticleAnnotations, but each claim as the list shows
 * it. With thousands of claims, their evidence and appearances were most of the page's weight
 * and of its query; the panel fetches one full claim when it opens.
 */
export async function getArticleWorkspace(prisma: PrismaClient, articleId: string) {
  const { claimIds, annotations, ...rest } = await loadSpans(prisma, articleId);
  const claims = await prisma.claim.findMany({
    where: { id: { in: claimIds } },
    select: claimSummarySelect,
  });
  // Placed spans as the view draws them: their quote and context are not needed there.
  const spans = annotations.map(
    ({ id, claimId, revisionId, start, end, anchorState, anchorScore }) => ({
      id,
      claimId,
      revisionId,
      start,
      end,
      anchorState,
      anchorScore,
    }),
  );
  return { ...rest, annotations: spans, claims };
}

async function loadSpans(prisma: PrismaClient, articleId: string) {
  const revision = await prisma.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, text: true, sha256: true },
  });
  if (!revision) throw notFound('Article');
  const annotations = await prisma.annotation.findMany({
    where: { articleId },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    select: annotationSelect,
  });
  const claimIds = [...new Set(annotations.map((a) => a.claimId))];
  const placed = annotations.filter(
    (a) => a.anchorState !== 'ORPHANED' && a.revisionId === revision.id,
  );
  const orphans = annotations
    .filter((a) => a.anchorState === 'ORPHANED' || a.revisionId !== revision.id)
    .map((a) => ({
      ...a,
      candidates: matchTextQuote(revision.text, a, {
        hint: a.start,
        maxCandidates: 3,
        minScore: 0,
      }).map((m) => ({
        start: m.start,
        end: m.end,
        score: m.score,
        text: revision.text.slice(m.start, m.end),
      })),
    }));
  return { revision, annotations: placed, orphans, claimIds };
}
