/** Article queries for the article page (the library's list is server/queries/library.ts). */
import { notFound } from './platform/errors';
import type { PrismaClient } from './platform/db';

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
