import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from './platform/errors';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { countSignInAttempt } from './platform/sign-in-counters';
import {
  ACCOUNT_DISABLED,
  createUser,
  resumeSession,
  startSession,
  updateUser,
  verifySignIn,
  WRONG_CREDENTIALS,
} from './users';

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

  it('counts concurrent attempts atomically: of 20 at once exactly the limit is checked', async () => {
    const limits = { clientLimit: 100, accountLimit: 5, accountCeiling: 50, windowMs: 60_000 };
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () =>
        countSignInAttempt(db.prisma, '203.0.113.9', 'race@example.org', limits),
      ),
    );
    assert.equal(decisions.filter((d) => d.allowed).length, 5);
    const refused = decisions.find((d) => !d.allowed);
    assert.ok(refused && !refused.allowed && refused.retryAfterSeconds > 0);
    // Another client is not affected: the stranger cannot lock the real user out.
    const other = await countSignInAttempt(db.prisma, '198.51.100.7', 'race@example.org', limits);
    assert.equal(other.allowed, true);
  });

  it('refuses a disabled account, saying so only with the right password', async () => {
    const user = await createUser(db.prisma, newUser('disabled@example.org', 'EDITOR'), null);
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    assert.deepEqual(
      await verifySignIn(db.prisma, 'disabled@example.org', 'correct horse battery'),
      { ok: false, message: ACCOUNT_DISABLED },
    );
    assert.deepEqual(await verifySignIn(db.prisma, 'disabled@example.org', 'wrong'), {
      ok: false,
      message: WRONG_CREDENTIALS,
    });
  });

  it('ends every session of a user on a password reset, a role change and disabling', async () => {
    const admin = await createUser(db.prisma, newUser('ender@example.org', 'ADMIN'), null);
    const user = await createUser(db.prisma, newUser('ended@example.org', 'EDITOR'), null);
    const limits = { maxAgeMs: 3_600_000, idleMs: 600_000 };
    for (const update of [
      { password: 'another fine passphrase' },
      { role: 'REVIEWER' as const },
      { disabled: true },
    ]) {
      const sessions = [
        await startSession(db.prisma, user.id),
        await startSession(db.prisma, user.id),
      ];
      assert.ok(await resumeSession(db.prisma, sessions[0]!, user.id, limits));
      await updateUser(db.prisma, user.id, update, admin.id);
      for (const id of sessions) {
        assert.equal(
          await resumeSession(db.prisma, id, user.id, limits),
          null,
          JSON.stringify(update),
        );
      }
    }
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: user.id, action: 'user.disable' },
    });
    assert.equal(audit.actorId, admin.id);
  });

  it('ends a session after its lifetime and after the idle timeout', async () => {
    const user = await createUser(db.prisma, newUser('idle@example.org', 'EDITOR'), null);
    const id = await startSession(db.prisma, user.id);
    const later = (ms: number) => new Date(Date.now() + ms);
    const limits = { maxAgeMs: 3_600_000, idleMs: 600_000 };
    assert.ok(await resumeSession(db.prisma, id, user.id, limits, later(300_000)));
    assert.equal(
      await resumeSession(db.prisma, id, user.id, limits, later(300_000 + 700_000)),
      null,
    );
    const young = await startSession(db.prisma, user.id);
    assert.equal(
      await resumeSession(
        db.prisma,
        young,
        user.id,
        { maxAgeMs: 1000, idleMs: 600_000 },
        later(5000),
      ),
      null,
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
    await assert.rejects(
      updateUser(db.prisma, remaining.id, { disabled: true }, remaining.id),
      /last active admin/,
    );
  });
});
