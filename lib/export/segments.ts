/**
 * Splitting a text at every boundary of a set of possibly overlapping or nested spans, so each
 * piece (segment) is covered by one fixed set of spans. Renderers then emit flat, correctly
 * nested markup however the spans cross. Boundaries are sorted once and swept, so the cost is
 * O((n + b) log(n + b) + output), never quadratic in the number of spans.
 */

/** A half-open range `[start, end)` of string indices. */
export type Span = { readonly start: number; readonly end: number };

/**
 * A piece of text `[start, end)` and the indices (into the input span list) of the spans covering
 * it, outermost first: ordered by start ascending, then end descending, then input order. The last
 * entry is the innermost span.
 */
export type Segment = {
  readonly start: number;
  readonly end: number;
  readonly spans: readonly number[];
};

/** Options for `splitSegments`. */
export type SplitOptions = {
  /** Extra positions to cut at (e.g. paragraph breaks), even where no span starts or ends. */
  readonly boundaries?: Iterable<number>;
};

const NO_SPANS: readonly number[] = Object.freeze([]);

/**
 * Cuts `[0, length)` into consecutive segments at every span start and end and at every extra
 * boundary. Spans are clamped to the text; empty spans (start >= end after clamping) cover
 * nothing. Uncovered stretches are returned as segments with no spans, so the segments tile the
 * whole text.
 */
export function splitSegments(
  length: number,
  spans: readonly Span[],
  options: SplitOptions = {},
): Segment[] {
  const clamped = spans.map((span) => clampSpan(span, length));
  const valid: number[] = [];
  clamped.forEach((span, index) => {
    if (span.start < span.end) valid.push(index);
  });
  const byStart = valid.slice().sort((a, b) => compareOuterFirst(clamped, a, b));
  const byEnd = valid.slice().sort((a, b) => span(clamped, a).end - span(clamped, b).end);

  const cuts: number[] = [0, length];
  for (const index of valid) cuts.push(span(clamped, index).start, span(clamped, index).end);
  for (const cut of options.boundaries ?? []) {
    if (cut > 0 && cut < length) cuts.push(cut);
  }
  const sorted = uniqueSorted(cuts);

  const segments: Segment[] = [];
  let active: number[] = [];
  let nextStart = 0;
  let nextEnd = 0;
  for (let i = 0; i < sorted.length - 1; i++) {
    const at = sorted[i] ?? 0;
    let removed = false;
    while (nextEnd < byEnd.length && span(clamped, byEnd[nextEnd] ?? 0).end <= at) {
      nextEnd++;
      removed = true;
    }
    if (removed) active = active.filter((index) => span(clamped, index).end > at);
    while (nextStart < byStart.length && span(clamped, byStart[nextStart] ?? 0).start <= at) {
      active.push(byStart[nextStart] ?? 0);
      nextStart++;
    }
    segments.push({
      start: at,
      end: sorted[i + 1] ?? length,
      spans: active.length === 0 ? NO_SPANS : active.slice(),
    });
  }
  return segments;
}

/**
 * Gives every span a lane (0, 1, 2, ...) such that spans sharing a lane never overlap; a span
 * keeps its lane along its whole length, so stacked underlines do not jump between lines. Greedy
 * in start order, so nested spans get increasing lanes. Empty or out-of-range spans get -1.
 */
export function assignLanes(spans: readonly Span[], length = Infinity): number[] {
  const clamped = spans.map((s) => clampSpan(s, length));
  const lanes = clamped.map(() => -1);
  const order = clamped
    .map((_, index) => index)
    .filter((index) => span(clamped, index).start < span(clamped, index).end)
    .sort((a, b) => compareOuterFirst(clamped, a, b));
  const laneEnds: number[] = [];
  for (const index of order) {
    const { start, end } = span(clamped, index);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    lanes[index] = lane;
  }
  return lanes;
}

/** Where runs of line breaks (`\n`, `\r\n`, `\r`) start and end: paragraph boundaries. */
export function lineBreakBoundaries(text: string): number[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(LINE_BREAK_RUN)) {
    cuts.push(match.index, match.index + match[0].length);
  }
  return cuts;
}

/** True when the segment lies in a run of line breaks (it was cut at `lineBreakBoundaries`). */
export function isLineBreak(text: string, segment: Segment): boolean {
  const code = text.charCodeAt(segment.start);
  return code === LF || code === CR;
}

const LINE_BREAK_RUN = /[\r\n]+/g;
const LF = 10;
const CR = 13;

function clampSpan(s: Span, length: number): Span {
  const start = Math.max(0, Math.min(length, toInteger(s.start)));
  const end = Math.max(0, Math.min(length, toInteger(s.end)));
  return { start, end };
}

function toInteger(value: number): number {
  return Number.isFinite(value) ? Math.trunc(value) : 0;
}

function span(spans: readonly Span[], index: number): Span {
  return spans[index] ?? EMPTY_SPAN;
}

const EMPTY_SPAN: Span = { start: 0, end: 0 };

function compareOuterFirst(spans: readonly Span[], a: number, b: number): number {
  const sa = span(spans, a);
  const sb = span(spans, b);
  return sa.start - sb.start || sb.end - sa.end || a - b;
}

function uniqueSorted(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (const value of sorted) {
    if (out.length === 0 || out[out.length - 1] !== value) out.push(value);
  }
  return out;
}
