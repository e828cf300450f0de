import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from './compare';
import { readRealPairs, scoreRealPairs, type RealPairScore } from './fixtures/real-pairs';
import type { DifferenceType } from './types';

/**
 * Floors at what the comparison achieves on the six hand-labelled real pairs (bench/compare.
 * bench.ts prints the figures): a change that loses real-text quality fails here.
 */
const FLOORS = {
  aligned: 37 / 53,
  onlyPrecision: 106 / 152,
  onlyRecall: 106 / 108,
  differencePrecision: 22 / 52,
  differenceRecall: 22 / 47,
  /** Labelled differences found, per type (of 12 numbers, 11 dates, 6 attributions, 12 other). */
  found: { number: 7, date: 5, attribution: 3, other: 6 } as Partial<
    Record<DifferenceType, number>
  >,
};

const score: RealPairScore = scoreRealPairs(readRealPairs(), (a, b) => compareTexts(a, b));
const totals = [...score.byType.values()].reduce((t, v) => ({
  tp: t.tp + v.tp,
  reported: t.reported + v.reported,
  expected: t.expected + v.expected,
}));
const atLeast = (value: number, floor: number, what: string) =>
  assert.ok(
    value >= floor - 1e-9,
    `${what}: ${value.toFixed(3)} < ${floor.toFixed(3)}\n${score.misses.join('\n')}`,
  );

describe('real report pairs (hand labels in fixtures/real-pair-labels.ts)', () => {
  it('aligns the statements both reports make', () => {
    atLeast(score.aligned.found / score.aligned.expected, FLOORS.aligned, 'aligned');
  });

  it('lists the statements only one report makes, and few that both make', () => {
    atLeast(score.only.found / score.only.expected, FLOORS.onlyRecall, 'only-in-one recall');
    atLeast(score.only.right / score.only.reported, FLOORS.onlyPrecision, 'only-in-one precision');
  });

  it('finds the labelled differences with their type, and few others', () => {
    atLeast(totals.tp / totals.expected, FLOORS.differenceRecall, 'difference recall');
    atLeast(totals.tp / totals.reported, FLOORS.differencePrecision, 'difference precision');
  });

  it('finds the numbers, dates, attributions and added clauses it found before', () => {
    for (const [type, floor] of Object.entries(FLOORS.found)) {
      atLeast(score.byType.get(type as DifferenceType)!.tp, floor, `${type} found`);
    }
  });
});
