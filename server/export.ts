/**
 * Reads what the exports need from the database and maps it onto the plain shapes of
 * `lib/export` (issue #6). Per-article exports load one article; claim lists are read in
 * keyset-paginated batches so a long list streams without being held in memory.
 */
import type { ReviewState, Verdict } from '@/lib/domain';
import type {
  AnnotatedArticle,
  ExportAnnotation,
  ExportAppearance,
  ExportClaim,
  ExportConfig,
  ExportPerson,
} from '@/lib/export';
import { isApprovalStillValid } from '@/lib/review/approval-snapshot';
import { likeEscaped } from '@/lib/search/like';
import pg from 'pg';
import type { Prisma } from './generated/prisma/client';
import { pgPool, type PrismaClient } from './platform/db';
import { prismaTypes } from './platform/pg-types';
import { notFound } from './platform/errors';
import {
  exportEvidenceSelect,
  readCaptureTexts,
  toExportEvidence,
  toExportEvidenceRow,
  type CaptureTexts,
  type ExportEvidenceRow,
} from './evidence/export';
import { evidenceSettings } from './evidence/settings';

/** Claims read per database round trip when streaming a list. */
export const CLAIM_BATCH_SIZE = 1000;

const DEFAULT_ORG_NAME = 'Factmark newsroom';

/** The publisher named in exports: env FACTMARK_ORG_NAME / FACTMARK_ORG_URL, else defaults. */
export function exportConfig(request: Request): ExportConfig {
  const origin = new URL(request.url).origin;
  return {
    organisation: {
      name: process.env.FACTMARK_ORG_NAME?.trim() || DEFAULT_ORG_NAME,
      url: process.env.FACTMARK_ORG_URL?.trim() || origin,
    },
    appBaseUrl: origin,
  };
}

const exportClaimSelect = {
  id: true,
  text: true,
  claimant: true,
  verdict: true,
  rationale: true,
  reviewState: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  evidence: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: exportEvidenceSelect,
  },
  annotations: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      exact: true,
      article: {
        select: { id: true, title: true, sourceUrl: true, sourceName: true, publishedAt: true },
      },
    },
  },
  // The reviewer and date of approval: the latest APPROVE decision.
  reviewDecisions: {
    where: { decision: 'APPROVE' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1,
    select: {
      createdAt: true,
      snapshotHash: true,
      reviewer: { select: { id: true, name: true } },
    },
  },
} as const satisfies Prisma.ClaimSelect;

type ExportClaimRow = Prisma.ClaimGetPayload<{ select: typeof exportClaimSelect }>;

/** A claim as read, before the approval rule: its latest approval, if any, still to be checked. */
type ClaimParts = Omit<ExportClaim, 'reviewer' | 'approvedAt'> & {
  readonly approval: {
    readonly createdAt: Date;
    readonly snapshotHash: string | null;
    readonly reviewer: ExportPerson;
  } | null;
};

/**
 * A claim is published as approved only while it still matches what its approval recorded
 * (issue #10): otherwise it is exported as under review, without reviewer or approval date.
 */
function toExportClaim(claim: ClaimParts): ExportClaim {
  const latest = claim.approval;
  // Only what the snapshot reads is passed: an export checks thousands of claims.
  const holds = isApprovalStillValid(
    {
      text: claim.text,
      claimant: claim.claimant,
      verdict: claim.verdict,
      rationale: claim.rationale,
      reviewState: claim.reviewState,
      evidence: claim.evidence,
      anchors: claim.appearances.map((a) => ({
        articleId: a.articleId,
        revisionId: '',
        start: 0,
        end: 0,
        exact: a.quote,
      })),
    },
    latest?.snapshotHash ?? null,
  );
  const approval = holds ? latest : null;
  return {
    id: claim.id,
    text: claim.text,
    claimant: claim.claimant,
    verdict: claim.verdict,
    rationale: claim.rationale,
    reviewState: claim.reviewState === 'APPROVED' && !holds ? 'SUBMITTED' : claim.reviewState,
    author: claim.author,
    reviewer: approval ? approval.reviewer : null,
    approvedAt: approval ? approval.createdAt : null,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    evidence: claim.evidence,
    appearances: claim.appearances,
  };
}

/**
 * An article's current revision with all its annotations and their claims. Annotations made on
 * an older revision are passed as ORPHANED, since their offsets point into another text.
 * Throws 404 when the article does not exist.
 */
export async function getAnnotatedArticle(
  prisma: PrismaClient,
  articleId: string,
): Promise<AnnotatedArticle> {
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      sourceName: true,
      sourceUrl: true,
      byline: true,
      publishedAt: true,
      revisions: {
        orderBy: { number: 'desc' },
        take: 1,
        select: { id: true, number: true, text: true, sha256: true, createdAt: true },
      },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) throw notFound('Article');
  const rows = await prisma.annotation.findMany({
    where: { articleId },
    orderBy: [{ start: 'asc' }, { end: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      claimId: true,
      revisionId: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      anchorState: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  const annotations: ExportAnnotation[] = rows.map(({ revisionId, createdBy, ...a }) => ({
    ...a,
    anchorState: revisionId === revision.id ? a.anchorState : 'ORPHANED',
    creator: createdBy,
  }));
  const claimIds = [...new Set(rows.map((a) => a.claimId))];
  const claims =
    claimIds.length === 0
      ? []
      : await prisma.claim.findMany({
          where: { id: { in: claimIds } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: exportClaimSelect,
        });
  const { revisions: _revisions, ...rest } = article;
  return {
    article: { ...rest, revision },
    annotations,
    claims: await withEvidence(claims),
  };
}

/** The claims with their evidence's captures and quote selectors (issue #15). */
async function withEvidence(rows: readonly ExportClaimRow[]): Promise<ExportClaim[]> {
  const dir = evidenceSettings().dir;
  const texts: CaptureTexts = new Map();
  return Promise.all(
    rows.map(async ({ reviewDecisions, annotations, ...row }) =>
      toExportClaim({
        ...row,
        approval: reviewDecisions[0] ?? null,
        evidence: await toExportEvidence(row.evidence, dir, texts),
        appearances: annotations.map((a) => ({
          articleId: a.article.id,
          articleTitle: a.article.title,
          sourceUrl: a.article.sourceUrl,
          sourceName: a.article.sourceName,
          publishedAt: a.article.publishedAt,
          quote: a.exact,
        })),
      }),
    ),
  );
}

/** Filters of the claims list export. `state: 'ALL'` includes every review state. */
export type ClaimListFilters = {
  readonly state: ReviewState | 'ALL';
  readonly verdict?: Verdict;
  /** Claims with a span in this article. */
  readonly article?: string;
  /** Claims written by this user. */
  readonly author?: string;
  /** Claims approved (at some point) by this user. */
  readonly reviewer?: string;
  /** Claims created at or after this instant. */
  readonly from?: Date;
  /** Claims created before this instant (exclusive). */
  readonly to?: Date;
  /** Text or claimant contains this (case-insensitive). */
  readonly q?: string;
};

/** A timestamp parameter as `timestamp(3)` text in UTC (how Prisma's DateTime columns store it). */
const sqlTimestamp = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * The claims list's filters (export and Claims page) as SQL conditions on "Claim" c, their
 * values appended to `values`. `q` matches text or claimant case-insensitively, its `%`, `_`
 * and `\` taken literally.
 */
function claimListConditions(filters: ClaimListFilters, values: unknown[]): string[] {
  const param = (value: unknown) => `$${values.push(value)}`;
  const and: string[] = [];
  if (filters.state !== 'ALL') and.push(`c."reviewState" = ${param(filters.state)}::"ReviewState"`);
  if (filters.verdict) and.push(`c."verdict" = ${param(filters.verdict)}::"Verdict"`);
  if (filters.article) {
    and.push(`EXISTS (SELECT 1 FROM "Annotation" a
      WHERE a."claimId" = c."id" AND a."articleId" = ${param(filters.article)})`);
  }
  if (filters.author) and.push(`c."authorId" = ${param(filters.author)}`);
  if (filters.reviewer) {
    and.push(`EXISTS (SELECT 1 FROM "ReviewDecision" r WHERE r."claimId" = c."id"
      AND r."decision" = 'APPROVE' AND r."reviewerId" = ${param(filters.reviewer)})`);
  }
  if (filters.from) and.push(`c."createdAt" >= ${param(sqlTimestamp(filters.from))}::timestamp`);
  if (filters.to) and.push(`c."createdAt" < ${param(sqlTimestamp(filters.to))}::timestamp`);
  if (filters.q) {
    const pattern = param(`%${likeEscaped(filters.q)}%`);
    and.push(`(c."text" ILIKE ${pattern} OR c."claimant" ILIKE ${pattern})`);
  }
  return and;
}

/**
 * The export's three flat queries per batch (claims with author and latest approval; evidence
 * with its capture; spans with their article), read straight through the pg pool in array rows:
 * for 10,000 claims Prisma's raw-query row mapping cost more CPU than PostgreSQL's work (issue
 * #13: 10,000 claims in ≤ 500 ms). The columns are listed in the order the tuples below name.
 */
/**
 * One batch of the claims list: the filtered keyset page first (`where` and `limit` filled in
 * per batch), then each claim's latest approval, so the approval is looked up for the page's
 * claims only, never for every claim the filter matches.
 */
const claimsPageSql = (where: string, limit: string) => `
  SELECT c."id", c."text", c."claimant", c."verdict", c."rationale", c."reviewState",
    c."createdAt", c."updatedAt", c."authorId",
    d."createdAt", d."snapshotHash", d."reviewerId"
  FROM (
    SELECT c.* FROM "Claim" c ${where} ORDER BY c."createdAt", c."id" LIMIT ${limit}
  ) c
  LEFT JOIN LATERAL (
    SELECT d."createdAt", d."snapshotHash", d."reviewerId" FROM "ReviewDecision" d
    WHERE d."claimId" = c."id" AND d."decision" = 'APPROVE'
    ORDER BY d."createdAt" DESC, d."id" DESC LIMIT 1
  ) d ON true
  ORDER BY c."createdAt", c."id"`;
type ClaimTuple = [
  id: string,
  text: string,
  claimant: string | null,
  verdict: ExportClaim['verdict'],
  rationale: string,
  reviewState: ExportClaim['reviewState'],
  createdAt: Date,
  updatedAt: Date,
  authorId: string,
  approvedAt: Date | null,
  snapshotHash: string | null,
  reviewerId: string | null,
];

/**
 * Authors' and reviewers' names, read once per export for the few people a list names: joining
 * the user table per claim doubled the claims query's time in PostgreSQL.
 */
const NAMES_SQL = `SELECT u."id", u."name" FROM "User" u WHERE u."id" = ANY($1::text[])`;
type NameTuple = [id: string, name: string];

const EVIDENCE_SQL = `
  SELECT e."claimId", e."id", e."url", e."title", e."quote", e."accessedAt",
    e."quoteStart", e."quoteEnd", e."quotePrefix", e."quoteSuffix", e."quoteAnchor",
    k."id", k."kind", k."url", k."fetchedAt", k."payloadSha256", k."warcRecordId", k."textSha256"
  FROM "Evidence" e LEFT JOIN "EvidenceCapture" k ON k."id" = e."captureId"
  WHERE e."claimId" = ANY($1::text[])
  ORDER BY e."createdAt", e."id"`;
type CaptureRow = NonNullable<ExportEvidenceRow['capture']>;
type EvidenceTuple = [
  claimId: string,
  id: string,
  url: string,
  title: string | null,
  quote: string | null,
  accessedAt: Date | null,
  quoteStart: number | null,
  quoteEnd: number | null,
  quotePrefix: string | null,
  quoteSuffix: string | null,
  quoteAnchor: ExportEvidenceRow['quoteAnchor'],
  captureId: string | null,
  kind: CaptureRow['kind'] | null,
  captureUrl: string | null,
  fetchedAt: Date | null,
  payloadSha256: string | null,
  warcRecordId: string | null,
  textSha256: string | null,
];

const SPANS_SQL = `
  SELECT a."claimId", a."exact", a."articleId" FROM "Annotation" a
  WHERE a."claimId" = ANY($1::text[])
  ORDER BY a."createdAt", a."id"`;
type SpanTuple = [claimId: string, exact: string, articleId: string];

/** The articles spans lie in, read once per export like people's names (claims share them). */
const ARTICLES_SQL = `
  SELECT r."id", r."title", r."sourceUrl", r."sourceName", r."publishedAt" FROM "Article" r
  WHERE r."id" = ANY($1::text[])`;
type ArticleTuple = [
  id: string,
  title: string,
  sourceUrl: string | null,
  sourceName: string | null,
  publishedAt: Date | null,
];

/**
 * What one export reads once and shares between its batches. Each map is emptied when it
 * reaches `SHARED_ROWS_LIMIT` rows, so an export of millions of claims stays bounded in memory.
 */
type SharedRows = {
  readonly people: Map<string, NameTuple>;
  readonly articles: Map<string, ArticleTuple>;
};
const SHARED_ROWS_LIMIT = 10_000;

/**
 * The rows of `ids` (by their first column): from `cache`, the missing ones read and added to
 * it. The batch keeps the returned map, so a later batch emptying the cache cannot take its
 * rows away while it is still being built.
 */
async function readShared<T extends [string, ...unknown[]]>(
  pool: pg.Pool,
  sql: string,
  ids: Iterable<string>,
  cache: Map<string, T>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const missing = new Set<string>();
  for (const id of ids) {
    const row = cache.get(id);
    if (row) found.set(id, row);
    else missing.add(id);
  }
  if (missing.size === 0) return found;
  if (cache.size + missing.size > SHARED_ROWS_LIMIT) cache.clear();
  for (const row of await queryTuples<T>(pool, sql, [[...missing]])) {
    cache.set(row[0], row);
    found.set(row[0], row);
  }
  return found;
}

/** The array rows of `text` run with `values`. */
async function queryTuples<T extends unknown[]>(
  pool: pg.Pool,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const result = await pool.query<T>({
    text,
    values: [...values],
    rowMode: 'array',
    types: prismaTypes,
  });
  return result.rows;
}

/**
 * The claims of `claimRows` (in their order) as the exports show them, with their evidence
 * (stored copies' texts read once per `texts`) and appearances, and the approval rule applied.
 */
async function loadExportClaims(
  pool: pg.Pool,
  claimRows: readonly ClaimTuple[],
  texts: CaptureTexts,
  shared: SharedRows,
): Promise<ExportClaim[]> {
  if (claimRows.length === 0) return [];
  const ids = [claimRows.map((row) => row[0])];
  const people = claimRows.flatMap((row) => (row[11] === null ? [row[8]] : [row[8], row[11]]));
  const readSpans = async () => {
    const rows = await queryTuples<SpanTuple>(pool, SPANS_SQL, ids);
    const articles = await readShared(
      pool,
      ARTICLES_SQL,
      rows.map((row) => row[2]),
      shared.articles,
    );
    return { rows, articles };
  };
  const [names, evidenceRows, { rows: spanRows, articles }] = await Promise.all([
    readShared(pool, NAMES_SQL, people, shared.people),
    queryTuples<EvidenceTuple>(pool, EVIDENCE_SQL, ids),
    readSpans(),
  ]);
  const evidenceOf = new Map<string, ExportEvidenceRow[]>();
  for (const [
    claimId,
    id,
    url,
    title,
    quote,
    accessedAt,
    quoteStart,
    quoteEnd,
    quotePrefix,
    quoteSuffix,
    quoteAnchor,
    captureId,
    kind,
    captureUrl,
    fetchedAt,
    payloadSha256,
    warcRecordId,
    textSha256,
  ] of evidenceRows) {
    const capture =
      captureId === null
        ? null
        : {
            id: captureId,
            kind: kind!,
            url: captureUrl!,
            fetchedAt: fetchedAt!,
            payloadSha256: payloadSha256!,
            warcRecordId: warcRecordId!,
            textSha256: textSha256!,
          };
    const row: ExportEvidenceRow = {
      id,
      url,
      title,
      quote,
      accessedAt,
      quoteStart,
      quoteEnd,
      quotePrefix,
      quoteSuffix,
      quoteAnchor,
      capture,
    };
    push(evidenceOf, claimId, row);
  }
  const appearancesOf = new Map<string, ExportAppearance[]>();
  for (const [claimId, quote, articleId] of spanRows) {
    const article = articles.get(articleId);
    if (!article) continue; // deleted, with its spans, since the spans were read
    const [, articleTitle, sourceUrl, sourceName, publishedAt] = article;
    push(appearancesOf, claimId, {
      articleId,
      articleTitle,
      sourceUrl,
      sourceName,
      publishedAt,
      quote,
    });
  }
  const read = await readCaptureTexts(
    [...evidenceOf.values()].flat(),
    evidenceSettings().dir,
    texts,
  );
  return claimRows.map(
    ([
      id,
      text,
      claimant,
      verdict,
      rationale,
      reviewState,
      createdAt,
      updatedAt,
      authorId,
      approvedAt,
      snapshotHash,
      reviewerId,
    ]) =>
      toExportClaim({
        id,
        text,
        claimant,
        verdict,
        rationale,
        reviewState,
        author: { id: authorId, name: names.get(authorId)?.[1] ?? '' },
        createdAt,
        updatedAt,
        evidence: (evidenceOf.get(id) ?? []).map((row) => toExportEvidenceRow(row, read)),
        appearances: appearancesOf.get(id) ?? [],
        approval:
          approvedAt && reviewerId
            ? {
                createdAt: approvedAt,
                snapshotHash,
                reviewer: { id: reviewerId, name: names.get(reviewerId)?.[1] ?? '' },
              }
            : null,
      }),
  );
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Streams the claims matching `filters`, oldest first, one claim at a time (see
 * `streamExportClaimBatches`).
 */
export async function* streamExportClaims(
  prisma: PrismaClient,
  filters: ClaimListFilters,
  batchSize = CLAIM_BATCH_SIZE,
): AsyncGenerator<ExportClaim, void, undefined> {
  for await (const batch of streamExportClaimBatches(prisma, filters, batchSize)) yield* batch;
}

/**
 * Streams the claims matching `filters`, oldest first, in batches of up to `batchSize` read by
 * keyset (createdAt, id) in one query per batch (then their evidence and spans), so memory stays
 * bounded however long the list is. The next page is read while the current one is being
 * loaded and written, so the database and the writer overlap. The writers take whole batches:
 * one asynchronous step per claim cost more CPU than writing it (promises, and the request's
 * async context hooks on each), issue #13.
 */
export async function* streamExportClaimBatches(
  prisma: PrismaClient,
  filters: ClaimListFilters,
  batchSize = CLAIM_BATCH_SIZE,
): AsyncGenerator<readonly ExportClaim[], void, undefined> {
  const pool = pgPool(prisma);
  const shared: SharedRows = { people: new Map(), articles: new Map() };
  /** One page of claims; their details start loading at once, before anyone awaits them. */
  const readPage = async (after: { createdAt: Date; id: string } | null) => {
    const values: unknown[] = [];
    const and = claimListConditions(filters, values);
    if (after) {
      const at = `$${values.push(sqlTimestamp(after.createdAt))}::timestamp`;
      // The first condition lets the (reviewState, createdAt) index start at the key.
      and.push(
        `c."createdAt" >= ${at} AND (c."createdAt", c."id") > (${at}, $${values.push(after.id)})`,
      );
    }
    const where = and.length > 0 ? `WHERE ${and.join(' AND ')}` : '';
    const limit = `$${values.push(batchSize)}`;
    const rows = await queryTuples<ClaimTuple>(pool, claimsPageSql(where, limit), values);
    // Stored texts are cached per batch only, so memory stays bounded.
    const claims = loadExportClaims(pool, rows, new Map(), shared);
    claims.catch(() => {}); // a consumer that stops early leaves it unobserved
    return { rows, claims };
  };
  const next = (after: { createdAt: Date; id: string } | null) => {
    const page = readPage(after);
    page.catch(() => {}); // a consumer that stops early leaves a read-ahead unobserved
    return page;
  };
  let pending = next(null);
  for (;;) {
    const { rows, claims } = await pending;
    const last = rows.at(-1);
    const more = last !== undefined && rows.length === batchSize;
    // The next page is asked for while this one's details load and are written: PostgreSQL's
    // round trips overlap with the writer, and at most two batches are held.
    if (more) pending = next({ createdAt: last[6], id: last[0] });
    const batch = await claims;
    // An approval that no longer matches is not published as one.
    yield filters.state === 'APPROVED'
      ? batch.filter((claim) => claim.reviewState === 'APPROVED')
      : batch;
    if (!more) return;
  }
}
