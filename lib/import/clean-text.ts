/**
 * Cleans text pasted from a web page into the article alone.
 *
 * Pipeline: split into blocks (split-blocks) -> classify them (classify-blocks) -> assemble the
 * kept blocks, rejoining sentences a removed block cut in two (join-fragments) -> drop the
 * shorter copy of duplicate paragraphs (find-duplicates) -> group removed blocks into keepable
 * units with stable ids.
 *
 * Output text: block texts joined by one blank line ("\n\n"); headings are their own block,
 * without "#" markers; list items are their own paragraphs, bullets removed. `blocks` carries
 * the kind of each block so the UI can render headings.
 */
import { classifyBlocks } from './classify-blocks';
import { metadataFromAnalysis } from './extract-metadata';
import { findDuplicateParagraphs, type DuplicateOptions } from './find-duplicates';
import { joinSeparator, shouldJoinFragments } from './join-fragments';
import type { DateOptions } from './parse-date';
import { splitBlocks, type SplitOptions } from './split-blocks';
import { fnv1a32 } from './text-utils';
import {
  REMOVAL_REASON_LABELS,
  type CleanBlock,
  type CleanResult,
  type RemovalReason,
  type RemovedBlock,
  type Segment,
  type SourceRange,
} from './types';

/** Options of `cleanText`. */
export interface CleanOptions extends DateOptions, SplitOptions {
  /** Ids of removed groups to keep after all (see `applyKeeps`). Unknown ids are ignored. */
  keep?: readonly string[];
  /** Remove the shorter copy of duplicate paragraphs. Default true. */
  removeDuplicates?: boolean;
  /** Rejoin sentences cut by a removed block or a line break. Default true. */
  rejoinFragments?: boolean;
  /** Thresholds of the duplicate finder. */
  duplicates?: DuplicateOptions;
}

const range = (r: SourceRange): SourceRange => ({
  start: r.start,
  end: r.end,
  startLine: r.startLine,
  endLine: r.endLine,
});

/** One assembled block with the segments it came from. */
interface Assembled {
  block: CleanBlock;
  segments: number[];
  listItem: boolean;
  restored: boolean;
  /** Text pieces and separators, joined once at the end (repeated concatenation of a growing
   * string would be quadratic). */
  pieces: string[];
}

function assemble(
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
  for (const a of out) if (a.pieces.length > 1) a.block.text = a.pieces.join('');
  return out;
}

function groupId(start: number, text: string): string {
  return `rm-${start}-${fnv1a32(text).toString(36)}`;
}

function makeGroup(reason: RemovalReason, members: Segment[]): RemovedBlock {
  const first = members[0]!;
  const last = members.at(-1)!;
  const text = members.map((m) => m.text).join('\n');
  return {
    id: groupId(first.start, text),
    reason,
    label: REMOVAL_REASON_LABELS[reason],
    text,
    start: first.start,
    end: last.end,
    startLine: first.startLine,
    endLine: last.endLine,
    ranges: members.map(range),
  };
}

/** The full result for a keep set, from segments and every removed group. */
function buildResult(
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
 * Cleans pasted page text. Returns the article text and blocks, the removed groups (each with
 * a stable id, reason, label, text and raw position), and the metadata found. Pass `keep` ids
 * to keep removed groups after all. Deterministic; never throws on any string input.
 */
export function cleanText(raw: string, options: CleanOptions = {}): CleanResult {
  const rejoin = options.rejoinFragments ?? true;
  const sourceBlocks = splitBlocks(raw, options);
  const analysis = classifyBlocks(sourceBlocks, options);
  const metadata = metadataFromAnalysis(analysis, options);
  const reasons: (RemovalReason | null)[] = analysis.verdicts.map((v) => v.reason);

  const segments: Segment[] = sourceBlocks.map((b) => ({
    kind: b.kind,
    level: b.level,
    listItem: b.listItem,
    text: b.text,
    start: b.start,
    end: b.end,
    startLine: b.startLine,
    endLine: b.endLine,
    removedId: null,
  }));

  // Duplicates are judged on assembled paragraphs (a rejoined sentence is one paragraph).
  const duplicateOf = new Map<number, number>();
  if (options.removeDuplicates ?? true) {
    const draft = assemble(segments, (_s, i) => reasons[i] !== null, rejoin);
    const paragraphs = draft.filter((a) => a.block.kind === 'paragraph');
    const matches = findDuplicateParagraphs(
      paragraphs.map((a) => a.block.text),
      options.duplicates,
    );
    for (const match of matches) {
      const members = paragraphs[match.index]!.segments;
      for (const s of members) {
        reasons[s] = 'duplicate';
        duplicateOf.set(s, match.index);
      }
    }
  }

  // Group removed blocks: runs of adjacent blocks with one reason; a duplicate paragraph's
  // segments form one group even when other removed blocks sit between them.
  const groups: RemovedBlock[] = [];
  const duplicateGroups = new Map<number, number[]>();
  for (let i = 0; i < segments.length;) {
    const reason = reasons[i];
    if (!reason) {
      i++;
      continue;
    }
    if (reason === 'duplicate') {
      const key = duplicateOf.get(i)!;
      const list = duplicateGroups.get(key) ?? [];
      list.push(i);
      duplicateGroups.set(key, list);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < segments.length && reasons[j] === reason) j++;
    const members = segments.slice(i, j);
    const group = makeGroup(reason, members);
    for (const m of members) m.removedId = group.id;
    groups.push(group);
    i = j;
  }
  for (const indices of duplicateGroups.values()) {
    const members = indices.map((k) => segments[k]!);
    const group = makeGroup('duplicate', members);
    for (const m of members) m.removedId = group.id;
    groups.push(group);
  }
  groups.sort((a, b) => a.start - b.start);

  return buildResult(segments, groups, metadata, options.keep ?? [], rejoin);
}

/**
 * Re-assembles a result with exactly the given removed groups kept (ids of `result.removed` or
 * `result.kept`; unknown ids are ignored), without re-classifying. Kept groups are shown as
 * their own blocks and never joined with neighbours. Pure: `result` is not modified.
 */
export function applyKeeps(
  result: CleanResult,
  keep: readonly string[],
  options: Pick<CleanOptions, 'rejoinFragments'> = {},
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
