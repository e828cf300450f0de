/**
 * Builders of export inputs for the tests and the benchmark (not used by the exporters).
 */

import { createHash } from 'node:crypto';
import type {
  AnnotatedArticle,
  ExportAnnotation,
  ExportArticle,
  ExportClaim,
  ExportConfig,
} from './types';

export const CONFIG: ExportConfig = {
  organisation: { name: 'Factmark Desk', url: 'https://factmark.example/' },
  appBaseUrl: 'https://app.factmark.example/',
};

export const NOW = new Date('2026-11-24T12:00:00.000Z');
export const CREATED = new Date('2026-11-20T08:00:00.000Z');
export const APPROVED = new Date('2026-11-23T16:30:00.000Z');
export const PUBLISHED = new Date('2026-11-18T06:00:00.000Z');

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makeArticle(text: string, overrides: Partial<ExportArticle> = {}): ExportArticle {
  return {
    id: 'art1',
    title: 'Astana 2 talks',
    sourceName: 'The Daily Example',
    sourceUrl: 'https://news.example/astana-2',
    byline: 'A. Reporter',
    publishedAt: PUBLISHED,
    revision: { id: 'rev1', number: 2, text, sha256: sha256(text), createdAt: CREATED },
    ...overrides,
  };
}

export function makeClaim(id: string, overrides: Partial<ExportClaim> = {}): ExportClaim {
  return {
    id,
    text: `Claim ${id} text`,
    claimant: 'Jane Minister',
    verdict: 'FALSE',
    rationale: 'Official statistics show otherwise.',
    reviewState: 'APPROVED',
    author: { id: 'u1', name: 'Ed Itor' },
    reviewer: { id: 'u2', name: 'Rev Iewer' },
    approvedAt: APPROVED,
    createdAt: CREATED,
    updatedAt: APPROVED,
    evidence: [
      {
        url: 'https://stats.example/table-1',
        title: 'Table 1',
        quote: 'Growth was 2%.',
        accessedAt: CREATED,
      },
    ],
    appearances: [
      {
        articleId: 'art1',
        articleTitle: 'Astana 2 talks',
        sourceUrl: 'https://news.example/astana-2',
        sourceName: 'The Daily Example',
        publishedAt: PUBLISHED,
        quote: 'quoted passage',
      },
    ],
    ...overrides,
  };
}

let annotationCounter = 0;

/** An annotation over `[start, end)` of `text` (quote fields filled from the text). */
export function annotationAt(
  text: string,
  start: number,
  end: number,
  claimId: string,
  overrides: Partial<ExportAnnotation> = {},
): ExportAnnotation {
  annotationCounter++;
  return {
    id: `ann${annotationCounter}`,
    claimId,
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    anchorState: 'EXACT',
    createdAt: CREATED,
    creator: { id: 'u1', name: 'Ed Itor', email: 'ed@example.org' },
    ...overrides,
  };
}

/** An annotation over the `occurrence`-th occurrence (0-based) of `quote` in `text`. */
export function annotationOf(
  text: string,
  quote: string,
  claimId: string,
  overrides: Partial<ExportAnnotation> = {},
  occurrence = 0,
): ExportAnnotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return annotationAt(text, start, start + quote.length, claimId, overrides);
}

export function makeAnnotated(
  text: string,
  annotations: readonly ExportAnnotation[],
  claims: readonly ExportClaim[],
  articleOverrides: Partial<ExportArticle> = {},
): AnnotatedArticle {
  return { article: makeArticle(text, articleOverrides), annotations, claims };
}

/** A deterministic pseudo-random generator (mulberry32) for generated fixtures. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
