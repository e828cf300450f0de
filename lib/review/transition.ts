/**
 * The claim review reducer: `transition(claim, event)` returns either the next claim with the
 * audit record (and review decision) to write, or the failure that refuses the event. It is pure:
 * the input claim is never mutated and nothing is read from outside.
 *
 * Decisions (the issue left them open):
 * - Editing a SUBMITTED claim is allowed (author or ADMIN). It stays SUBMITTED, but it must stay
 *   complete (verdict other than UNVERIFIED, non-blank rationale), and the edit sets
 *   `lastEditedById`, so whoever made it cannot approve it afterwards (four-eyes rule).
 * - Editing a DRAFT or CHANGES_REQUESTED claim keeps its state; it may be left incomplete.
 * - Every edit sets `lastEditedById` to the editor. Submitting does not (it changes no content).
 * - An edit or anchor report that changes nothing is refused (`validation`, field `changes`).
 * - Approving re-checks completeness (defence against a claim stored incomplete); the optional
 *   comment is trimmed, blank becomes null.
 * - `anchorChanged` updates the claim's anchors in any state. On an APPROVED claim it voids the
 *   approval (-> SUBMITTED, with the event's reason as the note) only if the approval snapshot
 *   changes, i.e. a quote or an offset changed; a mere new revision id keeps the approval.
 * - Every success increments `version` by one.
 */

import { claimApprovalHash, approvalSnapshot } from './approval-snapshot';
import type {
  AnchorChangedEvent,
  ApproveEvent,
  EditEvent,
  ReopenEvent,
  RequestChangesEvent,
  ReviewEvent,
  SubmitEvent,
} from './events';
import { ReviewInvariantError, assertNever } from './invariants';
import {
  AUDIT_ACTIONS,
  validationFailure,
  type ClaimChange,
  type ReviewDecision,
  type ReviewDecisionKind,
  type TransitionResult,
  type TransitionSuccess,
  type ValidationField,
} from './results';
import { checkAction } from './state-machine';
import type { Anchor, ClaimForReview, Evidence, ReviewActor } from './types';
import {
  areValidAnchors,
  describeMissing,
  invalidPatchFields,
  missingForSubmission,
  normaliseText,
} from './validation';

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'submit',
  'approve',
  'requestChanges',
  'reopen',
  'edit',
  'anchorChanged',
]);

/**
 * Applies an event to a claim. Returns `{ ok: true, next, audit, decision, note }` or a failure
 * (`forbidden` 403, `invalid_transition` 409 with the current state, `validation` 400 with the
 * offending fields). Throws `ReviewInvariantError` only on malformed input (unknown event type,
 * review state or role).
 */
export function transition(claim: ClaimForReview, event: ReviewEvent): TransitionResult {
  if (typeof event !== 'object' || event === null || !EVENT_TYPES.has(event.type)) {
    throw new ReviewInvariantError(`unknown review event ${JSON.stringify(event)}`);
  }
  const check = checkAction(event.type, claim, event.actor);
  if (!check.ok) return check;
  switch (event.type) {
    case 'submit':
      return applySubmit(claim, event);
    case 'approve':
      return applyApprove(claim, event);
    case 'requestChanges':
      return applyDecision(claim, event, 'REQUEST_CHANGES', event.comment, 'comment');
    case 'reopen':
      return applyDecision(claim, event, 'REOPEN', event.reason, 'reason');
    case 'edit':
      return applyEdit(claim, event);
    case 'anchorChanged':
      return applyAnchorChanged(claim, event);
    default:
      return assertNever(event, 'review event');
  }
}

function copyEvidence(list: readonly Evidence[]): Evidence[] {
  return list.map((e) => ({ url: e.url, title: e.title, quote: e.quote }));
}

function copyAnchors(list: readonly Anchor[]): Anchor[] {
  return list.map((a) => ({
    revisionId: a.revisionId,
    start: a.start,
    end: a.end,
    exact: a.exact,
  }));
}

/** The next claim: the old one with the changes applied, fresh arrays, version + 1. */
function nextClaim(claim: ClaimForReview, after: ClaimChange): ClaimForReview {
  return {
    ...claim,
    ...after,
    evidence: copyEvidence(after.evidence ?? claim.evidence),
    anchors: copyAnchors(after.anchors ?? claim.anchors),
    version: claim.version + 1,
  };
}

function success(
  claim: ClaimForReview,
  event: ReviewEvent,
  before: ClaimChange,
  after: ClaimChange,
  extra: { note?: string | null; auditNote?: string | null; decision?: ReviewDecision | null },
): TransitionSuccess {
  return {
    ok: true,
    action: event.type,
    next: nextClaim(claim, after),
    audit: {
      action: AUDIT_ACTIONS[event.type],
      claimId: claim.id,
      actorId: event.actor.id,
      before,
      after,
      note: extra.auditNote ?? null,
    },
    decision: extra.decision ?? null,
    note: extra.note ?? null,
  };
}

function stateChange(claim: ClaimForReview, to: ClaimForReview['reviewState']) {
  return { before: { reviewState: claim.reviewState }, after: { reviewState: to } };
}

function decision(
  claim: ClaimForReview,
  actor: ReviewActor,
  kind: ReviewDecisionKind,
  comment: string | null,
  snapshotHash: string | null,
): ReviewDecision {
  return { claimId: claim.id, reviewerId: actor.id, decision: kind, comment, snapshotHash };
}

function applySubmit(claim: ClaimForReview, event: SubmitEvent): TransitionResult {
  const missing = missingForSubmission(claim);
  if (missing.length > 0) {
    return validationFailure(
      'submit',
      missing,
      `Cannot submit this claim: ${describeMissing(missing)}.`,
    );
  }
  const { before, after } = stateChange(claim, 'SUBMITTED');
  return success(claim, event, before, after, {});
}

function applyApprove(claim: ClaimForReview, event: ApproveEvent): TransitionResult {
  const missing = missingForSubmission(claim);
  if (missing.length > 0) {
    return validationFailure(
      'approve',
      missing,
      `Cannot approve this claim: ${describeMissing(missing)}.`,
    );
  }
  if (event.comment !== null && event.comment !== undefined && typeof event.comment !== 'string') {
    return validationFailure('approve', ['comment'], 'Cannot approve: the comment must be text.');
  }
  const comment = normaliseText(event.comment);
  const hash = claimApprovalHash(claim);
  const { before, after } = stateChange(claim, 'APPROVED');
  return success(claim, event, before, after, {
    auditNote: comment,
    decision: decision(claim, event.actor, 'APPROVE', comment, hash),
  });
}

/** requestChanges (SUBMITTED -> CHANGES_REQUESTED) and reopen (APPROVED -> CHANGES_REQUESTED). */
function applyDecision(
  claim: ClaimForReview,
  event: RequestChangesEvent | ReopenEvent,
  kind: 'REQUEST_CHANGES' | 'REOPEN',
  text: string,
  field: 'comment' | 'reason',
): TransitionResult {
  const comment = normaliseText(text);
  if (comment === null) {
    const message =
      kind === 'REQUEST_CHANGES'
        ? 'Cannot request changes: a comment saying what to change is required.'
        : 'Cannot reopen this claim: a reason is required.';
    return validationFailure(event.type, [field], message);
  }
  const { before, after } = stateChange(claim, 'CHANGES_REQUESTED');
  return success(claim, event, before, after, {
    auditNote: comment,
    decision: decision(claim, event.actor, kind, comment, null),
  });
}

function sameEvidence(a: readonly Evidence[], b: readonly Evidence[]): boolean {
  return JSON.stringify(copyEvidence(a)) === JSON.stringify(copyEvidence(b));
}

function sameAnchors(a: readonly Anchor[], b: readonly Anchor[]): boolean {
  return JSON.stringify(copyAnchors(a)) === JSON.stringify(copyAnchors(b));
}

function applyEdit(claim: ClaimForReview, event: EditEvent): TransitionResult {
  const patch = event.patch ?? {};
  const invalid = invalidPatchFields(patch);
  if (invalid.length > 0) {
    return validationFailure(
      'edit',
      invalid,
      `Cannot edit this claim: invalid ${invalid.join(', ')}.`,
    );
  }
  const before: ClaimChange = {};
  const after: ClaimChange = {};
  if (patch.verdict !== undefined && patch.verdict !== claim.verdict) {
    before.verdict = claim.verdict;
    after.verdict = patch.verdict;
  }
  if (patch.rationale !== undefined && patch.rationale !== claim.rationale) {
    before.rationale = claim.rationale;
    after.rationale = patch.rationale;
  }
  if (patch.evidence !== undefined && !sameEvidence(patch.evidence, claim.evidence)) {
    before.evidence = copyEvidence(claim.evidence);
    after.evidence = copyEvidence(patch.evidence);
  }
  if (Object.keys(after).length === 0) {
    return validationFailure(
      'edit',
      ['changes'],
      'Cannot edit this claim: the edit changes nothing.',
    );
  }
  if (claim.reviewState === 'SUBMITTED') {
    const missing = missingForSubmission({ ...claim, ...after });
    if (missing.length > 0) {
      return validationFailure(
        'edit',
        missing,
        `Cannot edit this claim: it is submitted, and the edit would leave it ${describeMissing(missing)}.`,
      );
    }
  }
  if (claim.lastEditedById !== event.actor.id) {
    before.lastEditedById = claim.lastEditedById;
    after.lastEditedById = event.actor.id;
  }
  return success(claim, event, before, after, {});
}

function applyAnchorChanged(claim: ClaimForReview, event: AnchorChangedEvent): TransitionResult {
  const fields: ValidationField[] = [];
  const reason = normaliseText(event.reason);
  if (reason === null) fields.push('reason');
  if (!areValidAnchors(event.anchors)) fields.push('anchors');
  if (fields.length > 0) {
    return validationFailure(
      'anchorChanged',
      fields,
      `Cannot report an anchor change: missing or invalid ${fields.join(' and ')}.`,
    );
  }
  if (sameAnchors(event.anchors, claim.anchors)) {
    return validationFailure(
      'anchorChanged',
      ['changes'],
      'Cannot report an anchor change: the anchors are unchanged.',
    );
  }
  const before: ClaimChange = { anchors: copyAnchors(claim.anchors) };
  const after: ClaimChange = { anchors: copyAnchors(event.anchors) };
  const voidsApproval =
    claim.reviewState === 'APPROVED' &&
    approvalSnapshot(claim) !== approvalSnapshot({ ...claim, anchors: event.anchors });
  if (voidsApproval) {
    before.reviewState = claim.reviewState;
    after.reviewState = 'SUBMITTED';
  }
  return success(claim, event, before, after, {
    auditNote: reason,
    note: voidsApproval ? reason : null,
  });
}
