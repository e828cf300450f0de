import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from './errors';
import { checkStrings, MAX_JSON_DEPTH } from './request-rules';

/** What checkStrings threw for `value` (null when it let it through). */
function refusal(value: unknown): AppError | null {
  try {
    checkStrings(value);
    return null;
  } catch (error) {
    assert.ok(error instanceof AppError, `threw ${String(error)}`);
    return error;
  }
}

describe('checkStrings', () => {
  it('lets clean values through, however they mix strings, numbers, arrays and objects', () => {
    assert.equal(refusal({ a: ['x', 1, null, { b: 'é😀' }], c: true }), null);
  });

  it('names the first bad string in document order', () => {
    const error = refusal({ a: 'fine', b: ['ok', 'bad\u0000'], c: '\uD800' });
    assert.equal(error?.code, 'bad_request');
    assert.deepEqual(error?.details?.issues, [
      { path: 'b.1', message: 'NUL or an unpaired surrogate is not allowed.' },
    ]);
  });

  it('refuses a bad character in a key', () => {
    assert.equal(refusal({ 'a\u0000': 1 })?.code, 'bad_request');
  });

  it('accepts nesting up to the limit and refuses deeper with a 400, never a stack overflow', () => {
    const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    assert.equal(refusal(nested(MAX_JSON_DEPTH)), null);
    assert.match(refusal(nested(MAX_JSON_DEPTH + 1))?.message ?? '', /nested more than 64/);
    // A body of 100,000 levels overflowed the recursive check: a 500.
    assert.equal(refusal(nested(100_000))?.code, 'bad_request');
    const objects = JSON.parse('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)) as unknown;
    assert.equal(refusal(objects)?.code, 'bad_request');
  });
});
