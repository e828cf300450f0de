/**
 * Conversions between the app's offsets (UTF-16 code units, JavaScript string indices) and
 * Unicode code point offsets, which the W3C Web Annotation model requires for
 * TextPositionSelector in exported annotations.
 *
 * The two differ only after an astral character (emoji, some CJK and historic scripts), which
 * takes two code units (a surrogate pair) but counts as one code point.
 *
 * Policy for offsets that fall between the two halves of a surrogate pair: an offset handed in
 * by a caller is a broken invariant (the editor never produces one), so the converters throw a
 * RangeError. Offsets computed here, by approximate matching, are snapped outwards with
 * `snapToCodePointBoundary` so that a span never cuts a character in half.
 *
 * A lone surrogate (malformed text) counts as one code point, as string iteration does.
 */
import type { TextPositionSelector } from './selectors';

/** Which way `snapToCodePointBoundary` moves an offset that splits a surrogate pair. */
export type SnapDirection = 'backward' | 'forward';

/**
 * Returns true when `index` (a UTF-16 offset) does not fall between a high and a low surrogate.
 * Offsets outside the text (negative, past the end, fractional) are not boundaries.
 */
export function isCodePointBoundary(text: string, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index > text.length) return false;
  if (index === 0 || index === text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index)));
}

/**
 * Returns `index` unchanged when it is a code point boundary, else the nearest boundary in
 * `direction` (one code unit away). Throws a RangeError for an offset outside the text.
 */
export function snapToCodePointBoundary(
  text: string,
  index: number,
  direction: SnapDirection,
): number {
  assertOffset(text, index);
  if (isCodePointBoundary(text, index)) return index;
  return direction === 'backward' ? index - 1 : index + 1;
}

/**
 * Converts a UTF-16 offset into `text` to a code point offset (the number of code points before
 * it). Throws a RangeError when the offset is outside the text or splits a surrogate pair.
 */
export function toCodePointOffset(text: string, utf16Index: number): number {
  assertBoundary(text, utf16Index);
  return countCodePoints(text, 0, utf16Index);
}

/**
 * Converts a code point offset into `text` back to a UTF-16 offset. Throws a RangeError when the
 * offset is negative, fractional or past the text's last code point.
 */
export function fromCodePointOffset(text: string, codePointIndex: number): number {
  if (!Number.isInteger(codePointIndex) || codePointIndex < 0) {
    throw new RangeError(`Code point offset ${codePointIndex} is not a non-negative integer`);
  }
  const index = advanceCodePoints(text, 0, codePointIndex);
  if (index === null) {
    throw new RangeError(`Code point offset ${codePointIndex} is past the end of the text`);
  }
  return index;
}

/**
 * Converts a position selector from UTF-16 offsets to code point offsets in one pass over the
 * text up to `end`. Throws a RangeError on an invalid range (see `toCodePointOffset`).
 */
export function toCodePointSelector(
  text: string,
  { start, end }: TextPositionSelector,
): TextPositionSelector {
  assertBoundary(text, start);
  assertBoundary(text, end);
  if (start > end) throw new RangeError(`Range start ${start} is after its end ${end}`);
  const cpStart = countCodePoints(text, 0, start);
  return { start: cpStart, end: cpStart + countCodePoints(text, start, end) };
}

/**
 * Converts a position selector from code point offsets back to UTF-16 offsets. Throws a
 * RangeError when the range is reversed or runs past the text.
 */
export function fromCodePointSelector(
  text: string,
  { start, end }: TextPositionSelector,
): TextPositionSelector {
  if (!Number.isInteger(end) || start > end) {
    throw new RangeError(`Range ${start}-${end} is not a valid code point range`);
  }
  const utf16Start = fromCodePointOffset(text, start);
  const utf16End = advanceCodePoints(text, utf16Start, end - start);
  if (utf16End === null) {
    throw new RangeError(`Code point offset ${end} is past the end of the text`);
  }
  return { start: utf16Start, end: utf16End };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function assertOffset(text: string, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index > text.length) {
    throw new RangeError(`Offset ${index} is outside the text (length ${text.length})`);
  }
}

function assertBoundary(text: string, index: number): void {
  assertOffset(text, index);
  if (!isCodePointBoundary(text, index)) {
    throw new RangeError(`Offset ${index} splits a surrogate pair`);
  }
}

/** Code points in `text.slice(from, to)`, both ends being code point boundaries. */
function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  // A charCodeAt loop rather than `[...text]`: no array of the whole prefix is allocated.
  for (let i = from; i < to; i++) {
    if (
      isHighSurrogate(text.charCodeAt(i)) &&
      i + 1 < to &&
      isLowSurrogate(text.charCodeAt(i + 1))
    ) {
      i++;
    }
    count++;
  }
  return count;
}

/** The UTF-16 offset `codePoints` code points after `from`, or null past the end of the text. */
function advanceCodePoints(text: string, from: number, codePoints: number): number | null {
  let index = from;
  for (let left = codePoints; left > 0; left--) {
    if (index >= text.length) return null;
    const pair =
      isHighSurrogate(text.charCodeAt(index)) &&
      index + 1 < text.length &&
      isLowSurrogate(text.charCodeAt(index + 1));
    index += pair ? 2 : 1;
  }
  return index;
}
