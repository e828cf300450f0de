/**
 * Re-anchoring annotations from one revision's text onto the next. Offsets are UTF-16 code
 * units (JavaScript string indices); see `./selectors`.
 *
 * Every annotation gets exactly one result, in input order; none is dropped, and none is placed
 * by a match below the confidence floor:
 *
 * - EXACT: the quote stands at its old offsets (`newText.slice(start, end) === exact`) and that
 *   place is the best-scoring one at or above the floor. Text edited right beside it (its prefix
 *   or suffix changed) keeps it EXACT; what matters is that the quote did not move.
 * - MOVED: the unchanged quote is the best place at or above the floor, at other offsets (text
 *   inserted or deleted before it, its paragraph moved). Between repeats of the phrase, context
 *   decides first and proximity to the expected position second.
 * - FUZZY: the best place is an approximate match (a typo fixed inside the quote, whitespace
 *   changed) scoring at or above the floor. `score` says how close.
 * - ORPHANED: no place reaches the floor. The result keeps the old quote and the best candidate
 *   places, ranked, for the user to confirm one.
 *
 * Anchored results carry new selectors recomputed on the new text (the new `exact` is the text
 * now at the place, so a FUZZY match's quote is the edited wording).
 */
import { ANCHOR_STATES, type AnchorState } from '../domain';
import { CONTEXT_LENGTH, describeTextQuote } from './describe';
import {
  CONFIDENCE_FLOOR,
  MAX_CANDIDATES,
  matchTextQuote,
  scoreTextQuoteMatch,
} from './match-quote';
import type { TextAnchor, TextQuoteSelector } from './selectors';
import { isCodePointBoundary } from './unicode';

/** An annotation placed on the new text, with its recomputed selectors and score in [0, 1]. */
export interface AnchoredResult {
  state: Exclude<AnchorState, 'ORPHANED'>;
  anchor: TextAnchor;
  score: number;
}

/** A candidate place offered for an orphaned annotation; `anchor.exact` is the text there. */
export interface AnchorCandidate {
  anchor: TextAnchor;
  score: number;
}

/**
 * An annotation with no place at or above the floor: its old quote, and up to `maxCandidates`
 * places ranked best first (all below the floor; empty when nothing resembles the quote).
 */
export interface OrphanedResult {
  state: 'ORPHANED';
  quote: TextQuoteSelector;
  candidates: AnchorCandidate[];
}

export type ReanchorResult = AnchoredResult | OrphanedResult;

export interface ReanchorOptions {
  /** Lowest score applied automatically; defaults to `CONFIDENCE_FLOOR`. */
  minScore?: number;
  /** Candidates kept for an orphan; defaults to `MAX_CANDIDATES`. */
  maxCandidates?: number;
  /** Context length of the recomputed selectors; defaults to `CONTEXT_LENGTH`. */
  contextLength?: number;
}

export interface ReanchorOneOptions extends ReanchorOptions {
  /**
   * Where the quote is expected to start in the new text; defaults to its old offset. `reanchor`
   * passes the old offset shifted by the edits seen so far.
   */
  hint?: number;
}

/**
 * Re-anchors one annotation (its old selectors) onto `newText`. Returns EXACT, MOVED or FUZZY
 * with new selectors, or ORPHANED with ranked candidates. Never throws for anything in the text
 * or the stored selectors (an empty stored quote is simply ORPHANED with no candidates); throws a
 * RangeError only for a broken option (a negative `contextLength`).
 *
 * Cheap checks come first: the quote with its whole context at `hint` or at the old offsets;
 * only then the ranked search of `matchTextQuote`.
 */
export function reanchorOne(
  newText: string,
  anchor: TextAnchor,
  options: ReanchorOneOptions = {},
): ReanchorResult {
  const { hint = anchor.start, ...rest } = options;
  return (
    placeUnchanged(newText, anchor, hint, rest) ?? placeByMatching(newText, anchor, hint, rest)
  );
}

/**
 * Re-anchors every annotation from `oldText` onto `newText`. Returns one result per annotation,
 * in the input's order (see `reanchorOne` for each result).
 *
 * `oldText` serves to predict where each quote should now start: offsets before the first
 * changed character stay put, offsets after the last one shift by the change in length, and in
 * between by the shift of the nearest annotation before it (by old offset) that was placed. That
 * prediction lets most annotations be placed by the cheap checks, and decides between identical
 * repeats (two copies of a paragraph) better than the raw old offset would.
 */
export function reanchor(
  oldText: string,
  newText: string,
  anchors: readonly TextAnchor[],
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const predict = createPredictor(oldText, newText);
  // Walk in old-offset order so that each annotation can borrow the shift of its predecessor.
  const order = anchors.map((_, index) => index);
  order.sort((a, b) => anchors[a]!.start - anchors[b]!.start || a - b);

  const results = new Array<ReanchorResult>(anchors.length);
  let shift = 0;
  for (const index of order) {
    const anchor = anchors[index]!;
    const result = reanchorOne(newText, anchor, { ...options, hint: predict(anchor.start, shift) });
    if (result.state !== 'ORPHANED') shift = result.anchor.start - anchor.start;
    results[index] = result;
  }
  return results;
}

/**
 * Counts results per anchor state, every state present (zero when absent): the summary shown
 * after each revision.
 */
export function summarizeAnchorStates(
  results: readonly ReanchorResult[],
): Record<AnchorState, number> {
  const counts = Object.fromEntries(ANCHOR_STATES.map((state) => [state, 0])) as Record<
    AnchorState,
    number
  >;
  for (const { state } of results) counts[state] += 1;
  return counts;
}

/**
 * Places the annotation where its quote stands with its whole stored context, at `hint` or at its
 * old offsets: two string comparisons, enough for most annotations. Null otherwise (the quote
 * moved further, changed, or is empty), leaving the search to `placeByMatching`.
 */
function placeUnchanged(
  newText: string,
  anchor: TextAnchor,
  hint: number,
  { contextLength = CONTEXT_LENGTH }: ReanchorOptions,
): AnchoredResult | null {
  const { exact } = anchor;
  if (exact.length === 0) return null;
  // The prediction first: of two places where the quote stands, it is the one that accounts for
  // the edits before the quote.
  const at = [hint, anchor.start].find((start) => standsAt(newText, anchor, start));
  if (at === undefined) return null;
  const placed = describeTextQuote(
    newText,
    { start: at, end: at + exact.length },
    { contextLength },
  );
  const score = scoreTextQuoteMatch(newText, anchor, placed, { hint, errors: 0 });
  return { state: at === anchor.start ? 'EXACT' : 'MOVED', anchor: placed, score };
}

/** Places the annotation at the best match at or above the floor, or orphans it with candidates. */
function placeByMatching(
  newText: string,
  anchor: TextAnchor,
  hint: number,
  {
    minScore = CONFIDENCE_FLOOR,
    maxCandidates = MAX_CANDIDATES,
    contextLength = CONTEXT_LENGTH,
  }: ReanchorOptions,
): ReanchorResult {
  const { exact, prefix, suffix } = anchor;
  const quote = { exact, prefix, suffix };
  const describe = (start: number, end: number) =>
    describeTextQuote(newText, { start, end }, { contextLength });
  const matches = matchTextQuote(newText, quote, { hint, minScore, maxCandidates });
  const best = matches[0];
  if (!best || best.score < minScore) {
    const candidates = matches.map(({ start, end, score }) => ({
      anchor: describe(start, end),
      score,
    }));
    return { state: 'ORPHANED', quote, candidates };
  }
  const placed = describe(best.start, best.end);
  return { state: classifyPlacement(anchor, placed), anchor: placed, score: best.score };
}

/**
 * Predicts where a quote that started at `oldStart` starts now: unmoved before the first changed
 * character, shifted by the change in length after the last one, and in between by `shift` (the
 * shift of the annotation placed just before it).
 */
function createPredictor(oldText: string, newText: string) {
  const unchangedHead = measureCommonPrefix(oldText, newText);
  const unchangedTail = measureCommonSuffix(oldText, newText, unchangedHead);
  const lengthChange = newText.length - oldText.length;
  return (oldStart: number, shift: number): number => {
    // The tail test goes first: a quote starting right where text was inserted is in both.
    if (oldStart >= oldText.length - unchangedTail) return oldStart + lengthChange;
    if (oldStart <= unchangedHead) return oldStart;
    return oldStart + shift;
  };
}

/** True when the quote and its full stored context stand unchanged at `at`. */
function standsAt(text: string, { exact, prefix, suffix }: TextQuoteSelector, at: number): boolean {
  const end = at + exact.length;
  return (
    at >= prefix.length &&
    end <= text.length &&
    text.startsWith(exact, at) &&
    text.startsWith(prefix, at - prefix.length) &&
    text.startsWith(suffix, end) &&
    isCodePointBoundary(text, at) &&
    isCodePointBoundary(text, end)
  );
}

function classifyPlacement(old: TextAnchor, placed: TextAnchor): AnchoredResult['state'] {
  if (placed.exact !== old.exact) return 'FUZZY';
  return placed.start === old.start ? 'EXACT' : 'MOVED';
}

function measureCommonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** Common suffix length, not reaching into the first `head` code units of either text. */
function measureCommonSuffix(a: string, b: string, head: number): number {
  const limit = Math.min(a.length, b.length) - head;
  let length = 0;
  while (
    length < limit &&
    a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)
  ) {
    length++;
  }
  return length;
}
