import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from './fixtures/index';
import { computeEditDistance, measureSimilarity } from './similarity';

/** The textbook full-table Levenshtein distance, as the reference. */
function referenceDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

describe('computeEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(computeEditDistance('kitten', 'sitting'), 3);
    assert.equal(computeEditDistance('Oct. 2–4', 'Oct. 2-4'), 1);
    assert.equal(computeEditDistance('abc', ''), 3);
    assert.equal(computeEditDistance('', 'abc'), 3);
    assert.equal(computeEditDistance('same', 'same'), 0);
  });

  it('agrees with the reference on random strings short, long, ASCII and not', () => {
    const random = createRandom(7);
    const alphabet = 'ab c’“”–é😀\n';
    const make = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let trial = 0; trial < 2000; trial++) {
      // Lengths around the 32-unit word size exercise both the bit-parallel and table paths.
      const a = make(Math.floor(random() * 48));
      const b = make(Math.floor(random() * 48));
      assert.equal(computeEditDistance(a, b), referenceDistance(a, b), JSON.stringify([a, b]));
    }
  });

  it('is symmetric', () => {
    assert.equal(
      computeEditDistance('representatives of', 'representative for'),
      computeEditDistance('representative for', 'representatives of'),
    );
  });
});

describe('measureSimilarity', () => {
  it('is 1 for identical strings, including two empty ones', () => {
    assert.equal(measureSimilarity('Astana', 'Astana'), 1);
    assert.equal(measureSimilarity('', ''), 1);
  });

  it('is 0 between an empty and a non-empty string', () => {
    assert.equal(measureSimilarity('', 'Astana'), 0);
    assert.equal(measureSimilarity('Astana', ''), 0);
  });

  it('is one minus the distance over the longer length', () => {
    assert.equal(measureSimilarity('kitten', 'sitting'), 1 - 3 / 7);
    assert.equal(measureSimilarity('Kazakhstan’s', "Kazakhstan's"), 1 - 1 / 12);
  });
});
