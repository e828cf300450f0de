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
import {
  approve,
  reopen,
  requestChanges,
  submit,
  submitAll,
  transition,
  type Actor,
  type ClaimForReview,
  type ReviewEvent,
  type ReviewFailure,
  type TransitionSuccess,
} from '@/lib/review';
import type { ReviewState, Verdict } from '@/lib/domain';
import { Prisma } from './generated/prisma/client';
import type { PrismaClient } from './platform/db';
import { AppError, notFound } from './platform/errors';
import type { SessionUser } from './users';

type Tx = Prisma.TransactionClient;

/** A claim as the workflow sees it, plus who made the latest change to it or its spans. */
export interface ReviewedClaim {
  claim: ClaimForReview;
  /** Actor of the latest claim.create/claim.edit or span event of the claim (null: system). */
  lastChangedById: string | null;
}

type ClaimRow = {
  id: string;
  authorId: string;
  lastEditedById: string | null;
  reviewState: ReviewState;
  verdict: Verdict;
  rationale: string;
  version: number;
};

type DetailRow = {
  id: string;
  evidence: { url: string; title: string | null; quote: string | null }[];
  anchors: { revisionId: string; start: number; end: number; exact: string }[];
  lastChangedById: string | null;
};

/**
 * SQL for "who made the latest change to claim `c`": the actor of its newest claim.create or
 * claim.edit event or of the newest event of one of its spans (indexed lookups only, so it is
 * cheap enough for every approval and every queue row). Null when that was the system.
 */
export function lastChangedBySql(): Prisma.Sql {
  return Prisma.sql`(SELECT x."actorId" FROM (
      SELECT e."actorId", e."createdAt" FROM "AuditEvent" e
      WHERE e."entityType" = 'Claim' AND e."entityId" = c.id
        AND e.action IN ('claim.create', 'claim.edit')
      UNION ALL
      SELECT e."actorId", e."createdAt" FROM "AuditEvent" e
      WHERE e."entityType" = 'Annotation'
        AND e."entityId" = ANY(ARRAY(SELECT a.id FROM "Annotation" a WHERE a."claimId" = c.id))
    ) x ORDER BY x."createdAt" DESC LIMIT 1)`;
}

/**
 * Loads claims for the workflow. With `lock`, the claim rows are locked for the rest of the
 * transaction first (in id order, so batches cannot deadlock each other); evidence, spans and
 * the last changer are read in a second statement, so they are read after any writer that held
 * the lock has committed.
 */
export async function loadClaimsForReview(
  tx: Tx,
  ids: readonly string[],
  { lock }: { lock: boolean },
): Promise<Map<string, ReviewedClaim>> {
  const found = new Map<string, ReviewedClaim>();
  if (ids.length === 0) return found;
  const list = [...ids];
  const rows = lock
    ? await tx.$queryRaw<ClaimRow[]>`
        SELECT id, "authorId", "lastEditedById", "reviewState", verdict, rationale, version
        FROM "Claim" WHERE id = ANY(${list}) ORDER BY id FOR UPDATE`
    : await tx.$queryRaw<ClaimRow[]>`
        SELECT id, "authorId", "lastEditedById", "reviewState", verdict, rationale, version
        FROM "Claim" WHERE id = ANY(${list})`;
  if (rows.length === 0) return found;
  const details = await tx.$queryRaw<DetailRow[]>`
    SELECT c.id,
      COALESCE((SELECT json_agg(json_build_object('url', e.url, 'title', e.title, 'quote', e.quote))
                FROM "Evidence" e WHERE e."claimId" = c.id), '[]'::json) AS evidence,
      COALESCE((SELECT json_agg(json_build_object('revisionId', a."revisionId", 'start', a.start,
                                                  'end', a."end", 'exact', a.exact))
                FROM "Annotation" a WHERE a."claimId" = c.id), '[]'::json) AS anchors,
      ${lastChangedBySql()} AS "lastChangedById"
    FROM "Claim" c WHERE c.id = ANY(${rows.map((r) => r.id)})`;
  const byId = new Map(details.map((d) => [d.id, d]));
  for (const row of rows) {
    const detail = byId.get(row.id);
    found.set(row.id, {
      claim: { ...row, evidence: detail?.evidence ?? [], anchors: detail?.anchors ?? [] },
      lastChangedById: detail?.lastChangedById ?? null,
    });
  }
  return found;
}

/**
 * The claim as `actor` must be judged by lib/review. lib/review's four-eyes rule looks at
 * `lastEditedById`, which server/claims.ts sets on content edits only; whoever made the latest
 * change to the claim's spans (linked, re-attached or removed one) changed what an approval
 * holds for too, so for them the claim counts as last edited by them.
 */
export function asSeenBy(reviewed: ReviewedClaim, actor: Actor): ClaimForReview {
  const { claim, lastChangedById } = reviewed;
  return lastChangedById === actor.id && claim.authorId !== actor.id
    ? { ...claim, lastEditedById: actor.id }
    : claim;
}

const FIELD_MESSAGES: Record<string, string> = {
  verdict: 'Choose a verdict other than Unverified.',
  rationale: 'Write a rationale: why this verdict.',
  comment: 'Say what should change.',
  reason: 'Say why the claim is reopened.',
  evidence: 'Every piece of evidence needs a web address.',
  anchors: 'The claim’s spans are invalid.',
  changes: 'Nothing would change.',
};

const decisionSelect = {
  id: true,
  decision: true,
  comment: true,
  snapshotHash: true,
  createdAt: true,
  reviewer: { select: { id: true, name: true } },
} as const satisfies Prisma.ReviewDecisionSelect;

/** The latest review decision on a claim (who, what, when), or null when there is none. */
export function latestDecision(tx: Tx, claimId: string) {
  return tx.reviewDecision.findFirst({
    where: { claimId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: decisionSelect,
  });
}

/** Turns a lib/review failure into the AppError the routes answer with. */
export async function reviewError(
  tx: Tx,
  claim: ClaimForReview,
  failure: ReviewFailure,
): Promise<AppError> {
  switch (failure.code) {
    case 'forbidden':
      return new AppError('forbidden', failure.message, {
        reason: failure.reason,
        rule: failure.rule,
      });
    case 'invalid_transition':
      return new AppError('conflict', failure.message, {
        currentState: failure.currentState,
        currentVersion: claim.version,
        lastDecision: await latestDecision(tx, claim.id),
      });
    case 'validation':
      return new AppError('validation_failed', failure.message, {
        issues: failure.fields.map((field) => ({
          path: field,
          message: FIELD_MESSAGES[field] ?? 'Missing or invalid.',
        })),
      });
  }
}

async function staleVersionError(tx: Tx, claim: ClaimForReview, seen: number) {
  return new AppError(
    'conflict',
    `This claim changed since you opened it (you saw version ${seen}, it is now at version ${claim.version}): reload to see what changed.`,
    {
      currentState: claim.reviewState,
      currentVersion: claim.version,
      lastDecision: await latestDecision(tx, claim.id),
    },
  );
}

/**
 * Writes a successful transition: the claim's new state and version, the review decision (for
 * approve, request changes and reopen) and the audit event, in three statements. The claim row
 * is locked by the caller, so the version guard cannot miss; it stays as a second line of
 * defence. `actor` names the user for the decision's answer.
 */
async function writeTransition(
  tx: Tx,
  before: ClaimForReview,
  result: TransitionSuccess,
  actor: { id: string; name: string },
) {
  const [claim] = await tx.$queryRaw<
    { id: string; reviewState: ReviewState; version: number; updatedAt: Date }[]
  >`
    UPDATE "Claim"
    SET "reviewState" = ${result.next.reviewState}::"ReviewState", version = ${result.next.version},
        "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${before.id} AND version = ${before.version}
    RETURNING id, "reviewState", version, "updatedAt"`;
  if (!claim) {
    throw new AppError('conflict', 'Someone else changed this claim at the same moment.', {
      currentState: before.reviewState,
    });
  }
  const decision = result.decision
    ? {
        ...(await tx.reviewDecision.create({
          data: { ...result.decision },
          select: { id: true, decision: true, comment: true, snapshotHash: true, createdAt: true },
        })),
        reviewer: { id: actor.id, name: actor.name },
      }
    : null;
  const { audit } = result;
  await tx.auditEvent.create({
    data: {
      actorId: audit.actorId === 'system' ? null : audit.actorId,
      action: audit.action,
      entityType: 'Claim',
      entityId: before.id,
      before: { ...audit.before, version: before.version } as Prisma.InputJsonObject,
      after: {
        ...audit.after,
        version: result.next.version,
        ...(audit.note !== null ? { note: audit.note } : {}),
        ...(result.decision?.snapshotHash ? { snapshotHash: result.decision.snapshotHash } : {}),
      } as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
  return { claim, decision };
}

export type DecisionResult = Awaited<ReturnType<typeof writeTransition>>;

/**
 * Applies one review event to one claim: lock, check with lib/review, check the version the
 * user saw, write. Throws 404, 403, 409 or 400 (see the module comment).
 */
async function decide(
  prisma: PrismaClient,
  claimId: string,
  seenVersion: number,
  actor: SessionUser,
  event: ReviewEvent,
): Promise<DecisionResult> {
  return prisma.$transaction(async (tx) => {
    const reviewed = (await loadClaimsForReview(tx, [claimId], { lock: true })).get(claimId);
    if (!reviewed) throw notFound('Claim');
    const claim = asSeenBy(reviewed, actor);
    const result = transition(claim, event);
    if (!result.ok) throw await reviewError(tx, claim, result);
    if (claim.version !== seenVersion) throw await staleVersionError(tx, claim, seenVersion);
    return writeTransition(tx, claim, result, actor);
  });
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

/** SUBMITTED -> APPROVED, recording the approval snapshot's hash. Never by its author or last editor. */
export function approveClaim(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  { version, comment }: { version: number; comment?: string | null },
) {
  return decide(prisma, claimId, version, user, approve(user, comment ?? null));
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
 * back (lib/review's `submitAll`), in one transaction. Incomplete claims are refused with the
 * fields they miss and do not stop the others. 404 for an unknown article.
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
    const texts = new Map(candidates.map((c) => [c.id, c.text]));
    const loaded = await loadClaimsForReview(tx, [...texts.keys()], { lock: true });
    // Oldest first; lib/review refuses any claim whose state changed before the lock.
    const claims = candidates.flatMap((c) => {
      const reviewed = loaded.get(c.id);
      return reviewed ? [asSeenBy(reviewed, user)] : [];
    });
    const batch = submitAll(claims, user);
    const submitted = [];
    for (const success of batch.submitted) {
      const before = claims.find((c) => c.id === success.next.id)!;
      const { claim } = await writeTransition(tx, before, success, user);
      submitted.push({ ...claim, text: texts.get(claim.id) ?? '' });
    }
    const refused = [];
    for (const { claimId, failure } of batch.refused) {
      const claim = claims.find((c) => c.id === claimId)!;
      refused.push({
        ...refusalOf(claimId, await reviewError(tx, claim, failure)),
        text: texts.get(claimId) ?? '',
      });
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

/** Adds a post to the claim's discussion (anyone signed in), audited; 404 for an unknown claim. */
export async function addComment(
  prisma: PrismaClient,
  user: SessionUser,
  claimId: string,
  body: string,
) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw notFound('Claim');
    const comment = await tx.comment.create({
      data: { claimId, authorId: user.id, body },
      select: commentSelect,
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'comment.create',
        entityType: 'Comment',
        entityId: comment.id,
        after: { claimId, body },
      },
    });
    return comment;
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
