import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanText } from '@/lib/import/index';
import { sha256Hex } from '@/lib/text';
import { DEMO_ACCOUNTS, DEMO_ARTICLES } from '@/prisma/demo/demo';
import { PROJECT_ROOT } from './bootstrap';
import { disableDemoAccounts, prepareDemoArticle, seedDemo } from './seed';
import { createTestDatabase, type TestDatabase } from './test-db';
import { verifySignIn } from '../users';

describe('demo data', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('seed');
  });
  after(async () => {
    await db.drop();
  });

  it('loads one account per role and both sample articles: cleaned text, raw input unchanged', async () => {
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
      const cleaned = cleanText(original).text;
      assert.equal(article.rawInput, original);
      assert.equal(article.revisions.length, 1);
      assert.equal(article.revisions[0]!.text, cleaned);
      assert.equal(article.revisions[0]!.sha256, sha256Hex(cleaned));
      assert.equal(article.title, demo.title);
      assert.equal(article.sourceName, demo.sourceName);
      assert.equal(article.byline, demo.byline);
      assert.equal(article.publishedAt?.toISOString().slice(0, 10), demo.publishedAt);
    }
  });

  it('cleans the samples as an import would: no page furniture, sentences whole', async () => {
    const dir = join(PROJECT_ROOT, 'prisma', 'demo');
    const [mfa, times] = await Promise.all(DEMO_ARTICLES.map((d) => prepareDemoArticle(d, dir)));
    assert.match(
      mfa!.text,
      /^Representatives of the Syrian opposition held a second round of consultations in Astana Oct\. 2–4/,
    );
    assert.doesNotMatch(mfa!.text, /MFA Government\s+09\/10\/2015/);
    // The near-duplicate paragraph is dropped; its longer copy stays, once.
    assert.equal(mfa!.text.match(/In her statement, Abdykalikova emphasised/g)?.length, 1);
    assert.match(mfa!.text, /equal access to infrastructure, resources and markets, she noted\./);
    assert.equal(mfa!.text.split('\n\n').length, 11);

    for (const furniture of [
      'BRINGING KAZAKHSTAN',
      'Most Recent Stories',
      'View More',
      'Sign up',
      'PRIVACY POLICY',
    ]) {
      assert.ok(!times!.text.includes(furniture), furniture);
    }
    assert.match(
      times!.text,
      /Kazakhstan hopes for the continuation of talks between the Syrian authorities/,
    );
    assert.match(times!.text, /to participate in elections in February 2016,” Kassis added\./);
  });

  it('keeps the demo metadata consistent with what the pipeline extracts', async () => {
    const dir = join(PROJECT_ROOT, 'prisma', 'demo');
    for (const demo of DEMO_ARTICLES) {
      const { metadata } = await prepareDemoArticle(demo, dir);
      const expected = {
        title: demo.title,
        sourceName: demo.sourceName,
        byline: demo.byline,
        publishedAt: demo.publishedAt,
      };
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        if (metadata[key] !== undefined)
          assert.equal(metadata[key], expected[key], `${demo.file} ${key}`);
      }
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
