import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from './dev/bootstrap';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { verifySignIn } from './users';

function runCli(args: string[], databaseUrl: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'user-create.ts'), ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    },
  );
}

describe('npm run user:create', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('cli');
  });
  after(async () => {
    await db.drop();
  });

  it('creates a user who can sign in with that role', async () => {
    const result = runCli(
      [
        '--email',
        'First.Admin@Example.org',
        '--role',
        'admin',
        '--password',
        'first admin password',
      ],
      db.url,
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Created ADMIN first\.admin@example\.org \(First Admin\)\./);
    const signIn = await verifySignIn(db.prisma, 'first.admin@example.org', 'first admin password');
    assert.ok(signIn.ok && signIn.user.role === 'ADMIN');
  });

  it('says what is wrong with bad input and creates nothing', async () => {
    const before = await db.prisma.user.count();
    const result = runCli(['--email', 'nope', '--role', 'boss', '--password', 'short'], db.url);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /email: Enter a valid email address\./);
    assert.match(result.stderr, /role: Role must be one of EDITOR, REVIEWER, ADMIN\./);
    assert.match(result.stderr, /password: Use at least 12 characters\./);
    assert.equal(await db.prisma.user.count(), before);
  });

  it('refuses an email that is taken', () => {
    runCli(
      ['--email', 'taken@example.org', '--role', 'EDITOR', '--password', 'first password'],
      db.url,
    );
    const again = runCli(
      ['--email', 'taken@example.org', '--role', 'EDITOR', '--password', 'other password'],
      db.url,
    );
    assert.equal(again.status, 1);
    assert.match(again.stderr, /A user with email taken@example\.org already exists\./);
  });
});
