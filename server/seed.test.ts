import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '@/lib/text';
import { DEMO_ACCOUNTS, DEMO_ARTICLES } from '@/prisma/demo/demo';
import { PROJECT_ROOT } from './bootstrap';
import { disableDemoAccounts, seedDemo } from './seed';
import { createTestDatabase, type TestDatabase } from './test-db';
import { verifySignIn } from './users';

describe('demo data', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('seed');
  });
  after(async () => {
    await db.drop();
  });

  it('loads one account per role and both sample articles with their raw text unchanged', async () => {
    const first = await seedDemo(db.prisma);
    assert.deepEqual(first, { usersCreated: 3, articlesCreated: 2 });
    const roles = (await db.prisma.user.findMany({ select: { role: true } }))
      .map((u) => u.role)
      .sort();
    assert.deepEqual(roles, ['ADMIN', 'EDITOR', 'REVIEWER']);
    for (const demo of DEMO_ARTICLES) {
      const article = await db.prisma.article.findUniqueOrThrow({
        where: { seedKey: demo.seedKey },
        include: { revisions: true },
      });
      const original = readFileSync(join(PROJECT_ROOT, 'prisma', 'demo', demo.file), 'utf8');
      assert.equal(article.rawInput, original);
      assert.equal(article.revisions.length, 1);
      assert.equal(article.revisions[0]!.text, original);
      assert.equal(article.revisions[0]!.sha256, sha256Hex(original));
    }
  });

  it('ships the sample articles byte for byte as they arrived', () => {
    for (const demo of DEMO_ARTICLES) {
      const shipped = readFileSync(join(PROJECT_ROOT, 'prisma', 'demo', demo.file), 'utf8');
      assert.equal(sha256Hex(shipped), demo.sha256, `${demo.file} changed`);
    }
  });

  it('never duplicates anything on restart, even when several instances seed at once', async () => {
    const again = await Promise.all([seedDemo(db.prisma), seedDemo(db.prisma)]);
    assert.deepEqual(again, [
      { usersCreated: 0, articlesCreated: 0 },
      { usersCreated: 0, articlesCreated: 0 },
    ]);
    assert.equal(await db.prisma.user.count(), 3);
    assert.equal(await db.prisma.article.count(), 2);
    assert.equal(await db.prisma.articleRevision.count(), 2);
  });

  it('disables the demo accounts when the demo is turned off', async () => {
    assert.equal(await disableDemoAccounts(db.prisma), 3);
    const account = DEMO_ACCOUNTS[0]!;
    assert.equal((await verifySignIn(db.prisma, account.email, account.password)).ok, false);
    await seedDemo(db.prisma);
    assert.equal((await verifySignIn(db.prisma, account.email, account.password)).ok, true);
  });
});
