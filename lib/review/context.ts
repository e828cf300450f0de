/**
 * "The span in context": the sentence around an annotated quote, cut from a window of the
 * revision text, so the review queue never has to load whole articles. Pure; the SQL that
 * fetches the windows lives with the queries that need it.
 */
import { continuesAfterAbbreviation } from '@/lib/text';

/** The quote with the text of its sentence before and after it. */
export interface SpanContext {
  before: string;
  exact: string;
  after: string;
  /** True when `before` does not start at a sentence (or text) start: show an ellipsis. */
  clippedStart: boolean;
  /** True when `after` does not end at a sentence (or text) end. */
  clippedEnd: boolean;
}

/** Characters of context shown at most on each side: about two lines in the queue. */
export const MAX_CONTEXT_SIDE = 240;

/** Sentence end: terminal punctuation, closing quotes or brackets, then whitespace. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s|$)/g;
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Whether `punctuation`, a SENTENCE_END match that stops at `after` in `text`, ends a sentence:
 * not the period of an abbreviation or a title the sentence goes on after ("Oct. 2–4",
 * "Dr. Kassis": lib/text's rule).
 */
function endsSentence(text: string, after: number, punctuation: string): boolean {
  if (punctuation !== '.') return true;
  const next = /\S/.exec(text.slice(after, after + 8));
  return !continuesAfterAbbreviation(text.slice(Math.max(0, after - 12), after), next?.[0] ?? '');
}

/**
 * The sentence around `exact` in `window`, a slice of the text. `hint` is where the quote is
 * expected in the window (it may be off by a few characters: the window is cut by the database
 * in code points, offsets are UTF-16 code units), so the occurrence nearest to it is used.
 * `windowAtStart` / `windowAtEnd` say whether the window begins / ends where the text does.
 * Returns null when the quote is not in the window at all.
 */
export function sentenceAround(
  window: string,
  exact: string,
  hint: number,
  {
    windowAtStart,
    windowAtEnd,
    maxSide = MAX_CONTEXT_SIDE,
  }: { windowAtStart: boolean; windowAtEnd: boolean; maxSide?: number },
): SpanContext | null {
  const at = nearestOccurrence(window, exact, hint);
  if (at === null) return null;
  const end = at + exact.length;
  const start = sentenceStart(window, at, maxSide, windowAtStart);
  const stop = sentenceEnd(window, end, maxSide, windowAtEnd);
  return {
    before: window.slice(start.index, at),
    exact,
    after: window.slice(end, stop.index),
    clippedStart: start.clipped,
    clippedEnd: stop.clipped,
  };
}

/** A context from the annotation's own TextQuoteSelector, when the text window cannot be used. */
export function contextFromSelector(a: { prefix: string; exact: string; suffix: string }) {
  return {
    before: a.prefix,
    exact: a.exact,
    after: a.suffix,
    clippedStart: true,
    clippedEnd: true,
  } satisfies SpanContext;
}

function nearestOccurrence(text: string, exact: string, hint: number): number | null {
  if (exact === '') return null;
  if (text.startsWith(exact, hint)) return hint;
  let best: number | null = null;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (best === null || Math.abs(i - hint) < Math.abs(best - hint)) best = i;
  }
  return best;
}

function sentenceStart(text: string, at: number, maxSide: number, atTextStart: boolean) {
  const from = Math.max(0, at - maxSide);
  const head = text.slice(from, at);
  let boundary = -1;
  const lines = head.split(LINE_BREAK);
  if (lines.length > 1) boundary = head.length - lines[lines.length - 1]!.length;
  for (const match of head.matchAll(SENTENCE_END)) {
    const after = match.index + match[0].length;
    if (after > boundary && after < head.length && endsSentence(text, from + after, match[0])) {
      boundary = after;
    }
  }
  if (boundary >= 0) {
    const index = from + boundary;
    return { index: skipSpaces(text, index, at), clipped: false };
  }
  if (from === 0) return { index: 0, clipped: !atTextStart };
  // No sentence start within reach: cut at a word boundary.
  const space = head.search(/\s/);
  const index = space === -1 ? from : from + space + 1;
  return { index: skipSpaces(text, index, at), clipped: true };
}

function sentenceEnd(text: string, end: number, maxSide: number, atTextEnd: boolean) {
  const to = Math.min(text.length, end + maxSide);
  const tail = text.slice(end, to);
  const line = tail.search(LINE_BREAK);
  let stop = -1;
  for (const match of tail.matchAll(SENTENCE_END)) {
    const after = match.index + match[0].length;
    if (!endsSentence(text, end + after, match[0])) continue;
    stop = after;
    break;
  }
  if (line !== -1 && (stop === -1 || line < stop)) return { index: end + line, clipped: false };
  if (stop !== -1 && (stop < tail.length || to === text.length)) {
    return { index: end + stop, clipped: false };
  }
  if (to === text.length) return { index: to, clipped: !atTextEnd };
  const space = tail.lastIndexOf(' ');
  return { index: space <= 0 ? to : end + space, clipped: true };
}

function skipSpaces(text: string, index: number, limit: number): number {
  let i = index;
  while (i < limit && /\s/.test(text[i]!)) i++;
  return i;
}
