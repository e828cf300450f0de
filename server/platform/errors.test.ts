import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorResponse, isDatabaseUnavailable } from './errors';

describe('the error mapper', () => {
  it('answers 503 with Retry-After when no database connection frees up in time', async () => {
    // What the Prisma adapter throws when node-postgres' pool times out (measured under load).
    const error = Object.assign(new Error('timeout exceeded when trying to connect'), {
      clientVersion: '7.10.1',
    });
    assert.equal(isDatabaseUnavailable(error), true);
    const response = errorResponse(error);
    assert.equal(response.status, 503);
    assert.ok(Number(response.headers.get('retry-after')) > 0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'service_unavailable');
    assert.doesNotMatch(body.error.message, /timeout exceeded/);
  });

  it('still answers 500 without the text for an error it does not know', async () => {
    const response = errorResponse(new Error('something internal'));
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /something internal/);
  });
});
