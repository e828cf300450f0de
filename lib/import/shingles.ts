/**
 * Word shingles: the overlapping k-word sequences of a text, hashed to 32-bit numbers. Two texts
 * that share most shingles say nearly the same thing in the same words; the share is robust to
 * punctuation, case and small edits, and cheap to index.
 */
import { comparableWords, fnv1a32 } from './text-utils';

/**
 * Words per shingle. 3 is the usual compromise: 1-2 words match across unrelated texts on the
 * same topic ("the syrian opposition"), 5+ words make a single edited word break too many.
 */
export const SHINGLE_SIZE = 3;

/** The set of shingle hashes of a text (a text shorter than k words is one shingle). */
export function shingleSet(text: string, size: number = SHINGLE_SIZE): Set<number> {
  return shingleSetOfWords(comparableWords(text), size);
}

/**
 * The set of shingle hashes of a word list. Each word is hashed once and a shingle's hash mixes
 * its words' hashes in order, so no shingle strings are built.
 */
export function shingleSetOfWords(
  words: readonly string[],
  size: number = SHINGLE_SIZE,
): Set<number> {
  const shingles = new Set<number>();
  if (!words.length) return shingles;
  const hashes = words.map((w) => fnv1a32(w));
  const span = Math.min(size, hashes.length);
  for (let i = 0; i + span <= hashes.length; i++) {
    let h = 0x9747b28c;
    for (let k = i; k < i + span; k++) h = Math.imul(h ^ hashes[k]!, 0x5bd1e995) >>> 0;
    shingles.add((h ^ (h >>> 15)) >>> 0);
  }
  return shingles;
}

/** Overlap of two shingle sets. */
export interface Overlap {
  /** |A ∩ B| / |A ∪ B|: 1 for the same text. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): 1 when the shorter text is contained in the longer. */
  containment: number;
}

/** Overlap from set sizes and the size of their intersection. */
export function overlapFromCounts(sizeA: number, sizeB: number, shared: number): Overlap {
  const union = sizeA + sizeB - shared;
  const smaller = Math.min(sizeA, sizeB);
  return {
    jaccard: union > 0 ? shared / union : 0,
    containment: smaller > 0 ? shared / smaller : 0,
  };
}

/** Overlap of two shingle sets. */
export function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): Overlap {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return overlapFromCounts(a.size, b.size, shared);
}
