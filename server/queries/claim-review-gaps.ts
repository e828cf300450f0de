/**
 * What the approved claims' ClaimReview lacks for want of data, grouped where it is fixed: per
 * article (no source URL, no published date: the claims' appearance and datePublished), and the
 * claims without a claimant (itemReviewed.author). Read for the Claims page.
 *
 * Each kind lists at most `MAX_LISTED` places to fix and counts the rest, so a large archive's
 * Claims page stays one screen of advice: one statement per kind, whatever the archive's size.
 */
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';

export type ClaimReviewGapKind = 'article-source-url' | 'article-published-date' | 'claimant';

/** One thing to fix, the approved claims it affects, and where to fix it. */
export type ClaimReviewGap = {
  readonly kind: ClaimReviewGapKind;
  /** Approved claims whose ClaimReview lacks the field because of it. */
  readonly claims: number;
  /** The article (for article gaps) or the claim (for claimants) to open. */
  readonly target: { readonly id: string; readonly title: string };
};

/** How many places of one kind need fixing, and how many approved claims they affect. */
export type ClaimReviewGapTotal = {
  readonly kind: ClaimReviewGapKind;
  readonly places: number;
  readonly claims: number;
};

export type ClaimReviewGaps = {
  /** Articles by title, then claims oldest first; at most `MAX_LISTED` of each kind. */
  readonly gaps: readonly ClaimReviewGap[];
  /** Every kind with at least one place to fix. */
  readonly totals: readonly ClaimReviewGapTotal[];
};

/** Places of one kind named one by one; the rest are counted. */
export const MAX_LISTED = 20;

type Row = { id: string; title: string; claims: number; places: number; total: number };

/** The gaps, articles first (by title), then claims without a claimant (oldest first). */
export async function listClaimReviewGaps(prisma: PrismaClient): Promise<ClaimReviewGaps> {
  // An article's gap counts its distinct approved claims; the window sums run over every
  // article of the kind before the LIMIT cuts the list.
  const articles = (lacking: Prisma.Sql) => prisma.$queryRaw<Row[]>`
    SELECT ar.id, ar.title, count(DISTINCT c.id)::int AS claims,
           (count(*) OVER ())::int AS places,
           (sum(count(DISTINCT c.id)) OVER ())::int AS total
      FROM "Article" ar
      JOIN "Annotation" an ON an."articleId" = ar.id
      JOIN "Claim" c ON c.id = an."claimId" AND c."reviewState" = 'APPROVED'
     WHERE ${lacking}
     GROUP BY ar.id, ar.title
     ORDER BY ar.title, ar.id
     LIMIT ${MAX_LISTED}`;
  const claimants = prisma.$queryRaw<Row[]>`
    SELECT c.id, c.text AS title, 1 AS claims,
           (count(*) OVER ())::int AS places, (count(*) OVER ())::int AS total
      FROM "Claim" c
     WHERE c."reviewState" = 'APPROVED' AND coalesce(c.claimant, '') = ''
     ORDER BY c."createdAt", c.id
     LIMIT ${MAX_LISTED}`;
  const kinds: [ClaimReviewGapKind, Promise<Row[]>][] = [
    ['article-source-url', articles(Prisma.sql`coalesce(ar."sourceUrl", '') = ''`)],
    ['article-published-date', articles(Prisma.sql`ar."publishedAt" IS NULL`)],
    ['claimant', claimants],
  ];
  const gaps: ClaimReviewGap[] = [];
  const totals: ClaimReviewGapTotal[] = [];
  for (const [kind, query] of kinds) {
    const rows = await query;
    for (const row of rows) {
      gaps.push({ kind, claims: row.claims, target: { id: row.id, title: row.title } });
    }
    if (rows[0]) totals.push({ kind, places: rows[0].places, claims: rows[0].total });
  }
  return { gaps, totals };
}
