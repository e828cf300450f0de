import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWords, sha256Hex, splitParagraphs } from './text';

describe('splitParagraphs', () => {
  it('splits at single and double line breaks and drops blank lines', () => {
    const text = 'First line.\nSecond line.\n\n\nThird “quoted” – line.';
    assert.deepEqual(
      splitParagraphs(text).map((p) => p.text),
      ['First line.', 'Second line.', 'Third “quoted” – line.'],
    );
  });

  it('keeps offsets into the original text, so text.slice(start, end) is the paragraph', () => {
    const text = '  Indented start.\r\n\r\nNext 🙂 paragraph  \nLast';
    for (const paragraph of splitParagraphs(text)) {
      assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
    }
    assert.deepEqual(splitParagraphs(text)[0], { start: 2, end: 17, text: 'Indented start.' });
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(splitParagraphs(''), []);
    assert.deepEqual(splitParagraphs(' \n\n \t'), []);
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of the text', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.notEqual(sha256Hex('Kazakhstan’s'), sha256Hex("Kazakhstan's"));
  });
});

describe('countWords', () => {
  it('counts words with apostrophes and hyphens as one', () => {
    assert.equal(countWords('Kazakhstan’s “Astana-2” talks, Oct. 2–4.'), 6);
  });
});
