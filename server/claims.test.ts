import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { sha256Hex } from '@/lib/text';
import { createArticle } from './articles-create';
import {
  annotationSelect,
  createClaim,
  getClaimOrThrow,
  searchClaims,
  updateClaim,
} from './claims';
import { linkSpanReturningIt } from './spans';
import { getArticleAnnotations } from './queries/article-annotations';
import { reviseArticle } from './revisions';
import { approveClaim, submitClaim } from './review';
import { AppError } from './platform/errors';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { createUser, type SessionUser } from './users';

const TEXT =
  'Exports grew by 12 percent last year.\nCritics said the figure ignores inflation.\nThe report came out on Monday.';

describe('claims against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;
  let admin: SessionUser;

  before(async () => {
    db = await createTestDatabase('claims');
    const make = async (email: string, role: 'EDITOR' | 'ADMIN') => {
      const user = await createUser(
        db.prisma,
        { email, name: email, role, password: 'long enough pw' },
        null,
      );
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    };
    editor = await make('editor@claims.test', 'EDITOR');
    admin = await make('admin@claims.test', 'ADMIN');
  });
  after(async () => {
    await db.drop();
  });

  async function newArticle(text = TEXT) {
    return createArticle(db.prisma, editor, { title: 'Test', text });
  }
  const spanOf = (
    article: { id: string; revision: { id: string } },
    text: string,
    passage: string,
  ) => ({
    articleId: article.id,
    revisionId: article.revision.id,
    start: text.indexOf(passage),
    end: text.indexOf(passage) + passage.length,
  });

  it('describes the span with W3C selectors and audits the creation in the same transaction', async () => {
    const article = await newArticle();
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'ignores inflation'),
      claim: { text: 'Ignores inflation', verdict: 'MISLEADING', rationale: '', evidence: [] },
    });
    const annotation = await db.prisma.annotation.findFirstOrThrow({
      where: { claimId: claim.id },
    });
    assert.equal(annotation.exact, 'ignores inflation');
    assert.equal(annotation.prefix, 'percent last year.\nCritics said the figure '.slice(-32));
    assert.equal(annotation.suffix, '.\nThe report came out on Monday.');
    assert.equal(
      await db.prisma.auditEvent.count({ where: { entityId: claim.id, action: 'claim.create' } }),
      1,
    );
  });

  it('refuses a span on a revision that is no longer current with 409', async () => {
    const article = await newArticle();
    await reviseArticle(
      db.prisma,
      editor,
      article.id,
      { baseRevisionId: article.revision.id, text: `${TEXT}\nMore.` },
      sha256Hex,
    );
    await assert.rejects(
      createClaim(db.prisma, editor, {
        span: spanOf(article, TEXT, 'Critics'),
        claim: { text: 'x', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
      }),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );
  });

  it('lets only one of two saves of the same version through; the other gets the current claim', async () => {
    const article = await newArticle();
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'Exports grew'),
      claim: { text: 'Growth', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
    });
    const results = await Promise.allSettled([
      updateClaim(db.prisma, editor, claim.id, { version: 1, verdict: 'TRUE' }),
      updateClaim(db.prisma, admin, claim.id, { version: 1, verdict: 'FALSE' }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(failed.reason instanceof AppError && failed.reason.code === 'conflict');
    const current = (failed.reason.details as { current: { version: number; verdict: string } })
      .current;
    assert.equal(current.version, 2);
    assert.ok(['TRUE', 'FALSE'].includes(current.verdict));
  });

  it('re-anchors every span on a new revision: kept, moved, fuzzy or orphaned, none dropped', async () => {
    const article = await newArticle();
    const make = (passage: string) =>
      createClaim(db.prisma, editor, {
        span: spanOf(article, TEXT, passage),
        claim: { text: passage, verdict: 'UNVERIFIED', rationale: '', evidence: [] },
      });
    await make('Exports grew by 12 percent');
    await make('the figure ignores inflation');
    await make('on Monday');
    const edited =
      'Exports grew by 12 percent last year.\nSeveral critics said that the figure ignores inflation.\nThe report came out last week.';
    const { summary } = await reviseArticle(
      db.prisma,
      editor,
      article.id,
      { baseRevisionId: article.revision.id, text: edited },
      sha256Hex,
    );
    assert.deepEqual(summary, { EXACT: 1, MOVED: 1, FUZZY: 0, ORPHANED: 1 });
    const view = await getArticleAnnotations(db.prisma, article.id);
    assert.equal(view.annotations.length + view.orphans.length, 3);
    for (const a of view.annotations) assert.equal(edited.slice(a.start, a.end), a.exact);
    assert.equal(view.orphans[0]!.exact, 'on Monday');
    assert.equal(view.revision.number, 2);
  });

  it('keeps an approval when its quote only moves, voids it when its words change', async () => {
    const article = await newArticle();
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'ignores inflation'),
      claim: {
        text: 'Ignores inflation',
        verdict: 'FALSE',
        rationale: 'Inflation was counted.',
        evidence: [{ url: 'https://stats.example.org/cpi' }],
      },
    });
    await submitClaim(db.prisma, editor, claim.id, { version: 1 });
    await approveClaim(db.prisma, admin, claim.id, { version: 2 });
    const moved = await reviseArticle(
      db.prisma,
      editor,
      article.id,
      { baseRevisionId: article.revision.id, text: `Preface.\n${TEXT}` },
      sha256Hex,
    );
    let after = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(after.reviewState, 'APPROVED', 'same words, new place: the approval holds');
    await reviseArticle(
      db.prisma,
      editor,
      article.id,
      {
        baseRevisionId: moved.revision.id,
        text: `Preface.\n${TEXT}`.replace('ignores inflation', 'ignores all inflation'),
      },
      sha256Hex,
    );
    after = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(after.reviewState, 'SUBMITTED');
    assert.ok(after.changedBy.includes(editor.id), 'who changed the words cannot approve');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: claim.id, action: 'claim.anchor_changed' },
    });
    assert.match(JSON.stringify(audit.after), /Back to review: its passage now reads/);
  });

  it('changes only the fields an edit sends, and keeps a submitted claim complete', async () => {
    const article = await newArticle();
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'Exports grew'),
      claim: {
        text: 'Growth',
        verdict: 'FALSE',
        rationale: 'Data say otherwise.',
        evidence: [{ url: 'https://stats.example.org/x' }],
      },
    });
    const edited = await updateClaim(db.prisma, editor, claim.id, {
      version: 1,
      claimant: 'The minister',
    });
    assert.equal(edited.claimant, 'The minister');
    assert.equal(edited.verdict, 'FALSE');
    assert.equal(edited.rationale, 'Data say otherwise.');
    assert.equal(edited.evidence.length, 1);

    await db.prisma.claim.update({ where: { id: claim.id }, data: { reviewState: 'SUBMITTED' } });
    await assert.rejects(
      updateClaim(db.prisma, editor, claim.id, { version: 2, rationale: '  ' }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'validation_failed' &&
        /would leave it missing a rationale/.test(e.message),
    );
  });

  it('refuses an edit of a text that changed meanwhile with 409', async () => {
    const article = await newArticle();
    await reviseArticle(
      db.prisma,
      editor,
      article.id,
      { baseRevisionId: article.revision.id, text: 'First edit.' },
      sha256Hex,
    );
    await assert.rejects(
      reviseArticle(
        db.prisma,
        admin,
        article.id,
        { baseRevisionId: article.revision.id, text: 'Second edit.' },
        sha256Hex,
      ),
      (e: unknown) => e instanceof AppError && e.code === 'conflict',
    );
  });

  it('answers an edit and a link with the same view a fresh read gives', async () => {
    const article = await newArticle();
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'Exports grew'),
      claim: { text: 'Exports grew', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
    });
    const edited = await updateClaim(db.prisma, admin, claim.id, {
      version: claim.version,
      claimant: 'The ministry',
      evidence: [
        {
          url: 'https://example.org/b',
          title: 'Second listed first',
          quote: 'b',
          accessedAt: null,
        },
        { url: 'https://example.org/a', title: null, quote: null, accessedAt: '2026-11-30' },
        { url: 'https://example.org/c', title: 'Third', quote: 'c', accessedAt: null },
      ],
    });
    assert.deepEqual(edited, await getClaimOrThrow(db.prisma, claim.id));
    assert.deepEqual(
      edited.evidence.map((e) => e.url),
      ['https://example.org/b', 'https://example.org/a', 'https://example.org/c'],
      'in the order given',
    );
    assert.equal(edited.lastEditedBy?.name, admin.name);
    const linked = await linkSpanReturningIt(
      db.prisma,
      editor,
      claim.id,
      spanOf(article, TEXT, 'The report came out'),
      { version: edited.version },
    );
    assert.deepEqual(linked.claim, await getClaimOrThrow(db.prisma, claim.id));
    assert.deepEqual(
      linked.claim.appearances.map((a) => a.exact),
      ['Exports grew', 'The report came out'],
    );
    assert.deepEqual(
      linked.annotation,
      await db.prisma.annotation.findUniqueOrThrow({
        where: { id: linked.annotation.id },
        select: annotationSelect,
      }),
    );
  });

  it('puts no span on a text a revision replaces at the same moment', async () => {
    // A revision that has locked the article and written its new text, not yet committed: a
    // create or a link of a passage of the old text waits for it, then is refused (409),
    // instead of landing on the old text where the revision's re-anchoring never sees it.
    for (const act of ['create', 'link'] as const) {
      const article = await newArticle();
      const claim =
        act === 'link'
          ? await createClaim(db.prisma, editor, {
              span: spanOf(article, TEXT, 'Exports grew'),
              claim: { text: 'Exports grew', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
            })
          : null;
      const revision = new pg.Client({ connectionString: db.url });
      await revision.connect();
      try {
        await revision.query('BEGIN');
        await revision.query(`UPDATE "Article" SET "updatedAt" = now() WHERE id = $1`, [
          article.id,
        ]);
        await revision.query(
          `INSERT INTO "ArticleRevision" (id, "articleId", number, text, sha256, "createdById")
           VALUES ($1, $2, 2, $3, 'x', $4)`,
          [`${article.id}-2`, article.id, `${TEXT}\nMore.`, editor.id],
        );
        const span = spanOf(article, TEXT, 'The report came out');
        const attempt =
          act === 'create'
            ? createClaim(db.prisma, editor, {
                span,
                claim: { text: 'Report', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
              })
            : linkSpanReturningIt(db.prisma, editor, claim!.id, span);
        const settled = attempt.then(
          () => 'saved',
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await revision.query('COMMIT');
        assert.equal(await settled, 'conflict', act);
        assert.equal(
          await db.prisma.annotation.count({
            where: {
              articleId: article.id,
              revisionId: article.revision.id,
              exact: 'The report came out',
            },
          }),
          0,
          act,
        );
      } finally {
        await revision.end();
      }
    }
  });

  it('lets revisions, creates and links of one article race without a deadlock or a stale span', async () => {
    let text = TEXT;
    const article = await newArticle();
    let revisionId = article.revision.id;
    const claim = await createClaim(db.prisma, editor, {
      span: spanOf(article, TEXT, 'Exports grew'),
      claim: { text: 'Exports grew', verdict: 'UNVERIFIED', rationale: '', evidence: [] },
    });
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => {
          if (e instanceof AppError) return e.code;
          throw e;
        },
      );
    for (let round = 0; round < 8; round++) {
      const base = { id: article.id, revision: { id: revisionId } };
      const passage = round % 2 ? 'Critics said' : 'came out on Monday';
      const next = `${text}\nRound ${round}.`;
      const [revised] = await Promise.all([
        reviseArticle(
          db.prisma,
          editor,
          article.id,
          { baseRevisionId: revisionId, text: next },
          sha256Hex,
        ),
        outcome(linkSpanReturningIt(db.prisma, editor, claim.id, spanOf(base, text, passage))),
        outcome(
          createClaim(db.prisma, editor, {
            span: spanOf(base, text, 'The report'),
            claim: { text: `Round ${round}`, verdict: 'UNVERIFIED', rationale: '', evidence: [] },
          }),
        ),
      ]);
      text = next;
      revisionId = revised.revision.id;
    }
    const stale = await db.prisma.annotation.count({
      where: {
        articleId: article.id,
        revisionId: { not: revisionId },
        anchorState: { not: 'ORPHANED' },
      },
    });
    assert.equal(stale, 0, 'every placed span is on the current text');
  });

  it('searches for `%`, `_` and `\\` literally, not as LIKE wildcards', async () => {
    const text =
      'Qvarn rates rose 7% in May.\nQvarn rates rose 7 points.\nQvarn code a_b.\nQvarn code axb.\nQvarn path c\\d.';
    const article = await newArticle(text);
    for (const passage of ['7% in May', '7 points', 'a_b', 'axb', 'c\\d']) {
      await createClaim(db.prisma, editor, {
        span: spanOf(article, text, passage),
        claim: { text: `Qvarn ${passage}`, verdict: 'UNVERIFIED', rationale: '', evidence: [] },
      });
    }
    const found = async (query: string) =>
      (await searchClaims(db.prisma, query)).map((claim) => claim.text).sort();
    assert.deepEqual(await found('7%'), ['Qvarn 7% in May']);
    assert.deepEqual(await found('Qvarn a_b'), ['Qvarn a_b']);
    assert.deepEqual(await found('c\\d'), ['Qvarn c\\d']);
    assert.deepEqual(await found('Qvarn 7'), ['Qvarn 7 points', 'Qvarn 7% in May']);
  });
});
