/**
 * Reads what the exports need from the database and maps it onto the plain shapes of
 * `lib/export` (issue #6). Per-article exports load one article; claim lists are read in
 * keyset-paginated batches so a long list streams without being held in memory.
 */
import type { ReviewState, Verdict } from '@/lib/domain';
import type { AnnotatedArticle, ExportAnnotation, ExportClaim, ExportConfig } from '@/lib/export';
import { isApprovalStillValid } from '@/lib/review/approval-snapshot';
import type { Prisma } from './generated/prisma/client';
import type { PrismaClient } from './platform/db';
import { notFound } from './platform/errors';
import { exportEvidenceSelect, toExportEvidence, type CaptureTexts } from './evidence/export';
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

/**
 * A claim is published as approved only while it still matches what its approval recorded
 * (issue #10): otherwise it is exported as under review, without reviewer or approval date.
 */
function toExportClaim(row: ExportClaimRow, evidence: ExportClaim['evidence']): ExportClaim {
  const latest = row.reviewDecisions[0] ?? null;
  const holds = isApprovalStillValid(
    {
      ...row,
      anchors: row.annotations.map((a) => ({
        articleId: a.article.id,
        revisionId: '',
        start: 0,
        end: 0,
        exact: a.exact,
      })),
    },
    latest?.snapshotHash ?? null,
  );
  const approval = holds ? latest : null;
  return {
    id: row.id,
    text: row.text,
    claimant: row.claimant,
    verdict: row.verdict,
    rationale: row.rationale,
    reviewState: row.reviewState === 'APPROVED' && !holds ? 'SUBMITTED' : row.reviewState,
    author: row.author,
    reviewer: approval ? approval.reviewer : null,
    approvedAt: approval ? approval.createdAt : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    evidence,
    appearances: row.annotations.map((a) => ({
      articleId: a.article.id,
      articleTitle: a.article.title,
      sourceUrl: a.article.sourceUrl,
      sourceName: a.article.sourceName,
      publishedAt: a.article.publishedAt,
      quote: a.exact,
    })),
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
    rows.map(async (row) => toExportClaim(row, await toExportEvidence(row.evidence, dir, texts))),
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

function claimListWhere(filters: ClaimListFilters): Prisma.ClaimWhereInput {
  const and: Prisma.ClaimWhereInput[] = [];
  if (filters.state !== 'ALL') and.push({ reviewState: filters.state });
  if (filters.verdict) and.push({ verdict: filters.verdict });
  if (filters.article) and.push({ annotations: { some: { articleId: filters.article } } });
  if (filters.author) and.push({ authorId: filters.author });
  if (filters.reviewer) {
    and.push({ reviewDecisions: { some: { decision: 'APPROVE', reviewerId: filters.reviewer } } });
  }
  if (filters.from) and.push({ createdAt: { gte: filters.from } });
  if (filters.to) and.push({ createdAt: { lt: filters.to } });
  if (filters.q) {
    and.push({
      OR: [
        { text: { contains: filters.q, mode: 'insensitive' } },
        { claimant: { contains: filters.q, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
}

type ClaimRowSql = {
  id: string;
  text: string;
  claimant: string | null;
  verdict: ExportClaimRow['verdict'];
  rationale: string;
  reviewState: ExportClaimRow['reviewState'];
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  approvedAt: Date | null;
  snapshotHash: string | null;
  reviewerId: string | null;
  reviewerName: string | null;
};
type EvidenceRowSql = ExportClaimRow['evidence'][number] & { claimId: string };
type CaptureRowSql = {
  claimId: string;
  evidenceId: string;
  id: string;
  kind: NonNullable<ExportClaimRow['evidence'][number]['capture']>['kind'];
  url: string;
  fetchedAt: Date;
  payloadSha256: string;
  warcRecordId: string;
  textSha256: string;
};
type AnnotationRowSql = ExportClaimRow['annotations'][number]['article'] & {
  claimId: string;
  exact: string;
};

/**
 * The export rows of `ids` (in the order given), in three flat queries run side by side: the
 * claims with author and latest approval, their evidence (with captures), their spans' quotes
 * and articles. Building the nested rows here costs a fraction of what the Prisma client's
 * nested select does for thousands of claims (issue #13: 10,000 claims in ≤ 500 ms); the shape
 * is `exportClaimSelect`'s, so the mapping is shared with the per-article export.
 */
async function loadExportClaimRows(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<ExportClaimRow[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [claims, evidence, captures, annotations] = await Promise.all([
    prisma.$queryRaw<ClaimRowSql[]>`
      SELECT c."id", c."text", c."claimant", c."verdict", c."rationale", c."reviewState",
        c."createdAt", c."updatedAt", c."authorId", u."name" AS "authorName",
        d."createdAt" AS "approvedAt", d."snapshotHash", d."reviewerId",
        v."name" AS "reviewerName"
      FROM "Claim" c
      JOIN "User" u ON u."id" = c."authorId"
      LEFT JOIN LATERAL (
        SELECT d."createdAt", d."snapshotHash", d."reviewerId" FROM "ReviewDecision" d
        WHERE d."claimId" = c."id" AND d."decision" = 'APPROVE'
        ORDER BY d."createdAt" DESC, d."id" DESC LIMIT 1
      ) d ON true
      LEFT JOIN "User" v ON v."id" = d."reviewerId"
      WHERE c."id" = ANY(${list}::text[])`,
    prisma.$queryRaw<EvidenceRowSql[]>`
      SELECT e."claimId", e."id", e."url", e."title", e."quote", e."accessedAt",
        e."quoteStart", e."quoteEnd", e."quotePrefix", e."quoteSuffix", e."quoteAnchor"
      FROM "Evidence" e
      WHERE e."claimId" = ANY(${list}::text[])
      ORDER BY e."createdAt", e."id"`,
    prisma.$queryRaw<CaptureRowSql[]>`
      SELECT e."claimId", e."id" AS "evidenceId", k."id", k."kind", k."url", k."fetchedAt",
        k."payloadSha256", k."warcRecordId", k."textSha256"
      FROM "Evidence" e JOIN "EvidenceCapture" k ON k."id" = e."captureId"
      WHERE e."claimId" = ANY(${list}::text[])`,
    prisma.$queryRaw<AnnotationRowSql[]>`
      SELECT a."claimId", a."exact", r."id", r."title", r."sourceUrl", r."sourceName",
        r."publishedAt"
      FROM "Annotation" a JOIN "Article" r ON r."id" = a."articleId"
      WHERE a."claimId" = ANY(${list}::text[])
      ORDER BY a."createdAt", a."id"`,
  ]);
  const byClaim = new Map<string, ExportClaimRow>();
  for (const c of claims) {
    byClaim.set(c.id, {
      id: c.id,
      text: c.text,
      claimant: c.claimant,
      verdict: c.verdict,
      rationale: c.rationale,
      reviewState: c.reviewState,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      author: { id: c.authorId, name: c.authorName },
      evidence: [],
      annotations: [],
      reviewDecisions:
        c.approvedAt && c.reviewerId
          ? [
              {
                createdAt: c.approvedAt,
                snapshotHash: c.snapshotHash,
                reviewer: { id: c.reviewerId, name: c.reviewerName ?? '' },
              },
            ]
          : [],
    });
  }
  const captureOf = new Map(captures.map(({ claimId: _c, evidenceId, ...k }) => [evidenceId, k]));
  for (const { claimId, ...e } of evidence) {
    byClaim.get(claimId)?.evidence.push({ ...e, capture: captureOf.get(e.id) ?? null });
  }
  for (const { claimId, exact, ...article } of annotations) {
    byClaim.get(claimId)?.annotations.push({ exact, article });
  }
  return ids.flatMap((id) => byClaim.get(id) ?? []);
}

/**
 * Streams the claims matching `filters`, oldest first, reading `batchSize` at a time by keyset
 * (createdAt, id), so memory stays bounded however long the list is. The next batch is read
 * while the current one is being written, so the database and the writer overlap.
 */
export async function* streamExportClaims(
  prisma: PrismaClient,
  filters: ClaimListFilters,
  batchSize = CLAIM_BATCH_SIZE,
): AsyncGenerator<ExportClaim, void, undefined> {
  const where = claimListWhere(filters);
  const readBatch = async (after: { createdAt: Date; id: string } | null) => {
    const keyset: Prisma.ClaimWhereInput = after
      ? {
          OR: [
            { createdAt: { gt: after.createdAt } },
            { createdAt: after.createdAt, id: { gt: after.id } },
          ],
        }
      : {};
    const keys = await prisma.claim.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: { id: true, createdAt: true },
    });
    const rows = await loadExportClaimRows(
      prisma,
      keys.map((k) => k.id),
    );
    // Stored texts are cached per batch only, so memory stays bounded.
    return { keys, claims: await withEvidence(rows) };
  };
  const next = (after: { createdAt: Date; id: string } | null) => {
    const batch = readBatch(after);
    batch.catch(() => {}); // a consumer that stops early leaves a read-ahead unobserved
    return batch;
  };
  let pending = next(null);
  for (;;) {
    const { keys, claims } = await pending;
    const last = keys.at(-1);
    const more = last !== undefined && keys.length === batchSize;
    if (more) pending = next({ createdAt: last.createdAt, id: last.id });
    for (const claim of claims) {
      // An approval that no longer matches is not published as one.
      if (filters.state === 'APPROVED' && claim.reviewState !== 'APPROVED') continue;
      yield claim;
    }
    if (!more) return;
  }
}
