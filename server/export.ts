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
export const CLAIM_BATCH_SIZE = 500;

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

/**
 * Streams the claims matching `filters`, oldest first, reading `batchSize` at a time by keyset
 * (createdAt, id), so memory stays bounded however long the list is.
 */
export async function* streamExportClaims(
  prisma: PrismaClient,
  filters: ClaimListFilters,
  batchSize = CLAIM_BATCH_SIZE,
): AsyncGenerator<ExportClaim, void, undefined> {
  const where = claimListWhere(filters);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.ClaimWhereInput = after
      ? {
          OR: [
            { createdAt: { gt: after.createdAt } },
            { createdAt: after.createdAt, id: { gt: after.id } },
          ],
        }
      : {};
    const rows: ExportClaimRow[] = await prisma.claim.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: exportClaimSelect,
    });
    // Stored texts are cached per batch only, so memory stays bounded.
    const mapped = await withEvidence(rows);
    for (const claim of mapped) {
      // An approval that no longer matches is not published as one.
      if (filters.state === 'APPROVED' && claim.reviewState !== 'APPROVED') continue;
      yield claim;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
