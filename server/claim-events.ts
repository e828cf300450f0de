/**
 * The one place a claim changes. `applyClaimEvent` locks the claim row, checks the version the
 * user saw (409 with the current state when stale), asks lib/review's pure `transition` whether
 * the event is allowed and what follows, and writes the claim, its spans' bookkeeping, its
 * review decision and its audit event in one transaction. Every writer of `reviewState`,
 * `version` and `changedBy` goes through here: edits, span links, removals and re-attachments,
 * text revisions, submit, approve, request changes, reopen, delete, and the demo seed.
 *
 * Span rows (the W3C selectors) and evidence rows (with their access dates) are written by the
 * caller's `effects`, inside the same transaction and only once the event was accepted, so the
 * rulebook decides first.
 */
import {
  transition,
  type Anchor,
  type ClaimForReview,
  type ReviewActor,
  type ReviewEvent,
  type ReviewFailure,
  type TransitionSuccess,
} from '@/lib/review';
import type { AnchorState, ReviewState, Verdict } from '@/lib/domain';
import { randomUUID } from 'node:crypto';
import { Prisma } from './generated/prisma/client';
import { claimViewFromJson, claimViewSql, type ClaimView } from './claim-view';
import type { PrismaClient } from './platform/db';
import { AppError, notFound } from './platform/errors';

export type Tx = Prisma.TransactionClient;

/** A claim locked for an event: what lib/review sees. */
export type LockedClaim = ClaimForReview;

export interface ClaimEventRequest {
  claimId: string;
  /** The user (or the system) acting; `name` is echoed in the decision. */
  actor: ReviewActor & { name?: string };
  /** The version the user saw; null when the action names none (it then applies to the latest). */
  seenVersion: number | null;
  /** Builds the event from the locked claim (e.g. after describing a span against it). */
  event: (claim: LockedClaim, tx: Tx) => ReviewEvent | Promise<ReviewEvent>;
  /** Writes span rows once the event is accepted, before the claim row is written. */
  effects?: (tx: Tx, result: TransitionSuccess) => Promise<void>;
  /**
   * Also answer the claim's view (./claim-view), built by the writing statement itself. Not for
   * submit and approve, whose quote bookkeeping the same statement writes after that snapshot.
   */
  view?: boolean;
  /**
   * An article the event places a span in: locked (SHARE) before the claim, so that a text
   * revision of it is either committed before the span is described or waits for this event.
   */
  lockArticle?: string;
  /**
   * The event may be applied without an interactive transaction (see `applyClaimEvent`): `true`
   * when it writes nothing but the claim's own rows, or what it writes besides them, in the
   * same statement. `effects`, `view` and `lockArticle` then serve the locking way only.
   */
  optimistic?: true | ((result: TransitionSuccess) => OptimisticWrite);
}

/**
 * What an optimistic event writes besides the claim, decision and audit rows, in their one
 * statement. Every row it writes must be conditional on the claim row being written (select
 * FROM `claim`, the CTE holding it), so that nothing is written when it is not.
 */
export interface OptimisticWrite {
  /** CTEs before the claim row's (e.g. a lock its condition reads). */
  before?: Prisma.Sql[];
  /** A further condition for writing the claim row. */
  when?: Prisma.Sql;
  /** CTEs after it, each reading `claim`. */
  after?: Prisma.Sql[];
  /** Spans written by `after`, for the claim view (see claimViewSql's `moreSpans`). */
  moreSpans?: Prisma.Sql;
  /** Evidence written by `after` in place of the stored rows, for the claim view. */
  evidence?: Prisma.Sql;
  /** One more JSON value to answer, as `extra`. */
  extra?: Prisma.Sql;
}

export interface AppliedClaimEvent {
  result: TransitionSuccess;
  /** The claim row as written; null after a delete or a comment (which leaves it as it was). */
  claim: { id: string; reviewState: ReviewState; version: number; updatedAt: Date } | null;
  decision: {
    id: string;
    decision: string;
    comment: string | null;
    snapshotHash: string | null;
    createdAt: Date;
    reviewer: { id: string; name: string };
  } | null;
  /** The claim's view after the event, when the request asked for it. */
  view: ClaimView | null;
  /** The optimistic write's `extra` value, when it was applied that way. */
  extra?: unknown;
}

type ClaimRow = {
  id: string;
  text: string;
  claimant: string | null;
  authorId: string;
  lastEditedById: string | null;
  changedBy: string[];
  reviewState: ReviewState;
  verdict: Verdict;
  rationale: string;
  version: number;
};

type AnchorRow = {
  id: string;
  articleId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  anchorState: AnchorState;
  submittedExact: string | null;
  createdById: string;
};

type ClaimChildren = {
  evidence: { url: string; title: string | null; quote: string | null }[];
  anchors: AnchorRow[];
};

/**
 * Loads claims as lib/review sees them. With `lock`, the claim rows are locked for the rest of
 * the transaction first (in id order, so batches cannot deadlock); evidence and spans are read
 * in a second statement, after any writer that held the lock has committed (a sub-select in the
 * locking statement would still see that statement's older snapshot).
 */
export async function loadClaims(
  tx: Tx | PrismaClient,
  ids: readonly string[],
  { lock, lockArticle }: { lock: boolean; lockArticle?: string },
): Promise<Map<string, LockedClaim>> {
  const found = new Map<string, LockedClaim>();
  if (ids.length === 0) return found;
  const list = [...ids];
  // With `lockArticle`, a SHARE lock on that article is taken before the claims' (its
  // uncorrelated EXISTS is evaluated once, before any claim row reaches the lock): the order a
  // text revision takes them in, so the two cannot deadlock, and a revision in progress is
  // waited for before the event reads the current text.
  const articleFirst = lockArticle
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Article" WHERE id = ${lockArticle} FOR SHARE)`
    : Prisma.empty;
  const rows = lock
    ? await tx.$queryRaw<ClaimRow[]>`
        SELECT id, text, claimant, "authorId", "lastEditedById", "changedBy", "reviewState",
               verdict, rationale, version
        FROM "Claim" WHERE id = ANY(${list}) ${articleFirst} ORDER BY id FOR UPDATE`
    : await tx.$queryRaw<ClaimRow[]>`
        SELECT id, text, claimant, "authorId", "lastEditedById", "changedBy", "reviewState",
               verdict, rationale, version
        FROM "Claim" WHERE id = ANY(${list})`;
  if (rows.length === 0) return found;
  // A second statement (so a new snapshot, taken once the locks are held): each claim's evidence
  // and spans as JSON arrays, in the order they were added.
  const children = await tx.$queryRaw<(ClaimChildren & { id: string })[]>`
    SELECT c.id, ${childrenSql(Prisma.sql`c.id`)}
    FROM unnest(${rows.map((r) => r.id)}::text[]) AS c(id)`;
  const byId = new Map(children.map((c) => [c.id, c]));
  for (const row of rows) {
    const { evidence = [], anchors = [] } = byId.get(row.id) ?? {};
    found.set(row.id, {
      ...row,
      changedBy: row.changedBy ?? [],
      evidence,
      anchors: anchors.map(toAnchor),
    });
  }
  return found;
}

/** A claim's evidence and spans as lib/review reads them: two JSON columns, in added order. */
function childrenSql(claimId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT coalesce(json_agg(json_build_object('url', e.url, 'title', e.title, 'quote', e.quote)
                              ORDER BY e."createdAt", e.id), '[]')
     FROM "Evidence" e WHERE e."claimId" = ${claimId}) AS evidence,
    (SELECT coalesce(json_agg(json_build_object(
              'id', a.id, 'articleId', a."articleId", 'revisionId', a."revisionId",
              'start', a.start, 'end', a."end", 'exact', a.exact,
              'anchorState', a."anchorState", 'submittedExact', a."submittedExact",
              'createdById', a."createdById")
            ORDER BY a."createdAt", a.id), '[]')
     FROM "Annotation" a WHERE a."claimId" = ${claimId}) AS anchors`;
}

function toAnchor(a: AnchorRow): Anchor {
  return {
    id: a.id,
    articleId: a.articleId,
    revisionId: a.revisionId,
    start: a.start,
    end: a.end,
    exact: a.exact,
    state: a.anchorState,
    submittedExact: a.submittedExact,
    createdById: a.createdById,
  };
}

/**
 * Applies one event in its own transaction (see the module comment).
 *
 * An `optimistic` request (a review decision: no effects) first tries two statements and no
 * transaction: the claim with its evidence and spans read at once (one snapshot), then one
 * writing statement that changes nothing unless the claim row is still the very version read
 * (its `xmin`). Every writer of a claim's spans or evidence also writes the claim row in the
 * same transaction (claim events bump its version; a text revision touches every claim it
 * re-anchors), so an unchanged row means unchanged evidence and spans: the decision was made on
 * exactly what is stored. When the row changed meanwhile, the event is applied again the usual
 * way (lock, read, decide, write), which also gives the right 409 for a stale version.
 */
export async function applyClaimEvent(
  prisma: PrismaClient,
  request: ClaimEventRequest,
): Promise<AppliedClaimEvent> {
  if (request.optimistic) {
    const applied = await applyOptimistically(prisma, request);
    if (applied) return applied;
  }
  return prisma.$transaction((tx) => applyClaimEventIn(tx, request), { timeout: 30_000 });
}

async function applyOptimistically(
  prisma: PrismaClient,
  request: ClaimEventRequest,
): Promise<AppliedClaimEvent | null> {
  const [row] = await prisma.$queryRaw<(ClaimRow & ClaimChildren & { rowVersion: string })[]>`
    SELECT c.id, c.text, c.claimant, c."authorId", c."lastEditedById", c."changedBy",
           c."reviewState", c.verdict, c.rationale, c.version, c.xmin::text AS "rowVersion",
           ${childrenSql(Prisma.sql`c.id`)}
    FROM "Claim" c WHERE c.id = ${request.claimId}`;
  if (!row) throw notFound('Claim');
  const { rowVersion, evidence, anchors, ...fields } = row;
  const claim: LockedClaim = {
    ...fields,
    changedBy: fields.changedBy ?? [],
    evidence,
    anchors: anchors.map(toAnchor),
  };
  if (request.seenVersion !== null && claim.version !== request.seenVersion) {
    throw await staleVersionError(prisma, claim, request.seenVersion);
  }
  const event = await request.event(claim, prisma as unknown as Tx);
  const result = transition(claim, event);
  if (!result.ok) throw await reviewError(prisma, claim, result);
  if (result.action === 'delete' || result.action === 'comment') return null;
  const write = request.optimistic === true ? {} : request.optimistic!(result);
  return writeTransition(prisma, claim, result, request.actor, request.view ?? false, {
    rowVersion,
    write,
  });
}

/** Applies one event inside the caller's transaction: lock, version check, decide, write. */
export async function applyClaimEventIn(
  tx: Tx,
  request: ClaimEventRequest,
): Promise<AppliedClaimEvent> {
  const claim = (
    await loadClaims(tx, [request.claimId], { lock: true, lockArticle: request.lockArticle })
  ).get(request.claimId);
  if (!claim) throw notFound('Claim');
  if (request.seenVersion !== null && claim.version !== request.seenVersion) {
    throw await staleVersionError(tx, claim, request.seenVersion);
  }
  const event = await request.event(claim, tx);
  const result = transition(claim, event);
  if (!result.ok) throw await reviewError(tx, claim, result);
  if (request.effects) await request.effects(tx, result);
  // Without `rowVersion` the answer is never null: a missed write throws a conflict.
  return (await writeTransition(tx, claim, result, request.actor, request.view ?? false))!;
}

/**
 * Applies an already-decided transition's writes in one statement: the claim row, the quotes as
 * submitted, the review decision and the audit row. The claim row is locked by the caller, or,
 * with `rowVersion` (the optimistic path), nothing is written unless the row is still that
 * version, and the answer is then null.
 */
async function writeTransition(
  tx: Tx | PrismaClient,
  before: ClaimForReview,
  result: TransitionSuccess,
  actor: ReviewActor & { name?: string },
  view: boolean,
  optimistic?: { rowVersion: string; write: OptimisticWrite },
): Promise<AppliedClaimEvent | null> {
  const rowVersion = optimistic?.rowVersion;
  const write: OptimisticWrite = optimistic?.write ?? {};
  const { next, audit } = result;
  if (view && (result.action === 'submit' || result.action === 'approve')) {
    throw new Error('A submit or approve cannot answer the claim view from its own statement.');
  }
  // clock_timestamp(), not now() (the transaction's start): rows written earlier in the same
  // transaction with the client's clock must not sort after this one.
  const auditInsert = Prisma.sql`
    INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", before, after,
                              "createdAt")`;
  const auditValues = Prisma.sql`
            ${randomUUID()}, ${audit.actorId === 'system' ? null : audit.actorId}, ${audit.action},
            'Claim', ${before.id}, ${JSON.stringify({ ...audit.before, version: before.version })}::jsonb,
            ${JSON.stringify({
              ...(audit.after ?? {}),
              version: result.action === 'delete' ? null : next.version,
              ...(audit.note !== null ? { note: audit.note } : {}),
              ...(result.decision?.snapshotHash
                ? { snapshotHash: result.decision.snapshotHash }
                : {}),
            })}::jsonb,
            clock_timestamp() AT TIME ZONE 'UTC'`;
  const auditRow = Prisma.sql`${auditInsert} VALUES (${auditValues})`;
  if (result.action === 'delete') {
    await tx.$executeRaw`WITH gone AS (DELETE FROM "Claim" WHERE id = ${before.id}) ${auditRow}`;
    return { result, claim: null, decision: null, view: null };
  }
  if (result.action === 'comment') {
    // The claim row stays as it is (the caller's effects wrote the comment).
    await tx.$executeRaw`${auditRow}`;
    return { result, claim: null, decision: null, view: null };
  }
  const d = result.decision;
  const parts = [
    ...(write.before ?? []),
    Prisma.sql`claim AS (
      UPDATE "Claim"
      SET text = ${next.text}, claimant = ${next.claimant}, verdict = ${next.verdict}::"Verdict",
          rationale = ${next.rationale}, "reviewState" = ${next.reviewState}::"ReviewState",
          "lastEditedById" = ${next.lastEditedById}, "changedBy" = ${[...next.changedBy]}::text[],
          version = ${next.version}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${before.id} AND version = ${before.version}
            ${rowVersion === undefined ? Prisma.empty : Prisma.sql`AND xmin = ${rowVersion}::xid`}
            ${write.when ? Prisma.sql`AND ${write.when}` : Prisma.empty}
      RETURNING *)`,
    // Each other row only if the claim row was written (see `rowVersion`).
    Prisma.sql`audit AS (${auditInsert} SELECT ${auditValues} FROM claim)`,
    ...(write.after ?? []),
  ];
  // What a reviewer will compare against: the quotes as submitted (or as approved).
  if (result.action === 'submit' || result.action === 'approve') {
    parts.push(Prisma.sql`quotes AS (
      UPDATE "Annotation" SET "submittedExact" = exact
      WHERE "claimId" = ${before.id} AND EXISTS (SELECT 1 FROM claim))`);
  }
  if (d) {
    parts.push(Prisma.sql`decision AS (
      INSERT INTO "ReviewDecision" (id, "claimId", "reviewerId", decision, comment,
                                    "snapshotHash", record, "createdAt")
      SELECT ${randomUUID()}, ${d.claimId}, ${d.reviewerId},
             ${d.decision}::"ReviewDecisionKind", ${d.comment}, ${d.snapshotHash},
             ${d.record == null ? null : JSON.stringify(d.record)}::jsonb,
             clock_timestamp() AT TIME ZONE 'UTC'
      FROM claim
      RETURNING id, decision::text AS decision, comment, "snapshotHash", "createdAt")`);
  }
  const rows = await tx.$queryRaw<
    (NonNullable<AppliedClaimEvent['claim']> & {
      decision: Omit<NonNullable<AppliedClaimEvent['decision']>, 'reviewer'> | null;
      view: Parameters<typeof claimViewFromJson>[0] | null;
      extra: unknown;
    })[]
  >`
    WITH ${Prisma.join(parts, ',\n')}
    SELECT claim.id, claim."reviewState"::text AS "reviewState", claim.version, claim."updatedAt",
           ${d ? Prisma.sql`(SELECT row_to_json(d) FROM decision d)` : Prisma.sql`NULL::json`} AS decision,
           ${view ? claimViewSql('claim', write) : Prisma.sql`NULL::json`} AS view,
           ${write.extra ?? Prisma.sql`NULL::json`} AS extra
    FROM claim`;
  const row = rows[0];
  if (!row && rowVersion !== undefined) return null;
  if (!row) {
    throw new AppError('conflict', 'Someone else changed this claim at the same moment.', {
      currentState: before.reviewState,
    });
  }
  const { decision, view: viewJson, extra, ...claim } = row;
  return {
    result,
    claim,
    extra,
    view: viewJson ? claimViewFromJson(viewJson) : null,
    decision: decision
      ? {
          ...decision,
          createdAt: new Date(`${String(decision.createdAt)}Z`),
          reviewer: { id: actor.id, name: actor.name ?? '' },
        }
      : null,
  };
}

const FIELD_MESSAGES: Record<string, string> = {
  text: 'Say what is claimed.',
  verdict: 'Choose a verdict other than Unverified.',
  rationale: 'Write a rationale: why this verdict.',
  comment: 'Say what should change.',
  evidence: 'A definitive verdict needs at least one evidence source (a web address).',
  anchors: 'The claim’s passages are invalid.',
  spans: 'Every passage must be placed in the article’s current text.',
  changes: 'Nothing would change.',
};

/** A review decision as the claim page, the history and the API show it (who, what, when). */
export const decisionSelect = {
  id: true,
  decision: true,
  comment: true,
  snapshotHash: true,
  createdAt: true,
  reviewer: { select: { id: true, name: true } },
} as const satisfies Prisma.ReviewDecisionSelect;

/** The latest review decision on a claim (who, what, when), or null when there is none. */
export function latestDecision(tx: Tx | PrismaClient, claimId: string) {
  return tx.reviewDecision.findFirst({
    where: { claimId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: decisionSelect,
  });
}

/** Turns a lib/review failure into the AppError the routes answer with. */
export async function reviewError(
  tx: Tx | PrismaClient,
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
    case 'needs_confirmation':
      return new AppError('conflict', failure.message, {
        reason: 'needs_confirmation',
        changes: failure.changes,
        currentState: claim.reviewState,
        currentVersion: claim.version,
      });
    case 'validation':
      return new AppError('validation_failed', failure.message, {
        issues: failure.fields.map((field) => ({
          path: field,
          message:
            field === 'spans'
              ? failure.message
              : field === 'reason'
                ? failure.action === 'delete'
                  ? 'Say why the approved claim is deleted.'
                  : 'Say why the claim is reopened.'
                : (FIELD_MESSAGES[field] ?? 'Invalid.'),
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
