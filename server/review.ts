/**
 * The claim review workflow against the database: submit, approve, request changes, reopen,
 * "submit all my claims of this article", bulk approval and the discussion thread.
 *
 * Every decision runs in one transaction: it locks the claim row (`SELECT … FOR UPDATE`), reads
 * what lib/review needs, asks `transition` whether the event is allowed, and writes the claim,
 * the ReviewDecision and the AuditEvent together. Two reviewers deciding the same claim at once
 * are serialised by the lock: the second sees the first one's result and gets 409 with the
 * decision that won. Each request also names the claim `version` it was shown, so nobody
 * approves a claim that changed after they read it.
 *
 * lib/review failures map to the one error table: forbidden -> 403 `forbidden` (with the
 * tooltip-ready `reason`), invalid_transition -> 409 `conflict` (with `currentState`),
 * validation -> 400 `validation_failed` (with `issues` naming the fields).
 */
/**
 * The claim review workflow against the database: submit, approve, request changes, reopen,
 * "submit all my claims of this article", bulk approval and the discussion thread. Each
 * decision is an event applied by `applyClaimEvent` (server/claim-events.ts): row lock, the
 * version the reviewer saw, lib/review's transition, then claim, decision and audit together.
 * Two reviewers deciding the same claim at once are serialised by the lock: the second gets 409
 * with the decision that won.
 *
 * lib/review failures map to the one error table: forbidden -> 403 `forbidden` (with the
 * tooltip-ready `reason`), invalid_transition -> 409 `conflict` (with `currentState`),
 * needs_confirmation -> 409 `conflict` (with `reason` and the changed words), validation -> 400
 * `validation_failed` (with `issues` naming the fields).
 */
import {
  approve,
  comment as commentEvent,
  reopen,
  requestChanges,
  submit,
  type ReviewEvent,
} from '@/lib/review';
import type { Prisma } from './generated/prisma/client';
import {
  applyClaimEvent,
  applyClaimEventIn,
  decisionSelect,
  loadClaims,
  type AppliedClaimEvent,
} from './claim-events';
import type { PrismaClient } from './platform/db';
import { AppError, notFound } from './platform/errors';
import type { SessionUser } from './users';

export type DecisionResult = {
  claim: NonNullable<AppliedClaimEvent['claim']>;
  decision: AppliedClaimEvent['decision'];
};

async function decide(
  prisma: PrismaClient,
  claimId: string,
  seenVersion: number,
  actor: SessionUser,
  event: ReviewEvent,
): Promise<DecisionResult> {
  const { claim, decision } = await applyClaimEvent(prisma, {
    claimId,
    actor,
    seenVersion,
    event: () => event,
    optimistic: true,
  });
  // Only a deletion leaves no claim row, and that is not a review decision.
  return { claim: claim!, decision };
}

/** DRAFT or CHANGES_REQUESTED -> SUBMITTED. The author or an admin; needs verdict and rationale. */
export function submitClaim(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  { version }: { version: number },
) {
  return decide(prisma, claimId, version, user, submit(user));
}

/**
 * SUBMITTED -> APPROVED, recording what was approved. Never by its author nor by anyone who
 * changed it since its last approval; a fuzzy or changed passage needs `confirmChangedText`.
 */
export function approveClaim(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  {
    version,
    comment,
    confirmChangedText,
  }: { version: number; comment?: string | null; confirmChangedText?: boolean },
) {
  return decide(
    prisma,
    claimId,
    version,
    user,
    approve(user, comment ?? null, { confirmChangedText: confirmChangedText ?? false }),
  );
}

/** SUBMITTED -> CHANGES_REQUESTED with a required comment. A reviewer or admin. */
export function requestClaimChanges(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  { version, comment }: { version: number; comment: string },
) {
  return decide(prisma, claimId, version, user, requestChanges(user, comment));
}

/** APPROVED -> CHANGES_REQUESTED with a required reason: a new review cycle. A reviewer or admin. */
export function reopenClaim(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  { version, reason }: { version: number; reason: string },
) {
  return decide(prisma, claimId, version, user, reopen(user, reason));
}

/** One refused claim of a batch: the error the single route would have answered. */
export interface BatchRefusal {
  claimId: string;
  status: number;
  code: string;
  message: string;
  [detail: string]: unknown;
}

function refusalOf(claimId: string, error: AppError): BatchRefusal {
  return {
    claimId,
    status: error.status,
    code: error.code,
    message: error.message,
    ...error.details,
  };
}

/**
 * Approves each listed claim in its own transaction, exactly as `approveClaim` would: one
 * refusal (four-eyes, a stale version, already decided) does not stop the others. Answers the
 * approved claims and the refusals, in input order.
 */
export async function approveClaims(
  prisma: PrismaClient,
  user: SessionUser,
  claims: readonly { id: string; version: number }[],
) {
  const approved: DecisionResult[] = [];
  const refused: BatchRefusal[] = [];
  for (const { id, version } of claims) {
    try {
      approved.push(await approveClaim(prisma, user, id, { version }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push(refusalOf(id, error));
    }
  }
  return { approved, refused };
}

/**
 * Submits every claim of the article that the user wrote and that is still a draft or sent
 * back, each through `applyClaimEventIn`, in one transaction that locks them all first, in id
 * order. Incomplete claims are refused with the fields they miss and do not stop the others. 404
 * for an unknown article.
 */
export async function submitAllOfArticle(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
) {
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
    if (!article) throw notFound('Article');
    const candidates = await tx.$queryRaw<{ id: string; text: string }[]>`
      SELECT c.id, c.text FROM "Claim" c
      WHERE c."authorId" = ${user.id} AND c."reviewState" IN ('DRAFT', 'CHANGES_REQUESTED')
        AND EXISTS (SELECT 1 FROM "Annotation" a
                    WHERE a."claimId" = c.id AND a."articleId" = ${articleId})
      ORDER BY c."createdAt", c.id`;
    // Lock them all first, in id order, as a text revision locks its claims: taking them one by
    // one in creation order, this could hold a claim the revision waits for while waiting for
    // one it holds (a deadlock). Each event below re-reads its claim under the lock held.
    await loadClaims(
      tx,
      candidates.map((c) => c.id),
      { lock: true },
    );
    // Oldest first, each through the one rulebook; a refusal writes nothing and stops no other.
    const submitted = [];
    const refused = [];
    for (const { id, text } of candidates) {
      try {
        const { claim } = await applyClaimEventIn(tx, {
          claimId: id,
          actor: user,
          seenVersion: null,
          event: () => submit(user),
        });
        submitted.push({ ...claim!, text });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ ...refusalOf(id, error), text });
      }
    }
    return { submitted, refused };
  });
}

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect;

/**
 * Adds a post to the claim's discussion (anyone signed in): a `comment` event of the rulebook,
 * so it locks the claim (a comment cannot land on a claim being deleted), is audited on the
 * claim, and changes neither the claim nor its version. 404 for an unknown claim, 400 for a
 * blank body.
 */
export async function addComment(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  body: string,
) {
  return prisma.$transaction(async (tx) => {
    let posted: Prisma.CommentGetPayload<{ select: typeof commentSelect }> | null = null;
    await applyClaimEventIn(tx, {
      claimId,
      actor: user,
      seenVersion: null,
      event: () => commentEvent(user, body),
      effects: async (tx2, result) => {
        posted = await tx2.comment.create({
          data: { claimId, authorId: user.id, body: result.audit.note ?? body },
          select: commentSelect,
        });
      },
    });
    return posted!;
  });
}

/**
 * The claim's discussion: its comments and its review decisions (a request for changes or a
 * reopening carries the reviewer's words), oldest first. 404 for an unknown claim.
 */
export async function getDiscussion(prisma: PrismaClient, claimId: string) {
  const claim = await prisma.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      comments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: commentSelect },
      reviewDecisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: decisionSelect },
    },
  });
  if (!claim) throw notFound('Claim');
  return { comments: claim.comments, decisions: claim.reviewDecisions };
}
