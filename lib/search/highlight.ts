/**
 * Highlighted snippets travel as segments, never as HTML: the database marks matches with two
 * private-use characters, and `toSegments` splits on them, so article text can never inject markup.
 */

/** Opens a match in text marked by the database (U+E000, a private-use code point). */
export const MATCH_START = '\uE000';
/** Closes a match (U+E001). */
export const MATCH_END = '\uE001';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits marked text into plain and matching runs. Unbalanced markers are tolerated (a stray
 * close is dropped, an unclosed open runs to the end); empty runs are left out.
 */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current) segments.push({ text: current, match });
    current = '';
  };
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else {
      current += char;
    }
  }
  flush();
  return segments;
}

/** The whole value as one matching segment (a fuzzy name match has no word positions). */
export function wholeMatch(text: string): Segment[] {
  return text ? [{ text, match: true }] : [];
}

/** True when any segment is a match. */
export function hasMatch(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.match);
}
