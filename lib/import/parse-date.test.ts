import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDate, parseDate, toIsoDate } from './parse-date';
import { DATE_CASES, FIND_DATE_CASES } from './parse-date-cases';

describe('parseDate', () => {
  for (const c of DATE_CASES) {
    const label = `${JSON.stringify(c.text)}${c.dayFirst === false ? ' (month first)' : ''} -> ${c.iso}`;
    it(label, () => {
      assert.equal(
        parseDate(c.text, c.dayFirst === undefined ? {} : { dayFirst: c.dayFirst }),
        c.iso,
      );
    });
  }
});

describe('findDate', () => {
  for (const c of FIND_DATE_CASES) {
    it(`${JSON.stringify(c.text)} -> ${c.iso}`, () => {
      const found = findDate(c.text);
      assert.equal(found?.iso ?? null, c.iso);
      if (c.match) {
        assert.equal(found?.text, c.match);
        assert.equal(c.text.slice(found!.index, found!.index + c.match.length), c.match);
      }
    });
  }
});

describe('toIsoDate', () => {
  it('validates the calendar', () => {
    assert.equal(toIsoDate(2000, 2, 29), '2000-02-29');
    assert.equal(toIsoDate(1900, 2, 29), null);
    assert.equal(toIsoDate(2015, 0, 1), null);
    assert.equal(toIsoDate(2015, 1, 0), null);
    assert.equal(toIsoDate(2015.5, 1, 1), null);
  });
});
