import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDIRECT_PATH_CASES } from './redirect-path-cases';
import { safeRedirectPath } from './redirect-path';

describe('safeRedirectPath', () => {
  for (const { value, path } of REDIRECT_PATH_CASES) {
    it(`${JSON.stringify(value)} → ${path}`, () => {
      assert.equal(safeRedirectPath(value), path);
    });
  }

  it('answers a path a browser resolves to the app itself', () => {
    for (const { value } of REDIRECT_PATH_CASES) {
      const target = new URL(safeRedirectPath(value), 'https://factmark.example/a/b');
      assert.equal(target.origin, 'https://factmark.example', JSON.stringify(value));
    }
  });
});
