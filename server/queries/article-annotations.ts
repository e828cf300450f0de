/**
 * The article page's read model: the current revision, its placed spans in text order, the
 * orphaned spans with ranked candidate places on the current text, and their claims.
 */
import { matchTextQuote } from '@/lib/anchoring';
import { annotationSelect, claimInclude, toClaimView } from '../claims';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';

/**
 * Everything the article page needs: the current revision, its placed spans in text order,
 * the orphaned spans with ranked candidate places on the current text, and their claims.
 */
export async function getArticleAnnotations(prisma: PrismaClient, articleId: string) {
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
  const claims = await prisma.claim.findMany({
    where: { id: { in: claimIds } },
    include: claimInclude,
  });
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
  return { revision, annotations: placed, orphans, claims: claims.map(toClaimView) };
}
