/**
 * What changed between two revisions of a text, and where an old offset stands in the new text.
 * Offsets are UTF-16 code units (JavaScript string indices); see `./selectors`.
 *
 * The diff itself is diff-match-patch's (`@sanity/diff-match-patch`, Myers' algorithm with its
 * speed-ups). Run on two whole 20,000-word texts it can take a second: a deleted section next to
 * a typo fix leaves one long run of differences, and Myers' algorithm costs the square of a
 * run's edits. So the texts are compared in passes, each by diff-match-patch over the pieces of
 * the previous pass's changed runs: lines (paragraphs), sentences, words, then characters. Each
 * pass sees few edits (a deleted section is a few dozen sentences, not thousands of words), and
 * unchanged text is never looked at again.
 */
import {
  DIFF_DELETE,
  DIFF_EQUAL,
  DIFF_INSERT,
  type Diff,
  cleanupSemantic,
  makeDiff,
} from '@sanity/diff-match-patch';
import { isSpace } from '../white-space';

/** One changed region: `oldText.slice(oldFrom, oldTo)` became `newText.slice(newFrom, newTo)`. */
export interface TextChange {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

/** A run of the word-level diff: text kept, removed from the old text or added in the new. */
export interface DiffRun {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/**
 * Longest time diff-match-patch may spend on one run. Beyond it a run is reported as replaced
 * whole: the quotes in it are then searched for, not mapped, which is slower but still right.
 */
const DIFF_TIMEOUT_SECONDS = 1;

/** Changed stretches shorter than this (both sides, in code units) skip the middle passes. */
const SHORT_STRETCH = 4096;

type Splitter = (text: string) => string[];

// Each splitter keeps what it splits at with the piece before it, so pieces join back into
// the text exactly. Paragraphs end at line breaks; sentences after closing punctuation (and a
// closing quote or bracket) followed by spaces; words after their spaces, so that an edit
// stays inside the word's piece.
const splitLines: Splitter = (text) => splitAfter(text, /(\n)/);
const splitSentences: Splitter = (text) => splitAfter(text, /([.!?…]+["'”’)\]]*\s+)/);
const splitWords: Splitter = (text) => splitAtWordStarts(text);
const PASSES = [splitLines, splitSentences, splitWords];

/**
 * The changed regions between `oldText` and `newText`, in order, separated by unchanged text
 * (never adjacent). Every code unit outside them is unchanged and keeps its neighbours.
 */
export function diffTexts(oldText: string, newText: string): TextChange[] {
  return toChanges(diffInPasses(oldText, newText, PASSES, true));
}

/**
 * The word-level diff of two texts for reading: runs of kept, deleted and inserted text whose
 * edges fall between words, with diff-match-patch's semantic clean-up so that a rewritten
 * sentence reads as one deletion and one insertion rather than a patchwork of shared words.
 */
export function diffWords(oldText: string, newText: string): DiffRun[] {
  const runs = diffInPasses(oldText, newText, PASSES, false);
  return runs.map(([operation, text]) => ({
    kind: operation === DIFF_EQUAL ? 'equal' : operation === DIFF_DELETE ? 'delete' : 'insert',
    text,
  }));
}

/**
 * Where the old offset `offset` stands in the new text. Offsets in unchanged text map exactly.
 * An offset inside a changed region maps to the region's new start when it begins a span
 * (`side: 'start'`) and to its new end when it ends one, so a span keeps the text that replaced
 * its edges; text inserted exactly at a span's edge stays outside the span.
 */
export function mapOffset(
  changes: readonly TextChange[],
  offset: number,
  side: 'start' | 'end',
): number {
  // The last change starting at or before the offset (binary search).
  let low = 0;
  let high = changes.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (changes[middle]!.oldFrom <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found === -1) return offset;
  return mapThroughChange(changes[found]!, offset, side);
}

/**
 * `mapOffset`'s rule for one change that starts at or before `offset` (the one rule both the
 * diff and the editor's edits, `./text-edits`, map through).
 */
export function mapThroughChange(
  { oldFrom, oldTo, newFrom, newTo }: TextChange,
  offset: number,
  side: 'start' | 'end',
): number {
  if (offset > oldTo) return offset + newTo - oldTo;
  const inserted = oldFrom === oldTo;
  if (offset === oldTo && !inserted) return newTo;
  if (offset === oldFrom && offset < oldTo) return newFrom;
  if (inserted) return side === 'start' ? newTo : newFrom;
  return side === 'start' ? newFrom : newTo;
}

/**
 * How many code units differ between `oldText.slice(from, to)` and the new text at its mapped
 * place `[mappedFrom, mappedTo)`: for each change meeting both, the larger of what it removed
 * and what it added there. An upper bound of their edit distance, exact for simple edits (a
 * letter replaced counts one), read off the diff at no cost.
 */
export function countChangedUnits(
  changes: readonly TextChange[],
  from: number,
  to: number,
  mappedFrom: number,
  mappedTo: number,
): number {
  const overlap = (a: number, b: number, c: number, d: number) =>
    Math.max(0, Math.min(b, d) - Math.max(a, c));
  let low = 0;
  let high = changes.length;
  // The first change that ends at or after `from`.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (changes[middle]!.oldTo < from) low = middle + 1;
    else high = middle;
  }
  let count = 0;
  for (let at = low; at < changes.length && changes[at]!.oldFrom <= to; at++) {
    const change = changes[at]!;
    count += Math.max(
      overlap(change.oldFrom, change.oldTo, from, to),
      overlap(change.newFrom, change.newTo, mappedFrom, mappedTo),
    );
  }
  return count;
}

/**
 * The text `changes` added to the new text, joined for searching (see `TextStretches`), with a
 * NUL between stretches so that no piece of text found spans two of them.
 */
export function collectInsertedText(changes: readonly TextChange[], newText: string) {
  const parts: string[] = [];
  const starts: number[] = [];
  const offsets: number[] = [];
  let length = 0;
  for (const { newFrom, newTo } of changes) {
    if (newTo === newFrom) continue;
    starts.push(length);
    offsets.push(newFrom);
    parts.push(newText.slice(newFrom, newTo));
    length += newTo - newFrom + 1;
  }
  return { text: parts.join('\u0000'), starts, offsets };
}

/**
 * Diffs with diff-match-patch on the pieces of each splitter in turn, the next one only inside
 * runs the previous one found changed, and characters last when `toCharacters`. Returns
 * diff-match-patch's runs, merged.
 */
function diffInPasses(
  oldText: string,
  newText: string,
  splitters: readonly Splitter[],
  toCharacters: boolean,
): Diff[] {
  const out: Diff[] = [];
  // Text both sides share at their start and end is kept as it is, cut at a boundary of the
  // pass's pieces: only the middle is split and compared (most changed paragraphs differ in a
  // word or two, and splitting the rest of them into words was most of a revision's diff time).
  const pass = (a: string, b: string, level: number) => {
    if (level === splitters.length || a.length === 0 || b.length === 0) {
      compare(a, b, level);
      return;
    }
    const [head, tail] = commonEnds(a, b, level === 0 ? isLineStart : isWordStart);
    if (head > 0) out.push([DIFF_EQUAL, a.slice(0, head)]);
    if (head + tail < a.length || head + tail < b.length) {
      compare(a.slice(head, a.length - tail), b.slice(head, b.length - tail), level);
    }
    if (tail > 0) out.push([DIFF_EQUAL, a.slice(a.length - tail)]);
  };
  const compare = (a: string, b: string, level: number) => {
    if (a.length === 0 || b.length === 0) {
      if (a) out.push([DIFF_DELETE, a]);
      if (b) out.push([DIFF_INSERT, b]);
      return;
    }
    if (level === splitters.length) {
      if (toCharacters) {
        out.push(...makeDiff(a, b, { checkLines: false, timeout: DIFF_TIMEOUT_SECONDS }));
      } else {
        out.push([DIFF_DELETE, a], [DIFF_INSERT, b]);
      }
      return;
    }
    // A short stretch (a paragraph or two) goes straight to the last pass: a middle pass there
    // costs more than it saves.
    if (level > 0 && level < splitters.length - 1 && a.length + b.length < SHORT_STRETCH) {
      pass(a, b, splitters.length - 1);
      return;
    }
    const split = splitters[level]!;
    const encoded = encodePieces(split(a), split(b));
    if (!encoded) {
      pass(a, b, splitters.length);
      return;
    }
    let diffs = makeDiff(encoded.a, encoded.b, {
      checkLines: false,
      timeout: DIFF_TIMEOUT_SECONDS,
    });
    if (!toCharacters && level === splitters.length - 1) {
      // Tidy the word diff for reading before it is decoded: on encoded words, diff-match-patch's
      // semantic clean-up folds a word kept between two edits into them, so a rewritten
      // sentence reads as one deletion and one insertion.
      diffs = cleanupSemantic(diffs);
    }
    for (const run of realignCopies(decodeRuns(diffs, encoded.pieces))) {
      if (typeof run === 'string') out.push([DIFF_EQUAL, run]);
      else pass(run.deleted, run.inserted, level + 1);
    }
  };
  pass(oldText, newText, 0);
  return mergeRuns(out);
}

/**
 * Encodes each distinct piece as one UTF-16 code unit, so diff-match-patch compares pieces as it
 * compares characters (its own line mode, for any splitter). Null when there are more distinct
 * pieces than code units.
 */
function encodePieces(
  a: readonly string[],
  b: readonly string[],
): { a: string; b: string; pieces: string[] } | null {
  const codes = new Map<string, number>();
  const pieces: string[] = [];
  const encode = (list: readonly string[]) => {
    const units: number[] = [];
    for (const piece of list) {
      let code = codes.get(piece);
      if (code === undefined) {
        code = pieces.length;
        codes.set(piece, code);
        pieces.push(piece);
      }
      units.push(code);
    }
    return units;
  };
  const unitsA = encode(a);
  const unitsB = encode(b);
  // Stay below the surrogate range: diff-match-patch re-aligns its runs around surrogate pairs.
  if (pieces.length >= 0xd800) return null;
  return { a: fromCodes(unitsA), b: fromCodes(unitsB), pieces };
}

/**
 * How many code units `a` and `b` share at their start and at their end (not overlapping), each
 * shortened to end where `isBoundary` holds in both texts, so the middle starts and ends on a
 * boundary of the pieces they are split into. The whole text when they are equal.
 */
function commonEnds(
  a: string,
  b: string,
  isBoundary: (text: string, at: number) => boolean,
): [number, number] {
  if (a === b) return [a.length, 0];
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  while (head > 0 && !(isBoundary(a, head) && isBoundary(b, head))) head--;
  let tail = 0;
  while (
    tail < shorter - head &&
    a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)
  ) {
    tail++;
  }
  while (tail > 0 && !(isBoundary(a, a.length - tail) && isBoundary(b, b.length - tail))) tail--;
  return [head, tail];
}

/** A piece of `splitLines` starts at `at`. */
function isLineStart(text: string, at: number): boolean {
  return at === 0 || text.charCodeAt(at - 1) === 10;
}

/** A word starts at `at` (or the text ends there): where `splitWords` cuts. */
function isWordStart(text: string, at: number): boolean {
  return (
    at === 0 ||
    (isSpace(text.charCodeAt(at - 1)) && (at === text.length || !isSpace(text.charCodeAt(at))))
  );
}

/**
 * `text` cut where a word starts after white space: `splitAfter(text, /(\s+)/)` in one scan,
 * with one string a piece (the regular expression's split made three, and a deleted section
 * sends thousands of words through here).
 */
function splitAtWordStarts(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  let afterSpace = false;
  for (let at = 0; at < text.length; at++) {
    const space = isSpace(text.charCodeAt(at));
    if (afterSpace && !space && at > from) {
      pieces.push(text.slice(from, at));
      from = at;
    }
    afterSpace = space;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}

/** `text` cut after each match of `separator` (a pattern with one capturing group). */
function splitAfter(text: string, separator: RegExp): string[] {
  // split() with a group returns [piece, separator, piece, separator, …, piece].
  const parts = text.split(separator);
  const pieces: string[] = [];
  for (let at = 0; at < parts.length; at += 2) {
    const piece = parts[at]! + (parts[at + 1] ?? '');
    if (piece) pieces.push(piece);
  }
  return pieces;
}

function fromCodes(units: readonly number[]): string {
  let text = '';
  // In slices: String.fromCharCode takes its codes as arguments.
  for (let at = 0; at < units.length; at += 8192) {
    text += String.fromCharCode(...units.slice(at, at + 8192));
  }
  return text;
}

function decodePieces(codes: string, pieces: readonly string[]): string {
  let text = '';
  for (let at = 0; at < codes.length; at++) text += pieces[codes.charCodeAt(at)]!;
  return text;
}

/** A changed stretch of a coarse pass: to be compared again with the next, finer pass. */
interface ChangedRun {
  deleted: string;
  inserted: string;
}

/** Decodes a coarse pass into kept text (strings) and changed stretches, alternating. */
function decodeRuns(diffs: readonly Diff[], pieces: readonly string[]): (string | ChangedRun)[] {
  const runs: (string | ChangedRun)[] = [];
  for (const [operation, codes] of diffs) {
    const text = decodePieces(codes, pieces);
    const last = runs[runs.length - 1];
    if (operation === DIFF_EQUAL) {
      runs.push(text);
      continue;
    }
    const open =
      last !== undefined && typeof last !== 'string' ? last : { deleted: '', inserted: '' };
    if (open !== last) runs.push(open);
    if (operation === DIFF_DELETE) open.deleted += text;
    else open.inserted += text;
  }
  return runs;
}

/**
 * Folds a kept piece into the changed stretches around it when they suggest it was matched to
 * the wrong copy: text added before it and about as much removed after it (or the reverse),
 * each at least as long as the piece. A coarse pass sees an edited paragraph as wholly new, so
 * between two copies of a repeated paragraph it may pair an old copy with a new one further on;
 * the finer pass then compares the whole stretch and pairs each copy with its own.
 */
function realignCopies(runs: (string | ChangedRun)[]): (string | ChangedRun)[] {
  const out: (string | ChangedRun)[] = [];
  for (let at = 0; at < runs.length; at++) {
    const run = runs[at]!;
    const before = out[out.length - 1];
    const after = runs[at + 1];
    if (
      typeof run === 'string' &&
      before !== undefined &&
      typeof before !== 'string' &&
      after !== undefined &&
      typeof after !== 'string' &&
      isShiftedCopy(before, run.length, after)
    ) {
      before.deleted += run + after.deleted;
      before.inserted += run + after.inserted;
      at += 1;
      continue;
    }
    out.push(typeof run === 'string' ? run : { ...run });
  }
  return out;
}

function isShiftedCopy(before: ChangedRun, kept: number, after: ChangedRun): boolean {
  const added = before.inserted.length - before.deleted.length;
  const removed = after.deleted.length - after.inserted.length;
  return (added >= kept && removed >= kept) || (-added >= kept && -removed >= kept);
}

function mergeRuns(runs: readonly Diff[]): Diff[] {
  const merged: Diff[] = [];
  for (const [operation, text] of runs) {
    if (text.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && last[0] === operation) last[1] += text;
    else merged.push([operation, text]);
  }
  // Within a changed stretch, deletions first: the order the view and the changes expect.
  const ordered: Diff[] = [];
  let stretch: Diff[] = [];
  const flush = () => {
    const deleted = stretch.filter(([operation]) => operation === DIFF_DELETE);
    const inserted = stretch.filter(([operation]) => operation === DIFF_INSERT);
    for (const group of [deleted, inserted]) {
      if (group.length > 0) {
        ordered.push([group[0]![0], group.map(([, text]) => text).join('')]);
      }
    }
    stretch = [];
  };
  for (const run of merged) {
    if (run[0] === DIFF_EQUAL) {
      flush();
      ordered.push(run);
    } else {
      stretch.push(run);
    }
  }
  flush();
  return ordered;
}

function toChanges(runs: readonly Diff[]): TextChange[] {
  const changes: TextChange[] = [];
  let oldAt = 0;
  let newAt = 0;
  let open: TextChange | null = null;
  for (const [operation, text] of runs) {
    if (operation === DIFF_EQUAL) {
      if (open) changes.push(open);
      open = null;
      oldAt += text.length;
      newAt += text.length;
      continue;
    }
    open ??= { oldFrom: oldAt, oldTo: oldAt, newFrom: newAt, newTo: newAt };
    if (operation === DIFF_DELETE) {
      oldAt += text.length;
      open.oldTo = oldAt;
    } else {
      newAt += text.length;
      open.newTo = newAt;
    }
  }
  if (open) changes.push(open);
  return changes;
}
