import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VERDICTS } from '../domain';
import { RATING_CASES } from './claim-review-cases';
import { BEST_RATING, VERDICT_RATING_VALUES, WORST_RATING, verdictRating } from './rating';

describe('verdictRating', () => {
  it('covers every verdict', () => {
    assert.deepEqual(RATING_CASES.map((c) => c.verdict).sort(), [...VERDICTS].sort());
  });

  for (const c of RATING_CASES) {
    it(`${c.verdict} -> ${c.exported ? (c.ratingValue ?? 'textual only') : 'not exported'}`, () => {
      const rating = verdictRating(c.verdict);
      if (!c.exported) {
        assert.equal(rating, null);
        return;
      }
      assert.ok(rating);
      assert.equal(rating['@type'], 'Rating');
      assert.equal(rating.alternateName, c.alternateName);
      if (c.ratingValue === null) {
        assert.equal(rating.ratingValue, undefined);
        assert.equal(rating.bestRating, undefined, 'no scale without a value');
        assert.equal(rating.worstRating, undefined);
      } else {
        assert.equal(rating.ratingValue, c.ratingValue);
        assert.equal(rating.bestRating, BEST_RATING);
        assert.equal(rating.worstRating, WORST_RATING);
      }
    });
  }

  it('keeps every value on the scale, truer verdicts rated higher', () => {
    const order = ['FALSE', 'MOSTLY_FALSE', 'MIXED', 'MOSTLY_TRUE', 'TRUE'] as const;
    const values = order.map((v) => VERDICT_RATING_VALUES[v] ?? NaN);
    assert.deepEqual(
      values,
      [...values].sort((a, b) => a - b),
    );
    for (const value of Object.values(VERDICT_RATING_VALUES)) {
      if (value !== null) assert.ok(value >= WORST_RATING && value <= BEST_RATING);
    }
  });
});
