import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpace, trimmedLength } from './white-space';

describe('white space as \\s and trim read it', () => {
  it('isSpace agrees with \\s on every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      assert.equal(isSpace(code), /\s/.test(String.fromCharCode(code)), code.toString(16));
    }
  });

  it('trimmedLength is the length trim leaves', () => {
    for (const text of [
      '',
      ' ',
      'a',
      ' a ',
      '\u00a0\u3000a b\ufeff',
      '\u200ba\u200b',
      '\n\t \u2028',
    ]) {
      assert.equal(trimmedLength(text), text.trim().length, JSON.stringify(text));
    }
  });
});
