import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from './compare';
import { HELD_OUT_PAIRS } from './fixtures/held-out-labels';
import { NEW_HELD_OUT_PAIRS } from './fixtures/new-held-out-labels';
import { readRealPairs, scoreRealPairs, type RealPairScore } from './fixtures/real-pairs';
import type { DifferenceType } from './types';

interface Floors {
  aligned: number;
  onlyPrecision: number;
  onlyRecall: number;
  differencePrecision: number;
  differenceRecall: number;
  /** Labelled differences found, per type. */
  found: Partial<Record<DifferenceType, number>>;
}

/**
 * Floors at what the comparison achieves on the hand-labelled real pairs (bench/compare.
 * bench.ts prints the figures): a change that loses real-text quality fails here. The first
 * two sets are the nine tuning pairs; the new held-out pairs were never used for tuning, and
 * their floors say a change tuned on the nine did not cost text it has not seen.
 */
const SETS: { name: string; score: RealPairScore; floors: Floors }[] = [
  {
    name: 'real report pairs (hand labels in fixtures/real-pair-labels.ts)',
    score: scoreRealPairs(readRealPairs(), (a, b) => compareTexts(a, b)),
    floors: {
      aligned: 38 / 53,
      onlyPrecision: 106 / 150,
      onlyRecall: 106 / 108,
      differencePrecision: 23 / 37,
      differenceRecall: 23 / 47,
      // Of 12 numbers, 11 dates, 2 quotes, 6 attributions, 12 other.
      found: { number: 7, date: 6, quote: 1, attribution: 4, other: 5 },
    },
  },
  {
    name: 'held-out real report pairs (hand labels in fixtures/held-out-labels.ts)',
    score: scoreRealPairs(readRealPairs(HELD_OUT_PAIRS), (a, b) => compareTexts(a, b)),
    floors: {
      aligned: 16 / 29,
      onlyPrecision: 52 / 82,
      onlyRecall: 52 / 57,
      differencePrecision: 9 / 32,
      differenceRecall: 9 / 27,
      // Of 3 numbers, 5 dates, 2 names, 4 quotes, 4 attributions, 9 other.
      found: { number: 2, date: 2, quote: 2, attribution: 1, other: 2 },
    },
  },
  {
    name: 'new held-out real report pairs (hand labels in fixtures/new-held-out-labels.ts)',
    score: scoreRealPairs(readRealPairs(NEW_HELD_OUT_PAIRS), (a, b) => compareTexts(a, b)),
    floors: {
      aligned: 15 / 33,
      onlyPrecision: 109 / 167,
      onlyRecall: 109 / 110,
      differencePrecision: 7 / 28,
      differenceRecall: 7 / 27,
      // Of 5 numbers, 5 dates, 3 names, 1 quote, 4 attributions, 9 other.
      found: { number: 1, date: 3, quote: 1, other: 2 },
    },
  },
];

for (const { name, score, floors } of SETS) {
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

  describe(name, () => {
    it('aligns the statements both reports make', () => {
      atLeast(score.aligned.found / score.aligned.expected, floors.aligned, 'aligned');
    });

    it('lists the statements only one report makes, and few that both make', () => {
      atLeast(score.only.found / score.only.expected, floors.onlyRecall, 'only-in-one recall');
      atLeast(
        score.only.right / score.only.reported,
        floors.onlyPrecision,
        'only-in-one precision',
      );
    });

    it('finds the labelled differences with their type, and few others', () => {
      atLeast(totals.tp / totals.expected, floors.differenceRecall, 'difference recall');
      atLeast(totals.tp / totals.reported, floors.differencePrecision, 'difference precision');
    });

    it('finds the differences of each type it found before', () => {
      for (const [type, floor] of Object.entries(floors.found)) {
        atLeast(score.byType.get(type as DifferenceType)!.tp, floor, `${type} found`);
      }
    });
  });
}
