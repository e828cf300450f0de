/**
 * Numbers stated loosely: a hedge before a figure ("about 40", "more than 100,000", "nearly
 * half") or a range ("20-30 million", "300 to 400") makes it an interval, and two figures agree
 * when their intervals meet. A fact-checker wants "about 40" against "41" left alone and
 * "about 40" against "55" flagged.
 */
import type { NumberValue } from './normalise';
import type { Span } from './types';

/**
 * How far "about", "some", "nearly" … reach from the figure, as a share of it. 10% lets "about
 * 40" hold 36–44 and "nearly half" hold 45–50%; wider would let real corrections pass ("about 40"
 * against "46"), narrower would flag the rounding that the hedge itself announces.
 */
export const HEDGE_TOLERANCE = 0.1;

export interface Interval {
  low: number;
  high: number;
  /** The bound itself is excluded ("more than 400" does not hold 400). */
  lowOpen: boolean;
  highOpen: boolean;
  /** Currency sign or "%": figures of different units never agree. */
  unit: string;
}

type Hedge = 'about' | 'nearly' | 'over' | 'atLeast' | 'under' | 'atMost';

const HEDGES: [RegExp, Hedge][] = [
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated|circa)\s+$/i, 'about'],
  [/\b(?:nearly|almost|close to|just under|nigh on)\s+$/i, 'nearly'],
  [/\b(?:more than|over|in excess of|upwards of|above)\s+$/i, 'over'],
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'atLeast'],
  [/\b(?:fewer than|less than|under|below)\s+$/i, 'under'],
  [/\b(?:up to|at most|no more than|a maximum of)\s+$/i, 'atMost'],
];

/**
 * The hedge words right before `n` inside `span`, or null: the span of the whole loose figure
 * (hedge included) and its kind.
 */
export function findHedge(
  text: string,
  span: Span,
  n: Span,
): { start: number; hedge: Hedge } | null {
  const from = Math.max(span.start, n.start - 24);
  const before = text.slice(from, n.start);
  for (const [pattern, hedge] of HEDGES) {
    const match = pattern.exec(before);
    if (match) return { start: from + match.index, hedge };
  }
  return null;
}

/** The figure's unit and size ("$8000000" → "$", 8e6; "48%" → "%", 48), or null for other forms. */
export function magnitude(value: string): { unit: string; n: number } | null {
  const match = /^([$€£]?)(\d+(?:\.\d+)?)(%?)$/.exec(value);
  if (!match) return null;
  return { unit: (match[1] ?? '') + (match[3] ?? ''), n: Number(match[2]) };
}

/** The interval a stated number stands for; null for values that are not plain figures. */
export function intervalOf(n: NumberValue): Interval | null {
  const range = /^(.+)-(.+)$/.exec(n.value);
  if (range) {
    const low = magnitude(range[1]!);
    const high = magnitude(range[2]!);
    if (!low || !high || low.unit !== high.unit) return null;
    return { low: low.n, high: high.n, lowOpen: false, highOpen: false, unit: low.unit };
  }
  const m = magnitude(n.value);
  if (!m) return null;
  const v = m.n;
  const at = (low: number, high: number, lowOpen = false, highOpen = false): Interval => ({
    low,
    high,
    lowOpen,
    highOpen,
    unit: m.unit,
  });
  switch (n.hedge) {
    case 'about':
      return at(v * (1 - HEDGE_TOLERANCE), v * (1 + HEDGE_TOLERANCE));
    case 'nearly':
      return at(v * (1 - HEDGE_TOLERANCE), v);
    case 'over':
      return at(v, Infinity, true);
    case 'atLeast':
      return at(v, Infinity);
    case 'under':
      return at(-Infinity, v, false, true);
    case 'atMost':
      return at(-Infinity, v);
    default:
      return at(v, v);
  }
}

/** Whether two stated numbers can both be true: their intervals meet, in one unit. */
export function agree(x: NumberValue, y: NumberValue): boolean {
  const p = intervalOf(x);
  const q = intervalOf(y);
  if (!p || !q || p.unit !== q.unit) return false;
  // Two plain figures agree only when equal, which the exact match already took.
  if (!x.hedge && !y.hedge && p.low === p.high && q.low === q.high) return false;
  const [low, lowOpen] =
    p.low > q.low
      ? [p.low, p.lowOpen]
      : q.low > p.low
        ? [q.low, q.lowOpen]
        : [p.low, p.lowOpen || q.lowOpen];
  const [high, highOpen] =
    p.high < q.high
      ? [p.high, p.highOpen]
      : q.high < p.high
        ? [q.high, q.highOpen]
        : [p.high, p.highOpen || q.highOpen];
  return low < high || (low === high && !lowOpen && !highOpen);
}

export type { Hedge };
