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
  MAX_ERRORS,
  type MatchOptions,
  type SeedIndex,
  type TextStretches,
  type WordIndex,
  indexSeeds,
  indexWords,
  matchTextQuote,
  scoreTextQuoteMatch,
} from './match-quote';
import type { TextAnchor, TextQuoteSelector } from './selectors';
import { collectInsertedText, countChangedUnits, diffTexts, mapOffset } from './text-diff';
import { type TextEdit, mapSpanThroughEdits } from './text-edits';
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

/** Options of `reanchor` (the whole revision). */
export interface ReanchorAllOptions extends ReanchorOptions {
  /**
   * The edits that made the new text, in order, when the editor knows them (see
   * `./text-edits`): positions are mapped through them instead of through a diff of the texts,
   * so a span lands where the user saw it while typing. The caller checks that they produce the
   * new text (`applyTextEdits`).
   */
  edits?: readonly TextEdit[];
}

export interface ReanchorOneOptions extends ReanchorOptions {
  /**
   * Where the quote is expected to start in the new text; defaults to its old offset. `reanchor`
   * passes the old offset mapped through the diff of the two texts.
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
 * The two texts are diffed (see `./text-diff`) and each annotation's old offsets are mapped
 * through the changes, so every character of unchanged text maps exactly, whatever happened
 * elsewhere, and each annotation is placed on its own, never from another's placement:
 *
 * - its quote stands unchanged at its mapped place: placed there (EXACT or MOVED) when that
 *   place scores at or above the floor, even when another copy of the same words exists (the
 *   mapped position decides between identical copies);
 * - its own place was edited: placed there as FUZZY, at the best approximate match around the
 *   mapped place, when that scores at or above the floor, even when an unedited copy exists
 *   elsewhere (the edit is what the user must review);
 * - otherwise (its place was deleted, or rewritten beyond the floor): searched for in the
 *   whole text with the mapped position as the expected one, as `reanchorOne` does (a moved
 *   paragraph is found again; an orphan gets ranked candidates).
 */
export function reanchor(
  oldText: string,
  newText: string,
  anchors: readonly TextAnchor[],
  { edits, ...options }: ReanchorAllOptions = {},
): ReanchorResult[] {
  const changes = oldText === newText ? [] : diffTexts(oldText, newText);
  const map: MapEdges = edits
    ? // The diff may have placed an ambiguous edit elsewhere: errors are counted from the text.
      (anchor) => mapSpanThroughEdits(edits, anchor)
    : (anchor) => {
        const start = mapOffset(changes, anchor.start, 'start');
        const end = mapOffset(changes, anchor.end, 'end');
        return {
          start,
          end,
          errors: countChangedUnits(changes, anchor.start, anchor.end, start, end),
        };
      };
  let inserted: TextStretches | undefined;
  let words: WordIndex | undefined;
  let seeds: SeedIndex | undefined;
  let searches = 0;
  return anchors.map((anchor) => {
    const mapped = placeMapped(newText, anchor, map, options);
    if (mapped.result) return mapped.result;
    // Its place is gone or rewritten: search, knowing where it should be and that a moved quote
    // can only have landed in text the revision added (or stands verbatim elsewhere).
    inserted ??= collectInsertedText(changes, newText);
    // A few searches scan the texts; beyond that indexes of them cost less.
    searches += 1;
    if (searches > SCANS_BEFORE_INDEXING) {
      words ??= indexWords(newText);
      seeds ??= indexSeeds(inserted.text);
    }
    const window = anchor.exact.length + MAX_ERRORS;
    const scope = {
      window,
      movedInto: inserted,
      words,
      seeds,
      maxErrorRate: MAPPED_ERROR_RATE,
    };
    return placeByMatching(newText, anchor, mapped.start, options, scope);
  });
}

/**
 * Share of a quote that may differ in the matches searched for once its mapped place failed.
 * Such a quote was deleted or rewritten where it stood, so what is sought is a copy elsewhere (a
 * moved paragraph) or a candidate for the user; a place with more than a quarter of the quote
 * different would need near-perfect context to reach the floor and is a poor candidate, while
 * searching up to half (as for a quote with no known place) costs several times more.
 */
const MAPPED_ERROR_RATE = 0.25;

/**
 * Annotations searched for by scanning the texts before the rest use indexes of them: building
 * both costs about as much as a few scans of a long text.
 */
const SCANS_BEFORE_INDEXING = 8;

/**
 * Where an annotation's old edges stand in the new text, and how many code units of its quote
 * changed on the way (undefined when unknown: then counted by edit distance).
 */
type MapEdges = (anchor: TextAnchor) => { start: number; end: number; errors?: number };

/**
 * Places one annotation of `reanchor` at its old offsets mapped by `map`, when the
 * quote (unchanged or edited) scores at or above the floor there; otherwise returns only the
 * mapped start, where the search should expect it.
 */
function placeMapped(
  newText: string,
  anchor: TextAnchor,
  map: MapEdges,
  { minScore = CONFIDENCE_FLOOR, contextLength = CONTEXT_LENGTH }: ReanchorOptions,
): { result?: AnchoredResult; start: number } {
  const edges = map(anchor);
  const start = edges.start;
  const end = Math.max(start, edges.end);
  if (anchor.exact.length === 0 || start === end) return { start };
  const errors = edges.errors ?? (newText.slice(start, end) === anchor.exact ? 0 : undefined);
  // Most quotes stand unchanged with their whole context: a perfect score, without comparing.
  const intact =
    errors === 0 &&
    start >= anchor.prefix.length &&
    newText.startsWith(anchor.prefix, start - anchor.prefix.length) &&
    newText.startsWith(anchor.suffix, end);
  const score = intact
    ? 1
    : scoreTextQuoteMatch(newText, anchor, { start, end }, { hint: start, errors });
  if (score < minScore) return { start };
  const placed = describeTextQuote(newText, { start, end }, { contextLength });
  return { result: { state: classifyPlacement(anchor, placed), anchor: placed, score }, start };
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
  scope: Pick<MatchOptions, 'window' | 'movedInto' | 'words' | 'seeds' | 'maxErrorRate'> = {},
): ReanchorResult {
  const { exact, prefix, suffix } = anchor;
  const quote = { exact, prefix, suffix };
  const describe = (start: number, end: number) =>
    describeTextQuote(newText, { start, end }, { contextLength });
  const matches = matchTextQuote(newText, quote, { hint, minScore, maxCandidates, ...scope });
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
