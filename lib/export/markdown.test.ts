import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canCloseStrong, canOpenStrong, firstChar, lastChar, markdownLink } from './markdown';

describe('strong emphasis flanking (CommonMark 6.2, old and new punctuation)', () => {
  const cases: [string, string, boolean, boolean][] = [
    // before, after, can open, can close
    [' ', 'a', true, false],
    ['a', ' ', false, true],
    ['', 'a', true, false],
    ['a', '', false, true],
    ['a', 'b', true, true],
    ['a', '"', false, true],
    [' ', '"', true, false],
    ['"', 'a', true, false],
    ['"', ' ', false, true],
    ['.', '[', true, true],
    ['a', '\\', false, true],
    ['😀', 'a', true, false], // a symbol counts as punctuation in CommonMark 0.31 only
    ['a', '😀', false, true],
    [' ', '😀', true, false],
    ['a', '—', false, true],
  ];
  for (const [before, after, open, close] of cases) {
    it(`${JSON.stringify(before)}**${JSON.stringify(after)}`, () => {
      assert.equal(canOpenStrong(before, after), open, 'open');
      assert.equal(canCloseStrong(before, after), close, 'close');
    });
  }
});

describe('markdown helpers', () => {
  it('firstChar / lastChar take whole code points', () => {
    assert.equal(firstChar('😀x'), '😀');
    assert.equal(lastChar('x😀'), '😀');
    assert.equal(firstChar(''), '');
    assert.equal(lastChar(''), '');
  });

  it('markdownLink links http(s) only', () => {
    assert.equal(markdownLink('https://a.example/x y', 'A'), '[A](<https://a.example/x%20y>)');
    assert.equal(markdownLink('javascript:alert(1)', 'A'), 'A');
    assert.equal(markdownLink('javascript:alert(1)', null), 'javascript:alert(1)');
    assert.equal(
      markdownLink('https://a.example/<x>', '[x]'),
      '[\\[x\\]](<https://a.example/%3Cx%3E>)',
    );
  });
});
