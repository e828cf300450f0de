/**
 * Read model of the compare view: two articles' current texts, their comparison, the claims
 * on each, and "Compare with…" suggestions ranked over the library.
 */
import { compareTexts } from '@/lib/compare';
import { rankSimilar } from '@/lib/compare/similar';
import { toComparisonView, type ClaimSpan, type ComparisonView } from '@/lib/compare/view';
import type { Comparison } from '@/lib/compare/types';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';

export interface ComparedArticle {
  id: string;
  title: string;
  sourceName: string | null;
  revisionId: string;
  text: string;
}

export interface LoadedComparison {
  a: ComparedArticle;
  b: ComparedArticle;
  comparison: Comparison;
  view: ComparisonView;
  /** Only letters of the Latin script: the English rules (numbers, dates, verbs) apply. */
  english: boolean;
  /** The text of every claim shown, by id. */
  claimTexts: Record<string, string>;
}

async function loadArticle(prisma: PrismaClient, id: string): Promise<ComparedArticle> {
  const article = await prisma.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      sourceName: true,
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, text: true } },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw notFound('Article');
  return {
    id: article.id,
    title: article.title,
    sourceName: article.sourceName,
    revisionId: revision.id,
    text: revision.text,
  };
}

/** The spans of claims placed on an article's current revision. */
async function claimSpans(prisma: PrismaClient, article: ComparedArticle): Promise<ClaimSpan[]> {
  const rows = await prisma.annotation.findMany({
    where: {
      articleId: article.id,
      revisionId: article.revisionId,
      anchorState: { not: 'ORPHANED' },
    },
    select: { claimId: true, start: true, end: true, claim: { select: { text: true } } },
    orderBy: { start: 'asc' },
  });
  return rows.map((r) => ({ claimId: r.claimId, start: r.start, end: r.end, text: r.claim.text }));
}

/** Compares article `aId` with article `bId`; 404 when either is missing. */
export async function loadComparison(
  prisma: PrismaClient,
  aId: string,
  bId: string,
): Promise<LoadedComparison> {
  const [a, b] = await Promise.all([loadArticle(prisma, aId), loadArticle(prisma, bId)]);
  const english = isMostlyLatin(a.text) && isMostlyLatin(b.text);
  const comparison = compareTexts(a.text, b.text, { locale: english ? 'en' : 'und' });
  const [claimsA, claimsB] = await Promise.all([claimSpans(prisma, a), claimSpans(prisma, b)]);
  const view = toComparisonView(comparison, a.text, b.text, { a: claimsA, b: claimsB });
  const claimTexts = Object.fromEntries([...claimsA, ...claimsB].map((c) => [c.claimId, c.text]));
  return { a, b, comparison, view, english, claimTexts };
}

function isMostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 || latin / letters > 0.8;
}

export interface ArticleChoice {
  id: string;
  title: string;
  sourceName: string | null;
  score?: number;
}

/** Every article for the pickers (newest first), and the ones most similar to `aId` ranked. */
export async function listCompareChoices(prisma: PrismaClient, aId: string | undefined) {
  const articles = await prisma.article.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, sourceName: true },
    take: 500,
  });
  if (!aId || !articles.some((x) => x.id === aId))
    return { articles, suggestions: [] as ArticleChoice[] };
  // The ranking reads the current text of the most recent 200 articles.
  const texts = await prisma.articleRevision.findMany({
    where: {
      articleId: {
        in: articles
          .slice(0, 200)
          .map((x) => x.id)
          .concat(aId),
      },
    },
    orderBy: [{ articleId: 'asc' }, { number: 'desc' }],
    distinct: ['articleId'],
    select: { articleId: true, text: true },
  });
  const target = texts.find((t) => t.articleId === aId);
  if (!target) return { articles, suggestions: [] as ArticleChoice[] };
  const ranked = rankSimilar(
    { id: aId, text: target.text },
    texts.map((t) => ({ id: t.articleId, text: t.text })),
    8,
  );
  const byId = new Map(articles.map((x) => [x.id, x]));
  const suggestions = ranked.flatMap((r) => {
    const article = byId.get(r.id);
    return article ? [{ ...article, score: r.score }] : [];
  });
  return { articles, suggestions };
}
