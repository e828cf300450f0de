/**
 * Claims: create, read, edit, delete. Every change after creation is an event of lib/review
 * applied by `applyClaimEvent` (server/claim-events.ts): row lock, version check, the pure
 * transition, then the claim, its audit event (and evidence rows) in one transaction.
 */
import { newClaimSchema, type ClaimUpdate, type EvidenceInput, type NewClaim } from '@/lib/claims';
import { canAnnotate } from '@/lib/permissions';
import { deleteClaim as deleteEvent, edit, type TransitionSuccess } from '@/lib/review';
import { likeEscaped } from '@/lib/search/like';
import { randomUUID } from 'node:crypto';
import { Prisma } from './generated/prisma/client';
import { applyClaimEvent } from './claim-events';
import { anchorEvidence, type EvidenceAnchorData } from './evidence/link';
import type { PrismaClient } from './platform/db';
import { AppError, forbidden, notFound } from './platform/errors';
import { describeSpan, textChanged } from './spans';
import { claimInclude, toClaimView, type ClaimRow } from './claim-view';

export { claimInclude, toClaimView, type ClaimView } from './claim-view';
import type { SessionUser } from './users';

/** A span as the article page and the create/link responses show it. */
export const annotationSelect = {
  id: true,
  claimId: true,
  revisionId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  anchorState: true,
  anchorScore: true,
  submittedExact: true,
  createdById: true,
} as const satisfies Prisma.AnnotationSelect;

export function requireAnnotator(user: SessionUser) {
  if (!canAnnotate(user.role)) throw forbidden('Your role cannot annotate.');
}

/** Evidence rows to write; `anchors` (same order) link a quote to its stored copy (issue #15). */
export function evidenceData(
  evidence: EvidenceInput[],
  userId: string,
  anchors: readonly EvidenceAnchorData[] = [],
) {
  return evidence.map((e, index) => ({
    url: e.url,
    title: e.title,
    quote: e.quote,
    accessedAt: e.accessedAt ? new Date(e.accessedAt) : null,
    createdById: userId,
    ...anchors[index],
  }));
}

/** Creates a claim with its first span. */
export async function createClaim(prisma: PrismaClient, user: SessionUser, raw: NewClaim) {
  return (await createClaimOnSpan(prisma, user, raw)).claim;
}

/**
 * Creates a claim with its first span (version 1: its first accepted change); returns both (the
 * editor draws the span as saved). The author is the first in `changedBy`.
 */
export async function createClaimOnSpan(prisma: PrismaClient, user: SessionUser, raw: NewClaim) {
  requireAnnotator(user);
  const input = newClaimSchema.parse(raw);
  const anchor = await describeSpan(prisma, input.span);
  const { evidence, ...fields } = input.claim;
  const evidenceAnchors = await anchorEvidence(prisma, evidence);
  const id = randomUUID();
  const annotationId = randomUUID();
  const evidenceRows = evidenceData(evidence, user.id, evidenceAnchors).map((row, order) => ({
    id: randomUUID(),
    order,
    ...row,
  }));
  const audit = {
    ...fields,
    evidence,
    annotation: { articleId: input.span.articleId, ...anchor },
    version: 1,
  };
  // One statement (claim, span, evidence and audit row), so one round trip and no transaction
  // to open and commit while many editors save at once. The evidence keeps the order it was
  // given (a millisecond apart: the claim view sorts it by creation time).
  //
  // The span must land on the current text even when a revision commits meanwhile: `placed`
  // takes a SHARE lock on the article (a revision updates that row first, so this waits for a
  // revision in progress and then reads the row it wrote). Nothing is written unless the
  // locked row is the one this statement's snapshot sees (no revision committed since it
  // began) and no later revision exists.
  const rows = await prisma.$queryRaw<CreatedRow[]>`
    WITH placed AS (
      SELECT a."updatedAt" FROM "Article" a WHERE a.id = ${input.span.articleId} FOR SHARE),
    claim AS (
      INSERT INTO "Claim" (id, text, claimant, verdict, rationale, "authorId", "changedBy",
                           "createdAt", "updatedAt")
      SELECT ${id}, ${fields.text}, ${fields.claimant ?? null}, ${fields.verdict}::"Verdict",
             ${fields.rationale}, ${user.id}, ARRAY[${user.id}]::text[],
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM placed
      WHERE placed."updatedAt" = (SELECT "updatedAt" FROM "Article"
                                  WHERE id = ${input.span.articleId})
        AND NOT EXISTS (
          SELECT 1 FROM "ArticleRevision" later
          JOIN "ArticleRevision" here ON here.id = ${input.span.revisionId}
          WHERE later."articleId" = here."articleId" AND later.number > here.number)
      RETURNING *),
    span AS (
      INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact,
                                prefix, suffix, "createdById", "createdAt", "updatedAt")
      SELECT ${annotationId}, claim.id, ${input.span.articleId}, ${input.span.revisionId},
             ${anchor.start}, ${anchor.end}, ${anchor.exact}, ${anchor.prefix}, ${anchor.suffix},
             ${user.id}, claim."createdAt", claim."createdAt"
      FROM claim
      RETURNING id, "articleId", "revisionId", start, "end", exact,
                "anchorState"::text AS "anchorState", "submittedExact"),
    evidence AS (
      INSERT INTO "Evidence" (id, "claimId", url, title, quote, "accessedAt", "createdById",
                              "createdAt", "captureId", "quoteStart", "quoteEnd", "quotePrefix",
                              "quoteSuffix", "quoteAnchor")
      SELECT e.id, claim.id, e.url, e.title, e.quote, e."accessedAt", e."createdById",
             claim."createdAt" + e."order" * interval '1 millisecond', e."captureId",
             e."quoteStart", e."quoteEnd", e."quotePrefix", e."quoteSuffix", e."quoteAnchor"
      FROM claim,
           json_to_recordset(${JSON.stringify(evidenceRows)}::json) AS e(
             id text, "order" int, url text, title text, quote text,
             "accessedAt" timestamp(3), "createdById" text, "captureId" text,
             "quoteStart" int, "quoteEnd" int, "quotePrefix" text, "quoteSuffix" text,
             "quoteAnchor" "QuoteAnchor")
      RETURNING id, url, title, quote, "accessedAt", "captureId", "quoteStart", "quoteEnd",
                "quoteAnchor"::text AS "quoteAnchor", "createdAt"),
    audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", after,
                                "createdAt")
      SELECT ${randomUUID()}, ${user.id}, 'claim.create', 'Claim', claim.id,
             ${JSON.stringify(audit)}::jsonb, claim."createdAt"
      FROM claim)
    SELECT claim.id, claim.text, claim.claimant, claim.verdict::text AS verdict,
           claim.rationale, claim."reviewState"::text AS "reviewState", claim."authorId",
           claim."lastEditedById", claim.version, claim."createdAt", claim."updatedAt",
           claim."changedBy",
           (SELECT row_to_json(span) FROM span) AS span,
           (SELECT title FROM "Article" WHERE id = ${input.span.articleId}) AS "articleTitle",
           (SELECT coalesce(json_agg(evidence ORDER BY evidence."createdAt"), '[]')
            FROM evidence) AS evidence
    FROM claim`;
  if (!rows[0]) throw textChanged();
  const { span, articleTitle, evidence: evidenceOut, ...claimRow } = rows[0];
  const claim: ClaimRow = {
    ...claimRow,
    author: { id: user.id, name: user.name },
    lastEditedBy: null,
    evidence: evidenceOut.map(({ createdAt: _createdAt, ...row }) => ({
      ...row,
      accessedAt: row.accessedAt === null ? null : new Date(`${row.accessedAt}Z`),
    })),
    annotations: [{ ...span, article: { title: articleTitle } }],
  };
  const annotation = {
    id: span.id,
    claimId: id,
    revisionId: span.revisionId,
    start: span.start,
    end: span.end,
    exact: span.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    anchorState: span.anchorState,
    anchorScore: null,
    // As the article's annotation list shows it: nothing was submitted yet.
    submittedExact: null,
    createdById: user.id,
  };
  return { claim: toClaimView(claim), annotation };
}

/** What the create statement returns: the claim row with its span and evidence as JSON. */
type CreatedRow = Omit<ClaimRow, 'author' | 'lastEditedBy' | 'evidence' | 'annotations'> & {
  span: Omit<ClaimRow['annotations'][number], 'article'>;
  articleTitle: string;
  evidence: (Omit<ClaimRow['evidence'][number], 'accessedAt'> & {
    accessedAt: string | null;
    createdAt: string;
  })[];
};

export async function getClaimOrThrow(prisma: PrismaClient, id: string) {
  const claim = await prisma.claim.findUnique({ where: { id }, include: claimInclude });
  if (!claim) throw notFound('Claim');
  return toClaimView(claim);
}

/**
 * Claims whose text or claimant contains `query` (case-insensitive, `%`, `_` and `\` taken
 * literally), newest first.
 */
export async function searchClaims(prisma: PrismaClient, query: string, limit = 20) {
  // Prisma's `contains` puts the value in a LIKE pattern as it is: escaped, it is matched
  // literally (PostgreSQL's LIKE escapes with `\` by default).
  const contains = likeEscaped(query);
  const claims = await prisma.claim.findMany({
    where: query
      ? {
          OR: [
            { text: { contains, mode: 'insensitive' } },
            { claimant: { contains, mode: 'insensitive' } },
          ],
        }
      : {},
    orderBy: { updatedAt: 'desc' },
    take: limit,
    include: claimInclude,
  });
  return claims.map(toClaimView);
}

/**
 * Writes a claim's evidence rows in the order given (a millisecond apart: the claim view sorts
 * evidence by creation time): an INSERT of every row of `rows`, selecting FROM `from` too (the
 * optimistic write's `claim`, so nothing is written without the claim row).
 */
function insertEvidence(
  claimId: string,
  rows: ReturnType<typeof evidenceData>,
  from: Prisma.Sql = Prisma.empty,
) {
  const data = rows.map((row, order) => ({ id: randomUUID(), order, ...row }));
  return Prisma.sql`
    INSERT INTO "Evidence" (id, "claimId", url, title, quote, "accessedAt", "createdById",
                            "createdAt", "captureId", "quoteStart", "quoteEnd", "quotePrefix",
                            "quoteSuffix", "quoteAnchor")
    SELECT e.id, ${claimId}, e.url, e.title, e.quote, e."accessedAt", e."createdById",
           (now() AT TIME ZONE 'UTC') + e."order" * interval '1 millisecond', e."captureId",
           e."quoteStart", e."quoteEnd", e."quotePrefix", e."quoteSuffix", e."quoteAnchor"
    FROM json_to_recordset(${JSON.stringify(data)}::json) AS e(
           id text, "order" int, url text, title text, quote text, "accessedAt" timestamp(3),
           "createdById" text, "captureId" text, "quoteStart" int, "quoteEnd" int,
           "quotePrefix" text, "quoteSuffix" text, "quoteAnchor" "QuoteAnchor") ${from}`;
}

/**
 * Edits a claim's fields (an `edit` event). The caller names the version it read; when someone
 * saved in between, answers 409 with the current claim so the UI can show both versions. An
 * edit that changes nothing is refused (400, `changes`); an approved claim is locked (403).
 */
export async function updateClaim(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  update: ClaimUpdate,
) {
  const { version, evidence, ...fields } = update;
  const evidenceAnchors = evidence ? await anchorEvidence(prisma, evidence) : [];
  const rows = evidence ? evidenceData(evidence, user.id, evidenceAnchors) : [];
  const replacesEvidence = (result: TransitionSuccess) =>
    evidence !== undefined && result.audit.after?.evidence !== undefined;
  try {
    const { view } = await applyClaimEvent(prisma, {
      claimId: id,
      actor: user,
      seenVersion: version,
      view: true,
      event: () =>
        edit(user, {
          ...fields,
          ...(evidence
            ? { evidence: evidence.map(({ url, title, quote }) => ({ url, title, quote })) }
            : {}),
        }),
      // Editors save all day (issue #10's speed bar): one writing statement when nothing
      // changed meanwhile, the evidence replaced in it (server/claim-events.ts, `optimistic`).
      optimistic: (result) =>
        replacesEvidence(result)
          ? {
              after: [
                Prisma.sql`gone AS (
                  DELETE FROM "Evidence" WHERE "claimId" = ${id} AND EXISTS (SELECT 1 FROM claim))`,
                Prisma.sql`evidence AS (${insertEvidence(id, rows, Prisma.sql`, claim`)} RETURNING *)`,
              ],
              evidence: Prisma.sql`SELECT * FROM evidence`,
            }
          : {},
      effects: async (tx, result) => {
        if (!replacesEvidence(result)) return;
        await tx.$executeRaw`
          WITH gone AS (DELETE FROM "Evidence" WHERE "claimId" = ${id}) ${insertEvidence(id, rows)}`;
      },
    });
    return view!;
  } catch (error) {
    // The editor shows both versions side by side: give it the claim as it is now.
    if (error instanceof AppError && error.code === 'conflict' && error.details?.currentVersion) {
      const current = await prisma.claim.findUnique({ where: { id }, include: claimInclude });
      throw new AppError('conflict', 'Someone else saved this claim after you opened it.', {
        ...error.details,
        ...(current ? { current: toClaimView(current) } : {}),
      });
    }
    throw error;
  }
}

/**
 * Deletes a claim and all its spans (a `delete` event): the author or an admin; an approved
 * claim only an admin, with a reason. `version`, when given, must be the current one. The
 * audit keeps its last content.
 */
export async function deleteClaim(
  prisma: PrismaClient,
  user: SessionUser,
  id: string,
  { version = null, reason = null }: { version?: number | null; reason?: string | null } = {},
) {
  await applyClaimEvent(prisma, {
    claimId: id,
    actor: user,
    seenVersion: version,
    event: () => deleteEvent(user, reason),
  });
}
