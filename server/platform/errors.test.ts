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

  it('answers 400 in its own words when PostgreSQL refuses a date or time', async () => {
    // node-postgres' error (queryRows), and the same wrapped by Prisma's driver adapter.
    const pgError = (code: string, message: string) =>
      Object.assign(new Error(message), { code, severity: 'ERROR' });
    const refusals = [
      pgError('22008', 'date/time field value out of range: "2024-02-30"'),
      pgError('22007', 'invalid input syntax for type timestamp: "-000001-01-01"'),
      pgError('22009', 'time zone displacement out of range: "+010000-01-01"'),
      Object.assign(new Error('Raw query failed. Code: `22008`.'), {
        code: 'P2010',
        meta: {
          driverAdapterError: {
            cause: {
              originalCode: '22008',
              originalMessage: 'date/time field value out of range: "0000-01-01"',
              kind: 'postgres',
            },
          },
        },
      }),
    ];
    for (const error of refusals) {
      const response = errorResponse(error);
      assert.equal(response.status, 400, error.message);
      const text = await response.text();
      assert.doesNotMatch(text, /out of range:|invalid input syntax|Raw query|22008/);
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'bad_request');
    }
  });

  it('still answers 500 without the text for an error it does not know', async () => {
    const response = errorResponse(new Error('something internal'));
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /something internal/);
  });
});
