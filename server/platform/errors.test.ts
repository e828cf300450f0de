import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { errorResponse, isDatabaseUnavailable, zodMessage } from './errors';

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

/** What PostgreSQL throws at one of two transactions, as the route's error mapper sees it. */
describe('the error mapper on PostgreSQL aborting a transaction', () => {
  let db: TestDatabase;
  let ids: [string, string];

  before(async () => {
    db = await createTestDatabase('errors');
    const user = await db.prisma.user.create({
      data: { email: 'e@test.example', name: 'E', role: 'EDITOR', passwordHash: 'x' },
    });
    const made = await Promise.all(
      ['One', 'Two'].map((title) =>
        db.prisma.article.create({ data: { title, createdById: user.id } }),
      ),
    );
    ids = [made[0]!.id, made[1]!.id];
  });
  after(async () => {
    await db.drop();
  });

  async function expectRetryConflict(error: unknown) {
    const response = errorResponse(error);
    assert.equal(response.status, 409);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'conflict');
    // Our words, not Prisma's or PostgreSQL's.
    assert.match(body.error.message, /try again/i);
    assert.doesNotMatch(body.error.message, /deadlock|transaction|serializ/i);
  }

  it('answers 409 "try again" to the transaction PostgreSQL aborts to break a deadlock', async () => {
    // Two transactions each lock one row, then wait for the other's: PostgreSQL aborts one.
    let locked = 0;
    let bothLocked: () => void;
    const ready = new Promise<void>((resolve) => (bothLocked = resolve));
    const crossLock = (mine: string, theirs: string) =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT id FROM "Article" WHERE id = ${mine} FOR UPDATE`;
        if (++locked === 2) bothLocked();
        await ready;
        await tx.$executeRaw`SELECT id FROM "Article" WHERE id = ${theirs} FOR UPDATE`;
      });
    const results = await Promise.allSettled([
      crossLock(ids[0], ids[1]),
      crossLock(ids[1], ids[0]),
    ]);
    const failures = results.filter((r) => r.status === 'rejected');
    assert.equal(failures.length, 1, 'exactly one transaction is aborted');
    await expectRetryConflict((failures[0] as PromiseRejectedResult).reason);
  });

  it('answers 409 "try again" to a serialization failure', async () => {
    // A repeatable-read transaction updating a row another one changed since its snapshot.
    let firstRead: () => void;
    let freshWritten: () => void;
    const read = new Promise<void>((resolve) => (firstRead = resolve));
    const written = new Promise<void>((resolve) => (freshWritten = resolve));
    const stale = db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT title FROM "Article" WHERE id = ${ids[0]}`;
        firstRead();
        await written;
        await tx.$executeRaw`UPDATE "Article" SET title = 'Stale' WHERE id = ${ids[0]}`;
      },
      { isolationLevel: 'RepeatableRead' },
    );
    await read;
    await db.prisma.$executeRaw`UPDATE "Article" SET title = 'Fresh' WHERE id = ${ids[0]}`;
    freshWritten!();
    const error = await stale.then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error, 'the stale transaction is refused');
    await expectRetryConflict(error);
  });

  it('answers 409 "try again" to Prisma\'s own write-conflict code', async () => {
    await expectRetryConflict(
      Object.assign(new Error('Transaction failed due to a write conflict or a deadlock.'), {
        code: 'P2034',
      }),
    );
  });
});

describe('the error mapper on a failed zod parse', () => {
  it('says what is wrong in its own words, never naming JavaScript types like undefined', async () => {
    z.config({ customError: zodMessage }); // as the route wrapper does
    const schema = z.object({
      text: z.string(),
      start: z.number().int(),
      limit: z.coerce.number(),
      tags: z.array(z.string()),
      role: z.enum(['A', 'B'], { error: 'Role must be A or B.' }),
    });
    const result = schema.safeParse({ start: 1.5, limit: 'many', tags: {}, role: 'C' });
    assert.equal(result.success, false);
    const response = errorResponse(result.error);
    assert.equal(response.status, 400);
    const body = (await response.json()) as {
      error: { code: string; issues: { path: string; message: string }[] };
    };
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(body.error.issues, [
      { path: 'text', message: 'Required.' },
      { path: 'start', message: 'Expected a whole number.' },
      { path: 'limit', message: 'Expected a number.' },
      { path: 'tags', message: 'Expected a list.' },
      // A message the schema sets itself is kept.
      { path: 'role', message: 'Role must be A or B.' },
    ]);
  });
});
