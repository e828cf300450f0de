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

/** A placed span as the workspace draws it (lib/api SpanSummaryDTO): no quote or context. */
const spanSummarySelect = {
  id: true,
  claimId: true,
  revisionId: true,
  start: true,
  end: true,
  anchorState: true,
  anchorScore: true,
} as const satisfies Prisma.AnnotationSelect;

/**
 * The article page's first data: like getArticleAnnotations, but each claim as the list shows
 * it and each placed span without its quote. With thousands of claims, their evidence and
 * appearances were most of the page's weight and of its query; the panel fetches one full
 * claim when it opens. The placed spans, the orphans (in full: they are matched against the
 * text) and the claims are read at once, in three queries, once the current revision is known.
 */
export async function getArticleWorkspace(prisma: PrismaClient, articleId: string) {
  const revision = await currentRevision(prisma, articleId);
  const placedHere = { revisionId: revision.id, anchorState: { not: 'ORPHANED' } } as const;
  const [annotations, orphaned, claims] = await Promise.all([
    prisma.annotation.findMany({
      where: { articleId, ...placedHere },
      orderBy: [{ start: 'asc' }, { end: 'desc' }],
      select: spanSummarySelect,
    }),
    prisma.annotation.findMany({
      where: { articleId, NOT: placedHere },
      orderBy: [{ start: 'asc' }, { end: 'desc' }],
      select: annotationSelect,
    }),
    prisma.claim.findMany({
      where: { annotations: { some: { articleId } } },
      select: claimSummarySelect,
    }),
  ]);
  return { revision, annotations, orphans: withCandidates(revision.text, orphaned), claims };
}

async function currentRevision(prisma: PrismaClient, articleId: string) {
  const revision = await prisma.articleRevision.findFirst({
    where: { articleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, text: true, sha256: true },
  });
  if (!revision) throw notFound('Article');
  return revision;
}

/** Orphaned spans with up to three ranked places on the current text where they may belong. */
function withCandidates<A extends Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>>(
  text: string,
  orphans: A[],
) {
  return orphans.map((a) => ({
    ...a,
    candidates: matchTextQuote(text, a, { hint: a.start, maxCandidates: 3, minScore: 0 }).map(
      (m) => ({ start: m.start, end: m.end, score: m.score, text: text.slice(m.start, m.end) }),
    ),
  }));
}

async function loadSpans(prisma: PrismaClient, articleId: string) {
  const revision = await currentRevision(prisma, articleId);
  const annotations = await prisma.annotation.findMany({
    where: { articleId },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    select: annotationSelect,
  });
  const claimIds = [...new Set(annotations.map((a) => a.claimId))];
  const placed = annotations.filter(
    (a) => a.anchorState !== 'ORPHANED' && a.revisionId === revision.id,
  );
  const orphans = withCandidates(
    revision.text,
    annotations.filter((a) => a.anchorState === 'ORPHANED' || a.revisionId !== revision.id),
  );
  return { revision, annotations: placed, orphans, claimIds };
}
