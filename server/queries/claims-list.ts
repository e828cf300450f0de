/**
 * The Claims page: the first claims matching the export filters (read through the same query as
 * the claims export, so the page lists exactly what the downloads contain) and the options of
 * its filter form.
 */
import type { ExportClaim } from '@/lib/export/index';
import type { Person } from '@/lib/people';
import type { PrismaClient } from '../platform/db';
import { getPerson } from './people';
import { streamExportClaims, type ClaimListFilters } from '../export';

/** Most claims listed on the page; the downloads carry them all. */
export const CLAIMS_PAGE_LIMIT = 200;

export type ClaimsPage = {
  readonly claims: ExportClaim[];
  /** True when more claims match than are listed. */
  readonly more: boolean;
};

/** Up to `limit` claims matching `filters`, oldest first. */
export async function listClaimsPage(
  prisma: PrismaClient,
  filters: ClaimListFilters,
  limit = CLAIMS_PAGE_LIMIT,
): Promise<ClaimsPage> {
  const claims: ExportClaim[] = [];
  // One batch of limit + 1 tells whether there are more.
  for await (const claim of streamExportClaims(prisma, filters, limit + 1)) {
    if (claims.length === limit) return { claims, more: true };
    claims.push(claim);
  }
  return { claims, more: false };
}

export type ClaimFilterOptions = {
  /** The article filtered by now, if any (the Article filter searches for the others). */
  readonly article: { id: string; title: string } | null;
  /** The author and reviewer filtered by now (the people filters search for the others). */
  readonly author: Person | null;
  readonly reviewer: Person | null;
};

/**
 * What the filters hold now, by name: the chosen article's title and the chosen people's
 * names. The filters search for the other choices as the user types (a newsroom's archive and
 * staff are too long to send with the page).
 */
export async function listClaimFilterOptions(
  prisma: PrismaClient,
  { article, author, reviewer }: { article?: string; author?: string; reviewer?: string } = {},
): Promise<ClaimFilterOptions> {
  const [chosen, chosenAuthor, chosenReviewer] = await Promise.all([
    article
      ? prisma.article.findUnique({ where: { id: article }, select: { id: true, title: true } })
      : null,
    getPerson(prisma, author),
    getPerson(prisma, reviewer),
  ]);
  return { article: chosen, author: chosenAuthor, reviewer: chosenReviewer };
}
