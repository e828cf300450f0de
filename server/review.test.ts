import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { claimApprovalHash } from '@/lib/review';
import type { Role } from '@/lib/domain';
import { createArticle } from './articles-create';
import { createClaim, updateClaim } from './claims';
import { loadClaims } from './claim-events';
import { linkSpan } from './spans';
import { AppError } from './platform/errors';
import {
  countForHeader,
  countReviewQueue,
  countSentBack,
  listReviewQueue,
} from './queries/review-queue';
import {
  addComment,
  approveClaim,
  approveClaims,
  getDiscussion,
  reopenClaim,
  requestClaimChanges,
  submitAllOfArticle,
  submitClaim,
} from './review';
import { getClaimReviewPage } from './queries/claim-page';
import { getClaimHistory } from './queries/claim-history';
import { queueQuerySchema } from './review-schemas';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import type { SessionUser } from './users';

const TEXT =
  'The minister spoke on Monday. She said that exports grew by 12 percent last year, a record. ' +
  'Critics said the figure ignores inflation.\nThe report was published on Tuesday.';

function rejectsWith(code: string, check?: (error: AppError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}

describe('review workflow against PostgreSQL', () => {
  let db: TestDatabase;
  let editor: SessionUser;
  let reviewer: SessionUser;
  let reviewer2: SessionUser;
  let admin: SessionUser;
  let article: { id: string; revision: { id: string } };

  async function makeUser(role: Role, name: string): Promise<SessionUser> {
    const user = await db.prisma.user.create({
      data: { email: `${name.toLowerCase()}@example.org`, name, role, passwordHash: 'x' },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }

  /** A claim on "exports grew by 12 percent", complete unless told otherwise. */
  async function makeClaim(
    author: SessionUser,
    {
      complete = true,
      articleId = article.id,
      revisionId = article.revision.id,
      text = 'Exports',
    } = {},
  ) {
    const start = TEXT.indexOf('exports grew');
    const claim = await createClaim(db.prisma, author, {
      span: { articleId, revisionId, start, end: start + 'exports grew by 12 percent'.length },
      claim: { text, claimant: null, verdict: 'UNVERIFIED', rationale: '', evidence: [] },
    });
    if (!complete) return claim;
    return updateClaim(db.prisma, author, claim.id, {
      version: claim.version,
      verdict: 'MISLEADING',
      rationale: 'Nominal growth; real growth was 3 percent.',
      evidence: [
        { url: 'https://stats.example/exports', title: 'Stats', quote: null, accessedAt: null },
      ],
    });
  }

  async function submitted(author = editor, options = {}) {
    const claim = await makeClaim(author, options);
    const { claim: after } = await submitClaim(db.prisma, author, claim.id, {
      version: claim.version,
    });
    return after;
  }

  before(async () => {
    db = await createTestDatabase('review');
    editor = await makeUser('EDITOR', 'Erin');
    reviewer = await makeUser('REVIEWER', 'Rafa');
    reviewer2 = await makeUser('REVIEWER', 'Rosa');
    admin = await makeUser('ADMIN', 'Ada');
    article = await createArticle(db.prisma, editor, { title: 'Exports', text: TEXT });
  });

  after(async () => {
    await db.drop();
  });

  it('refuses to submit an incomplete claim, naming what is missing, and writes nothing', async () => {
    const claim = await makeClaim(editor, { complete: false });
    const audits = await db.prisma.auditEvent.count();
    await assert.rejects(
      submitClaim(db.prisma, editor, claim.id, { version: claim.version }),
      rejectsWith('validation_failed', (e) => {
        assert.deepEqual(
          (e.details?.issues as { path: string }[]).map((i) => i.path),
          ['verdict', 'rationale'],
        );
        assert.match(e.message, /missing a verdict \(other than Unverified\) and a rationale/);
      }),
    );
    const row = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(row.reviewState, 'DRAFT');
    assert.equal(await db.prisma.auditEvent.count(), audits);
  });

  it('submits and approves, recording the approval hash, decision and audit rows together', async () => {
    const claim = await submitted();
    assert.equal(claim.reviewState, 'SUBMITTED');
    const result = await approveClaim(db.prisma, reviewer, claim.id, {
      version: claim.version,
      comment: '  Checked the stats. ',
    });
    assert.equal(result.claim.reviewState, 'APPROVED');
    assert.equal(result.claim.version, claim.version + 1);
    assert.equal(result.decision?.decision, 'APPROVE');
    assert.equal(result.decision?.comment, 'Checked the stats.');
    const reviewed = (await loadClaims(db.prisma, [claim.id], { lock: false })).get(claim.id)!;
    assert.equal(result.decision?.snapshotHash, claimApprovalHash(reviewed));
    const audits = await db.prisma.auditEvent.findMany({
      where: { entityType: 'Claim', entityId: claim.id },
      orderBy: { createdAt: 'asc' },
    });
    assert.deepEqual(
      audits.map((a) => a.action),
      ['claim.create', 'claim.edit', 'claim.submit', 'claim.approve'],
    );
    const approval = audits[3]!;
    assert.equal(approval.actorId, reviewer.id);
    assert.deepEqual(approval.before, {
      reviewState: 'SUBMITTED',
      changedBy: [editor.id],
      version: claim.version,
    });
    assert.deepEqual(approval.after, {
      reviewState: 'APPROVED',
      changedBy: [],
      version: claim.version + 1,
      note: 'Checked the stats.',
      snapshotHash: result.decision?.snapshotHash,
    });
  });

  it('lets exactly one of two simultaneous decisions win; the other sees the winner', async () => {
    for (let round = 0; round < 5; round++) {
      const claim = await submitted();
      const outcomes = await Promise.allSettled([
        approveClaim(db.prisma, reviewer, claim.id, { version: claim.version }),
        requestClaimChanges(db.prisma, reviewer2, claim.id, {
          version: claim.version,
          comment: 'Add the source.',
        }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      const error = (lost[0] as PromiseRejectedResult).reason as AppError;
      assert.equal(error.code, 'conflict');
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof approveClaim>>>)
        .value;
      assert.equal(error.details?.currentState, winner.claim.reviewState);
      assert.equal((error.details?.lastDecision as { id: string } | null)?.id, winner.decision?.id);
      assert.equal(await db.prisma.reviewDecision.count({ where: { claimId: claim.id } }), 1);
      assert.equal(
        await db.prisma.auditEvent.count({
          where: { entityId: claim.id, action: { in: ['claim.approve', 'claim.request_changes'] } },
        }),
        1,
      );
    }
  });

  it('answers 409 with the current state for invalid transitions and stale versions', async () => {
    const draft = await makeClaim(editor);
    await assert.rejects(
      approveClaim(db.prisma, reviewer, draft.id, { version: draft.version }),
      rejectsWith('conflict', (e) => assert.equal(e.details?.currentState, 'DRAFT')),
    );
    const claim = await submitted();
    await assert.rejects(
      approveClaim(db.prisma, reviewer, claim.id, { version: claim.version - 1 }),
      rejectsWith('conflict', (e) => {
        assert.equal(e.details?.currentState, 'SUBMITTED');
        assert.equal(e.details?.currentVersion, claim.version);
      }),
    );
    const approved = await approveClaim(db.prisma, reviewer, claim.id, { version: claim.version });
    await assert.rejects(
      submitClaim(db.prisma, editor, claim.id, { version: approved.claim.version }),
      rejectsWith('conflict', (e) => assert.equal(e.details?.currentState, 'APPROVED')),
    );
  });

  it('enforces the four-eyes rule: not the author, not the last editor, not who changed a span', async () => {
    const own = await submitted(reviewer);
    await assert.rejects(
      approveClaim(db.prisma, reviewer, own.id, { version: own.version }),
      rejectsWith('forbidden', (e) =>
        assert.equal(e.details?.reason, 'you cannot approve a claim you wrote'),
      ),
    );

    const edited = await submitted();
    const afterEdit = await updateClaim(db.prisma, admin, edited.id, {
      version: edited.version,
      rationale: 'Nominal growth; real growth was 3 percent (deflated).',
    });
    await assert.rejects(
      approveClaim(db.prisma, admin, edited.id, { version: afterEdit.version }),
      rejectsWith('forbidden', (e) =>
        assert.equal(e.details?.reason, 'you changed this claim since it was last approved'),
      ),
    );

    const linked = await submitted();
    const start = TEXT.indexOf('a record');
    const relinked = await linkSpan(db.prisma, reviewer2, linked.id, {
      articleId: article.id,
      revisionId: article.revision.id,
      start,
      end: start + 'a record'.length,
    });
    await assert.rejects(
      approveClaim(db.prisma, reviewer2, linked.id, { version: relinked.version }),
      rejectsWith('forbidden', (e) => assert.equal(e.details?.rule, 'four_eyes')),
    );
    const ok = await approveClaim(db.prisma, reviewer, linked.id, { version: relinked.version });
    assert.equal(ok.claim.reviewState, 'APPROVED');
  });

  it('requires a comment to request changes and a reason to reopen; the cycle starts again', async () => {
    const claim = await submitted();
    const sentBack = await countSentBack(db.prisma, editor.id);
    await assert.rejects(
      requestClaimChanges(db.prisma, reviewer, claim.id, { version: claim.version, comment: ' ' }),
      rejectsWith('validation_failed', (e) =>
        assert.deepEqual(e.details?.issues, [
          { path: 'comment', message: 'Say what should change.' },
        ]),
      ),
    );
    const sent = await requestClaimChanges(db.prisma, reviewer, claim.id, {
      version: claim.version,
      comment: 'Which year?',
    });
    assert.equal(sent.claim.reviewState, 'CHANGES_REQUESTED');
    assert.equal(await countSentBack(db.prisma, editor.id), sentBack + 1);
    const fixed = await updateClaim(db.prisma, editor, claim.id, {
      version: sent.claim.version,
      rationale: 'Nominal growth in 2025; real growth was 3 percent.',
    });
    const again = await submitClaim(db.prisma, editor, claim.id, { version: fixed.version });
    const approved = await approveClaim(db.prisma, reviewer2, claim.id, {
      version: again.claim.version,
    });
    await assert.rejects(
      updateClaim(db.prisma, editor, claim.id, { version: approved.claim.version, rationale: 'x' }),
      rejectsWith('forbidden'),
    );
    await assert.rejects(
      reopenClaim(db.prisma, editor, claim.id, { version: approved.claim.version, reason: 'x' }),
      rejectsWith('forbidden'),
    );
    await assert.rejects(
      reopenClaim(db.prisma, admin, claim.id, { version: approved.claim.version, reason: '' }),
      rejectsWith('validation_failed'),
    );
    const reopened = await reopenClaim(db.prisma, admin, claim.id, {
      version: approved.claim.version,
      reason: 'New figures came out.',
    });
    assert.equal(reopened.claim.reviewState, 'CHANGES_REQUESTED');
    assert.equal(reopened.decision?.decision, 'REOPEN');

    const history = await getClaimHistory(db.prisma, claim.id);
    assert.deepEqual(
      history.map((h) => [h.action, h.actor?.name]),
      [
        ['claim.create', 'Erin'],
        ['claim.edit', 'Erin'],
        ['claim.submit', 'Erin'],
        ['claim.request_changes', 'Rafa'],
        ['claim.edit', 'Erin'],
        ['claim.submit', 'Erin'],
        ['claim.approve', 'Rosa'],
        ['claim.reopen', 'Ada'],
      ],
    );
    assert.deepEqual(
      history[1]!.changes.map((c) => [c.field, c.beforeText, c.afterText]),
      [
        ['verdict', 'Unverified', 'Misleading'],
        ['rationale', '—', 'Nominal growth; real growth was 3 percent.'],
        ['evidence', '—', 'https://stats.example/exports (Stats)'],
      ],
    );
    assert.deepEqual(
      history[3]!.changes.map((c) => [c.field, c.beforeText, c.afterText]),
      [['reviewState', 'Submitted', 'Changes requested']],
    );
    assert.equal(history[3]!.note, 'Which year?');
    assert.equal(history[7]!.note, 'New figures came out.');
    assert.match(history[6]!.snapshotHash ?? '', /^[0-9a-f]{64}$/);

    const discussion = await getDiscussion(db.prisma, claim.id);
    assert.deepEqual(
      discussion.decisions.map((d) => [d.decision, d.reviewer.name, d.comment]),
      [
        ['REQUEST_CHANGES', 'Rafa', 'Which year?'],
        ['APPROVE', 'Rosa', null],
        ['REOPEN', 'Ada', 'New figures came out.'],
      ],
    );
  });

  it('submits all of an author’s open claims of an article and reports the refusals', async () => {
    const other = await createArticle(db.prisma, editor, { title: 'Bulk', text: TEXT });
    const where = { articleId: other.id, revisionId: other.revision.id };
    const complete = await makeClaim(editor, { ...where, text: 'Complete' });
    const incomplete = await makeClaim(editor, { ...where, complete: false, text: 'Incomplete' });
    const someoneElses = await makeClaim(reviewer, { ...where, text: 'Not mine' });
    const result = await submitAllOfArticle(db.prisma, editor, other.id);
    assert.deepEqual(
      result.submitted.map((c) => [c.id, c.reviewState]),
      [[complete.id, 'SUBMITTED']],
    );
    assert.deepEqual(
      result.refused.map((r) => [r.claimId, r.status, r.code]),
      [[incomplete.id, 400, 'validation_failed']],
    );
    const untouched = await db.prisma.claim.findUniqueOrThrow({ where: { id: someoneElses.id } });
    assert.equal(untouched.reviewState, 'DRAFT');
    await assert.rejects(
      submitAllOfArticle(db.prisma, editor, 'no-such-article'),
      rejectsWith('not_found'),
    );
  });

  it('locks all the claims it submits at once, in id order, as a text revision does', async () => {
    // Two claims whose creation order is the reverse of their id order. A text revision locks
    // its claims in id order; were submit-all to lock them one by one oldest first, each could
    // hold the claim the other waits for (a deadlock, 500). Here another transaction holds the
    // lower id: submit-all must wait for it holding nothing, so the higher id stays free.
    const other = await createArticle(db.prisma, editor, { title: 'Lock order', text: TEXT });
    const where = { articleId: other.id, revisionId: other.revision.id };
    const made = [
      await makeClaim(editor, { ...where, text: 'First' }),
      await makeClaim(editor, { ...where, text: 'Second' }),
    ];
    const [low, high] = made.map((c) => c.id).sort() as [string, string];
    await db.prisma.$executeRaw`
      UPDATE "Claim" SET "createdAt" = "createdAt" - interval '1 hour' WHERE id = ${high}`;
    const revision = new pg.Client({ connectionString: db.url });
    await revision.connect();
    try {
      await revision.query('BEGIN');
      await revision.query('SELECT id FROM "Claim" WHERE id = $1 FOR UPDATE', [low]);
      const submitting = submitAllOfArticle(db.prisma, editor, other.id);
      // Wait until submit-all is blocked on a row lock.
      for (let waited = 0; ; waited += 20) {
        const { rows } = await revision.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n > 0) break;
        assert.ok(waited < 10_000, 'submit-all never waited for the locked claim');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await assert.doesNotReject(
        revision.query('SELECT id FROM "Claim" WHERE id = $1 FOR UPDATE NOWAIT', [high]),
        'submit-all holds the higher id while waiting for the lower one',
      );
      await revision.query('COMMIT');
      const result = await submitting;
      assert.deepEqual(result.submitted.map((c) => c.id).sort(), [low, high]);
    } finally {
      await revision.query('ROLLBACK').catch(() => {});
      await revision.end();
    }
  });

  it('approves in bulk, refusing each claim the single route would refuse', async () => {
    const a = await submitted();
    const own = await submitted(reviewer);
    const result = await approveClaims(db.prisma, reviewer, [
      { id: a.id, version: a.version },
      { id: own.id, version: own.version },
      { id: 'missing', version: 1 },
    ]);
    assert.deepEqual(
      result.approved.map((r) => r.claim.id),
      [a.id],
    );
    assert.deepEqual(
      result.refused.map((r) => [r.claimId, r.status]),
      [
        [own.id, 403],
        ['missing', 404],
      ],
    );
  });

  it('lists the queue oldest first, filtered, in keyset pages, with each span’s sentence', async () => {
    const other = await createArticle(db.prisma, editor, { title: 'Queue', text: TEXT });
    const where = { articleId: other.id, revisionId: other.revision.id };
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await submitted(i % 2 ? reviewer : editor, where)).id);
    const query = (q: Record<string, string>) =>
      queueQuerySchema.parse({ article: other.id, ...q });

    const first = await listReviewQueue(db.prisma, reviewer2, query({ limit: '2' }));
    assert.equal(first.total, 5);
    assert.deepEqual(
      first.items.map((i) => i.id),
      ids.slice(0, 2),
    );
    const second = await listReviewQueue(
      db.prisma,
      reviewer2,
      query({ limit: '2', after: first.nextCursor! }),
    );
    const third = await listReviewQueue(
      db.prisma,
      reviewer2,
      query({ limit: '2', after: second.nextCursor! }),
    );
    assert.deepEqual(
      [...second.items, ...third.items].map((i) => i.id),
      ids.slice(2),
    );
    assert.equal(third.nextCursor, null);

    const byReviewer = await listReviewQueue(db.prisma, reviewer2, query({ author: reviewer.id }));
    assert.deepEqual(
      byReviewer.items.map((i) => i.id),
      [ids[1], ids[3]],
    );
    const none = await listReviewQueue(db.prisma, reviewer2, query({ verdict: 'TRUE' }));
    assert.equal(none.total, 0);

    const item = first.items[0]!;
    assert.deepEqual(item.appearances[0]!.context, {
      before: 'She said that ',
      exact: 'exports grew by 12 percent',
      after: ' last year, a record.',
      clippedStart: false,
      clippedEnd: false,
    });
    assert.deepEqual(item.can.approve, { allowed: true });
    const asAuthor = await listReviewQueue(db.prisma, reviewer, query({ author: reviewer.id }));
    assert.equal(asAuthor.items[0]!.can.approve.allowed, false);
    const waiting = await countReviewQueue(db.prisma);
    assert.ok(waiting >= 5);
    assert.deepEqual(await countForHeader(db.prisma, editor.id, true), {
      waiting,
      sentBack: await countSentBack(db.prisma, editor.id),
    });
    assert.equal((await countForHeader(db.prisma, editor.id, false)).waiting, null);
  });

  it('shows a claim page with its approval, discussion and history', async () => {
    const claim = await submitted();
    await addComment(db.prisma, reviewer, claim.id, 'Looking at it now.');
    await approveClaim(db.prisma, reviewer, claim.id, { version: claim.version });
    const page = await getClaimReviewPage(db.prisma, editor, claim.id);
    assert.equal(page.card.reviewState, 'APPROVED');
    assert.equal(page.approval?.reviewer.name, 'Rafa');
    assert.equal(page.approvalHolds, true);
    assert.deepEqual(
      page.comments.map((c) => [c.author.name, c.body]),
      [['Rafa', 'Looking at it now.']],
    );
    assert.equal(page.card.can.edit.allowed, false);
    assert.equal(page.card.can.reopen.allowed, false);
    await assert.rejects(
      getClaimReviewPage(db.prisma, editor, 'no-such-claim'),
      rejectsWith('not_found'),
    );
  });

  it('decides again on what is stored when a span changed while an approval was on its way', async () => {
    // A text revision in progress has moved the claim's span and found it only fuzzily (it
    // writes the claim row, not its version). An approval that read the claim before sees its
    // row change, decides again on what is stored, and asks to confirm the changed passage.
    const claim = await submitted();
    const revision = new pg.Client({ connectionString: db.url });
    await revision.connect();
    try {
      await revision.query('BEGIN');
      await revision.query('UPDATE "Claim" SET version = version WHERE id = $1', [claim.id]);
      await revision.query(
        `UPDATE "Annotation" SET "anchorState" = 'FUZZY', "anchorScore" = 0.8 WHERE "claimId" = $1`,
        [claim.id],
      );
      const decided = approveClaim(db.prisma, reviewer, claim.id, { version: claim.version }).then(
        () => 'approved',
        (e: unknown) => (e instanceof AppError ? String(e.details?.reason ?? e.code) : String(e)),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await revision.query('COMMIT');
      assert.equal(await decided, 'needs_confirmation');
    } finally {
      await revision.end();
    }
    const row = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(row.reviewState, 'SUBMITTED');
    assert.equal(await db.prisma.reviewDecision.count({ where: { claimId: claim.id } }), 0);
  });

  it('writes an approval decision and its audit row exactly once', async () => {
    const claim = await submitted();
    const result = await approveClaim(db.prisma, reviewer, claim.id, { version: claim.version });
    assert.equal(result.claim.reviewState, 'APPROVED');
    assert.equal(
      await db.prisma.auditEvent.count({ where: { entityId: claim.id, action: 'claim.approve' } }),
      1,
    );
    assert.equal(await db.prisma.reviewDecision.count({ where: { claimId: claim.id } }), 1);
  });
});
