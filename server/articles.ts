/** Article queries for the library and the article page. */
import { REVIEW_STATES, type ReviewState } from '@/lib/domain';
import { notFound } from './platform/errors';
import type { PrismaClient } from './platform/db';

export type ClaimCounts = Record<ReviewState, number> & { total: number };

export interface ArticleSummary {
  id: string;
  title: string;
  sourceName: string | null;
  sourceUrl: string | null;
  byline: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  claimCounts: ClaimCounts;
}

function emptyCounts(): ClaimCounts {
  return { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, total: 0 };
}

/** Every article, newest first, with the number of claims in each review state. */
export async function listArticles(prisma: PrismaClient): Promise<ArticleSummary[]> {
  const [articles, counts] = await Promise.all([
    prisma.article.findMany({
      orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      select: {
        id: true,
        title: true,
        sourceName: true,
        sourceUrl: true,
        byline: true,
        publishedAt: true,
        createdAt: true,
      },
    }),
    // A claim linked to several spans of one article counts once for that article.
    prisma.$queryRaw<{ articleId: string; reviewState: ReviewState; count: number }[]>`
      SELECT a."articleId", c."reviewState", COUNT(DISTINCT c.id)::int AS count
      FROM "Annotation" a JOIN "Claim" c ON c.id = a."claimId"
      GROUP BY a."articleId", c."reviewState"`,
  ]);
  const byArticle = new Map<string, ClaimCounts>();
  for (const row of counts) {
    const entry = byArticle.get(row.articleId) ?? emptyCounts();
    if ((REVIEW_STATES as readonly string[]).includes(row.reviewState)) {
      entry[row.reviewState] += row.count;
      entry.total += row.count;
    }
    byArticle.set(row.articleId, entry);
  }
  return articles.map((article) => ({
    ...article,
    claimCounts: byArticle.get(article.id) ?? emptyCounts(),
  }));
}

/** One article with its current (latest) revision; throws 404 when there is none. */
export async function getArticleOrThrow(prisma: PrismaClient, id: string) {
  const article = await prisma.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      sourceName: true,
      sourceUrl: true,
      byline: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { id: true, name: true } },
      revisions: {
        orderBy: { number: 'desc' },
        take: 1,
        select: { id: true, number: true, text: true, sha256: true, createdAt: true },
      },
      _count: { select: { revisions: true } },
    },
  });
  const current = article?.revisions[0];
  if (!article || !current) throw notFound('Article');
  const { revisions: _, _count, ...rest } = article;
  return { ...rest, revisionCount: _count.revisions, revision: current };
}
