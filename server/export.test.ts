import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from './articles-create';
import { createClaim } from './claims';
import { streamExportClaims } from './export';
import { parseTimestamp } from './platform/pg-types';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { createUser, type SessionUser } from './users';

describe('claims list export against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;

  before(async () => {
    db = await createTestDatabase('export');
    const user = await createUser(
      db.prisma,
      { email: 'editor@export.test', name: 'Editor', role: 'EDITOR', password: 'long enough pw' },
      null,
    );
    editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  });
  after(async () => {
    await db.drop();
  });

  it('filters by `q` with `%`, `_` and `\\` taken literally, not as LIKE wildcards', async () => {
    const text = 'Rates rose 7% in May.\nRates rose 7 points.\nCode a_b.\nCode axb.\nPath c\\d.';
    const article = await createArticle(db.prisma, editor, { title: 'Literal', text });
    for (const passage of ['7% in May', '7 points', 'a_b', 'axb', 'c\\d']) {
      await createClaim(db.prisma, editor, {
        span: {
          articleId: article.id,
          revisionId: article.revision.id,
          start: text.indexOf(passage),
          end: text.indexOf(passage) + passage.length,
        },
        claim: { text: `Claim ${passage}`, verdict: 'UNVERIFIED', rationale: '', evidence: [] },
      });
    }
    const found = async (q: string) => {
      const texts: string[] = [];
      for await (const claim of streamExportClaims(db.prisma, { state: 'ALL', q })) {
        texts.push(claim.text);
      }
      return texts.sort();
    };
    assert.deepEqual(await found('7%'), ['Claim 7% in May']);
    assert.deepEqual(await found('a_b'), ['Claim a_b']);
    assert.deepEqual(await found('c\\d'), ['Claim c\\d']);
    assert.deepEqual(await found('claim 7'), ['Claim 7 points', 'Claim 7% in May']);
  });
});

describe('parseTimestamp', () => {
  /** How the pg adapter read timestamps before: the Date string parser, in UTC. */
  const parsed = (value: string) => new Date(`${value.replace(' ', 'T')}+00:00`);
  const same = (value: string) =>
    assert.equal(parseTimestamp(value).getTime(), parsed(value).getTime(), value);

  it('reads PostgreSQL timestamps exactly as the Date parser does', () => {
    for (const value of [
      '2026-12-01 14:09:10',
      '2026-12-01 14:09:10.1',
      '2026-12-01 14:09:10.12',
      '2026-12-01 14:09:10.123',
      '2026-12-01 14:09:10.123456',
      '2026-12-01 14:09:10.999999',
      '2024-02-29 23:59:59.999',
      '1970-01-01 00:00:00',
      '1969-12-31 23:59:59.001',
      '1000-01-01 00:00:00',
      '9999-12-31 23:59:59.999',
    ]) {
      same(value);
    }
    // Random instants from 1900 to 2100, at every fraction length PostgreSQL writes.
    let seed = 13;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(Date.UTC(1900, 0, 1) + random() * 200 * 365.25 * 86_400_000)
        .toISOString()
        .replace('T', ' ')
        .replace('Z', '');
      same(iso.slice(0, 19 + (i % 5 === 0 ? 0 : 1 + (i % 4))));
    }
  });

  it('hands anything else to the Date parser', () => {
    for (const value of ['infinity', '0099-01-01 00:00:00', '2026-12-01 14:09:10 BC', '']) {
      assert.equal(
        Number.isNaN(parseTimestamp(value).getTime()),
        Number.isNaN(parsed(value).getTime()),
      );
      if (!Number.isNaN(parsed(value).getTime())) same(value);
    }
  });
});
