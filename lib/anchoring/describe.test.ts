import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT_LENGTH, assertTextRange, describeTextQuote } from './describe';
import { ARTICLE, locate } from './fixtures/index';
import { fromSelectors, toSelectors } from './selectors';

describe('describeTextQuote', () => {
  it('quotes the span with CONTEXT_LENGTH code units of context on each side', () => {
    const start = locate(ARTICLE, 'Oct. 2–4');
    const anchor = describeTextQuote(ARTICLE, { start, end: start + 8 });
    assert.equal(anchor.exact, 'Oct. 2–4');
    assert.equal(anchor.prefix, 'd round of consultations in Astana '.slice(-CONTEXT_LENGTH));
    assert.equal(anchor.suffix, ', resulting in a joint declarati');
    assert.equal(anchor.prefix.length, CONTEXT_LENGTH);
    assert.equal(anchor.suffix.length, CONTEXT_LENGTH);
    assert.deepEqual({ start: anchor.start, end: anchor.end }, { start, end: start + 8 });
  });

  it('keeps curly quotes and apostrophes as they are', () => {
    const start = locate(ARTICLE, '“Astana-2,”');
    const anchor = describeTextQuote(ARTICLE, { start, end: start + 11 });
    assert.equal(anchor.exact, '“Astana-2,”');
    assert.equal(anchor.prefix, '.\nAt the second round of talks, ');
  });

  it('gives an empty prefix for a quote at the very start of the text', () => {
    const anchor = describeTextQuote(ARTICLE, { start: 0, end: 14 });
    assert.equal(anchor.exact, 'MFA Government');
    assert.equal(anchor.prefix, '');
    assert.equal(anchor.suffix.length, CONTEXT_LENGTH);
  });

  it('gives an empty suffix for a quote at the very end of the text', () => {
    const end = ARTICLE.length;
    const anchor = describeTextQuote(ARTICLE, { start: end - 7, end });
    assert.equal(anchor.exact, 'Syria.”');
    assert.equal(anchor.suffix, '');
  });

  it('shortens the context near the edges of the text', () => {
    const anchor = describeTextQuote('Astana talks', { start: 7, end: 12 });
    assert.deepEqual(anchor, { start: 7, end: 12, exact: 'talks', prefix: 'Astana ', suffix: '' });
  });

  it('describes an empty range in an empty text', () => {
    assert.deepEqual(describeTextQuote('', { start: 0, end: 0 }), {
      start: 0,
      end: 0,
      exact: '',
      prefix: '',
      suffix: '',
    });
  });

  it('accepts a collapsed range inside a text', () => {
    const anchor = describeTextQuote('abcdef', { start: 3, end: 3 }, { contextLength: 2 });
    assert.deepEqual(anchor, { start: 3, end: 3, exact: '', prefix: 'bc', suffix: 'de' });
  });

  it('honours a custom context length', () => {
    const anchor = describeTextQuote(ARTICLE, { start: 0, end: 3 }, { contextLength: 5 });
    assert.equal(anchor.suffix, ' Gove');
  });

  it('quotes an emoji whole and counts offsets in UTF-16 code units', () => {
    const text = '🇰🇿 Astana 😀 talks';
    const start = text.indexOf('Astana');
    const anchor = describeTextQuote(text, { start, end: start + 6 });
    assert.equal(start, 5);
    assert.equal(anchor.prefix, '🇰🇿 ');
    assert.equal(anchor.suffix, ' 😀 talks');
  });

  it('shortens a context by one unit rather than split a surrogate pair', () => {
    // The 32-unit prefix would start on the low half of 😀.
    const text = `😀${'a'.repeat(31)}QUOTE${'b'.repeat(31)}😀`;
    const anchor = describeTextQuote(text, { start: 33, end: 38 });
    assert.equal(anchor.exact, 'QUOTE');
    assert.equal(anchor.prefix, 'a'.repeat(31));
    assert.equal(anchor.suffix, 'b'.repeat(31));
  });

  it('throws a RangeError when start is after end', () => {
    assert.throws(() => describeTextQuote(ARTICLE, { start: 10, end: 5 }), /after its end/);
  });

  it('throws a RangeError for offsets outside the text', () => {
    assert.throws(() => describeTextQuote('abc', { start: -1, end: 2 }), RangeError);
    assert.throws(() => describeTextQuote('abc', { start: 1, end: 4 }), RangeError);
    assert.throws(() => describeTextQuote('', { start: 0, end: 1 }), RangeError);
  });

  it('throws a RangeError for offsets that are not integers', () => {
    assert.throws(() => describeTextQuote('abc', { start: 0.5, end: 2 }), RangeError);
    assert.throws(() => describeTextQuote('abc', { start: 0, end: Number.NaN }), RangeError);
  });

  it('throws a RangeError for a range that starts or ends inside a surrogate pair', () => {
    const text = 'a😀b';
    assert.throws(() => describeTextQuote(text, { start: 2, end: 4 }), /surrogate pair/);
    assert.throws(() => describeTextQuote(text, { start: 0, end: 2 }), /surrogate pair/);
    assert.equal(describeTextQuote(text, { start: 1, end: 3 }).exact, '😀');
  });

  it('throws a RangeError for a negative context length', () => {
    assert.throws(
      () => describeTextQuote('abc', { start: 0, end: 1 }, { contextLength: -1 }),
      RangeError,
    );
  });
});

describe('assertTextRange', () => {
  it('passes a valid range and the empty range at the end', () => {
    assert.doesNotThrow(() => assertTextRange('abc', { start: 0, end: 3 }));
    assert.doesNotThrow(() => assertTextRange('abc', { start: 3, end: 3 }));
  });
});

describe('toSelectors / fromSelectors', () => {
  it('split an anchor into W3C position and quote selectors and join them back', () => {
    const start = locate(ARTICLE, 'Kazakhstan’s government');
    const anchor = describeTextQuote(ARTICLE, { start, end: start + 23 });
    const selectors = toSelectors(anchor);
    assert.deepEqual(selectors.position, { start, end: start + 23 });
    assert.deepEqual(selectors.quote, {
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
    });
    assert.deepEqual(fromSelectors(selectors), anchor);
  });

  it('throws a RangeError when the position and the quote disagree on length', () => {
    assert.throws(
      () =>
        fromSelectors({
          position: { start: 0, end: 5 },
          quote: { exact: 'abc', prefix: '', suffix: '' },
        }),
      RangeError,
    );
  });
});
