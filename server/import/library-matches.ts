/**
 * Is this article already in the library? The new text is compared with the current (latest)
 * revision of every article: the same words (fingerprint), nearly the same (shingle Jaccard) or
 * one contained in the other. Computed at import time from the revisions themselves (no stored
 * fingerprints), a page of articles at a time so memory stays bounded.
 */
import { comparePrepared, prepareComparison, type ArticleRelation } from '@/lib/import';
import type { PrismaClient } from '../platform/db';

/** An existing article the new text matches. */
export interface LibraryMatch {
  id: string;
  title: string;
  relation: Exclude<ArticleRelation, 'distinct'>;
  /** Jaccard similarity of the two texts' word shingles, 0..1. */
  similarity: number;
}

/** Articles compared per database round trip. */
const PAGE_SIZE = 200;
/** At most this many matches are reported (the closest). */
export const MAX_MATCHES = 5;

const RANK: Record<LibraryMatch['relation'], number> = {
  identical: 0,
  'near-duplicate': 1,
  contains: 2,
};

/** The articles whose current text matches `text`, closest first; [] when none. */
export async function findLibraryMatches(
  prisma: PrismaClient,
  text: string,
  options: { excludeId?: string } = {},
): Promise<LibraryMatch[]> {
  if (!text.trim()) return [];
  const prepared = prepareComparison(text);
  const matches: LibraryMatch[] = [];
  let after = '';
  for (;;) {
    // The latest revision of each article, in pages ordered by article id.
    const rows = await prisma.$queryRaw<{ id: string; title: string; text: string }[]>`
      SELECT DISTINCT ON (a.id) a.id, a.title, r.text
      FROM "Article" a JOIN "ArticleRevision" r ON r."articleId" = a.id
      WHERE a.id > ${after}
      ORDER BY a.id, r.number DESC
      LIMIT ${PAGE_SIZE}`;
    for (const row of rows) {
      if (row.id === options.excludeId) continue;
      const result = comparePrepared(prepared, prepareComparison(row.text));
      if (result.relation === 'distinct') continue;
      matches.push({
        id: row.id,
        title: row.title,
        relation: result.relation,
        similarity: Math.round(result.jaccard * 1000) / 1000,
      });
    }
    if (rows.length < PAGE_SIZE) break;
    after = rows.at(-1)!.id;
  }
  return matches
    .sort((a, b) => RANK[a.relation] - RANK[b.relation] || b.similarity - a.similarity)
    .slice(0, MAX_MATCHES);
}
