/** The search API's contract: its query (parsed with zod at the route) and its response. */
import { z } from 'zod';
import type { ReviewState, Verdict } from '../domain';
import type { Segment } from './highlight';

/** Results per kind and page. */
export const SEARCH_PAGE_SIZE = 10;
/**
 * How deep paging may go: the best 200 of each kind (20 pages). Ranking reads every candidate, so
 * each search ranks offset-independent `SEARCH_MAX_OFFSET + SEARCH_PAGE_SIZE + 1` of them: 511
 * (offset 500) cost the database ~4 ms more per search than 201 under the benchmark's load, and
 * rank order that deep is noise; past it, refine the words.
 */
export const SEARCH_MAX_OFFSET = 190;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Type something to search for.')
    .max(200, 'Search for at most 200 characters.'),
  type: z.enum(['all', 'articles', 'claims']).default('all'),
  offset: z.coerce.number().int().min(0).max(SEARCH_MAX_OFFSET).default(0),
  /** `1` while the words are being typed: the last word then matches as a prefix. */
  typing: z
    .enum(['0', '1'], { error: 'typing is 1 (the words are being typed) or 0.' })
    .default('0')
    .transform((value) => value === '1'),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface ArticleHit {
  id: string;
  title: Segment[];
  byline: Segment[];
  sourceName: string | null;
  publishedAt: string | null;
  /** Passages of the current text around the matching words (empty when only the title matched). */
  excerpt: Segment[];
  rank: number;
}

export interface ClaimHit {
  id: string;
  text: Segment[];
  claimant: Segment[];
  rationale: Segment[];
  /** The first piece of evidence that matched (title, quote or address), if any did. */
  evidence: Segment[];
  verdict: Verdict;
  reviewState: ReviewState;
  articles: { id: string; title: string }[];
  rank: number;
}

export interface SearchResults {
  q: string;
  articles: { hits: ArticleHit[]; more: boolean } | null;
  claims: { hits: ClaimHit[]; more: boolean } | null;
}
