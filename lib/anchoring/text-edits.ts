/**
 * Edits made one after another, as an editor makes them, and where a span's edges land after
 * them. Offsets are UTF-16 code units (JavaScript string indices); see `./selectors`.
 *
 * When a text is revised in place (the workspace's Revise mode), the editor knows exactly where
 * the user typed, which a diff of the two texts can only guess: typing "the " in front of a
 * highlighted "the economy" gives the same new text as typing it just after the first "the",
 * and a diff picks one. The revision then carries its edits, and each span's edges are mapped
 * through them one by one with the diff's own rule (`mapThroughChange`: text typed at a span's
 * edge stays outside it; a replacement that straddles an edge joins the span), the rule the
 * editor applies to its highlights after every keystroke, so what the user saw is what is saved.
 * Pure and free of zod, so the editor's browser code can use it; the wire shape is in
 * ./text-edits-schema.
 */
import { type TextChange, mapThroughChange } from './text-diff';

/** One edit: `text.slice(from, to)` replaced with `insert`, in the text as it was then. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** Most edits one revision may carry (a long session of typing is a few thousand keystrokes). */
export const MAX_TEXT_EDITS = 20_000;

/**
 * The text after applying `edits` in order, or null when an edit's range does not lie within
 * the text as it is at that point, or would cut a surrogate pair.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string | null {
  let current = text;
  for (const { from, to, insert } of edits) {
    if (from < 0 || from > to || to > current.length) return null;
    if (splitsPair(current, from) || splitsPair(current, to)) return null;
    current = current.slice(0, from) + insert + current.slice(to);
  }
  return current;
}

/**
 * Where a span `[start, end)` of the text before `edits` stands after all of them: each edge
 * moved through each edit in turn with `mapOffset`'s rule, the end never before the start
 * (a span whose text was deleted collapses where it was).
 */
export function mapSpanThroughEdits(
  edits: readonly TextEdit[],
  span: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = span;
  for (const edit of edits) {
    // Edits wholly after the span leave it alone (most of them, in a long session).
    if (edit.from > end) continue;
    const change = toChange(edit);
    start = edit.from > start ? start : mapThroughChange(change, start, 'start');
    end = Math.max(start, mapThroughChange(change, end, 'end'));
  }
  return { start, end };
}

/** The edit as a change of `./text-diff` (the new text of the edit starts where the old did). */
export function toChange({ from, to, insert }: TextEdit): TextChange {
  return { oldFrom: from, oldTo: to, newFrom: from, newTo: from + insert.length };
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
