/**
 * Assembling the article from classified segments, and keeping removed groups after all. Kept
 * apart from the classifier so the import page can re-assemble in the browser (one click per
 * "keep") without shipping the classifier: this module imports only the sentence rejoiner.
 */
import { joinSeparator, shouldJoinFragments } from './join-fragments';
import type { CleanBlock, CleanResult, RemovedBlock, Segment, SourceRange } from './types';

/** Copies the range fields of a block or segment. */
export const range = (r: SourceRange): SourceRange => ({
  start: r.start,
  end: r.end,
  startLine: r.startLine,
  endLine: r.endLine,
});

/** One assembled block with the segments it came from. */
export interface Assembled {
  block: CleanBlock;
  segments: number[];
  listItem: boolean;
  restored: boolean;
  /** Text pieces and separators, joined once at the end (repeated concatenation of a growing
   * string would be quadratic). */
  pieces: string[];
}

/**
 * Joins the segments that are not removed into blocks, rejoining a paragraph with the next when
 * a removed block (or a line break) cut its sentence in two. Restored (kept) segments and list
 * items are never joined with a neighbour.
 */
export function assemble(
  segments: readonly Segment[],
  isRemoved: (segment: Segment, index: number) => boolean,
  rejoin: boolean,
): Assembled[] {
  const out: Assembled[] = [];
  segments.forEach((segment, index) => {
    if (isRemoved(segment, index)) return;
    const restored = segment.removedId !== null;
    const last = out.at(-1);
    if (
      rejoin &&
      last &&
      !last.restored &&
      !restored &&
      !last.listItem &&
      !segment.listItem &&
      last.block.kind === 'paragraph' &&
      segment.kind === 'paragraph' &&
      shouldJoinFragments(last.pieces.at(-1)!, segment.text)
    ) {
      last.pieces.push(joinSeparator(last.pieces.at(-1)!, segment.text), segment.text);
      last.block.sources.push(range(segment));
      last.segments.push(index);
      return;
    }
    out.push({
      block: {
        kind: segment.kind,
        level: segment.level,
        text: segment.text,
        sources: [range(segment)],
      },
      segments: [index],
      listItem: segment.listItem,
      restored,
      pieces: [segment.text],
    });
  });
  for (const a of out) {
    if (a.pieces.length < 2) continue;
    a.block.text = a.pieces.join('');
    // pieces alternate text, separator, text...: each later text starts a rejoin.
    const joins: number[] = [];
    let offset = 0;
    a.pieces.forEach((piece, i) => {
      if (i > 0 && i % 2 === 0) joins.push(offset);
      offset += piece.length;
    });
    a.block.joins = joins;
  }
  return out;
}

/** The full result for a keep set, from segments and every removed group. */
export function buildResult(
  segments: Segment[],
  groups: RemovedBlock[],
  metadata: CleanResult['metadata'],
  keep: readonly string[],
  rejoin: boolean,
): CleanResult {
  const known = new Set(groups.map((g) => g.id));
  const keepSet = new Set(keep.filter((id) => known.has(id)));
  const assembled = assemble(
    segments,
    (s) => s.removedId !== null && !keepSet.has(s.removedId),
    rejoin,
  );
  const blocks = assembled.map((a) => a.block);
  return {
    text: blocks.map((b) => b.text).join('\n\n'),
    blocks,
    removed: groups.filter((g) => !keepSet.has(g.id)),
    kept: groups.filter((g) => keepSet.has(g.id)),
    metadata,
    segments,
  };
}

/**
 * Re-assembles a result with exactly the given removed groups kept (ids of `result.removed` or
 * `result.kept`; unknown ids are ignored), without re-classifying. Kept groups are shown as
 * their own blocks and never joined with neighbours. Pure: `result` is not modified.
 */
export function applyKeeps(
  result: CleanResult,
  keep: readonly string[],
  options: { rejoinFragments?: boolean } = {},
): CleanResult {
  const groups = [...result.removed, ...result.kept].sort((a, b) => a.start - b.start);
  return buildResult(
    result.segments,
    groups,
    result.metadata,
    keep,
    options.rejoinFragments ?? true,
  );
}
