/**
 * Duplicate paragraphs: scraped pages repeat paragraphs (pull quotes, a teaser cut short then the
 * full paragraph). A paragraph is a duplicate when it equals another after normalisation, when
 * their word-shingle Jaccard similarity reaches NEAR_DUPLICATE_JACCARD, or when one is (nearly)
 * contained in the other. The suggestion is always to keep the longer copy.
 *
 * Candidates come from an inverted index (shingle hash -> paragraphs), so the cost grows with
 * the number of shared shingles, not with the square of the paragraph count.
 */
import { overlap, shingleSetOfWords, SHINGLE_SIZE } from './shingles';
import { comparableWords } from './text-utils';

/**
 * Jaccard at or above which two paragraphs are the same paragraph lightly edited. One changed
 * word breaks SHINGLE_SIZE shingles: in a 20-word paragraph Jaccard drops to ~0.7, in a 60-word
 * one to ~0.9. 0.6 still catches a couple of edits in short paragraphs, while different
 * paragraphs on the same story share a few phrases at most (< 0.3).
 */
export const NEAR_DUPLICATE_JACCARD = 0.6;
/**
 * Share of the shorter paragraph's shingles found in the longer one at or above which it is a
 * cut-short (or pull-quote) copy. 0.9 tolerates an edited word or two.
 */
export const CONTAINMENT_THRESHOLD = 0.9;
/**
 * Near and contained matches are only trusted when the shorter paragraph has this many
 * shingles (~10 words): short phrases ("the president said") recur in any text. Shorter
 * paragraphs are only reported when repeated exactly.
 */
export const MIN_CONTAINED_SHINGLES = 8;
/** Exact repeats shorter than this many words ("Reply", "Advertisement") are not reported. */
export const MIN_EXACT_WORDS = 4;
/**
 * Shingles shared by more than this many paragraphs are boilerplate and not used to find
 * candidates: it bounds the work on huge repetitive pages. (Candidates' similarity is then
 * computed exactly, so common shingles still count there.)
 */
export const MAX_POSTINGS = 16;
/** Only the paragraphs sharing the most rare shingles are compared exactly. */
export const MAX_CANDIDATES = 8;

/** Options of `findDuplicateParagraphs`. */
export interface DuplicateOptions {
  nearJaccard?: number;
  containment?: number;
  minContainedShingles?: number;
  minExactWords?: number;
  shingleSize?: number;
}

/** One paragraph found to repeat another. */
export interface DuplicateMatch {
  /** The paragraph to drop (the shorter copy; the later one when equally long). */
  index: number;
  /** The paragraph to keep. */
  duplicateOf: number;
  kind: 'exact' | 'near' | 'contained';
  jaccard: number;
  containment: number;
}

/** The `k` indices with the highest counts (lowest index on ties), without sorting them all. */
function topCandidates(indices: readonly number[], counts: Int32Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) =>
    counts[a]! > counts[b]! || (counts[a] === counts[b] && a < b);
  for (const j of indices) {
    if (top.length === k && !better(j, top[k - 1]!)) continue;
    let at = Math.min(top.length, k - 1);
    if (top.length < k) top.push(j);
    else top[at] = j;
    while (at > 0 && better(top[at]!, top[at - 1]!)) {
      [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
      at--;
    }
  }
  return top;
}

/**
 * Finds paragraphs that repeat another exactly or nearly. Each returned match names the copy to
 * drop and the copy to keep (the longest of its group). Matches are sorted by `index`.
 */
export function findDuplicateParagraphs(
  paragraphs: readonly string[],
  options: DuplicateOptions = {},
): DuplicateMatch[] {
  const nearJaccard = options.nearJaccard ?? NEAR_DUPLICATE_JACCARD;
  const containment = options.containment ?? CONTAINMENT_THRESHOLD;
  const minContained = options.minContainedShingles ?? MIN_CONTAINED_SHINGLES;
  const minExactWords = options.minExactWords ?? MIN_EXACT_WORDS;
  const size = options.shingleSize ?? SHINGLE_SIZE;

  // Union-find over paragraphs; each pair found joins two groups.
  const parent = paragraphs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const pairs = new Map<
    number,
    { other: number; kind: DuplicateMatch['kind']; jaccard: number; containment: number }
  >();
  const link = (i: number, j: number, kind: DuplicateMatch['kind'], jac: number, cont: number) => {
    parent[find(i)] = find(j);
    if (!pairs.has(i)) pairs.set(i, { other: j, kind, jaccard: jac, containment: cont });
  };

  const exact = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const sharedCounts = new Int32Array(paragraphs.length);
  const touched: number[] = [];
  const sets: Set<number>[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const words = comparableWords(paragraphs[i]!);
    lengths.push(words.reduce((n, w) => n + w.length + 1, 0));
    const shingles = shingleSetOfWords(words, size);
    sets.push(shingles);
    if (!words.length) continue;
    const key = words.join(' ');
    const same = exact.get(key);
    if (same !== undefined) {
      if (words.length >= minExactWords) link(i, same, 'exact', 1, 1);
      continue;
    }
    exact.set(key, i);

    // Count rare shingles shared with earlier paragraphs (a typed array and a touched list:
    // no map per paragraph).
    touched.length = 0;
    for (const h of shingles) {
      const list = postings.get(h);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const j of list) {
        if (sharedCounts[j] === 0) touched.push(j);
        sharedCounts[j]!++;
      }
    }
    const candidates = topCandidates(touched, sharedCounts, MAX_CANDIDATES);
    for (const j of touched) sharedCounts[j] = 0;
    let best: {
      j: number;
      jaccard: number;
      containment: number;
      kind: 'near' | 'contained';
    } | null = null;
    for (const j of candidates) {
      const o = overlap(shingles, sets[j]!);
      const smaller = Math.min(shingles.size, sets[j]!.size);
      // "Contained" (a cut-short copy or pull quote) says more than "near", so it wins.
      const larger = Math.max(shingles.size, sets[j]!.size);
      const kind =
        o.containment >= containment && smaller >= minContained && smaller < larger
          ? 'contained'
          : o.jaccard >= nearJaccard && smaller >= minContained
            ? 'near'
            : null;
      if (
        kind &&
        (!best || o.jaccard > best.jaccard || (o.jaccard === best.jaccard && j < best.j))
      ) {
        best = { j, jaccard: o.jaccard, containment: o.containment, kind };
      }
    }
    if (best) link(i, best.j, best.kind, best.jaccard, best.containment);
    for (const h of shingles) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  }

  // Keep the longest paragraph of each group (the first on ties); report the others.
  // Length in normalised characters, so spacing and punctuation do not decide.
  const keeper = new Map<number, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const root = find(i);
    const current = keeper.get(root);
    if (current === undefined || lengths[i]! > lengths[current]!) keeper.set(root, i);
  }
  const matches: DuplicateMatch[] = [];
  const involved = new Set<number>();
  for (const [i, pair] of pairs) {
    involved.add(i);
    involved.add(pair.other);
  }
  for (const i of [...involved].sort((a, b) => a - b)) {
    const keep = keeper.get(find(i))!;
    if (keep === i) continue;
    const pair = pairs.get(i) ?? pairs.get(keep);
    matches.push({
      index: i,
      duplicateOf: keep,
      kind: pair?.kind ?? 'near',
      jaccard: pair?.jaccard ?? 0,
      containment: pair?.containment ?? 0,
    });
  }
  return matches;
}
