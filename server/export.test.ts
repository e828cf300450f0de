import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from './articles-create';
import { createClaim } from './claims';
import { streamExportClaims } from './export';
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
