/**
 * Cuts a pasted page into structural blocks (headings, paragraphs, list items) with their exact
 * position in the raw input. Handles Markdown-ish text (ATX and setext headings, lists, quotes,
 * rules, fences), HTML-ish text (block tags start new blocks, landmarks <nav>/<header>/<footer>/
 * <aside> are remembered, <script>/<style> dropped) and plain copies where every line is a
 * paragraph. Blocks whose text is empty after stripping markup (images, rules, bare tags) are
 * dropped silently: there is nothing to keep.
 */
import { parseLineMarker, stripInlineMarkdown } from './markdown';
import { endsWithTerminalPunctuation } from './text-utils';
import type { Landmark, SourceBlock } from './types';

/** Options of `splitBlocks`. */
export interface SplitOptions {
  /**
   * A blank-line chunk of plain lines is read as one hard-wrapped paragraph when every line but
   * the last is at least this long... (shorter lines are menus or lists, one item a line).
   */
  hardWrapMinLine?: number;
  /** ...and at most this long (longer lines are whole paragraphs copied one a line). */
  hardWrapMaxLine?: number;
}

// Hard wrapping (email, text/plain copies) produces lines of similar, moderate length that end
// mid-sentence. 40-100 characters covers the usual 60-80 column wraps; a menu item is shorter, a
// paragraph copied from a browser is one much longer line.
const DEFAULT_HARD_WRAP_MIN_LINE = 40;
const DEFAULT_HARD_WRAP_MAX_LINE = 100;

const BLOCK_TAGS = new Set(
  (
    'p div h1 h2 h3 h4 h5 h6 li ul ol header footer nav aside article section main br tr td th ' +
    'table thead tbody blockquote figure figcaption hr form dl dt dd pre body html head title'
  ).split(' '),
);
const LANDMARKS = new Set<string>(['header', 'nav', 'footer', 'aside']);
const TEXT_CONTAINERS = new Set(
  'p li h1 h2 h3 h4 h5 h6 td th dt dd blockquote figcaption pre title'.split(' '),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;

/** A slice of one raw line, between HTML block tags (or the whole line). */
interface Piece {
  raw: string;
  start: number;
  line: number;
  headingLevel: number;
  listItem: boolean;
  landmark: Landmark | null;
  /** An HTML block boundary precedes the piece. */
  boundary: boolean;
  /** The piece continues an HTML text container opened on an earlier line. */
  continuation: boolean;
}

interface HtmlState {
  landmarks: Landmark[];
  heading: number;
  listItem: boolean;
  openText: number;
  skipUntil: string | null;
  boundary: boolean;
}

function splitHtmlLine(line: string, start: number, lineNo: number, state: HtmlState): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  let continuation = state.openText > 0 && !state.boundary;
  const cut = (to: number) => {
    if (to > cursor && line.slice(cursor, to).trim()) {
      pieces.push({
        raw: line.slice(cursor, to),
        start: start + cursor,
        line: lineNo,
        headingLevel: state.heading,
        listItem: state.listItem,
        landmark: state.landmarks.at(-1) ?? null,
        boundary: state.boundary,
        continuation,
      });
      state.boundary = false;
      continuation = false;
    }
  };
  if (state.skipUntil) {
    const close = line.toLowerCase().indexOf(`</${state.skipUntil}`);
    if (close < 0) return pieces;
    const end = line.indexOf('>', close);
    cursor = end < 0 ? line.length : end + 1;
    state.skipUntil = null;
  }
  TAG.lastIndex = cursor;
  for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (!closing && (name === 'script' || name === 'style')) {
      cut(m.index);
      const close = line.toLowerCase().indexOf(`</${name}`, m.index);
      if (close < 0) {
        state.skipUntil = name;
        cursor = line.length;
        return pieces;
      }
      const end = line.indexOf('>', close);
      cursor = end < 0 ? line.length : end + 1;
      TAG.lastIndex = cursor;
      continue;
    }
    if (!BLOCK_TAGS.has(name)) continue;
    cut(m.index);
    cursor = m.index + m[0].length;
    state.boundary = true;
    if (/^h[1-6]$/.test(name)) state.heading = closing ? 0 : Number(name[1]);
    if (name === 'li') state.listItem = !closing;
    if (TEXT_CONTAINERS.has(name))
      state.openText = Math.max(0, state.openText + (closing ? -1 : 1));
    if (LANDMARKS.has(name)) {
      if (closing) {
        const at = state.landmarks.lastIndexOf(name as Landmark);
        if (at >= 0) state.landmarks.splice(at, 1);
      } else {
        state.landmarks.push(name as Landmark);
      }
    }
  }
  cut(line.length);
  return pieces;
}

/** Counts layout gaps: 2+ spaces/no-break spaces between words, not right after punctuation. */
function countGaps(content: string): number {
  const inner = content.trim();
  const gaps = inner.match(/(?<![.!?:;,…])[ \t\u00a0\u202f]{2,}(?=\S)/g);
  return gaps ? gaps.length : 0;
}

interface Draft {
  kind: 'heading' | 'paragraph';
  level: number;
  listItem: boolean;
  parts: { content: string; start: number; line: number }[];
  landmark: Landmark | null;
  /** Plain text line (no marker) that a setext underline may promote. */
  plainLine: boolean;
}

function isHardWrapped(lines: string[], minLine: number, maxLine: number): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  if (body.some((l) => l.length < minLine || l.length > maxLine)) return false;
  if ((lines.at(-1) ?? '').length > maxLine) return false;
  const open = body.filter((l) => !endsWithTerminalPunctuation(l)).length;
  return open * 2 >= body.length;
}

/**
 * Splits raw text into blocks. Each non-blank line is its own block (browser copies put one
 * paragraph on one line), except list-item continuation lines, lines inside an HTML text
 * element and hard-wrapped chunks, which are joined with a space.
 */
export function splitBlocks(raw: string, options: SplitOptions = {}): SourceBlock[] {
  const minLine = options.hardWrapMinLine ?? DEFAULT_HARD_WRAP_MIN_LINE;
  const maxLine = options.hardWrapMaxLine ?? DEFAULT_HARD_WRAP_MAX_LINE;
  const state: HtmlState = {
    landmarks: [],
    heading: 0,
    listItem: false,
    openText: 0,
    skipUntil: null,
    boundary: false,
  };

  // 1. Lines -> pieces, and pieces -> chunks (runs without blank lines or HTML block tags).
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  const flush = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
  };
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 1;
  const takeLine = (end: number) => {
    const line = raw.slice(lineStart, end);
    const pieces =
      state.skipUntil || line.includes('<')
        ? splitHtmlLine(line, lineStart, lineNo, state)
        : line.trim()
          ? [
              {
                raw: line,
                start: lineStart,
                line: lineNo,
                headingLevel: 0,
                listItem: false,
                landmark: state.landmarks.at(-1) ?? null,
                boundary: false,
                continuation: state.openText > 0,
              },
            ]
          : [];
    if (!pieces.length && !state.skipUntil && !line.trim()) flush();
    for (const piece of pieces) {
      if (piece.boundary) flush();
      chunk.push(piece);
    }
  };
  for (let m = lineBreak.exec(raw); m; m = lineBreak.exec(raw)) {
    takeLine(m.index);
    lineStart = m.index + m[0].length;
    lineNo++;
  }
  takeLine(raw.length);
  flush();

  // 2. Chunks -> draft blocks.
  const drafts: Draft[] = [];
  let inFence = false;
  for (const pieces of chunks) {
    const chunkDrafts: Draft[] = [];
    for (const piece of pieces) {
      const lead = piece.raw.trimStart()[0] ?? '';
      if ((lead === '`' || lead === '~') && /^ {0,3}(```|~~~)/.test(piece.raw)) {
        inFence = !inFence;
        continue;
      }
      const marker = inFence
        ? { kind: 'text' as const, level: 0, content: piece.raw, contentOffset: 0 }
        : parseLineMarker(piece.raw);
      const leading = marker.content.length - marker.content.trimStart().length;
      const part = {
        content: marker.content.trim(),
        start: piece.start + marker.contentOffset + leading,
        line: piece.line,
      };
      const previous = chunkDrafts.at(-1);
      if (marker.kind === 'rule' || (lead === '=' && /^ {0,3}=+\s*$/.test(piece.raw))) {
        // Setext underline: promotes the single plain line just above it to a heading.
        if (previous?.plainLine && previous.parts.length === 1 && !/^ {0,3}[*_]/.test(piece.raw)) {
          previous.kind = 'heading';
          previous.level = piece.raw.trim().startsWith('=') ? 1 : 2;
          previous.plainLine = false;
        }
        continue;
      }
      if (marker.kind === 'drop' || !part.content) continue;
      const indented = /^[ \t]{2,}\S/.test(piece.raw);
      if (
        previous &&
        marker.kind === 'text' &&
        ((piece.continuation && !piece.boundary) || (previous.listItem && indented))
      ) {
        previous.parts.push(part);
        continue;
      }
      const heading = marker.kind === 'heading' || piece.headingLevel > 0;
      chunkDrafts.push({
        kind: heading ? 'heading' : 'paragraph',
        level: marker.kind === 'heading' ? marker.level : piece.headingLevel,
        listItem: marker.kind === 'list-item' || piece.listItem,
        parts: [part],
        landmark: piece.landmark,
        plainLine: marker.kind === 'text' && !heading,
      });
    }
    // A chunk of plain lines of similar moderate length is one hard-wrapped paragraph.
    const plainLines = chunkDrafts.every((d) => d.plainLine && d.parts.length === 1);
    if (
      plainLines &&
      isHardWrapped(
        chunkDrafts.map((d) => d.parts[0]!.content),
        minLine,
        maxLine,
      )
    ) {
      const first = chunkDrafts[0]!;
      first.parts = chunkDrafts.flatMap((d) => d.parts);
      drafts.push(first);
    } else {
      for (const draft of chunkDrafts) drafts.push(draft);
    }
  }

  // 3. Drafts -> blocks with plain text and positions.
  const blocks: SourceBlock[] = [];
  for (const draft of drafts) {
    const source = draft.parts.map((p) => p.content).join('\n');
    const inline = stripInlineMarkdown(source);
    if (!inline.text) continue;
    const first = draft.parts[0]!;
    const last = draft.parts.at(-1)!;
    blocks.push({
      index: blocks.length,
      kind: draft.kind,
      level: draft.kind === 'heading' ? draft.level : 0,
      listItem: draft.listItem,
      source,
      text: inline.text,
      linkChars: inline.linkChars,
      linkCount: inline.linkCount,
      emphasized: inline.emphasized,
      gapCount: draft.parts.reduce((n, p) => n + countGaps(p.content), 0),
      landmark: draft.landmark,
      start: first.start,
      end: last.start + last.content.length,
      startLine: first.line,
      endLine: last.line,
    });
  }
  return blocks;
}
