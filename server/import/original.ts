/** The raw input an article was created from, for the "View original" page. */
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';

/** The article's id, title and raw input (null when none was kept); 404 when there is none. */
export async function getArticleOriginalOrThrow(prisma: PrismaClient, id: string) {
  const article = await prisma.article.findUnique({
    where: { id },
    select: { id: true, title: true, rawInput: true, sourceUrl: true, createdAt: true },
  });
  if (!article) throw notFound('Article');
  return article;
}
