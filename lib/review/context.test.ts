import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextFromSelector, sentenceAround } from './context';
import { describeValue, diffEvent } from './history';

const TEXT =
  'The minister spoke on Monday. She said that exports grew by 12 percent last year, a record! ' +
  'Critics said the figure ignores inflation.\nThe report was published on Tuesday.';
const whole = { windowAtStart: true, windowAtEnd: true };

describe('sentenceAround', () => {
  it('cuts the sentence around the quote, at sentence ends on both sides', () => {
    const at = TEXT.indexOf('exports');
    assert.deepEqual(sentenceAround(TEXT, 'exports grew by 12 percent', at, whole), {
      before: 'She said that ',
      exact: 'exports grew by 12 percent',
      after: ' last year, a record!',
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('stops at line breaks and at the text’s ends', () => {
    const first = sentenceAround(TEXT, 'The minister', 0, whole);
    assert.equal(first?.before, '');
    assert.equal(first?.after, ' spoke on Monday.');
    const last = sentenceAround(TEXT, 'published', TEXT.indexOf('published'), whole);
    assert.equal(last?.before, 'The report was ');
    assert.equal(last?.after, ' on Tuesday.');
  });

  it('reads a period after an abbreviation or a title as part of the sentence', () => {
    const text =
      'Talks opened. The opposition met in Astana Oct. 2–4, resulting in a joint declaration ' +
      'signed by 29 participants. Dr. Kassis said the U.S. delegation agreed, according to ' +
      'Mr. Smith. Prices rose.';
    const declaration = sentenceAround(text, 'a joint declaration', text.indexOf('a joint'), whole);
    assert.equal(declaration?.before, 'The opposition met in Astana Oct. 2–4, resulting in ');
    assert.equal(declaration?.after, ' signed by 29 participants.');
    const agreed = sentenceAround(text, 'agreed', text.indexOf('agreed'), whole);
    assert.equal(agreed?.before, 'Dr. Kassis said the U.S. delegation ');
    assert.equal(agreed?.after, ', according to Mr. Smith.');
  });

  it('uses the occurrence nearest to the hint when offsets are a little off', () => {
    const text = 'Prices rose. Prices fell. Prices rose again.';
    const context = sentenceAround(text, 'Prices rose', 30, whole);
    assert.equal(context?.after, ' again.');
    assert.equal(sentenceAround(text, 'wages', 0, whole), null);
  });

  it('marks a context clipped where no sentence boundary is within reach', () => {
    const long = `${'word '.repeat(100)}needle ${'more '.repeat(100)}`;
    const context = sentenceAround(long, 'needle', long.indexOf('needle'), {
      ...whole,
      maxSide: 40,
    })!;
    assert.equal(context.clippedStart, true);
    assert.equal(context.clippedEnd, true);
    assert.ok(context.before.length <= 40 && context.after.length <= 40);
    assert.match(context.before, /^word/);
  });

  it('marks a window that is not the whole text as clipped at its cut ends', () => {
    const window = 'exports grew by 12 percent';
    const context = sentenceAround(window, window, 0, { windowAtStart: false, windowAtEnd: false });
    assert.equal(context?.clippedStart, true);
    assert.equal(context?.clippedEnd, true);
  });

  it('falls back to the TextQuoteSelector', () => {
    assert.deepEqual(contextFromSelector({ prefix: 'said that ', exact: 'x', suffix: ' last' }), {
      before: 'said that ',
      exact: 'x',
      after: ' last',
      clippedStart: true,
      clippedEnd: true,
    });
  });
});

describe('history entries', () => {
  it('lists only changed fields, in a fixed order, without bookkeeping', () => {
    const changes = diffEvent(
      'claim.edit',
      { version: 1, rationale: '', verdict: 'UNVERIFIED', text: 'A', reviewState: 'DRAFT' },
      { verdict: 'FALSE', version: 2, reviewState: 'DRAFT', rationale: 'Because.', text: 'A' },
    );
    assert.deepEqual(
      changes.map((c) => [c.field, c.beforeText, c.afterText]),
      [
        ['verdict', 'Unverified', 'False'],
        ['rationale', '—', 'Because.'],
      ],
    );
  });

  it('shows a span as its quote and offsets', () => {
    const [change] = diffEvent(
      'annotation.reattach',
      { exact: 'twelve', start: 4, end: 10, anchorState: 'ORPHANED' },
      { exact: 'twelve', start: 8, end: 14, anchorState: 'EXACT' },
    );
    assert.equal(change?.beforeText, '“twelve” at 4–10 (orphaned)');
    assert.equal(change?.afterText, '“twelve” at 8–14');
  });

  it('describes evidence and empty values', () => {
    assert.equal(
      describeValue('evidence', [{ url: 'https://a.example', title: 'A', quote: 'q' }]),
      'https://a.example (A) “q”',
    );
    assert.equal(describeValue('evidence', []), '—');
    assert.equal(describeValue('reviewState', 'CHANGES_REQUESTED'), 'Changes requested');
  });
});
