/**
 * Structured input: pages whose blocks are already known (HTML walked as a DOM, .docx converted
 * by server/import) skip `splitBlocks`. Their blocks are laid out one a line in a "layout text",
 * so block positions, line numbers and removed-group ids work exactly as for pasted text.
 */
import { collapseWhitespace } from './text-utils';
import type { Landmark, SourceBlock } from './types';

/** One block of a structured page. Optional counts default to 0, flags to false. */
export interface StructuredBlock {
  kind: 'heading' | 'paragraph';
  /** Heading level 1-6 (clamped); ignored for paragraphs. */
  level?: number;
  listItem?: boolean;
  /** Plain text; whitespace is collapsed here. */
  text: string;
  /** Characters of the (collapsed) text that were link text. */
  linkChars?: number;
  linkCount?: number;
  /** The whole block was bold or italic. */
  emphasized?: boolean;
  /** Layout gaps (runs of no-break spaces between words). */
  gapCount?: number;
  landmark?: Landmark | null;
  /** An article extractor (Readability) left the block out of the article. */
  outsideArticle?: boolean;
}

/** Result of `toSourceBlocks`. */
export interface LayoutText {
  /** The blocks' texts, one a line: what the source positions of the blocks point into. */
  text: string;
  blocks: SourceBlock[];
}

/**
 * Lays structured blocks out one a line and returns them as source blocks for `cleanBlocks`.
 * Blocks with no text after whitespace collapsing are dropped (nothing to keep).
 */
export function toSourceBlocks(input: readonly StructuredBlock[]): LayoutText {
  const lines: string[] = [];
  const blocks: SourceBlock[] = [];
  let offset = 0;
  for (const item of input) {
    const text = collapseWhitespace(item.text);
    if (!text) continue;
    const heading = item.kind === 'heading';
    const block: SourceBlock = {
      index: blocks.length,
      kind: item.kind,
      level: heading ? Math.min(6, Math.max(1, Math.round(item.level ?? 1))) : 0,
      listItem: item.listItem ?? false,
      source: text,
      text,
      linkChars: Math.min(item.linkChars ?? 0, text.length),
      linkCount: item.linkCount ?? 0,
      emphasized: item.emphasized ?? false,
      gapCount: item.gapCount ?? 0,
      landmark: item.landmark ?? null,
      start: offset,
      end: offset + text.length,
      startLine: lines.length + 1,
      endLine: lines.length + 1,
    };
    if (item.outsideArticle) block.outsideArticle = true;
    blocks.push(block);
    lines.push(text);
    offset += text.length + 1;
  }
  return { text: lines.join('\n'), blocks };
}
