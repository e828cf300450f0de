/**
 * Quotes of evidence, anchored in the stored copy's cleaned text with the W3C TextQuote and
 * TextPosition selectors of `lib/anchoring`, and compared with a newer copy of the same source.
 * Offsets are UTF-16 code units of the capture text. Pure: no I/O.
 */
import { diffWords } from 'diff';
import { describeTextQuote, matchTextQuote, reanchorOne, type TextAnchor } from '@/lib/anchoring';
import { measureSimilarity } from '@/lib/anchoring/similarity';

export type QuoteAnchorState = 'EXACT' | 'FUZZY' | 'NOT_FOUND';

export interface AnchoredQuote {
  state: QuoteAnchorState;
  /** The quote's place in the copy (for FUZZY, `exact` is the copy's wording); null: not found. */
  anchor: TextAnchor | null;
  /** Similarity of the copy's wording to the pasted quote, in [0, 1]. */
  score: number;
}

/**
 * Lowest similarity between a pasted quote and the copy's wording at which the quote counts as
 * found with changes (FUZZY). Typographic differences (curly quotes, dashes, spacing) and a
 * word or two mistyped stay above it; a paraphrase falls below and is NOT_FOUND, because a
 * reviewer must not be shown a passage the source does not contain as if it were the quote.
 */
export const FUZZY_QUOTE_FLOOR = 0.85;

/** Characters a paste from a browser or a word processor changes; compared as equal. */
function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00a0/g, ' ');
}

/**
 * Finds a quote in the copy's text. `hint` is where the user selected it (its start offset),
 * which decides between repeats. EXACT when the quote stands verbatim in the text; FUZZY when a
 * place matches at or above `FUZZY_QUOTE_FLOOR` (typography, whitespace, small typos);
 * NOT_FOUND otherwise.
 */
export function anchorQuote(text: string, quote: string, hint?: number): AnchoredQuote {
  const wanted = quote.trim();
  if (!wanted || !text) return { state: 'NOT_FOUND', anchor: null, score: 0 };
  const exactAt = exactOccurrence(text, wanted, hint);
  if (exactAt >= 0) {
    return {
      state: 'EXACT',
      anchor: describeTextQuote(text, { start: exactAt, end: exactAt + wanted.length }),
      score: 1,
    };
  }
  // The same words with other whitespace between them: a selection across blocks copies one
  // line break where the stored text has a blank line (or the reverse), which is the same quote.
  const spaced = spacedOccurrence(text, wanted, hint);
  if (spaced) return { state: 'EXACT', anchor: describeTextQuote(text, spaced), score: 1 };
  const folded = wanted.replace(/\s+/g, ' ');
  const matches = matchTextQuote(
    text,
    { exact: folded, prefix: '', suffix: '' },
    { hint, minScore: 0, maxCandidates: 5 },
  );
  let best: AnchoredQuote = { state: 'NOT_FOUND', anchor: null, score: 0 };
  for (const match of matches) {
    const found = text.slice(match.start, match.end);
    const score = measureSimilarity(
      foldTypography(found).replace(/\s+/g, ' '),
      foldTypography(folded),
    );
    if (score > best.score) {
      best = {
        state: score >= FUZZY_QUOTE_FLOOR ? 'FUZZY' : 'NOT_FOUND',
        anchor: score >= FUZZY_QUOTE_FLOOR ? describeTextQuote(text, match) : null,
        score,
      };
    }
  }
  return best;
}

/** The verbatim occurrence of `quote` nearest to `hint` (the first without one), or -1. */
function exactOccurrence(text: string, quote: string, hint?: number): number {
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (hint === undefined) return at;
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  return best;
}

/** The occurrence of `quote`'s words with any whitespace between them nearest to `hint`. */
function spacedOccurrence(
  text: string,
  quote: string,
  hint?: number,
): { start: number; end: number } | null {
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const pattern = new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'),
    'g',
  );
  let best: { start: number; end: number } | null = null;
  for (const match of text.matchAll(pattern)) {
    const found = { start: match.index, end: match.index + match[0].length };
    if (hint === undefined) return found;
    if (!best || Math.abs(found.start - hint) < Math.abs(best.start - hint)) best = found;
  }
  return best;
}

export type SourceChangeKind = 'MOVED' | 'CHANGED' | 'VANISHED';

/** One piece of a word diff: unchanged, added or removed words. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface QuoteChange {
  change: SourceChangeKind;
  /** Where the quote is in the newer copy (null when it vanished). */
  anchor: TextAnchor | null;
  /** Word diff from the cited quote to the newer copy's wording (all removed when vanished). */
  diff: DiffPart[];
}

/**
 * Compares a quote anchored in an older copy with a newer copy's text. Returns null when the
 * quote still stands unchanged in the same surroundings (text added or removed elsewhere only
 * shifts offsets, which is no change to the evidence); MOVED when the same words now stand in
 * other surroundings (its paragraph rewritten or moved); CHANGED when the wording changed
 * (found approximately, with `lib/anchoring`'s confidence floor); VANISHED when no place reaches
 * the floor.
 */
export function compareQuote(anchor: TextAnchor, newText: string): QuoteChange | null {
  const result = reanchorOne(newText, anchor);
  let now: TextAnchor;
  if (result.state !== 'ORPHANED') now = result.anchor;
  else {
    // The floor refuses a short quote whose surroundings are all new; for evidence the words
    // still being in the source verbatim is what counts (a relocated passage, MOVED).
    const at = exactOccurrence(newText, anchor.exact, anchor.start);
    if (at < 0 || !anchor.exact) {
      return { change: 'VANISHED', anchor: null, diff: [{ value: anchor.exact, removed: true }] };
    }
    now = describeTextQuote(newText, { start: at, end: at + anchor.exact.length });
  }
  if (now.exact !== anchor.exact) {
    return { change: 'CHANGED', anchor: now, diff: wordDiff(anchor.exact, now.exact) };
  }
  // Surroundings are what stands beside the quote in its own paragraph; the same on either
  // side means the quote is where it was (a sentence added or edited beside it is no move).
  const samePrefix = sameContext(
    paragraphPart(anchor.prefix, 'end'),
    paragraphPart(now.prefix, 'end'),
    'end',
  );
  const sameSuffix = sameContext(
    paragraphPart(anchor.suffix, 'start'),
    paragraphPart(now.suffix, 'start'),
    'start',
  );
  const sameSurroundings = samePrefix || sameSuffix;
  if (sameSurroundings) return null;
  return {
    change: 'MOVED',
    anchor: now,
    diff: wordDiff(
      `${anchor.prefix}${anchor.exact}${anchor.suffix}`,
      `${now.prefix}${now.exact}${now.suffix}`,
    ),
  };
}

/** The part of a context inside the quote's paragraph (up to the nearest line break). */
function paragraphPart(context: string, near: 'start' | 'end'): string {
  if (near === 'end') return context.slice(context.lastIndexOf('\n') + 1);
  const cut = context.indexOf('\n');
  return cut < 0 ? context : context.slice(0, cut);
}

/**
 * Whether two contexts agree. Only whole words are compared: a context cut mid-word at its far
 * end differs only by where the cut fell.
 */
function sameContext(before: string, after: string, near: 'start' | 'end'): boolean {
  if (before === after) return true;
  const words = (text: string) => {
    const list = text.split(/\s+/).filter(Boolean);
    // Drop the word at the far end, which the context length may have cut.
    return near === 'end' ? list.slice(1) : list.slice(0, -1);
  };
  const a = words(before);
  const b = words(after);
  const n = Math.min(a.length, b.length);
  if (n === 0) return a.length === b.length;
  return near === 'end'
    ? a.slice(-n).join(' ') === b.slice(-n).join(' ')
    : a.slice(0, n).join(' ') === b.slice(0, n).join(' ');
}

/** The word diff of two passages. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map(({ value, added, removed }) => ({
    value,
    ...(added ? { added: true } : {}),
    ...(removed ? { removed: true } : {}),
  }));
}

/** A quote in its paragraph: the text before it, the quote, the text after it. */
export interface QuotePassage {
  before: string;
  quote: string;
  after: string;
}

/**
 * How much of the paragraph around a quote is shown on each side: enough to judge the context
 * of a sentence, short enough for a review card.
 */
export const PASSAGE_CONTEXT_CHARS = 400;

/**
 * The paragraph of `text` holding `[start, end)` (paragraphs end at a newline), cut to
 * PASSAGE_CONTEXT_CHARS on each side with "…"; null when the offsets are outside the text.
 */
export function quotePassage(text: string, start: number, end: number): QuotePassage | null {
  if (start < 0 || end < start || end > text.length) return null;
  let from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  let before = text.slice(from, start);
  let after = text.slice(end, to);
  if (before.length > PASSAGE_CONTEXT_CHARS) {
    from = start - PASSAGE_CONTEXT_CHARS;
    before = `…${text.slice(from, start).replace(/^\S*\s/, '')}`;
  }
  if (after.length > PASSAGE_CONTEXT_CHARS) {
    after = `${text.slice(end, end + PASSAGE_CONTEXT_CHARS).replace(/\s\S*$/, '')}…`;
  }
  return { before, quote: text.slice(start, end), after };
}
