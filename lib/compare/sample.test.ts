import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareTexts } from './compare';
import { HARMLESS, LABELLED_DIFFERENCES, SHARED_STATEMENTS } from './fixtures/sample-labels';
import type { Span } from './types';

const A = readFileSync(
  new URL('../../prisma/demo/mfa-astana-2-talks.txt', import.meta.url),
  'utf8',
);
const B = readFileSync(
  new URL('../../prisma/demo/astana-times-astana-2-talks-scraped.txt', import.meta.url),
  'utf8',
);
const result = compareTexts(A, B);
const at = (text: string, words: string): Span => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is not in the text`);
  return { start, end: start + words.length };
};
const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

describe('the sample pair (MFA release against the Astana Times page)', () => {
  it('aligns every statement both reports make', () => {
    for (const [a, b] of SHARED_STATEMENTS) {
      const pair = result.pairs.find((p) => within(at(A, a), p.a));
      assert.ok(pair, `"${a}" is in no pair`);
      assert.ok(
        within(at(B, b), pair.b),
        `"${a}" is paired with "${B.slice(pair.b.start, pair.b.end)}"`,
      );
    }
  });

  it('flags "29 of the 37" as a number difference', () => {
    const span = at(A, '29 of the 37');
    const found = result.pairs
      .flatMap((p) => p.differences)
      .find((d) => d.type === 'number' && overlaps(d.a, span));
    assert.ok(found);
    assert.equal(A.slice(found.a.start, found.a.end), '29 of the 37');
  });

  it('finds every labelled difference with its type', () => {
    const all = result.pairs.flatMap((p) => p.differences);
    for (const label of LABELLED_DIFFERENCES) {
      const found = all.find(
        (d) =>
          d.type === label.type &&
          (label.a === null
            ? d.absent === 'a'
            : d.absent !== 'a' && overlaps(d.a, at(A, label.a))) &&
          (label.b === null ? d.absent === 'b' : d.absent !== 'b' && overlaps(d.b, at(B, label.b))),
      );
      assert.ok(found, `${label.type} ${label.a} / ${label.b} not found`);
    }
  });

  it('reports no harmless rewording as a difference', () => {
    for (const words of HARMLESS) {
      const pair = result.pairs.find((p) => within(at(A, words), p.a));
      assert.ok(pair, `"${words}" is in no pair`);
      assert.notEqual(pair.kind, 'differs', `"${words}": ${JSON.stringify(pair.differences)}`);
    }
  });

  it('keeps the page furniture only in B', () => {
    for (const words of [
      'Most Recent Stories',
      'Kazakh Nation Cherishes Century-Old Love of Horses',
    ]) {
      assert.ok(
        result.onlyB.some((s) => within(at(B, words), s)),
        words,
      );
    }
  });
});
