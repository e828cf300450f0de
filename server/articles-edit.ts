/**
 * Correcting an article's details (title, byline, source, date): validated and audited. A new
 * source address, source name or date changes what the exports publish as where each claim
 * placed in the article was made, so it sends the approved ones back to review, and moves the
 * version of those in review on (a reviewer who loaded one before must look again), through
 * lib/review's `sourceChanged` event (which details count is lib/review's
 * `APPROVED_ARTICLE_FIELDS`).
 */
import {
  articleDetailsSchema,
  diffDetails,
  type ArticleDetailValues,
  type ArticleDetailsInput,
} from '@/lib/articles';
import type { ReviewState } from '@/lib/domain';
import { canAnnotate } from '@/lib/permissions';
import {
  ALLOWED_FROM,
  approvedSourceChanges,
  sourceChanged,
  type SourceChange,
} from '@/lib/review';
import { applyClaimEventIn, type Tx } from './claim-events';
import type { PrismaClient } from './platform/db';
import { forbidden, notFound } from './platform/errors';
import type { SessionUser } from './users';

const toDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The details as saved, and how many approved claims the change sent back to review. */
export interface ArticleDetailsSaved {
  article: ArticleDetailValues & { id: string };
  backToReview: number;
}

/**
 * Applies the changed fields and writes one `article.update` audit row with their before and
 * after values, and, when its source details changed, applies `sourceChanged` to every claim in
 * review or approved with a span in the article (one `claim.source_changed` event each: the
 * approved ones go back to review), all in one transaction
 * (the row is locked so two corrections do not interleave). Returns the details as saved and the
 * number of claims sent back; throws 404 for an unknown article, 403 for a role that cannot
 * annotate, 400 for invalid input.
 */
export async function updateArticleDetails(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  input: ArticleDetailsInput,
): Promise<ArticleDetailsSaved> {
  if (!canAnnotate(user.role)) throw forbidden('Your role cannot edit articles.');
  const update = articleDetailsSchema.parse(input);
  return prisma.$transaction(
    async (tx) => {
      // NO KEY UPDATE, the lock a text revision's UPDATE of the row takes: it serialises the
      // corrections and revisions of the article, and, taken before the claims' locks below,
      // it does not block the foreign-key checks of writers that already hold a claim.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Article" WHERE "id" = ${id} FOR NO KEY UPDATE`;
      if (locked.length === 0) throw notFound('Article');
      const row = await tx.article.findUniqueOrThrow({
        where: { id },
        select: {
          title: true,
          byline: true,
          sourceName: true,
          sourceUrl: true,
          publishedAt: true,
        },
      });
      const current: ArticleDetailValues = { ...row, publishedAt: toDay(row.publishedAt) };
      const change = diffDetails(current, update);
      if (!change) return { article: { id, ...current }, backToReview: 0 };
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
      const sourceChanges = approvedSourceChanges(change);
      const backToReview =
        sourceChanges.length > 0 ? await reportSourceChange(tx, user, id, sourceChanges) : 0;
      return { article: { id, ...current, ...change.after }, backToReview };
    },
    { timeout: 60_000 },
  );
}

/**
 * Applies `sourceChanged` to every claim of the article it applies to (in review or approved);
 * returns how many were approved (now back in review). Every claim with a span here is locked
 * first, in id order as the other multi-claim writers take them (a text revision, bulk
 * approval), whatever its state: an approval committing meanwhile is then either read below and
 * withdrawn, or made after this change on the version it makes (so by someone who saw it).
 */
async function reportSourceChange(
  tx: Tx,
  user: SessionUser,
  articleId: string,
  changes: readonly SourceChange[],
): Promise<number> {
  // FOR UPDATE returns each row as locked (a row changed since the statement began is read
  // again), so the states below are the current ones.
  const claims = await tx.$queryRaw<{ id: string; reviewState: ReviewState }[]>`
    SELECT id, "reviewState"::text AS "reviewState" FROM "Claim"
    WHERE id IN (SELECT "claimId" FROM "Annotation" WHERE "articleId" = ${articleId})
    ORDER BY id FOR UPDATE`;
  const affected = claims.filter((c) => ALLOWED_FROM.sourceChanged.includes(c.reviewState));
  for (const { id } of affected) {
    await applyClaimEventIn(tx, {
      claimId: id,
      actor: user,
      seenVersion: null,
      event: () => sourceChanged(user, articleId, changes),
    });
  }
  return affected.filter((c) => c.reviewState === 'APPROVED').length;
}
