/**
 * Model-based test of the one rulebook on real PostgreSQL: random sequences of every claim
 * action (create, edit, link, remove and re-attach a span, text revisions, submit, approve,
 * request changes, reopen, delete) by editors, reviewers and an admin, some of them
 * concurrent, with the invariants checked after each step:
 * - every APPROVED claim matches its approval record (hash of what was approved);
 * - no approval by the claim's author or by anyone who changed it since its last approval
 *   (replayed from the audit log);
 * - `version` equals the number of accepted changes, and every accepted change has exactly one
 *   audit row;
 * - nothing was lost: the claims and spans the model expects are there, deleted ones are gone.
 * Set FACTMARK_MODEL_STEPS / FACTMARK_MODEL_SEED to run longer or replay a sequence.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { claimApprovalHash } from '@/lib/review';
import type { ClaimUpdate } from '@/lib/claims';
import { sha256Hex } from '@/lib/text';
import { createArticle } from './articles-create';
import { loadClaims } from './claim-events';
import { createClaim, deleteClaim, updateClaim } from './claims';
import { AppError } from './platform/errors';
import { addComment, approveClaim, reopenClaim, requestClaimChanges, submitClaim } from './review';
import { latestRevision, reviseArticle } from './revisions';
import { deleteAnnotation, linkSpan, reattachAnnotation } from './spans';
import { createTestDatabase, type TestDatabase } from './dev/test-db';
import { foldClaimCounts } from './queries/library';
import { createUser, type SessionUser } from './users';

const STEPS = Number(process.env.FACTMARK_MODEL_STEPS ?? 120);
const SEED = Number(process.env.FACTMARK_MODEL_SEED ?? 20261201);

const SENTENCES = [
  'The second round was attended by 37 people.',
  'Exports grew by 12 percent last year.',
  'Critics said the figure ignores inflation.',
  'The report came out on Monday.',
  'The talks lasted three days.',
  'Unemployment fell to 4 percent.',
];

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANGE_ACTIONS = new Set([
  'claim.create',
  'claim.edit',
  'claim.link_span',
  'claim.remove_span',
  'claim.reattach_span',
]);

describe('claim rulebook, model-based', () => {
  let db: TestDatabase;
  const users: SessionUser[] = [];
  let articleId = '';

  before(async () => {
    db = await createTestDatabase('model');
    const roles = ['EDITOR', 'EDITOR', 'REVIEWER', 'REVIEWER', 'ADMIN'] as const;
    for (const [i, role] of roles.entries()) {
      const u = await createUser(
        db.prisma,
        { email: `u${i}@model.test`, name: `U${i}`, role, password: 'long enough pw' },
        null,
      );
      users.push({ id: u.id, email: u.email, name: u.name, role: u.role });
    }
    const article = await createArticle(db.prisma, users[0]!, {
      title: 'Model',
      text: SENTENCES.join(' '),
    });
    articleId = article.id;
  });
  after(async () => {
    await db.drop();
  });

  it(`keeps every invariant over ${STEPS} random steps (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    /** Accepted changes per claim, as the callers saw them succeed. */
    const accepted = new Map<string, number>();
    const deleted = new Set<string>();
    let actions = 0;
    let checks = 0;
    let refusals = 0;

    /** Comments accepted per claim: audited, but not changes (no version bump). */
    const comments = new Map<string, number>();
    const count = (claimId: string) => accepted.set(claimId, (accepted.get(claimId) ?? 0) + 1);

    async function randomSpan() {
      const revision = (await latestRevision(db.prisma, articleId))!;
      const words = [...revision.text.matchAll(/\S+/g)];
      const from = Math.floor(random() * (words.length - 3));
      const first = words[from]!;
      const last = words[from + 1 + Math.floor(random() * 2)]!;
      return {
        articleId,
        revisionId: revision.id,
        start: first.index,
        end: last.index + last[0].length,
      };
    }

    async function liveClaims() {
      return db.prisma.claim.findMany({
        select: { id: true, version: true },
        orderBy: { createdAt: 'asc' },
      });
    }

    /** One random action by a random user; returns without throwing on expected refusals. */
    async function act(): Promise<void> {
      actions++;
      const user = pick(users);
      const claims = await liveClaims();
      const claim = claims.length > 0 ? pick(claims) : null;
      const seen = claim && random() < 0.9 ? claim.version : claim ? claim.version - 1 : 0;
      const kind =
        claim === null || random() < 0.12
          ? 'create'
          : pick([
              'edit',
              'link',
              'remove',
              'reattach',
              'revise',
              'submit',
              'submit',
              'approve',
              'approve',
              'requestChanges',
              'reopen',
              'delete',
              'comment',
            ] as const);
      try {
        switch (kind) {
          case 'create': {
            const created = await createClaim(db.prisma, user, {
              span: await randomSpan(),
              claim: {
                text: `Claim ${actions}`,
                verdict: pick(['UNVERIFIED', 'TRUE', 'FALSE', 'UNPROVEN'] as const),
                rationale: random() < 0.8 ? 'Because the sources say so.' : '',
                evidence: random() < 0.7 ? [{ url: 'https://example.org/source' }] : [],
              },
            });
            count(created.id);
            return;
          }
          case 'edit':
            await updateClaim(db.prisma, user, claim!.id, {
              version: seen,
              ...pick<Omit<ClaimUpdate, 'version'>>([
                { verdict: pick(['TRUE', 'FALSE', 'MIXED', 'UNPROVEN'] as const) },
                { rationale: pick(['Checked.', 'Re-checked against the ministry.', '']) },
                {
                  evidence: [
                    {
                      url: `https://example.org/${Math.floor(random() * 3)}`,
                      title: null,
                      quote: null,
                      accessedAt: null,
                    },
                  ],
                },
                { text: `Claim reworded ${Math.floor(random() * 3)}` },
              ]),
            });
            break;
          case 'link':
            await linkSpan(db.prisma, user, claim!.id, await randomSpan(), { version: seen });
            break;
          case 'remove':
          case 'reattach': {
            const spans = await db.prisma.annotation.findMany({ where: { claimId: claim!.id } });
            if (spans.length === 0) return;
            const span = pick(spans);
            if (kind === 'remove') {
              await deleteAnnotation(db.prisma, user, span.id, { version: seen });
            } else {
              const same = random() < 0.3;
              const revision = (await latestRevision(db.prisma, articleId))!;
              await reattachAnnotation(
                db.prisma,
                user,
                span.id,
                same
                  ? { articleId, revisionId: revision.id, start: span.start, end: span.end }
                  : await randomSpan(),
                { version: seen },
              );
            }
            break;
          }
          case 'revise': {
            const revision = (await latestRevision(db.prisma, articleId))!;
            const text =
              random() < 0.5
                ? revision.text.replace(/\d+/, (n) => String(Number(n) + 1))
                : SENTENCES.filter(() => random() < 0.85).join(' ') || SENTENCES[0]!;
            // Anchor changes are counted from the audit log (which claims a revision touches
            // is the re-anchoring's business); here only that nothing else changes.
            await reviseArticle(
              db.prisma,
              user,
              articleId,
              { baseRevisionId: revision.id, text },
              sha256Hex,
            );
            return;
          }
          case 'submit':
            await submitClaim(db.prisma, user, claim!.id, { version: seen });
            break;
          case 'approve':
            await approveClaim(db.prisma, user, claim!.id, {
              version: seen,
              confirmChangedText: random() < 0.7,
            });
            break;
          case 'requestChanges':
            await requestClaimChanges(db.prisma, user, claim!.id, {
              version: seen,
              comment: 'Why?',
            });
            break;
          case 'comment':
            // A blank one now and then: refused (400), and nothing is written.
            await addComment(db.prisma, user, claim!.id, random() < 0.2 ? '   ' : 'Source?');
            comments.set(claim!.id, (comments.get(claim!.id) ?? 0) + 1);
            return;
          case 'reopen':
            await reopenClaim(db.prisma, user, claim!.id, { version: seen, reason: 'New facts.' });
            break;
          case 'delete':
            await deleteClaim(db.prisma, user, claim!.id, {
              version: seen,
              reason: random() < 0.5 ? 'Withdrawn.' : null,
            });
            deleted.add(claim!.id);
            break;
        }
        count(claim!.id);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        refusals++;
      }
    }

    async function checkInvariants() {
      const claims = await loadClaims(
        db.prisma,
        (await liveClaims()).map((c) => c.id),
        { lock: false },
      );
      for (const id of deleted) {
        assert.equal(claims.has(id), false, `deleted claim ${id} is gone`);
        checks++;
      }
      for (const claim of claims.values()) {
        const audits = await db.prisma.auditEvent.findMany({
          where: { entityType: 'Claim', entityId: claim.id },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        });
        const anchorChanges = audits.filter((a) => a.action === 'claim.anchor_changed').length;
        const commentRows = audits.filter((a) => a.action === 'claim.comment').length;
        assert.equal(
          commentRows,
          comments.get(claim.id) ?? 0,
          `${claim.id}: one audit row a comment`,
        );
        assert.equal(
          commentRows,
          await db.prisma.comment.count({ where: { claimId: claim.id } }),
          `${claim.id}: every comment audited`,
        );
        assert.equal(
          claim.version,
          audits.length - commentRows,
          `${claim.id}: version = audit rows of changes`,
        );
        assert.equal(
          claim.version,
          (accepted.get(claim.id) ?? 0) + anchorChanges,
          `${claim.id}: version = accepted changes`,
        );
        checks += 4;
        // Replay the log: who changed it since each approval, and who approved.
        const decisions = await db.prisma.reviewDecision.findMany({
          where: { claimId: claim.id, decision: 'APPROVE' },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        });
        let changers = new Set<string>();
        let approvals = 0;
        for (const audit of audits) {
          const after = (audit.after ?? {}) as { changedBy?: string[] };
          if (CHANGE_ACTIONS.has(audit.action) && audit.actorId) changers.add(audit.actorId);
          if (audit.action === 'claim.anchor_changed' && audit.actorId) {
            if (after.changedBy?.includes(audit.actorId)) changers.add(audit.actorId);
          }
          if (audit.action === 'claim.approve') {
            assert.notEqual(audit.actorId, claim.authorId, 'never approved by its author');
            assert.ok(!changers.has(audit.actorId!), 'never approved by who changed it since');
            assert.equal(
              decisions[approvals]?.reviewerId,
              audit.actorId,
              'one decision per approval',
            );
            approvals++;
            changers = new Set();
            checks += 3;
          }
        }
        assert.equal(approvals, decisions.length);
        assert.deepEqual([...claim.changedBy].sort(), [...changers].sort(), 'changedBy = replay');
        checks += 2;
        if (claim.reviewState === 'APPROVED') {
          assert.equal(
            decisions.at(-1)?.snapshotHash,
            claimApprovalHash(claim),
            `${claim.id}: an approved claim matches its approval record`,
          );
          assert.ok(!claim.anchors.some((a) => a.state === 'ORPHANED'), 'no orphan approved');
          checks += 2;
        }
      }
      // The library's counts (deltas the triggers append, folded on read) equal a recount.
      await foldClaimCounts(db.prisma);
      const [counts] = await db.prisma.$queryRaw<{ kept: unknown; recount: unknown }[]>`
        SELECT (SELECT json_build_array(n."draft", n."submitted", n."changesRequested", n."approved")
                  FROM search.article_claims n WHERE n."articleId" = ${articleId}) AS kept,
               (SELECT json_build_array(
                         count(*) FILTER (WHERE c."reviewState" = 'DRAFT'),
                         count(*) FILTER (WHERE c."reviewState" = 'SUBMITTED'),
                         count(*) FILTER (WHERE c."reviewState" = 'CHANGES_REQUESTED'),
                         count(*) FILTER (WHERE c."reviewState" = 'APPROVED'))
                  FROM "Claim" c WHERE c."id" IN
                    (SELECT a."claimId" FROM "Annotation" a WHERE a."articleId" = ${articleId})) AS recount`;
      assert.deepEqual(counts!.kept, counts!.recount, 'library claim counts = a recount');
      checks++;
    }

    for (let step = 0; step < STEPS; step++) {
      // About one step in five runs three actions at once.
      if (random() < 0.2) await Promise.all([act(), act(), act()]);
      else await act();
      await checkInvariants();
    }
    const approved = await db.prisma.claim.count({ where: { reviewState: 'APPROVED' } });
    console.log(
      `model: ${actions} actions (${refusals} refused as expected), ${checks} invariant checks, ` +
        `${approved} claims approved at the end, seed ${SEED}`,
    );
    assert.ok(actions >= STEPS);
  });
});
