/**
 * The five breaks of issue #10, reproduced against PostgreSQL: each failed on the code before
 * the one rulebook (server/claim-events.ts over lib/review).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '@/lib/domain';
import pg from 'pg';
import { sha256Hex } from '@/lib/text';
import { createArticle } from './articles-create';
import { createClaim, deleteClaim } from './claims';
import { AppError } from './platform/errors';
import { getReviewCard } from './queries/review-queue';
import { approveClaim, submitClaim } from './review';
import { reviseArticle } from './revisions';
import { linkSpan, reattachAnnotation } from './spans';
import { createTestDatabase, createTestUser, type TestDatabase } from './dev/test-db';
import { ensureAppRole } from './dev/db-roles';
import type { SessionUser } from './users';

const TEXT =
  'The second round was attended by 37 people. Exports grew by 12 percent last year.\n' +
  'Critics said the figure ignores inflation. The report came out on Monday.';

function rejectsWith(code: string, check?: (error: AppError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}

describe('one rulebook for every claim change (issue #10 regressions)', () => {
  let db: TestDatabase;
  let editor: SessionUser;
  let editor2: SessionUser;
  let reviewer: SessionUser;
  let admin: SessionUser;

  before(async () => {
    db = await createTestDatabase('rules');
    const make = (email: string, role: Role) => createTestUser(db.prisma, email, role);
    editor = await make('ed@rules.test', 'EDITOR');
    editor2 = await make('ed2@rules.test', 'EDITOR');
    reviewer = await make('rev@rules.test', 'REVIEWER');
    admin = await make('admin@rules.test', 'ADMIN');
  });
  after(async () => {
    await db.drop();
  });

  async function article(text = TEXT) {
    return createArticle(db.prisma, editor, { title: 'Rules', text });
  }
  const span = (a: { id: string; revision: { id: string } }, passage: string, text = TEXT) => ({
    articleId: a.id,
    revisionId: a.revision.id,
    start: text.indexOf(passage),
    end: text.indexOf(passage) + passage.length,
  });

  async function approvedClaim(a: { id: string; revision: { id: string } }, passage: string) {
    const claim = await createClaim(db.prisma, editor, {
      span: span(a, passage),
      claim: {
        text: passage,
        verdict: 'TRUE',
        rationale: 'Both reports agree.',
        evidence: [{ url: 'https://example.org/source' }],
      },
    });
    await submitClaim(db.prisma, editor, claim.id, { version: 1 });
    await approveClaim(db.prisma, reviewer, claim.id, { version: 2 });
    return db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
  }

  it('1. linking or re-attaching a span of an approved claim sends it back to review', async () => {
    const a = await article();
    const claim = await approvedClaim(a, 'attended by 37 people');
    const linked = await linkSpan(db.prisma, editor2, claim.id, span(a, 'Exports grew'));
    assert.equal(linked.reviewState, 'SUBMITTED');
    assert.equal(linked.version, claim.version + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: claim.id, action: 'claim.link_span' },
    });
    assert.match(JSON.stringify(audit.after), /Back to review: a passage was linked/);

    const other = await approvedClaim(a, 'ignores inflation');
    const annotation = await db.prisma.annotation.findFirstOrThrow({
      where: { claimId: other.id },
    });
    await reattachAnnotation(db.prisma, editor2, annotation.id, span(a, 'The report came out'));
    const after = await db.prisma.claim.findUniqueOrThrow({ where: { id: other.id } });
    assert.equal(after.reviewState, 'SUBMITTED');
    assert.deepEqual(after.changedBy, [editor2.id]);
  });

  it('1b. re-attaching a span of an approved claim onto the same words elsewhere sends it back to review', async () => {
    const twice =
      'Exports grew by 12 percent last year, the minister said.\n' +
      'Critics agreed that exports grew by 12 percent last year.';
    const a = await article(twice);
    const words = 'grew by 12 percent';
    const claim = await createClaim(db.prisma, editor, {
      span: span(a, words, twice),
      claim: {
        text: 'Exports grew by 12 percent.',
        verdict: 'TRUE',
        rationale: 'The statistics office agrees.',
        evidence: [{ url: 'https://example.org/stats' }],
      },
    });
    await submitClaim(db.prisma, editor, claim.id, { version: 1 });
    await approveClaim(db.prisma, reviewer, claim.id, { version: 2 });
    const annotation = await db.prisma.annotation.findFirstOrThrow({
      where: { claimId: claim.id },
    });
    const second = twice.indexOf(words, annotation.end);
    await reattachAnnotation(db.prisma, editor2, annotation.id, {
      articleId: a.id,
      revisionId: a.revision.id,
      start: second,
      end: second + words.length,
    });
    const after = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    assert.equal(after.reviewState, 'SUBMITTED');
    assert.deepEqual(after.changedBy, [editor2.id]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: claim.id, action: 'claim.reattach_span' },
    });
    assert.match(JSON.stringify(audit.after), /Back to review: a passage was re-attached/);
  });

  it('2. an author’s delete racing a reviewer’s approve never loses an approved claim', async () => {
    const a = await article();
    for (let round = 0; round < 6; round++) {
      const claim = await createClaim(db.prisma, editor, {
        span: span(a, 'Exports grew by 12 percent'),
        claim: {
          text: `Growth ${round}`,
          verdict: 'FALSE',
          rationale: 'Real growth was lower.',
          evidence: [{ url: 'https://example.org/stats' }],
        },
      });
      await submitClaim(db.prisma, editor, claim.id, { version: 1 });
      const [approved, deleted] = await Promise.allSettled([
        approveClaim(db.prisma, reviewer, claim.id, { version: 2 }),
        deleteClaim(db.prisma, editor, claim.id, { version: 2 }),
      ]);
      const row = await db.prisma.claim.findUnique({ where: { id: claim.id } });
      assert.ok(
        (approved.status === 'fulfilled') !== (deleted.status === 'fulfilled'),
        'exactly one wins',
      );
      if (approved.status === 'fulfilled') {
        assert.equal(row?.reviewState, 'APPROVED', 'the reviewer was told "approved": it stays');
        assert.ok(deleted.status === 'rejected' && deleted.reason instanceof AppError);
      } else {
        assert.equal(row, null);
        const audit = await db.prisma.auditEvent.findFirstOrThrow({
          where: { entityId: claim.id, action: 'claim.delete' },
        });
        assert.equal((audit.before as { reviewState: string }).reviewState, 'SUBMITTED');
      }
    }
    const approved = await approvedClaim(a, 'ignores inflation');
    await assert.rejects(
      deleteClaim(db.prisma, editor, approved.id),
      rejectsWith('forbidden', (e) => assert.match(String(e.details?.reason), /only an admin/)),
    );
    await assert.rejects(
      deleteClaim(db.prisma, admin, approved.id),
      rejectsWith('validation_failed'),
    );
    await deleteClaim(db.prisma, admin, approved.id, { reason: 'Duplicate of another claim.' });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: approved.id, action: 'claim.delete' },
    });
    assert.equal(audit.actorId, admin.id);
    assert.match(JSON.stringify(audit.after), /Duplicate of another claim/);
  });

  it('3. a re-attach to the same place is refused and never lets an admin approve their own edit', async () => {
    const a = await article();
    const claim = await createClaim(db.prisma, admin, {
      span: span(a, 'attended by 37 people'),
      claim: {
        text: 'Attendance',
        verdict: 'TRUE',
        rationale: 'Matches.',
        evidence: [{ url: 'https://example.org/a' }],
      },
    });
    // Written by the editor, worded by the admin.
    await db.prisma.claim.update({
      where: { id: claim.id },
      data: { authorId: editor.id },
    });
    await submitClaim(db.prisma, editor, claim.id, { version: 1 });
    const annotation = await db.prisma.annotation.findFirstOrThrow({
      where: { claimId: claim.id },
    });
    await assert.rejects(
      reattachAnnotation(db.prisma, reviewer, annotation.id, span(a, 'attended by 37 people')),
      rejectsWith('validation_failed'),
    );
    await assert.rejects(
      approveClaim(db.prisma, admin, claim.id, { version: 2 }),
      rejectsWith('forbidden', (e) => assert.equal(e.details?.rule, 'four_eyes')),
    );
  });

  it('4. the audit log cannot be updated, deleted or truncated', async () => {
    const { url } = await ensureAppRole(db.url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const roles = await client.query<{ rolsuper: boolean }>(
        'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
      );
      const rolsuper = roles.rows[0]?.rolsuper;
      assert.equal(rolsuper, false, 'the app role is not a superuser');
      assert.ok(
        ((await client.query('SELECT count(*) FROM "AuditEvent"')).rows[0]!.count as string) > '0',
      );
      for (const sql of [
        `UPDATE "AuditEvent" SET action = 'x'`,
        `DELETE FROM "AuditEvent"`,
        `TRUNCATE "AuditEvent"`,
      ]) {
        await assert.rejects(client.query(sql), /permission denied|append-only/, sql);
      }
      await client.query(
        `INSERT INTO "AuditEvent" (id, action, "entityType", "entityId") VALUES ('t1', 'test', 'X', 'y')`,
      );
    } finally {
      await client.end();
    }
    // Even the owner (a superuser here) meets the trigger.
    for (const sql of [`DELETE FROM "AuditEvent"`, `TRUNCATE "AuditEvent"`]) {
      await assert.rejects(db.prisma.$executeRawUnsafe(sql), /append-only/);
    }
  });

  it('5. an orphaned claim cannot be submitted or approved; a changed passage needs confirmation', async () => {
    const a = await article();
    const orphan = await createClaim(db.prisma, editor, {
      span: span(a, 'The report came out on Monday'),
      claim: {
        text: 'Monday',
        verdict: 'TRUE',
        rationale: 'It did.',
        evidence: [{ url: 'https://example.org/m' }],
      },
    });
    const counted = await createClaim(db.prisma, editor, {
      span: span(a, 'attended by 37 people'),
      claim: {
        text: 'True: 37 people',
        verdict: 'TRUE',
        rationale: 'The ministry says 37.',
        evidence: [{ url: 'https://example.org/37' }],
      },
    });
    await submitClaim(db.prisma, editor, counted.id, { version: 1 });
    const edited = TEXT.replace('37 people', '38 people').replace(
      'The report came out on Monday.',
      'Nothing else.',
    );
    await reviseArticle(
      db.prisma,
      editor2,
      a.id,
      { baseRevisionId: a.revision.id, text: edited },
      sha256Hex,
    );
    await assert.rejects(
      submitClaim(db.prisma, editor, orphan.id, { version: 2 }),
      rejectsWith('validation_failed', (e) => assert.match(e.message, /orphaned/)),
    );
    const card = await getReviewCard(db.prisma, reviewer, counted.id);
    assert.equal(card?.appearances[0]?.exact, 'attended by 38 people');
    assert.equal(card?.appearances[0]?.submittedExact, 'attended by 37 people');
    assert.equal(card?.changedSpans[0]?.words, '“37” → “38”');
    const version = card!.version;
    await assert.rejects(
      approveClaim(db.prisma, reviewer, counted.id, { version }),
      rejectsWith('conflict', (e) => {
        assert.equal(e.details?.reason, 'needs_confirmation');
        assert.match(e.message, /“37” → “38”/);
      }),
    );
    const ok = await approveClaim(db.prisma, reviewer, counted.id, {
      version,
      confirmChangedText: true,
    });
    assert.equal(ok.claim.reviewState, 'APPROVED');
  });

  it('needs an evidence source to submit a definitive verdict (400 naming the field)', async () => {
    const a = await article();
    const claim = await createClaim(db.prisma, editor, {
      span: span(a, 'Exports grew'),
      claim: { text: 'Growth', verdict: 'FALSE', rationale: 'No.', evidence: [] },
    });
    await assert.rejects(
      submitClaim(db.prisma, editor, claim.id, { version: 1 }),
      rejectsWith('validation_failed', (e) =>
        assert.deepEqual(
          (e.details?.issues as { path: string }[]).map((i) => i.path),
          ['evidence'],
        ),
      ),
    );
  });
});
