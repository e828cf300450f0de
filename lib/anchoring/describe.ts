/**
 * Describing a span of a revision's text as the selectors an annotation stores.
 * Offsets are UTF-16 code units (JavaScript string indices); see `./selectors`.
 */
import type { TextAnchor, TextPositionSelector } from './selectors';
import { isCodePointBoundary } from './unicode';

/**
 * How many code units of context the quote selector keeps on each side of the span.
 *
 * Trade-off: longer context tells repeats of the same phrase apart more often and is stronger
 * evidence when the quote itself changed, but it is more often touched by an edit next to the
 * span (lowering the match score) and costs more to compare. 32 is what Hypothesis and the
 * Apache Annotator use, about five or six English words.
 */
export const CONTEXT_LENGTH = 32;

export interface DescribeOptions {
  /** Context kept on each side, in code units; defaults to `CONTEXT_LENGTH`. */
  contextLength?: number;
}

/**
 * Describes `text.slice(start, end)` as a position and a quote selector. The prefix and suffix
 * are the (up to) `contextLength` code units before and after the span, shortened by one where
 * the cut would split a surrogate pair, so every string returned is well-formed.
 *
 * An empty range (start === end) is valid and gives an empty `exact`.
 *
 * Throws a RangeError when the range is broken: offsets that are not integers, `start > end`,
 * offsets outside the text, or an offset that splits a surrogate pair.
 */
export function describeTextQuote(
  text: string,
  range: TextPositionSelector,
  { contextLength = CONTEXT_LENGTH }: DescribeOptions = {},
): TextAnchor {
  assertTextRange(text, range);
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`Context length ${contextLength} is not a non-negative integer`);
  }
  const { start, end } = range;

  let prefixStart = Math.max(0, start - contextLength);
  // Shorten rather than lengthen the context, so it never exceeds the documented maximum.
  if (!isCodePointBoundary(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (!isCodePointBoundary(text, suffixEnd)) suffixEnd -= 1;

  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Throws a RangeError unless `range` is a valid span of `text`: integer offsets with
 * `0 <= start <= end <= text.length`, neither of them splitting a surrogate pair.
 */
export function assertTextRange(text: string, { start, end }: TextPositionSelector): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range ${start}-${end} has non-integer offsets`);
  }
  if (start > end) {
    throw new RangeError(`Range start ${start} is after its end ${end}`);
  }
  if (start < 0 || end > text.length) {
    throw new RangeError(`Range ${start}-${end} is outside the text (length ${text.length})`);
  }
  if (!isCodePointBoundary(text, start) || !isCodePointBoundary(text, end)) {
    throw new RangeError(`Range ${start}-${end} splits a surrogate pair`);
  }
}
