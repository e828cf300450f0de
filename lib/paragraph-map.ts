/**
 * Converts between text offsets (JavaScript string indices into a revision's text) and
 * positions in a document made of one paragraph node per paragraph of that text, the way
 * ProseMirror counts them: each paragraph opens and closes with one position, so paragraph i's
 * content starts at 1 + the sum of (length + 2) over the paragraphs before it. The text between
 * paragraphs (line breaks, blank lines) has no position of its own.
 */
import type { Paragraph } from './text';

export interface ParagraphMap {
  paragraphs: readonly Paragraph[];
  /** Document position where each paragraph's content starts. */
  contentStarts: readonly number[];
  /** Text offset where each paragraph starts (kept so a lookup copies nothing). */
  textStarts: readonly number[];
  /** Size of the whole document's content. */
  size: number;
}

export function buildParagraphMap(paragraphs: readonly Paragraph[]): ParagraphMap {
  const contentStarts: number[] = [];
  let pos = 0;
  for (const paragraph of paragraphs) {
    contentStarts.push(pos + 1);
    pos += paragraph.text.length + 2;
  }
  return { paragraphs, contentStarts, textStarts: paragraphs.map((p) => p.start), size: pos };
}

/** Index of the last entry of the ascending `values` that is <= `target` (0 when none). */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= target) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The text offset of a document position. Positions between paragraphs map to the end of the
 * paragraph before (or the start of the first one).
 */
export function posToOffset(map: ParagraphMap, pos: number): number {
  if (map.paragraphs.length === 0) return 0;
  const index = lastAtOrBefore(map.contentStarts, pos);
  const paragraph = map.paragraphs[index]!;
  const within = Math.min(Math.max(pos - map.contentStarts[index]!, 0), paragraph.text.length);
  return paragraph.start + within;
}

/**
 * The document position of a text offset. An offset in the text between two paragraphs maps to
 * the start of the next paragraph when it begins a range (`bias: 'start'`) and to the end of the
 * previous one when it ends a range (`bias: 'end'`), so a range never grows into a neighbour.
 */
export function offsetToPos(map: ParagraphMap, offset: number, bias: 'start' | 'end'): number {
  const { paragraphs, contentStarts, textStarts } = map;
  if (paragraphs.length === 0) return 0;
  const index = lastAtOrBefore(textStarts, offset);
  const paragraph = paragraphs[index]!;
  if (offset < paragraph.start) return contentStarts[0]!;
  if (offset <= paragraph.end) return contentStarts[index]! + (offset - paragraph.start);
  // In the gap after paragraph `index`.
  const next = index + 1 < paragraphs.length ? index + 1 : null;
  if (bias === 'start' && next !== null) return contentStarts[next]!;
  return contentStarts[index]! + paragraph.text.length;
}
