import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '@/lib/domain';
import { AppError } from './platform/errors';
import { createArticle } from './articles-create';
import { updateArticleDetails } from './articles-edit';
import { createClaim } from './claims';
import { approveClaim, submitClaim } from './review';
import { createTestDatabase, createTestUser, type TestDatabase } from './dev/test-db';
import type { SessionUser } from './users';

describe('article details against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;
  let reviewer: SessionUser;

  before(async () => {
    db = await createTestDatabase('details');
    const make = (email: string, role: Role) => createTestUser(db.prisma, email, role);
    editor = await make('ed@details.test', 'EDITOR');
    reviewer = await make('rev@details.test', 'REVIEWER');
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
    assert.equal(saved.article.title, 'Final title');
    assert.equal(saved.article.publishedAt, '2015-10-06');
    assert.equal(saved.backToReview, 0);
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

  const TEXT = 'The minister said exports grew by 12 percent. Critics said it ignores inflation.';
  const spanOf = (a: { id: string; revision: { id: string } }, passage: string) => ({
    articleId: a.id,
    revisionId: a.revision.id,
    start: TEXT.indexOf(passage),
    end: TEXT.indexOf(passage) + passage.length,
  });
  async function claimOn(
    a: { id: string; revision: { id: string } },
    passage: string,
    state: 'SUBMITTED' | 'APPROVED',
  ) {
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(a, passage),
      claim: {
        text: `${passage} (${a.id})`,
        verdict: 'TRUE',
        rationale: 'The statistics agree.',
        evidence: [{ url: 'https://example.org/stats' }],
      },
    });
    await submitClaim(db.prisma, editor, claim.id, { version: 1 });
    if (state === 'APPROVED') await approveClaim(db.prisma, reviewer, claim.id, { version: 2 });
    return db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
  }
  const claimNow = (id: string) => db.prisma.claim.findUniqueOrThrow({ where: { id } });

  it('a new source address, source name or date sends the approved claims placed in the article back to review, audited', async () => {
    const article = await createArticle(db.prisma, editor, {
      title: 'Exports',
      text: TEXT,
      sourceName: 'Wire',
      sourceUrl: 'https://example.org/exports',
      publishedAt: '2024-03-01',
    });
    const elsewhere = await createArticle(db.prisma, editor, { title: 'Other', text: TEXT });
    const approved = await claimOn(article, 'exports grew by 12 percent', 'APPROVED');
    const waiting = await claimOn(article, 'ignores inflation', 'SUBMITTED');
    const untouched = await claimOn(elsewhere, 'exports grew by 12 percent', 'APPROVED');

    const saved = await updateArticleDetails(db.prisma, editor, article.id, {
      sourceUrl: 'https://example.org/exports-corrected',
      byline: 'A. Writer',
    });
    assert.equal(saved.backToReview, 1);
    const after = await claimNow(approved.id);
    assert.equal(after.reviewState, 'SUBMITTED');
    assert.equal(after.version, approved.version + 1);
    assert.deepEqual(after.changedBy, [editor.id]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'Claim', entityId: approved.id, action: 'claim.source_changed' },
    });
    assert.equal(audit.actorId, editor.id);
    assert.equal(
      (audit.after as { note?: string }).note,
      'Back to review: the article’s source address changed ' +
        '(“https://example.org/exports” → “https://example.org/exports-corrected”).',
    );
    // In review: it stays there, but its version moves on, so a decision taken on what the
    // reviewer loaded before the change is refused (see the next test); audited with a note.
    const inReview = await claimNow(waiting.id);
    assert.equal(inReview.reviewState, 'SUBMITTED');
    assert.equal(inReview.version, waiting.version + 1);
    const reviewAudit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'Claim', entityId: waiting.id, action: 'claim.source_changed' },
    });
    assert.equal(
      (reviewAudit.after as { note?: string }).note,
      'Still in review: the article’s source address changed ' +
        '(“https://example.org/exports” → “https://example.org/exports-corrected”).',
    );
    // Not in this article: nothing written.
    assert.deepEqual(await claimNow(untouched.id), untouched);

    for (const change of [{ sourceName: '' }, { publishedAt: '2024-03-02' }]) {
      const now = await claimNow(approved.id);
      await approveClaim(db.prisma, reviewer, approved.id, { version: now.version });
      const again = await updateArticleDetails(db.prisma, editor, article.id, change);
      assert.equal(again.backToReview, 1, JSON.stringify(change));
      assert.equal((await claimNow(approved.id)).reviewState, 'SUBMITTED');
    }
  });

  it('a reviewer who loaded a claim in review before its article’s source changed cannot approve the new source unseen', async () => {
    const article = await createArticle(db.prisma, editor, {
      title: 'Race',
      text: TEXT,
      sourceUrl: 'https://example.org/race',
    });
    const waiting = await claimOn(article, 'exports grew by 12 percent', 'SUBMITTED');
    const seen = waiting.version; // the reviewer opens the claim here
    await updateArticleDetails(db.prisma, editor, article.id, {
      sourceUrl: 'https://example.org/race-corrected',
    });
    await assert.rejects(
      approveClaim(db.prisma, reviewer, waiting.id, { version: seen }),
      (error) => error instanceof AppError && error.code === 'conflict',
    );
    assert.equal((await claimNow(waiting.id)).reviewState, 'SUBMITTED');
    // Reloaded, the reviewer sees the new source and may approve it.
    const now = await claimNow(waiting.id);
    await approveClaim(db.prisma, reviewer, waiting.id, { version: now.version });
    assert.equal((await claimNow(waiting.id)).reviewState, 'APPROVED');
  });

  it('a new title or byline keeps the approvals (they name the article, not where the claim was made)', async () => {
    const article = await createArticle(db.prisma, editor, {
      title: 'Exprots',
      text: TEXT,
      sourceUrl: 'https://example.org/exports',
    });
    const approved = await claimOn(article, 'exports grew by 12 percent', 'APPROVED');
    const saved = await updateArticleDetails(db.prisma, editor, article.id, {
      title: 'Exports',
      byline: 'A. Writer',
    });
    assert.equal(saved.backToReview, 0);
    assert.deepEqual(await claimNow(approved.id), approved);
  });
});
