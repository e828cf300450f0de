/** Correcting an article's details (title, byline, source, date): validated and audited. */
import {
  articleDetailsSchema,
  diffDetails,
  type ArticleDetailValues,
  type ArticleDetailsInput,
} from '@/lib/articles';
import { canAnnotate } from '@/lib/permissions';
import type { PrismaClient } from './platform/db';
import { forbidden, notFound } from './platform/errors';
import type { SessionUser } from './users';

const toDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * Applies the changed fields and writes one `article.update` audit row with their before and
 * after values, in one transaction (the row is locked so two corrections do not interleave).
 * Returns the details as saved; throws 404 for an unknown article, 403 for a role that cannot
 * annotate, 400 for invalid input.
 */
export async function updateArticleDetails(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  input: ArticleDetailsInput,
): Promise<ArticleDetailValues & { id: string }> {
  if (!canAnnotate(user.role)) throw forbidden('Your role cannot edit articles.');
  const update = articleDetailsSchema.parse(input);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Article" WHERE "id" = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound('Article');
    const row = await tx.article.findUniqueOrThrow({
      where: { id },
      select: { title: true, byline: true, sourceName: true, sourceUrl: true, publishedAt: true },
    });
    const current: ArticleDetailValues = { ...row, publishedAt: toDay(row.publishedAt) };
    const change = diffDetails(current, update);
    if (!change) return { id, ...current };
    const { publishedAt, ...rest } = change.after;
    await tx.article.update({
      where: { id },
      data: {
        ...rest,
        ...(publishedAt !== undefined && {
          publishedAt: publishedAt ? new Date(`${publishedAt}T00:00:00Z`) : null,
        }),
      },
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'article.update',
        entityType: 'Article',
        entityId: id,
        before: change.before,
        after: change.after,
      },
    });
    return { id, ...current, ...change.after };
  });
}
