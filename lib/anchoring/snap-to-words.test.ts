import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapToWords } from './snap-to-words';

const TEXT =
  'Kazakhstan’s exports grew by 11.6 percent in 2,000 firms (Astana-2 talks).\nNext 😀 line';
const at = (phrase: string) => TEXT.indexOf(phrase);
const snapped = (start: number, end: number) => {
  const range = snapToWords(TEXT, { start, end });
  return range && TEXT.slice(range.start, range.end);
};

describe('snapToWords', () => {
  it('extends a selection that starts and ends inside words to the words’ edges', () => {
    assert.equal(snapped(at('ports'), at('grew') + 2), 'exports grew');
  });

  it('keeps a selection that already lies on word edges', () => {
    assert.deepEqual(snapToWords(TEXT, { start: at('exports'), end: at(' grew') }), {
      start: at('exports'),
      end: at(' grew'),
    });
  });

  it('keeps possessives, hyphenated words and numbers whole', () => {
    assert.equal(snapped(at('stan’s'), at('stan’s') + 3), 'Kazakhstan’s');
    assert.equal(snapped(at('11.6') + 1, at('11.6') + 2), '11.6');
    assert.equal(snapped(at('2,000') + 3, at('2,000') + 4), '2,000');
    assert.equal(snapped(at('Astana-2') + 2, at('Astana-2') + 7), 'Astana-2');
  });

  it('drops white space at the edges and stops at punctuation', () => {
    assert.equal(snapped(at(' grew'), at('grew') + 4 + 1), 'grew');
    assert.equal(snapped(at('talks') + 1, at('talks') + 7), 'talks).');
    assert.equal(snapped(at('(Astana') + 2, at('(Astana') + 3), 'Astana-2');
  });

  it('returns null for a selection of white space only, and never splits an emoji', () => {
    assert.equal(snapToWords(TEXT, { start: at(' grew'), end: at(' grew') + 1 }), null);
    const emoji = at('😀');
    assert.equal(snapped(emoji + 1, emoji + 2), '😀');
    assert.equal(snapped(at('line') - 2, at('line') + 1), '😀 line');
  });
});
