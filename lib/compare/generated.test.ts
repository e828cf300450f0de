import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareTexts } from './compare';
import { generatePairs } from './fixtures/generate';
import type { Span } from './types';

const text = readFileSync(
  new URL('../../prisma/demo/mfa-astana-2-talks.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(
    (line, i, lines) =>
      !lines.slice(i + 1).some((l) => l !== line && l.startsWith(line.slice(0, 80))),
  )
  .join('\n');
const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

describe('generated pairs (known edits of a real report)', () => {
  const pairs = generatePairs(text, { name: 'mfa', count: 12, seed: 7 });
  for (const pair of pairs) {
    it(`finds exactly the edits of ${pair.name}`, () => {
      const result = compareTexts(pair.a, pair.b);
      const reported = result.pairs.flatMap((p) => p.differences);
      for (const expected of pair.differences) {
        assert.ok(
          reported.some(
            (d) =>
              d.type === expected.type && overlaps(d.a, expected.a) && overlaps(d.b, expected.b),
          ),
          `${expected.type} "${pair.a.slice(expected.a.start, expected.a.end)}" not reported`,
        );
      }
      assert.equal(reported.length, pair.differences.length, JSON.stringify(reported));
      assert.deepEqual(result.onlyA, pair.onlyA);
      assert.deepEqual(result.onlyB, pair.onlyB);
    });
  }
});
