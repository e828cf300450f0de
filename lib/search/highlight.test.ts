import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MATCH_END, MATCH_START, hasMatch, toSegments } from './highlight';

describe('toSegments', () => {
  it('splits marked text into plain and matching runs', () => {
    assert.deepEqual(toSegments(`The ${MATCH_START}minister${MATCH_END} said`), [
      { text: 'The ', match: false },
      { text: 'minister', match: true },
      { text: ' said', match: false },
    ]);
  });

  it('keeps markup as text (segments are rendered as text, never HTML)', () => {
    const segments = toSegments(`<b>${MATCH_START}x${MATCH_END}</b>`);
    assert.equal(segments[0]!.text, '<b>');
    assert.ok(hasMatch(segments));
  });

  it('tolerates unbalanced markers and drops empty runs', () => {
    assert.deepEqual(toSegments(`${MATCH_END}a${MATCH_START}${MATCH_START}b`), [
      { text: 'a', match: false },
      { text: 'b', match: true },
    ]);
    assert.deepEqual(toSegments(''), []);
  });
});
