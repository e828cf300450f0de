/**
 * Snapping a selection to whole words, as an editor expects when they drag across a sentence
 * and start or stop inside a word. Offsets are UTF-16 code units (see `./selectors`).
 */
import type { TextPositionSelector } from './selectors';

// Letters (with their combining marks) and digits make words; an apostrophe or hyphen between
// two of them belongs to the word ("Kazakhstan’s", "Astana-2"), as does a decimal point or
// comma between digits ("11.6", "2,000").
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const JOINER = /['’\-‐.,]/;

/**
 * `range` widened so that it neither starts nor ends inside a word, and narrowed so that it
 * neither starts nor ends with white space. Returns the range unchanged when it already lies on
 * word edges, and null when it holds nothing but white space. Never splits a surrogate pair.
 */
export function snapToWords(
  text: string,
  range: TextPositionSelector,
): TextPositionSelector | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return null;
  while (start > 0 && insideWord(text, start)) start--;
  while (end < text.length && insideWord(text, end)) end++;
  return { start, end };
}

/** True when the boundary before `at` falls inside a word. */
function insideWord(text: string, at: number): boolean {
  const before = characterBefore(text, at);
  const after = characterAt(text, at);
  if (!before || !after) return false;
  if (isWordCharacter(before) && isWordCharacter(after)) return true;
  // "Kazakhstan|’s" or "Kazakhstan’|s": a joiner with word characters on both sides.
  if (JOINER.test(after) && isWordCharacter(before)) {
    const next = characterAt(text, at + after.length);
    return next !== null && isWordCharacter(next);
  }
  if (JOINER.test(before) && isWordCharacter(after)) {
    const previous = characterBefore(text, at - before.length);
    return previous !== null && isWordCharacter(previous);
  }
  // Inside a surrogate pair (an emoji or an astral letter).
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

function characterAt(text: string, at: number): string | null {
  if (at >= text.length) return null;
  const code = text.codePointAt(at)!;
  return String.fromCodePoint(code);
}

function characterBefore(text: string, at: number): string | null {
  if (at <= 0) return null;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) return text.slice(at - 2, at);
  return text[at - 1]!;
}
