/**
 * UTF-16 code unit offsets (JavaScript string indices) to Unicode code point offsets, as the W3C
 * Web Annotation model requires for TextPositionSelector ("the selection of the text MUST be in
 * terms of unicode code points"). Private to lib/export: lib/anchoring has its own converter.
 */

/** Converts UTF-16 offsets of one text to code point offsets. */
export type CodePointIndex = (utf16Offset: number) => number;

/**
 * Prepares a converter for `text`: one pass records where surrogate pairs start, each lookup is a
 * binary search (identity when the text has no astral characters). An offset that falls inside a
 * surrogate pair maps to the code point the pair encodes.
 */
export function codePointIndex(text: string): CodePointIndex {
  const pairStarts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairStarts.push(i);
      i++;
    }
  }
  if (pairStarts.length === 0) return (offset) => offset;
  return (offset) => offset - countBelow(pairStarts, offset);
}

/** The code point length of `text` (astral characters count once). */
export function codePointLength(text: string): number {
  return codePointIndex(text)(text.length);
}

/**
 * Up to `count` code points of `text` ending at `end` (a UTF-16 offset), never splitting a
 * surrogate pair.
 */
export function codePointsBefore(text: string, end: number, count: number): string {
  let start = end;
  for (let n = 0; n < count && start > 0; n++) {
    start--;
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) {
      if (isHighSurrogate(text.charCodeAt(start - 1))) start--;
    }
  }
  return text.slice(start, end);
}

/**
 * Up to `count` code points of `text` starting at `start` (a UTF-16 offset), never splitting a
 * surrogate pair.
 */
export function codePointsAfter(text: string, start: number, count: number): string {
  let end = start;
  for (let n = 0; n < count && end < text.length; n++) {
    if (isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1))) end++;
    end++;
  }
  return text.slice(start, end);
}

const HIGH_SURROGATE_MIN = 0xd800;
const HIGH_SURROGATE_MAX = 0xdbff;
const LOW_SURROGATE_MIN = 0xdc00;
const LOW_SURROGATE_MAX = 0xdfff;

function isHighSurrogate(code: number): boolean {
  return code >= HIGH_SURROGATE_MIN && code <= HIGH_SURROGATE_MAX;
}

function isLowSurrogate(code: number): boolean {
  return code >= LOW_SURROGATE_MIN && code <= LOW_SURROGATE_MAX;
}

/** How many entries of the ascending `sorted` are strictly below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
