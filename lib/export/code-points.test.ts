import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codePointIndex, codePointLength, codePointsAfter, codePointsBefore } from './code-points';

describe('codePointIndex', () => {
  it('is the identity without astral characters', () => {
    const toCodePoint = codePointIndex('plain ascii and éàü and 漢字');
    for (const offset of [0, 5, 17, 27]) assert.equal(toCodePoint(offset), offset);
  });

  it('counts emoji and other astral characters once', () => {
    // 😀 (U+1F600), 𝔸 (U+1D538), 𠀀 (U+20000) are two UTF-16 units each.
    const text = 'a😀b𝔸c𠀀d';
    const toCodePoint = codePointIndex(text);
    const expected = [...text].map((_, cp) => cp);
    let utf16 = 0;
    for (const [cp, char] of [...text].entries()) {
      assert.equal(toCodePoint(utf16), expected[cp], `offset before ${char}`);
      utf16 += char.length;
    }
    assert.equal(toCodePoint(text.length), [...text].length);
    assert.equal(codePointLength(text), 7);
  });

  it('maps an offset inside a surrogate pair to the pair', () => {
    const toCodePoint = codePointIndex('x😀y');
    assert.equal(toCodePoint(1), 1);
    assert.equal(toCodePoint(2), 1);
    assert.equal(toCodePoint(3), 2);
  });

  it('treats lone surrogates as one unit each', () => {
    const text = 'a\uD83Db\uDE00c';
    assert.equal(codePointIndex(text)(text.length), text.length);
  });

  it('agrees with Array.from on a long mixed text', () => {
    const text = 'Word 😀 '.repeat(500) + 'end 👩‍👩‍👧 done';
    const toCodePoint = codePointIndex(text);
    for (let offset = 0; offset <= text.length; offset += 37) {
      const isInsidePair = offset > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(offset));
      if (isInsidePair) continue;
      assert.equal(toCodePoint(offset), Array.from(text.slice(0, offset)).length);
    }
  });
});

describe('codePointsBefore / codePointsAfter', () => {
  it('never split a surrogate pair', () => {
    const text = '😀😀abc😀😀';
    assert.equal(codePointsBefore(text, 4, 1), '😀');
    assert.equal(codePointsBefore(text, 4, 5), '😀😀');
    assert.equal(codePointsAfter(text, 7, 1), '😀');
    assert.equal(codePointsAfter(text, 7, 9), '😀😀');
    assert.equal(codePointsAfter(text, 4, 2), 'ab');
  });
});
