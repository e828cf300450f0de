import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FREE_ATTEMPTS } from '@/lib/sign-in-throttle';
import { AppError } from './platform/errors';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { createUser, updateUser, verifySignIn, WRONG_CREDENTIALS } from './users';

describe('user accounts against PostgreSQL', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('users');
  });
  after(async () => {
    await db.drop();
  });

  const newUser = (email: string, role: 'EDITOR' | 'REVIEWER' | 'ADMIN') => ({
    email,
    name: email.split('@')[0]!,
    role,
    password: 'correct horse battery',
  });

  it('stores an argon2id hash, never the password, and audits the creation', async () => {
    const user = await createUser(db.prisma, newUser('hash@example.org', 'EDITOR'), null);
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(!row.passwordHash.includes('correct horse'));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    assert.equal(audit.action, 'user.create');
    assert.ok(!JSON.stringify(audit.after).includes('correct horse'));
  });

  it('refuses a second account with the same email with a conflict', async () => {
    await createUser(db.prisma, newUser('twice@example.org', 'EDITOR'), null);
    await assert.rejects(
      createUser(db.prisma, newUser('twice@example.org', 'ADMIN'), null),
      (error: unknown) => {
        return error instanceof AppError && error.code === 'conflict';
      },
    );
  });

  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    await createUser(db.prisma, newUser('signin@example.org', 'REVIEWER'), null);
    const ok = await verifySignIn(db.prisma, 'SignIn@Example.org ', 'correct horse battery');
    assert.equal(ok.ok, true);
    assert.deepEqual(await verifySignIn(db.prisma, 'signin@example.org', 'wrong'), {
      ok: false,
      message: WRONG_CREDENTIALS,
    });
    assert.deepEqual(await verifySignIn(db.prisma, 'nobody@example.org', 'x'), {
      ok: false,
      message: WRONG_CREDENTIALS,
    });
  });

  it('slows down an account after repeated failures and refuses even the right password meanwhile', async () => {
    await createUser(db.prisma, newUser('slow@example.org', 'EDITOR'), null);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const result = await verifySignIn(db.prisma, 'slow@example.org', 'wrong');
      assert.deepEqual(result, { ok: false, message: WRONG_CREDENTIALS }, `attempt ${i + 1}`);
    }
    const last = await verifySignIn(db.prisma, 'slow@example.org', 'wrong');
    assert.equal(last.ok, false);
    assert.match(last.ok ? '' : last.message, /slowed down: try again in \d+ seconds/);
    const blocked = await verifySignIn(db.prisma, 'slow@example.org', 'correct horse battery');
    assert.equal(blocked.ok, false);
    assert.match(blocked.ok ? '' : blocked.message, /Too many failed sign-ins/);
  });

  it('refuses to sign in a disabled account', async () => {
    const user = await createUser(db.prisma, newUser('disabled@example.org', 'EDITOR'), null);
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    assert.deepEqual(
      await verifySignIn(db.prisma, 'disabled@example.org', 'correct horse battery'),
      {
        ok: false,
        message: WRONG_CREDENTIALS,
      },
    );
  });

  it('resets a password so the new one works and the old one does not', async () => {
    const admin = await createUser(db.prisma, newUser('resetter@example.org', 'ADMIN'), null);
    const user = await createUser(db.prisma, newUser('reset@example.org', 'EDITOR'), null);
    await updateUser(db.prisma, user.id, { password: 'a brand new secret' }, admin.id);
    assert.equal(
      (await verifySignIn(db.prisma, 'reset@example.org', 'a brand new secret')).ok,
      true,
    );
    assert.equal(
      (await verifySignIn(db.prisma, 'reset@example.org', 'correct horse battery')).ok,
      false,
    );
  });
});

describe('the last admin', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('admins');
  });
  after(async () => {
    await db.drop();
  });

  it('cannot be demoted, and of two admins demoting each other at once exactly one succeeds', async () => {
    const base = { name: 'A', password: 'correct horse battery' };
    const one = await createUser(
      db.prisma,
      { ...base, email: 'one@example.org', role: 'ADMIN' },
      null,
    );
    const two = await createUser(
      db.prisma,
      { ...base, email: 'two@example.org', role: 'ADMIN' },
      null,
    );

    const results = await Promise.allSettled([
      updateUser(db.prisma, one.id, { role: 'EDITOR' }, two.id),
      updateUser(db.prisma, two.id, { role: 'EDITOR' }, one.id),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failure = results.find((r) => r.status === 'rejected');
    assert.ok(
      failure && failure.reason instanceof AppError && failure.reason.code === 'last_admin',
    );
    assert.equal(await db.prisma.user.count({ where: { role: 'ADMIN' } }), 1);

    const remaining = await db.prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    await assert.rejects(
      updateUser(db.prisma, remaining.id, { role: 'REVIEWER' }, remaining.id),
      /last admin/,
    );
  });
});
