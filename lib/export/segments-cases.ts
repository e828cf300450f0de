/**
 * Cases for splitSegments: spans, and the expected segments as `[start, end, [span indices]]`.
 */

import type { Span } from './segments';

export type SegmentCase = {
  readonly name: string;
  readonly length: number;
  readonly spans: readonly Span[];
  readonly boundaries?: readonly number[];
  readonly expected: readonly (readonly [number, number, readonly number[]])[];
};

export const SEGMENT_CASES: readonly SegmentCase[] = [
  { name: 'no spans', length: 5, spans: [], expected: [[0, 5, []]] },
  { name: 'empty text', length: 0, spans: [{ start: 0, end: 0 }], expected: [] },
  {
    name: 'one span in the middle',
    length: 10,
    spans: [{ start: 2, end: 5 }],
    expected: [
      [0, 2, []],
      [2, 5, [0]],
      [5, 10, []],
    ],
  },
  {
    name: 'span covering the whole text',
    length: 4,
    spans: [{ start: 0, end: 4 }],
    expected: [[0, 4, [0]]],
  },
  {
    name: 'crossing spans',
    length: 10,
    spans: [
      { start: 1, end: 6 },
      { start: 4, end: 9 },
    ],
    expected: [
      [0, 1, []],
      [1, 4, [0]],
      [4, 6, [0, 1]],
      [6, 9, [1]],
      [9, 10, []],
    ],
  },
  {
    name: 'nested spans list the outer one first',
    length: 10,
    spans: [
      { start: 3, end: 5 },
      { start: 0, end: 10 },
    ],
    expected: [
      [0, 3, [1]],
      [3, 5, [1, 0]],
      [5, 10, [1]],
    ],
  },
  {
    name: 'identical spans keep input order',
    length: 6,
    spans: [
      { start: 2, end: 4 },
      { start: 2, end: 4 },
    ],
    expected: [
      [0, 2, []],
      [2, 4, [0, 1]],
      [4, 6, []],
    ],
  },
  {
    name: 'same start, longer first',
    length: 8,
    spans: [
      { start: 2, end: 4 },
      { start: 2, end: 7 },
    ],
    expected: [
      [0, 2, []],
      [2, 4, [1, 0]],
      [4, 7, [1]],
      [7, 8, []],
    ],
  },
  {
    name: 'adjacent spans do not overlap',
    length: 6,
    spans: [
      { start: 0, end: 3 },
      { start: 3, end: 6 },
    ],
    expected: [
      [0, 3, [0]],
      [3, 6, [1]],
    ],
  },
  {
    name: 'empty, reversed and out-of-range spans are clamped or ignored',
    length: 5,
    spans: [
      { start: 3, end: 3 },
      { start: 4, end: 2 },
      { start: -5, end: 2 },
      { start: 4, end: 99 },
    ],
    expected: [
      [0, 2, [2]],
      [2, 4, []],
      [4, 5, [3]],
    ],
  },
  {
    name: 'extra boundaries cut covered and uncovered text',
    length: 10,
    spans: [{ start: 2, end: 8 }],
    boundaries: [1, 5, 5, 0, 10, 42],
    expected: [
      [0, 1, []],
      [1, 2, []],
      [2, 5, [0]],
      [5, 8, [0]],
      [8, 10, []],
    ],
  },
  {
    name: 'staircase of three overlapping spans',
    length: 12,
    spans: [
      { start: 0, end: 6 },
      { start: 2, end: 8 },
      { start: 4, end: 10 },
    ],
    expected: [
      [0, 2, [0]],
      [2, 4, [0, 1]],
      [4, 6, [0, 1, 2]],
      [6, 8, [1, 2]],
      [8, 10, [2]],
      [10, 12, []],
    ],
  },
];
