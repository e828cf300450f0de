import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from './platform/errors';
import { createArticle } from './articles-create';
import { updateArticleDetails } from './articles-edit';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { createUser, type SessionUser } from './users';

describe('article details against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;

  before(async () => {
    db = await createTestDatabase('details');
    const user = await createUser(
      db.prisma,
      { email: 'ed@details.test', name: 'Ed', role: 'EDITOR', password: 'long enough pw' },
      null,
    );
    editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  });
  after(async () => {
    await db.drop();
  });

  const audits = (id: string) =>
    db.prisma.auditEvent.findMany({
      where: { entityType: 'Article', entityId: id, action: 'article.update' },
      orderBy: { createdAt: 'asc' },
    });

  it('saves the changed fields and audits exactly them, before and after', async () => {
    const article = await createArticle(db.prisma, editor, {
      title: 'Draft title',
      text: 'Some text.',
      byline: 'A. Writer',
    });
    const saved = await updateArticleDetails(db.prisma, editor, article.id, {
      title: 'Final title',
      byline: 'A. Writer',
      sourceUrl: 'https://example.org/a',
      publishedAt: '2015-10-06',
    });
    assert.equal(saved.title, 'Final title');
    assert.equal(saved.publishedAt, '2015-10-06');
    const row = await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    assert.equal(row.publishedAt?.toISOString(), '2015-10-06T00:00:00.000Z');
    const [audit, ...rest] = await audits(article.id);
    assert.equal(rest.length, 0);
    assert.equal(audit!.actorId, editor.id);
    assert.deepEqual(audit!.before, { title: 'Draft title', sourceUrl: null, publishedAt: null });
    assert.deepEqual(audit!.after, {
      title: 'Final title',
      sourceUrl: 'https://example.org/a',
      publishedAt: '2015-10-06',
    });
  });

  it('writes no audit row when nothing changes, and clears a field with ""', async () => {
    const article = await createArticle(db.prisma, editor, {
      title: 'Same',
      text: 'Some text.',
      sourceName: 'Wire',
    });
    await updateArticleDetails(db.prisma, editor, article.id, { title: 'Same' });
    assert.equal((await audits(article.id)).length, 0);
    await updateArticleDetails(db.prisma, editor, article.id, { sourceName: '' });
    const [audit] = await audits(article.id);
    assert.deepEqual(audit!.after, { sourceName: null });
  });

  it('refuses bad input without saving or auditing, and an unknown article with 404', async () => {
    const article = await createArticle(db.prisma, editor, { title: 'Keep', text: 'Some text.' });
    await assert.rejects(
      updateArticleDetails(db.prisma, editor, article.id, {
        title: '',
        sourceUrl: 'ftp://x',
        publishedAt: '2023-02-29',
      }),
      (error: { issues?: { path: (string | number)[] }[] }) =>
        JSON.stringify(error.issues?.map((i) => i.path[0]).sort()) ===
        JSON.stringify(['publishedAt', 'sourceUrl', 'title']),
    );
    assert.equal(
      (await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title,
      'Keep',
    );
    assert.equal((await audits(article.id)).length, 0);
    await assert.rejects(
      updateArticleDetails(db.prisma, editor, 'missing', { title: 'x' }),
      (error) => error instanceof AppError && error.code === 'not_found',
    );
  });
});
