/**
 * A claim's spans (annotations): link a passage, remove one, re-attach one. Each is an event of
 * lib/review (`linkSpan`, `removeSpan`, `reattachSpan`) applied by `applyClaimEvent`, so the
 * same rules hold whichever route or page does it: on an approved claim the change sends it
 * back to review with a note; a change that changes nothing is refused; whoever makes it may not
 * approve the claim until its next approval.
 *
 * To record another kind of span change (e.g. a confirmed re-anchoring), add its event to
 * lib/review and a function here that builds it and writes its row in `effects`.
 */
import { describeTextQuote } from '@/lib/anchoring';
import { randomUUID } from 'node:crypto';
import type { SpanInput } from '@/lib/claims';
import { linkSpan as linkEvent, reattachSpan, removeSpan } from '@/lib/review';
import { applyClaimEvent, applyClaimEventIn, type LockedClaim, type Tx } from './claim-events';
import { Prisma } from './generated/prisma/client';
import { annotationSelect, requireAnnotator } from './claims';
import type { PrismaClient } from './platform/db';
import { AppError, notFound } from './platform/errors';
import { currentRevision } from './revision-text';
import type { SessionUser } from './users';

/**
 * Checks that the span lies on the article's current revision and describes it with W3C
 * selectors. 404 for an unknown article, 409 when the revision is no longer current (the text
 * was edited meanwhile), 400 for a range outside the text.
 */
export async function describeSpan(db: Tx | PrismaClient, span: SpanInput) {
  const current = await currentRevision(db, span.articleId);
  if (!current) throw notFound('Article');
  if (current.id !== span.revisionId) throw textChanged(current.id);
  if (span.end > current.text.length) {
    throw new AppError('bad_request', 'The selection lies outside the article text.');
  }
  try {
    return describeTextQuote(current.text, { start: span.start, end: span.end });
  } catch (error) {
    throw new AppError('bad_request', `The selection cannot be used: ${(error as Error).message}`);
  }
}

/** A span as the article page shows it (`annotationSelect`'s fields). */
type SpanRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

/** 409: the passage was selected on a text that is no longer the article's current one. */
export function textChanged(currentRevisionId?: string) {
  return new AppError(
    'conflict',
    'The article text changed since you loaded it: reload and select again.',
    currentRevisionId ? { currentRevisionId } : undefined,
  );
}

/** Links another span to an existing claim; returns the claim (see `linkSpanReturningIt`). */
export async function linkSpan(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  span: SpanInput,
  options: { version?: number | null } = {},
) {
  return (await linkSpanReturningIt(prisma, user, claimId, span, options)).claim;
}

/**
 * Links another span (in this or another article) to an existing claim; returns the claim and
 * the new span. On an approved claim this sends it back to review. 409 `already_linked` when
 * the passage overlaps a span of this claim on that text. `version`, when given, must be the
 * claim's current one.
 */
export async function linkSpanReturningIt(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  span: SpanInput,
  { version = null }: { version?: number | null } = {},
) {
  requireAnnotator(user);
  let anchor: Awaited<ReturnType<typeof describeSpan>> | null = null;
  const event = async (claim: LockedClaim, db: Tx) => {
    anchor = await describeSpan(db, span);
    const existing = claim.anchors.find(
      (a) =>
        a.revisionId === span.revisionId &&
        a.state !== 'ORPHANED' &&
        a.start < span.end &&
        a.end > span.start,
    );
    if (existing) {
      throw new AppError(
        'already_linked',
        `This passage is already linked to the claim (“${existing.exact}”).`,
      );
    }
    return linkEvent(user, {
      articleId: span.articleId,
      revisionId: span.revisionId,
      start: anchor.start,
      end: anchor.end,
      exact: anchor.exact,
    });
  };
  const spanValues = () => {
    const a = anchor!;
    return Prisma.sql`${randomUUID()}, ${claimId}, ${span.articleId}, ${span.revisionId},
      ${a.start}, ${a.end}, ${a.exact}, ${a.prefix}, ${a.suffix}, ${user.id},
      clock_timestamp() AT TIME ZONE 'UTC', clock_timestamp() AT TIME ZONE 'UTC'`;
  };
  const spanReturning = Prisma.sql`RETURNING id, "claimId", "revisionId", start, "end", exact,
    prefix, suffix, "anchorState"::text AS "anchorState", "anchorScore", "submittedExact",
    "createdById", "articleId", "createdAt"`;
  // A link is one of the actions editors do all day (issue #10's speed bar): it is first tried
  // in one writing statement (server/claim-events.ts, `optimistic`). The article is locked
  // before the claim, as a text revision takes them, and the span is written only while the
  // passage's revision is still the article's current text.
  let written: SpanRow | undefined;
  const applied = await applyClaimEvent(prisma, {
    claimId,
    actor: user,
    seenVersion: version,
    view: true,
    lockArticle: span.articleId,
    event,
    optimistic: () => ({
      before: [
        Prisma.sql`placed AS (
          SELECT a."updatedAt" FROM "Article" a WHERE a.id = ${span.articleId} FOR SHARE)`,
      ],
      when: Prisma.sql`EXISTS (
          SELECT 1 FROM placed
          WHERE placed."updatedAt" = (SELECT "updatedAt" FROM "Article"
                                      WHERE id = ${span.articleId}))
        AND NOT EXISTS (
          SELECT 1 FROM "ArticleRevision" later
          JOIN "ArticleRevision" here ON here.id = ${span.revisionId}
          WHERE later."articleId" = here."articleId" AND later.number > here.number)`,
      after: [
        Prisma.sql`span AS (
          INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact,
                                    prefix, suffix, "createdById", "createdAt", "updatedAt")
          SELECT ${spanValues()} FROM claim
          ${spanReturning})`,
      ],
      moreSpans: Prisma.sql`SELECT id, "articleId", exact, "anchorState", "submittedExact",
                                   "createdAt" FROM span`,
      extra: Prisma.sql`(SELECT row_to_json(span) FROM span)`,
    }),
    effects: async (tx) => {
      [written] = await tx.$queryRaw<SpanRow[]>`
        INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact,
                                  prefix, suffix, "createdById", "createdAt", "updatedAt")
        VALUES (${spanValues()})
        ${spanReturning}`;
    },
  });
  written ??= applied.extra as SpanRow | undefined;
  // What the article page lists of a span (`annotationSelect`), from either way.
  const {
    articleId: _articleId,
    createdAt: _createdAt,
    ...annotation
  } = written! as SpanRow & {
    articleId: string;
    createdAt: string;
  };
  return { claim: applied.view!, annotation };
}

async function claimOfAnnotation(prisma: PrismaClient, id: string) {
  const annotation = await prisma.annotation.findUnique({
    where: { id },
    select: { claimId: true, articleId: true },
  });
  if (!annotation) throw notFound('Annotation');
  return annotation;
}

/** Removes one span from its claim (the claim stays): its creator, the claim's author or an admin. */
export async function deleteAnnotation(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  { version = null }: { version?: number | null } = {},
) {
  const { claimId } = await claimOfAnnotation(prisma, id);
  await applyClaimEvent(prisma, {
    claimId,
    actor: user,
    seenVersion: version,
    event: () => removeSpan(user, id),
    effects: async (tx) => {
      await tx.annotation.delete({ where: { id } });
    },
  });
}

/**
 * Re-attaches a span (e.g. an orphan) to a place on the article's current revision that the
 * user chose: a ranked candidate or a new selection. Re-attaching to where it already is is
 * refused (400, nothing would change).
 */
export async function reattachAnnotation(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  span: SpanInput,
  { version = null }: { version?: number | null } = {},
) {
  requireAnnotator(user);
  const { claimId, articleId } = await claimOfAnnotation(prisma, id);
  if (articleId !== span.articleId) {
    throw new AppError('bad_request', 'A span stays in its article.');
  }
  return prisma.$transaction(async (tx) => {
    let anchor: Awaited<ReturnType<typeof describeSpan>> | null = null;
    await applyClaimEventIn(tx, {
      claimId,
      actor: user,
      seenVersion: version,
      lockArticle: span.articleId,
      event: async () => {
        anchor = await describeSpan(tx, span);
        return reattachSpan(user, id, {
          articleId: span.articleId,
          revisionId: span.revisionId,
          start: anchor.start,
          end: anchor.end,
          exact: anchor.exact,
        });
      },
      effects: async (tx2) => {
        await tx2.annotation.update({
          where: { id },
          data: {
            revisionId: span.revisionId,
            ...anchor!,
            anchorState: 'EXACT',
            anchorScore: null,
          },
        });
      },
    });
    return tx.annotation.findUniqueOrThrow({ where: { id } });
  });
}
