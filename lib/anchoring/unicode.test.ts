import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromCodePointOffset,
  fromCodePointSelector,
  isCodePointBoundary,
  snapToCodePointBoundary,
  toCodePointOffset,
  toCodePointSelector,
} from './unicode';

// 😀 is U+1F600 (two code units); 🇰🇿 is two regional indicators (four code units, two code
// points); 𝕏 is U+1D54F; "é" here is e + U+0301 (two BMP code points).
const EMOJI_TEXT = 'Hi 😀 there';
const MIXED = '🇰🇿 Kazakhstan’s “Astana-2,” talks, Oct. 2–4 𝕏 cafe\u0301 end';

describe('isCodePointBoundary', () => {
  it('is true at both ends of the text and around BMP characters', () => {
    assert.equal(isCodePointBoundary('', 0), true);
    assert.equal(isCodePointBoundary('abc', 0), true);
    assert.equal(isCodePointBoundary('abc', 3), true);
    assert.equal(isCodePointBoundary('a–b', 2), true);
  });

  it('is false between the two halves of a surrogate pair', () => {
    assert.equal(isCodePointBoundary(EMOJI_TEXT, 3), true);
    assert.equal(isCodePointBoundary(EMOJI_TEXT, 4), false);
    assert.equal(isCodePointBoundary(EMOJI_TEXT, 5), true);
  });

  it('is false for offsets outside the text or not integers', () => {
    assert.equal(isCodePointBoundary('abc', -1), false);
    assert.equal(isCodePointBoundary('abc', 4), false);
    assert.equal(isCodePointBoundary('abc', 1.5), false);
  });

  it('treats lone surrogates as whole characters', () => {
    assert.equal(isCodePointBoundary('a\ud83d b', 2), true);
    assert.equal(isCodePointBoundary('a\ude00b', 1), true);
    // A low surrogate followed by a high one is not a pair either.
    assert.equal(isCodePointBoundary('\ude00\ud83d', 1), true);
  });
});

describe('snapToCodePointBoundary', () => {
  it('leaves a boundary unchanged', () => {
    assert.equal(snapToCodePointBoundary(EMOJI_TEXT, 3, 'backward'), 3);
    assert.equal(snapToCodePointBoundary(EMOJI_TEXT, 5, 'forward'), 5);
  });

  it('moves an offset inside a pair to the start or the end of the character', () => {
    assert.equal(snapToCodePointBoundary(EMOJI_TEXT, 4, 'backward'), 3);
    assert.equal(snapToCodePointBoundary(EMOJI_TEXT, 4, 'forward'), 5);
  });

  it('throws a RangeError for an offset outside the text', () => {
    assert.throws(() => snapToCodePointBoundary('abc', 4, 'forward'), RangeError);
    assert.throws(() => snapToCodePointBoundary('abc', -1, 'backward'), RangeError);
  });
});

describe('toCodePointOffset', () => {
  it('is the identity for text without astral characters', () => {
    const text = 'Kazakhstan’s “Astana-2,” Oct. 2–4';
    for (let i = 0; i <= text.length; i++) assert.equal(toCodePointOffset(text, i), i);
  });

  it('counts an emoji before the offset as one code point', () => {
    assert.equal(toCodePointOffset(EMOJI_TEXT, 3), 3);
    assert.equal(toCodePointOffset(EMOJI_TEXT, 5), 4);
    assert.equal(toCodePointOffset(EMOJI_TEXT, EMOJI_TEXT.length), [...EMOJI_TEXT].length);
  });

  it('counts a flag as two code points and a combining accent as its own', () => {
    assert.equal(toCodePointOffset(MIXED, 4), 2);
    const accent = MIXED.indexOf('\u0301');
    assert.equal(toCodePointOffset(MIXED, accent + 1), [...MIXED.slice(0, accent + 1)].length);
  });

  it('throws a RangeError inside a surrogate pair or outside the text', () => {
    assert.throws(() => toCodePointOffset(EMOJI_TEXT, 4), /splits a surrogate pair/);
    assert.throws(() => toCodePointOffset(EMOJI_TEXT, 99), RangeError);
    assert.throws(() => toCodePointOffset(EMOJI_TEXT, -1), RangeError);
  });
});

describe('fromCodePointOffset', () => {
  it('inverts toCodePointOffset at every boundary', () => {
    for (let i = 0; i <= MIXED.length; i++) {
      if (!isCodePointBoundary(MIXED, i)) continue;
      assert.equal(fromCodePointOffset(MIXED, toCodePointOffset(MIXED, i)), i);
    }
  });

  it('steps over an astral character as one code point', () => {
    assert.equal(fromCodePointOffset(EMOJI_TEXT, 4), 5);
    assert.equal(fromCodePointOffset('𝕏y', 1), 2);
  });

  it('accepts the offset just past the last code point', () => {
    assert.equal(fromCodePointOffset(EMOJI_TEXT, [...EMOJI_TEXT].length), EMOJI_TEXT.length);
    assert.equal(fromCodePointOffset('', 0), 0);
  });

  it('throws a RangeError past the end, for negatives and for fractions', () => {
    assert.throws(() => fromCodePointOffset(EMOJI_TEXT, [...EMOJI_TEXT].length + 1), RangeError);
    assert.throws(() => fromCodePointOffset(EMOJI_TEXT, -1), RangeError);
    assert.throws(() => fromCodePointOffset(EMOJI_TEXT, 1.5), RangeError);
  });
});

describe('toCodePointSelector / fromCodePointSelector', () => {
  it('gives code point offsets that select the same text in a code point array', () => {
    const start = MIXED.indexOf('Kazakhstan’s');
    const end = MIXED.indexOf(' end');
    const converted = toCodePointSelector(MIXED, { start, end });
    assert.deepEqual(converted, { start: 3, end: [...MIXED.slice(0, end)].length });
    assert.equal(
      [...MIXED].slice(converted.start, converted.end).join(''),
      MIXED.slice(start, end),
    );
  });

  it('round-trips every range between code point boundaries', () => {
    const boundaries = [...Array(MIXED.length + 1).keys()].filter((i) =>
      isCodePointBoundary(MIXED, i),
    );
    for (const start of boundaries) {
      for (const end of boundaries.filter((offset) => offset >= start)) {
        const range = { start, end };
        assert.deepEqual(fromCodePointSelector(MIXED, toCodePointSelector(MIXED, range)), range);
      }
    }
  });

  it('throws a RangeError for a reversed range or one that splits a pair', () => {
    assert.throws(() => toCodePointSelector(EMOJI_TEXT, { start: 5, end: 3 }), RangeError);
    assert.throws(() => toCodePointSelector(EMOJI_TEXT, { start: 0, end: 4 }), RangeError);
    assert.throws(() => fromCodePointSelector(EMOJI_TEXT, { start: 2, end: 1 }), RangeError);
    assert.throws(() => fromCodePointSelector(EMOJI_TEXT, { start: 0, end: 99 }), RangeError);
  });
});
