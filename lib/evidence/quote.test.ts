import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTextQuote } from '@/lib/anchoring';
import { anchorQuote, compareQuote, quotePassage, PASSAGE_CONTEXT_CHARS } from './quote';

const TEXT =
  'The ministry said on Monday that 1,200 wells were drilled in 2024.\n\n' +
  'Critics said the figure included wells that were never finished.\n\n' +
  'The ministry said on Monday that it would publish the list.';

const anchorOf = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return describeTextQuote(text, { start, end: start + quote.length });
};

describe('anchorQuote', () => {
  it('finds a verbatim quote exactly, the repeat nearest the selection', () => {
    const first = anchorQuote(TEXT, 'The ministry said on Monday');
    assert.equal(first.state, 'EXACT');
    assert.equal(first.anchor?.start, 0);
    const second = anchorQuote(TEXT, 'The ministry said on Monday', TEXT.lastIndexOf('The'));
    assert.equal(second.anchor?.start, TEXT.lastIndexOf('The ministry'));
  });

  it('finds a pasted quote with curly quotes and a typo as fuzzy, with the copy wording', () => {
    const text = 'He said: "We drilled 1,200 wells in 2024," and left.';
    const found = anchorQuote(text, '\u201cWe driled 1,200 wells in 2024,\u201d');
    assert.equal(found.state, 'FUZZY');
    assert.equal(found.anchor?.exact, '"We drilled 1,200 wells in 2024,"');
  });

  it('reports a paraphrase as not found', () => {
    const found = anchorQuote(TEXT, 'Officials claimed twelve hundred boreholes were finished');
    assert.equal(found.state, 'NOT_FOUND');
    assert.equal(found.anchor, null);
  });
});

describe('compareQuote', () => {
  const quote = 'Critics said the figure included wells that were never finished.';
  const anchor = anchorOf(TEXT, quote);

  it('sees no move when a sentence was added beside the quote in its paragraph', () => {
    const newer = TEXT.replace(quote, `${quote} The ministry disputes this.`);
    assert.equal(compareQuote(anchor, newer), null);
  });

  it('sees no change when text elsewhere was added', () => {
    const newer = `Updated 3 December.\n\n${TEXT}\n\nMore to follow.`;
    assert.equal(compareQuote(anchor, newer), null);
  });

  it('flags an edited quote as changed, with the word diff', () => {
    const newer = TEXT.replace('never finished', 'later abandoned');
    const change = compareQuote(anchor, newer);
    assert.equal(change?.change, 'CHANGED');
    assert.deepEqual(
      change?.diff.filter((p) => p.added || p.removed).map((p) => [p.value, !!p.added]),
      [
        ['never finished', false],
        ['later abandoned', true],
      ],
    );
  });

  it('flags a removed quote as vanished', () => {
    const newer = TEXT.replace(quote, '');
    assert.equal(compareQuote(anchor, newer)?.change, 'VANISHED');
  });

  it('flags the same words in new surroundings as moved', () => {
    const newer =
      'The ministry said on Monday that 1,400 wells were drilled in 2025.\n\n' +
      `Opposition deputies, in a statement, repeated the old line. ${quote} They left.\n\nNothing else.`;
    assert.equal(compareQuote(anchor, newer)?.change, 'MOVED');
  });
});

describe('quotePassage', () => {
  const text = 'First paragraph.\n\nBefore the quote. The quoted words. After it.\n\nLast.';
  const start = text.indexOf('The quoted words.');
  const end = start + 'The quoted words.'.length;

  it('gives the quote with the rest of its paragraph on each side', () => {
    assert.deepEqual(quotePassage(text, start, end), {
      before: 'Before the quote. ',
      quote: 'The quoted words.',
      after: ' After it.',
    });
  });

  it('cuts a long paragraph at a word, with an ellipsis, on each side', () => {
    const long = `${'word '.repeat(200)}QUOTE${' more'.repeat(200)}`;
    const at = long.indexOf('QUOTE');
    const passage = quotePassage(long, at, at + 5)!;
    assert.ok(passage.before.startsWith('…word'));
    assert.ok(passage.after.endsWith('more…'));
    assert.ok(passage.before.length <= PASSAGE_CONTEXT_CHARS + 1);
  });

  it('is null for offsets outside the text', () => {
    assert.equal(quotePassage(text, 5, text.length + 1), null);
    assert.equal(quotePassage(text, 9, 3), null);
  });
});

describe('anchorQuote across blocks', () => {
  it('finds a quote copied with other line breaks between blocks as exact', () => {
    const text = 'Menu\n\nNews\n\nSport\n\nThe council met on Tuesday.';
    const found = anchorQuote(text, 'News\nSport');
    assert.equal(found.state, 'EXACT');
    assert.equal(found.anchor!.exact, 'News\n\nSport');
    assert.equal(text.slice(found.anchor!.start, found.anchor!.end), 'News\n\nSport');
  });
  it('does not take other words for the same quote', () => {
    assert.notEqual(anchorQuote('News\n\nWeather', 'News Sport').state, 'EXACT');
  });
});
