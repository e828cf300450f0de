/**
 * Finding a stored quote in a (possibly revised) text: exact occurrences first, then approximate
 * ones, every candidate scored by how well the quote, its context and its position agree.
 * Offsets are UTF-16 code units (JavaScript string indices); see `./selectors`.
 *
 * The scoring follows Hypothesis' match-quote (hypothesis/client src/annotator/anchoring/
 * match-quote.ts): a weighted mean of quote, prefix, suffix and position similarity. Unlike
 * Hypothesis, which applies its best match however poor, callers get a ranked list and decide
 * with `CONFIDENCE_FLOOR` (see `./reanchor`).
 */
import search from 'approx-string-match';
import { CONTEXT_LENGTH } from './describe';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { computeEditDistance, measureSimilarity } from './similarity';
import { isCodePointBoundary, snapToCodePointBoundary } from './unicode';

/**
 * Weights of the match score, Hypothesis' values. The quote's own similarity carries most of
 * the weight; the two contexts together almost as much, because they are what tells repeats of
 * a phrase apart and what confirms a place whose quote was edited; position is only a
 * tie-breaker between otherwise equal candidates (two copies of a paragraph), since edits
 * elsewhere move text by arbitrary amounts.
 */
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;

/**
 * Beyond this length the quote's weight grows in proportion to its length (a 128-unit quote
 * weighs twice `QUOTE_WEIGHT`). A long verbatim quote is strong evidence on its own, so an
 * unchanged sentence whose neighbours were rewritten still anchors; a short phrase ("the
 * opposition") found with unrelated context does not. Two context lengths is where the quote
 * starts to outweigh both contexts in characters.
 */
export const LONG_QUOTE_LENGTH = 2 * CONTEXT_LENGTH;

/**
 * Lowest score at which a match is applied automatically (the quote with its whole context
 * unchanged scores 1).
 *
 * Trade-off: higher means fewer wrong placements but more orphans for the user to confirm. With
 * the weights above and a quote up to `LONG_QUOTE_LENGTH`, 0.75 accepts: an exact quote whose
 * context survives on at least one side (about 0.85); a quote with up to about 18 % of it edited
 * and one side of its context intact; a quote edited by up to about 45 % whose context is intact
 * on both sides (the place is certain, the state says FUZZY so the change gets reviewed). It
 * rejects a short exact quote whose context is unrelated on both sides (about 0.7: unrelated
 * English text scores about 0.3 against a context), which is the case where a common phrase
 * would otherwise jump to some other sentence.
 */
export const CONFIDENCE_FLOOR = 0.75;

/**
 * Approximate search allows `quote.length * MAX_ERROR_RATE` edits, capped at `MAX_ERRORS`.
 * A match with half its quote wrong cannot reach the floor even with perfect context (it needs
 * at least 54 % similarity), so searching further only costs time. The cap bounds the cost of
 * Myers' algorithm, which grows with `maxErrors / 32`: a quote longer than 128 code units whose
 * edits exceed 64 is not found and ends up ORPHANED.
 */
export const MAX_ERROR_RATE = 0.5;
export const MAX_ERRORS = 64;

/**
 * Approximate search scans this many code units either side of the expected position in full.
 * Scanning costs about 25 ns per code unit, so a window costs tens of microseconds where a
 * 20,000-word article costs 3 ms; 2,048 covers the drift from a few inserted paragraphs when the
 * position hint is just the old offset. Beyond the window the search is seeded (see below).
 */
export const SEARCH_WINDOW = 2048;

/**
 * Texts up to this length (about 2,500 words) are scanned in full, window or not: that costs
 * under half a millisecond and finds the best approximate place in every part of the text, which
 * gives an orphan a full list of candidates. Longer texts rely on seeds beyond the window.
 */
const FULL_SCAN_LENGTH = 16_384;

/**
 * Beyond the window, only places that share a verbatim piece of `SEED_LENGTH` code units with
 * the stored prefix, quote or suffix are verified (filter, then verify with Myers' algorithm). A
 * quote moved far away keeps most of itself or its context intact, so some piece survives; one
 * whose every piece was edited is not found there. Shorter pieces survive more edits but recur by
 * chance more often. At most `MAX_SEEDS` pieces are tried, and a piece found more than
 * `MAX_SEED_OCCURRENCES` times is ignored as not distinctive. This keeps an orphan's search at a
 * few indexOf calls, where scanning the whole text for every annotation of a deleted section
 * took seconds.
 */
const SEED_LENGTH = 16;
const MAX_SEEDS = 4;
const MAX_SEED_OCCURRENCES = 8;

/** Ranked candidates returned by default: enough for the user to pick one, few enough to read. */
export const MAX_CANDIDATES = 5;

/**
 * The approximate search reports only the lowest-error matches of each piece of text it scans,
 * so the text is scanned in pieces: each piece yields its own best place, which gives a spread of
 * candidates (and keeps a near-exact copy elsewhere from hiding a good match in another
 * paragraph). Smaller pieces give more candidates but cost more per-call setup and scoring, so a
 * text is cut into at most `SEARCH_CHUNKS` pieces of at least `MIN_SEARCH_CHUNK` code units.
 */
const MIN_SEARCH_CHUNK = 1024;
const SEARCH_CHUNKS = 32;

/**
 * Above this many exact occurrences (a one-word quote in a long article) only those nearest the
 * expected position, plus any with intact context, are scored: scoring is cheap, but not free.
 */
const MAX_EXACT_OCCURRENCES = 500;

/** A candidate place for a quote: `text.slice(start, end)`, with its score in [0, 1]. */
export interface QuoteMatch extends TextPositionSelector {
  score: number;
}

export interface MatchOptions {
  /** Where the quote is expected to start (usually its old offset, shifted by earlier edits). */
  hint?: number;
  /**
   * Score that satisfies the search: an exact occurrence near the hint, or an approximate match
   * within the window, at or above it ends the search there. Defaults to `CONFIDENCE_FLOOR`.
   */
  minScore?: number;
  /** How many ranked candidates to return. */
  maxCandidates?: number;
  /**
   * For a caller that knows what changed (see `reanchor`): how far either side of `hint` to scan
   * in full (defaults to `SEARCH_WINDOW`), and the only stretches of the text where a quote
   * can have moved to, so that seeds are looked for there alone (defaults to the whole text).
   */
  window?: number;
  movedInto?: TextStretches;
  /**
   * Share of the quote that may differ in an approximate match in a text longer than
   * `FULL_SCAN_LENGTH`, at most (and by default) `MAX_ERROR_RATE`. Lower is faster where a place is known and the search only looks for
   * where else the quote may be: at half the quote wrong, text of the same vocabulary matches
   * almost everywhere, and each match costs a reverse scan to find where it starts.
   */
  maxErrorRate?: number;
  /** An index of the text's words (see `indexWords`), to find exact occurrences without a scan. */
  words?: WordIndex;
  /** An index of `movedInto`'s text (see `indexSeeds`), to find seeds there without a scan. */
  seeds?: SeedIndex;
}

/**
 * Where each word of a text starts, by a hash of the word's first `WORD_KEY_LENGTH` code units:
 * built once for a text, it finds the exact occurrences of many quotes that start on a word
 * without scanning the whole text for each (a deleted section orphans hundreds at once).
 */
export interface WordIndex {
  text: string;
  places: PlaceIndex;
}

const WORD_KEY_LENGTH = 6;

/**
 * Places in a text chained by a hash key, in typed arrays (a Map of arrays cost more to build
 * than the searches it saved): `heads[key & mask]` is the first place of a bucket, in text
 * order, and `next[i]` the one after place i (-1 at the end); `keys[i]` tells apart the keys that
 * share a bucket.
 */
interface PlaceIndex {
  positions: Int32Array;
  keys: Int32Array;
  next: Int32Array;
  heads: Int32Array;
  mask: number;
}

function buildPlaceIndex(positions: Int32Array, keys: Int32Array): PlaceIndex {
  let size = 2;
  while (size < positions.length * 2) size <<= 1;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(positions.length);
  // Back to front, so that each bucket's chain runs in text order.
  for (let i = positions.length - 1; i >= 0; i--) {
    const slot = keys[i]! & (size - 1);
    next[i] = heads[slot]!;
    heads[slot] = i;
  }
  return { positions, keys, next, heads, mask: size - 1 };
}

/** The places of `index` whose key is `key`, in text order (collisions are checked by the caller). */
function* placesWithKey(index: PlaceIndex, key: number): Generator<number> {
  for (let i = index.heads[key & index.mask]!; i !== -1; i = index.next[i]!) {
    if (index.keys[i] === key) yield index.positions[i]!;
  }
}

/** Indexes every place in `text` that follows a space or line break, or starts the text. */
export function indexWords(text: string): WordIndex {
  const positions = new Int32Array((text.length >> 1) + 1);
  const keys = new Int32Array(positions.length);
  let count = 0;
  let afterSpace = true;
  for (let at = 0; at < text.length; at++) {
    const space = isSpace(text.charCodeAt(at));
    if (afterSpace && !space) {
      positions[count] = at;
      keys[count] = hashKey(text, at);
      count += 1;
    }
    afterSpace = space;
  }
  return {
    text,
    places: buildPlaceIndex(positions.subarray(0, count), keys.subarray(0, count)),
  };
}

/**
 * Every place of a text by a hash of the `SEED_LENGTH` code units there: built once for the text
 * a revision added, it finds the seeds of many orphans' searches without scanning it for each.
 */
export interface SeedIndex {
  text: string;
  places: PlaceIndex;
}

const SEED_HASH_BASE = 31;
// SEED_HASH_BASE ** (SEED_LENGTH - 1), in 32-bit arithmetic like the hashes.
const SEED_HASH_TOP = Array.from({ length: SEED_LENGTH - 1 }).reduce<number>(
  (power) => Math.imul(power, SEED_HASH_BASE),
  1,
);

/** Indexes every place of `text` where `SEED_LENGTH` code units start (a rolling hash). */
export function indexSeeds(text: string): SeedIndex {
  const count = Math.max(0, text.length - SEED_LENGTH + 1);
  const positions = new Int32Array(count);
  const keys = new Int32Array(count);
  let hash = count > 0 ? seedKey(text, 0) : 0;
  for (let at = 0; at < count; at++) {
    positions[at] = at;
    keys[at] = hash;
    if (at + 1 < count) {
      const dropped = Math.imul(text.charCodeAt(at), SEED_HASH_TOP);
      hash = (Math.imul(hash - dropped, SEED_HASH_BASE) + text.charCodeAt(at + SEED_LENGTH)) | 0;
    }
  }
  return { text, places: buildPlaceIndex(positions, keys) };
}

/** The hash of the `SEED_LENGTH` code units of `text` at `at`, as `indexSeeds` rolls it. */
function seedKey(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + SEED_LENGTH; i++) {
    hash = (Math.imul(hash, SEED_HASH_BASE) + text.charCodeAt(i)) | 0;
  }
  return hash;
}

// Spaces, tabs, line breaks and no-break spaces, by code: a regular expression per character
// would cost more than the searches the index saves.
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/** A hash of the `WORD_KEY_LENGTH` code units at `at` (collisions are checked by the caller). */
function hashKey(text: string, at: number): number {
  let hash = 0;
  const end = Math.min(text.length, at + WORD_KEY_LENGTH);
  for (let i = at; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Stretches of a text (the text a revision added), joined for searching: `text` is their
 * contents one after the other, `starts[i]` where stretch i begins in `text` and `offsets[i]`
 * where it begins in the whole text.
 */
export interface TextStretches {
  text: string;
  starts: number[];
  offsets: number[];
}

/**
 * Finds the places in `text` that best match `quote`, best first, at most `maxCandidates`,
 * never overlapping one another. Returns an empty array when the quote is empty or nothing
 * within `MAX_ERROR_RATE` of it exists. Returned offsets never split a surrogate pair.
 *
 * Exact occurrences are found with indexOf and scored by context and proximity to `hint`. The
 * search stops there when the best of them has its prefix and suffix intact, or reaches
 * `minScore` within `SEARCH_WINDOW` of `hint`. Otherwise approximate matches are searched within
 * `SEARCH_WINDOW` of `hint` (in the whole text when there is no hint or the text is short, see
 * `FULL_SCAN_LENGTH`). When nothing there reaches `minScore`, two more kinds of candidate join:
 * the text now between the stored prefix and suffix, when both still stand near `hint` (the
 * quote was rewritten in place), and, beyond the window, approximate matches that share a
 * verbatim piece with the stored quote or context (the quote moved; see `SEED_LENGTH`).
 */
export function matchTextQuote(
  text: string,
  quote: TextQuoteSelector,
  {
    hint,
    minScore = CONFIDENCE_FLOOR,
    maxCandidates = MAX_CANDIDATES,
    window = SEARCH_WINDOW,
    movedInto,
    words,
    seeds,
    maxErrorRate = MAX_ERROR_RATE,
  }: MatchOptions = {},
): QuoteMatch[] {
  const { exact } = quote;
  if (exact.length === 0 || text.length === 0) return [];
  const expected = hint === undefined ? undefined : Math.min(Math.max(0, hint), text.length);
  const scanAll = expected === undefined || text.length <= FULL_SCAN_LENGTH;
  const windowStart = scanAll ? 0 : Math.max(0, expected - window);
  const windowEnd = scanAll ? text.length : Math.min(text.length, expected + window);
  const scored = findExactMatches(text, quote, expected, words).map((raw) =>
    scoreRawMatch(text, quote, raw, expected),
  );
  const best = () => rankMatches(scored, expected, 1)[0];
  const bestExact = best();
  const confident =
    bestExact &&
    ((bestExact.prefixScore === 1 && bestExact.suffixScore === 1) ||
      (bestExact.score >= minScore &&
        bestExact.start >= windowStart &&
        bestExact.start <= windowEnd));
  if (confident) return toQuoteMatches(rankMatches(scored, expected, maxCandidates));

  // A short text is scanned in full anyway: it keeps every candidate up to the full rate.
  const rate = scanAll ? MAX_ERROR_RATE : Math.min(MAX_ERROR_RATE, maxErrorRate);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * rate));
  const chunkLength = Math.max(MIN_SEARCH_CHUNK, Math.ceil(text.length / SEARCH_CHUNKS));
  const searchRange = (from: number, to: number, pieceLength = chunkLength) => {
    const found = searchApproximate(text, exact, from, to, maxErrors, pieceLength);
    scoreLeastErrorsFirst(text, quote, found, expected, scored, maxCandidates);
  };
  searchRange(windowStart, windowEnd);
  const bestNear = best();
  if (bestNear && bestNear.score >= minScore) {
    return toQuoteMatches(rankMatches(scored, expected, maxCandidates));
  }
  const between = findBetweenContext(text, quote, windowStart, windowEnd, maxErrors);
  if (between && between.start < between.end) {
    scored.push(scoreRawMatch(text, quote, between, expected));
  }
  if (!scanAll) {
    const seeded = findSeededRegions(
      text,
      quote,
      { windowStart, windowEnd, maxErrors },
      movedInto,
      seeds,
    );
    for (const region of seeded) {
      // One piece per region: a region is barely longer than the longest possible match.
      searchRange(region.start, region.end, region.end - region.start);
    }
  }
  return toQuoteMatches(rankMatches(scored, expected, maxCandidates));
}

/**
 * Scores `text.slice(start, end)` as a place for `quote`, in [0, 1]: the weighted mean of quote
 * similarity (1 - errors / quote length, errors counted by edit distance unless given), prefix
 * and suffix similarity, and proximity to `hint` (1 when no hint). 1 means the quote and its
 * context stand there unchanged, at the expected place.
 */
export function scoreTextQuoteMatch(
  text: string,
  quote: TextQuoteSelector,
  { start, end }: TextPositionSelector,
  { hint, errors }: { hint?: number; errors?: number } = {},
): number {
  const found = text.slice(start, end);
  const quoteErrors = errors ?? computeEditDistance(found, quote.exact);
  return scoreRawMatch(text, quote, { start, end, errors: quoteErrors }, hint).score;
}

interface RawMatch {
  start: number;
  end: number;
  /** Edits between the quote and `text.slice(start, end)`. */
  errors: number;
}

interface ScoredMatch extends RawMatch {
  score: number;
  prefixScore: number;
  suffixScore: number;
}

function scoreRawMatch(
  text: string,
  quote: TextQuoteSelector,
  raw: RawMatch,
  hint: number | undefined,
): ScoredMatch {
  const { prefix, suffix } = quote;
  const { start, end } = raw;
  // Compare each context with the same number of code units next to the candidate. An empty
  // stored context (the quote was at the start or end of the text) gives no evidence against.
  const prefixScore = measureSimilarity(
    prefix,
    text.slice(Math.max(0, start - prefix.length), start),
  );
  const suffixScore = measureSimilarity(suffix, text.slice(end, end + suffix.length));
  // Relative to the text's length, as in Hypothesis: a tie-breaker, not a distance penalty.
  const positionScore =
    hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  const quoteScore = quoteSimilarity(quote, raw);
  const score = combineScores(
    quote.exact.length,
    quoteScore,
    prefixScore,
    suffixScore,
    positionScore,
  );
  return { ...raw, score, prefixScore, suffixScore };
}

function quoteSimilarity({ exact }: TextQuoteSelector, { errors }: RawMatch): number {
  return exact.length === 0 ? 0 : Math.max(0, 1 - errors / exact.length);
}

/** The weighted mean of the component similarities, each in [0, 1]. */
function combineScores(
  quoteLength: number,
  quoteScore: number,
  prefixScore: number,
  suffixScore: number,
  positionScore: number,
): number {
  const quoteWeight = QUOTE_WEIGHT * Math.max(1, quoteLength / LONG_QUOTE_LENGTH);
  const total = quoteWeight + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
  const score =
    (quoteWeight * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    total;
  return Math.min(1, Math.max(0, score));
}

/**
 * The span between the stored prefix and suffix when both still stand in the window, at most
 * `exact.length + maxErrors` apart: where the quote was (an empty span when it was deleted), with
 * its edit distance from the quote. Whitespace at the inner edges of the contexts is ignored, so
 * deleting a sentence together with one of the spaces around it still closes the bracket. Null
 * when either context is blank or missing (a quote at the very start or end of the text never
 * has both).
 */
function findBetweenContext(
  text: string,
  { exact, prefix, suffix }: TextQuoteSelector,
  windowStart: number,
  windowEnd: number,
  maxErrors: number,
): RawMatch | null {
  const before = prefix.trimEnd();
  const after = suffix.trimStart();
  if (before.length === 0 || after.length === 0) return null;
  const maxGap =
    exact.length + maxErrors + (prefix.length - before.length) + (suffix.length - after.length);
  // Only the window is searched for the prefix: an indexOf from `windowStart` would scan the
  // rest of the text whenever the prefix is gone (as it is for a deleted section's quotes).
  const region = text.slice(windowStart, Math.min(text.length, windowEnd + before.length));
  for (let i = region.indexOf(before); i !== -1; i = region.indexOf(before, i + 1)) {
    const at = windowStart + i;
    const from = at + before.length;
    // Only as far as the gap may reach: an unbounded indexOf would scan the rest of the text.
    const found = text.slice(from, from + maxGap + after.length).indexOf(after);
    if (found === -1) continue;
    const to = from + found;
    // Trim the gap like the contexts, so the candidate starts and ends on text, not spaces.
    const gap = text.slice(from, to);
    const start = from + (gap.length - gap.trimStart().length);
    const end = Math.max(start, to - (gap.length - gap.trimEnd().length));
    return { start, end, errors: computeEditDistance(text.slice(start, end), exact) };
  }
  return null;
}

/** Every exact occurrence of the quote (the nearest ones only when there are very many). */
function findExactMatches(
  text: string,
  { exact, prefix, suffix }: TextQuoteSelector,
  hint: number | undefined,
  words: WordIndex | undefined,
): RawMatch[] {
  const starts: number[] = [];
  // A quote that starts a word, looked up in the index: its copies that start a word too (one
  // glued to a bracket or quotation mark has other context anyway).
  const startsWord =
    exact.length >= WORD_KEY_LENGTH &&
    !isSpace(exact.charCodeAt(0)) &&
    (prefix.length === 0 || isSpace(prefix.charCodeAt(prefix.length - 1)));
  if (words && words.text === text && startsWord) {
    for (const at of placesWithKey(words.places, hashKey(exact, 0))) {
      if (text.startsWith(exact, at) && isCodePointBoundary(text, at + exact.length)) {
        starts.push(at);
      }
    }
  } else {
    for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
      // Only a quote that begins or ends with a lone surrogate can land inside a pair.
      if (isCodePointBoundary(text, at) && isCodePointBoundary(text, at + exact.length)) {
        starts.push(at);
      }
    }
  }
  if (starts.length <= MAX_EXACT_OCCURRENCES) {
    return starts.map((start) => ({ start, end: start + exact.length, errors: 0 }));
  }
  const intact = (start: number) =>
    start >= prefix.length &&
    text.startsWith(prefix, start - prefix.length) &&
    text.startsWith(suffix, start + exact.length);
  const anchor = hint ?? 0;
  const nearest = [...starts]
    .sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor))
    .slice(0, MAX_EXACT_OCCURRENCES);
  const kept = new Set([...nearest, ...starts.filter(intact)]);
  return [...kept].map((start) => ({ start, end: start + exact.length, errors: 0 }));
}

/**
 * Regions beyond the window where the quote may have moved: wherever a piece of the stored
 * prefix, quote or suffix occurs verbatim, the quote would start at the piece's offset from it,
 * give or take `maxErrors`. Returns the ranges of such start positions, merged.
 */
function findSeededRegions(
  text: string,
  { exact, prefix, suffix }: TextQuoteSelector,
  {
    windowStart,
    windowEnd,
    maxErrors,
  }: { windowStart: number; windowEnd: number; maxErrors: number },
  movedInto: TextStretches | undefined,
  seeds: SeedIndex | undefined,
): TextPositionSelector[] {
  const whole = prefix + exact + suffix;
  const haystack = movedInto?.text ?? text;
  const index = seeds?.text === haystack ? seeds.places : undefined;
  const occurrences = function* (seed: string): Generator<number> {
    if (index) {
      for (const at of placesWithKey(index, seedKey(seed, 0))) {
        if (haystack.startsWith(seed, at)) yield at;
      }
      return;
    }
    for (let at = haystack.indexOf(seed); at !== -1; at = haystack.indexOf(seed, at + 1)) yield at;
  };
  const pieces = Math.max(1, Math.floor(whole.length / SEED_LENGTH));
  // Spread the pieces over the whole stored text when there are more than we try.
  const step = Math.ceil(pieces / MAX_SEEDS);
  const regions: TextPositionSelector[] = [];
  for (let piece = 0; piece < pieces; piece += step) {
    const offset = piece * SEED_LENGTH;
    const seed = whole.slice(offset, offset + SEED_LENGTH);
    if (seed.trim().length === 0) continue;
    const found: number[] = [];
    for (const at of occurrences(seed)) {
      found.push(movedInto ? toWholeTextOffset(movedInto, at) : at);
      if (found.length > MAX_SEED_OCCURRENCES) break;
    }
    if (found.length > MAX_SEED_OCCURRENCES) continue;
    for (const at of found) {
      const start = at - offset + prefix.length;
      if (start >= windowStart && start <= windowEnd) continue;
      regions.push({
        start: Math.max(0, start - maxErrors),
        end: Math.min(text.length, start + maxErrors + 1),
      });
    }
  }
  regions.sort((a, b) => a.start - b.start);
  const merged: TextPositionSelector[] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region.start <= last.end) last.end = Math.max(last.end, region.end);
    else merged.push(region);
  }
  return merged;
}

function toWholeTextOffset({ starts, offsets }: TextStretches, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return offsets[low]! + at - starts[low]!;
}

/**
 * Approximate matches of `exact` starting in [from, to), scanned in `chunkLength` pieces; each
 * piece is extended by the longest possible match so that none is cut at a piece boundary.
 * Spans are widened to whole code points.
 */
function searchApproximate(
  text: string,
  exact: string,
  from: number,
  to: number,
  maxErrors: number,
  chunkLength: number,
): RawMatch[] {
  const matches: RawMatch[] = [];
  const reach = exact.length + maxErrors;
  for (let chunkStart = from; chunkStart < to; chunkStart += chunkLength) {
    const chunkEnd = Math.min(text.length, Math.min(to, chunkStart + chunkLength) + reach);
    for (const match of search(text.slice(chunkStart, chunkEnd), exact, maxErrors)) {
      const start = snapToCodePointBoundary(text, chunkStart + match.start, 'backward');
      const end = snapToCodePointBoundary(text, chunkStart + match.end, 'forward');
      // Each code unit added by snapping is one more difference from the quote.
      const snapped = chunkStart + match.start - start + (end - chunkStart - match.end);
      matches.push({ start, end, errors: match.errors + snapped });
    }
  }
  return matches;
}

/**
 * Scores raw matches into `scored`, fewest errors first, stopping when even perfect context could
 * not lift the next one above the `keep`-th best score so far. Scoring reads both contexts, and a
 * long text yields dozens of poor matches that could never make the list.
 */
function scoreLeastErrorsFirst(
  text: string,
  quote: TextQuoteSelector,
  found: RawMatch[],
  hint: number | undefined,
  scored: ScoredMatch[],
  keep: number,
): void {
  found.sort((a, b) => a.errors - b.errors);
  const scores = scored.map((match) => match.score).sort((a, b) => b - a);
  for (const raw of found) {
    const threshold = scores[keep - 1] ?? 0;
    if (combineScores(quote.exact.length, quoteSimilarity(quote, raw), 1, 1, 1) < threshold) break;
    const match = scoreRawMatch(text, quote, raw, hint);
    scored.push(match);
    scores.push(match.score);
    scores.sort((a, b) => b - a);
  }
}

/**
 * The best `limit` matches, best first, dropping any that overlap a better one (the same place
 * found twice, or found with slightly different ends). Ties go to the match nearer the hint,
 * then the earlier one, so the order is deterministic.
 */
function rankMatches(
  matches: readonly ScoredMatch[],
  hint: number | undefined,
  limit: number,
): ScoredMatch[] {
  const distance = (match: ScoredMatch) => (hint === undefined ? 0 : Math.abs(match.start - hint));
  const sorted = [...matches].sort(
    (a, b) => b.score - a.score || distance(a) - distance(b) || a.start - b.start || b.end - a.end,
  );
  const kept: ScoredMatch[] = [];
  for (const match of sorted) {
    if (kept.length >= limit) break;
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }
  return kept;
}

function toQuoteMatches(matches: readonly ScoredMatch[]): QuoteMatch[] {
  return matches.map(({ start, end, score }) => ({ start, end, score }));
}
