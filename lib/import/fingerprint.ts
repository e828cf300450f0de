/**
 * Article-level identity, so the app can warn that an imported article is already in the
 * library: an exact fingerprint (same words, whatever the formatting), a direct similarity of
 * two texts, and a MinHash signature that can be stored per article and compared without the
 * texts.
 */
import { overlap, shingleSet, SHINGLE_SIZE, type Overlap } from './shingles';
import { comparableWords, fnv1a32 } from './text-utils';

/** Number of MinHash slots: the estimate's standard error is about 1/sqrt(64) = 0.125. */
export const MINHASH_SIZE = 64;
/** Jaccard from which two articles are reported as the same story in (nearly) the same words. */
export const SAME_ARTICLE_JACCARD = 0.7;
/** Containment from which one article is reported as (nearly) included in the other. */
export const SAME_ARTICLE_CONTAINMENT = 0.85;

/**
 * Fingerprint of a text's words: lower case, punctuation and whitespace ignored. Two texts with
 * the same fingerprint have the same words in the same order. 16 hex digits.
 */
export function textFingerprint(text: string): string {
  const normalized = comparableWords(text).join(' ');
  const a = fnv1a32(normalized, 0x811c9dc5);
  const b = fnv1a32(normalized, 0x01000193 ^ normalized.length);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Word-shingle overlap of two texts (Jaccard and containment, both in [0, 1]). */
export function textSimilarity(a: string, b: string, shingleSize: number = SHINGLE_SIZE): Overlap {
  return overlap(shingleSet(a, shingleSize), shingleSet(b, shingleSize));
}

/** How two articles relate. */
export type ArticleRelation = 'identical' | 'near-duplicate' | 'contains' | 'distinct';

/**
 * Compares two article texts: identical words, near duplicates (Jaccard >= SAME_ARTICLE_JACCARD),
 * one contained in the other (containment >= SAME_ARTICLE_CONTAINMENT), or distinct.
 */
export function compareArticles(a: string, b: string): { relation: ArticleRelation } & Overlap {
  return comparePrepared(prepareComparison(a), prepareComparison(b));
}

/** A text ready to be compared with many others (its fingerprint and shingles, once). */
export interface PreparedText {
  fingerprint: string;
  shingles: Set<number>;
}

/** Prepares a text for `comparePrepared`. */
export function prepareComparison(text: string): PreparedText {
  return { fingerprint: textFingerprint(text), shingles: shingleSet(text) };
}

/** `compareArticles` on prepared texts: compare one new article with a whole library. */
export function comparePrepared(
  a: PreparedText,
  b: PreparedText,
): { relation: ArticleRelation } & Overlap {
  if (a.fingerprint === b.fingerprint) return { relation: 'identical', jaccard: 1, containment: 1 };
  const o = overlap(a.shingles, b.shingles);
  const relation: ArticleRelation =
    o.jaccard >= SAME_ARTICLE_JACCARD
      ? 'near-duplicate'
      : o.containment >= SAME_ARTICLE_CONTAINMENT
        ? 'contains'
        : 'distinct';
  return { relation, ...o };
}

const EMPTY_SLOT = 0xffffffff;

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature of a text's word shingles: `size` 32-bit values. The share of equal slots of
 * two signatures estimates the Jaccard similarity of the texts. Deterministic.
 */
export function minHashSignature(text: string, size: number = MINHASH_SIZE): number[] {
  const signature = new Array<number>(size).fill(EMPTY_SLOT);
  const seeds = Array.from({ length: size }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));
  for (const h of shingleSet(text)) {
    for (let i = 0; i < size; i++) {
      const v = mix32(h ^ seeds[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity from two signatures of the same size. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('MinHash signatures differ in size');
  if (!a.length) return 0;
  let equal = 0;
  // A slot still at its initial value means "no shingles": empty texts are not similar.
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== EMPTY_SLOT) equal++;
  return equal / a.length;
}
