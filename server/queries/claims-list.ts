/**
 * The Claims page: the first claims matching the export filters (read through the same query as
 * the claims export, so the page lists exactly what the downloads contain) and the options of
 * its filter form.
 */
import type { ExportClaim } from '@/lib/export/index';
import type { PrismaClient } from '../platform/db';
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
  readonly users: { id: string; name: string }[];
  readonly reviewers: { id: string; name: string }[];
};

/**
 * People to filter by (every user, users who approved a claim) and the chosen article's title:
 * the Article filter searches the library as the user types instead of listing every article.
 */
export async function listClaimFilterOptions(
  prisma: PrismaClient,
  { article }: { article?: string } = {},
): Promise<ClaimFilterOptions> {
  const [chosen, users, reviewers] = await Promise.all([
    article
      ? prisma.article.findUnique({ where: { id: article }, select: { id: true, title: true } })
      : null,
    prisma.user.findMany({
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: {
        OR: [
          { role: { in: ['REVIEWER', 'ADMIN'] } },
          { reviewDecisions: { some: { decision: 'APPROVE' } } },
        ],
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    }),
  ]);
  return { article: chosen, users, reviewers };
}
