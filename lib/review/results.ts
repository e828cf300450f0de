/**
 * What the workflow's functions return. Expected failures are values (`{ ok: false, code, … }`),
 * never exceptions; successes carry the next claim plus the records to write (audit entry and,
 * for review decisions, the ReviewDecision). All of it is plain, serialisable data.
 */

import { REVIEW_STATE_LABELS, type ReviewState, type Verdict } from '../domain';
import type { ApprovalRecord } from './approval-snapshot';
import {
  REVIEW_ACTION_VERBS,
  type Anchor,
  type ClaimForReview,
  type Evidence,
  type ReviewAction,
} from './types';

/** Why an actor is forbidden to do something; stable for UI logic and tests. */
export type ForbiddenRule =
  /** The actor's role never allows the action (e.g. an EDITOR approving). */
  | 'role'
  /** Only the claim's author or an ADMIN may do this. */
  | 'ownership'
  /** Four-eyes rule: nobody approves a claim they wrote or last changed. */
  | 'four_eyes'
  /** Approved claims cannot be edited or deleted. */
  | 'locked'
  /** The action is reserved to users, or (anchorChanged) to the system. */
  | 'actor_kind';

/** A field whose value is missing or invalid in a `validation` failure. */
export type ValidationField =
  | 'verdict'
  | 'rationale'
  | 'evidence'
  | 'comment'
  | 'reason'
  | 'anchors'
  | 'text'
  /** A span is orphaned (or the claim has none): it cannot be submitted or approved. */
  | 'spans'
  /** The edit or anchor report changes nothing. */
  | 'changes';

/** The actor may not do this to this claim (HTTP 403). `reason` is tooltip-ready. */
export type ForbiddenFailure = {
  readonly ok: false;
  readonly code: 'forbidden';
  readonly action: ReviewAction;
  readonly rule: ForbiddenRule;
  readonly reason: string;
  readonly message: string;
};

/** The action is not possible from the claim's current state (HTTP 409). */
export type InvalidTransitionFailure = {
  readonly ok: false;
  readonly code: 'invalid_transition';
  readonly action: ReviewAction;
  readonly currentState: ReviewState;
  readonly allowedFrom: readonly ReviewState[];
  readonly message: string;
};

/** The input (or the claim, for submission) is incomplete or invalid (HTTP 400). */
export type ValidationFailure = {
  readonly ok: false;
  readonly code: 'validation';
  readonly action: ReviewAction;
  /** Exactly the fields that are missing or invalid, in a stable order. */
  readonly fields: readonly ValidationField[];
  readonly message: string;
};

/** One span whose text differs from what was submitted (or that was placed fuzzily). */
export type ChangedSpan = {
  readonly anchorId: string | null;
  readonly before: string;
  readonly after: string;
  /** The words that differ, e.g. "37 → 38". */
  readonly words: string;
};

/**
 * An approval that needs the reviewer's explicit confirmation (HTTP 409): a span is fuzzy or
 * its text changed since submission. The reviewer approves again with `confirmChangedText`.
 */
export type NeedsConfirmationFailure = {
  readonly ok: false;
  readonly code: 'needs_confirmation';
  readonly action: ReviewAction;
  readonly changes: readonly ChangedSpan[];
  readonly message: string;
};

/** Any expected failure of the workflow. */
export type ReviewFailure =
  ForbiddenFailure | InvalidTransitionFailure | ValidationFailure | NeedsConfirmationFailure;
export type ReviewFailureCode = ReviewFailure['code'];

/** The HTTP status each failure code maps to. */
export const FAILURE_HTTP_STATUS: Record<ReviewFailureCode, 400 | 403 | 409> = {
  validation: 400,
  forbidden: 403,
  invalid_transition: 409,
  needs_confirmation: 409,
};

/** The HTTP status for a failure: validation 400, forbidden 403, invalid_transition 409. */
export function httpStatusOf(failure: ReviewFailure): 400 | 403 | 409 {
  return FAILURE_HTTP_STATUS[failure.code];
}

/** The audit action names, one per workflow action. */
export const AUDIT_ACTIONS: Record<ReviewAction, AuditAction> = {
  submit: 'claim.submit',
  approve: 'claim.approve',
  requestChanges: 'claim.request_changes',
  reopen: 'claim.reopen',
  edit: 'claim.edit',
  delete: 'claim.delete',
  anchorChanged: 'claim.anchor_changed',
  linkSpan: 'claim.link_span',
  removeSpan: 'claim.remove_span',
  reattachSpan: 'claim.reattach_span',
  sourceChanged: 'claim.source_changed',
  comment: 'claim.comment',
};
export type AuditAction =
  | 'claim.submit'
  | 'claim.approve'
  | 'claim.request_changes'
  | 'claim.reopen'
  | 'claim.edit'
  | 'claim.delete'
  | 'claim.anchor_changed'
  | 'claim.link_span'
  | 'claim.remove_span'
  | 'claim.reattach_span'
  | 'claim.source_changed'
  | 'claim.comment';

/** Values of the claim fields an audit record reports (only the ones that changed). */
export type ClaimChange = {
  reviewState?: ReviewState;
  text?: string;
  claimant?: string | null;
  changedBy?: string[];
  verdict?: Verdict;
  rationale?: string;
  evidence?: Evidence[];
  anchors?: Anchor[];
  lastEditedById?: string | null;
};

/** The audit entry to write for a successful action. */
export type AuditRecord = {
  readonly action: AuditAction;
  readonly claimId: string;
  /** The user's id, or `'system'`. */
  readonly actorId: string;
  /** The changed fields before the action. */
  readonly before: ClaimChange;
  /** The changed fields after it; null when the claim is deleted. */
  readonly after: ClaimChange | null;
  /** The review comment, reopen reason or anchor-change reason; null when there is none. */
  readonly note: string | null;
};

export const REVIEW_DECISIONS = ['APPROVE', 'REQUEST_CHANGES', 'REOPEN'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** A reviewer's decision to record in the claim's review history. */
export type ReviewDecision = {
  readonly claimId: string;
  readonly reviewerId: string;
  readonly decision: ReviewDecisionKind;
  /** Required (trimmed) for REQUEST_CHANGES and REOPEN, optional for APPROVE. */
  readonly comment: string | null;
  /** `approvalHash(approvalSnapshot(claim))` for APPROVE, null otherwise. */
  readonly snapshotHash: string | null;
  /** What was approved (`approvalRecord(claim)`) for APPROVE, null otherwise. */
  readonly record: ApprovalRecord | null;
};

/** A successful transition: the claim to write and the records to write with it. */
export type TransitionSuccess = {
  readonly ok: true;
  readonly action: ReviewAction;
  /** The claim to write; for `delete`, the claim as it was (the writer removes it). */
  readonly next: ClaimForReview;
  readonly audit: AuditRecord;
  /** Set for approve, requestChanges and reopen. */
  readonly decision: ReviewDecision | null;
  /** Why the state changed without a reviewer (an approval voided by an anchor change). */
  readonly note: string | null;
};

export type TransitionResult = TransitionSuccess | ReviewFailure;

/** Builds a `forbidden` failure. */
export function forbidden(action: ReviewAction, rule: ForbiddenRule, reason: string) {
  return {
    ok: false,
    code: 'forbidden',
    action,
    rule,
    reason,
    message: `Cannot ${REVIEW_ACTION_VERBS[action]} this claim: ${reason}.`,
  } as const satisfies ForbiddenFailure;
}

/** Builds an `invalid_transition` failure carrying the current state. */
export function invalidTransition(
  action: ReviewAction,
  currentState: ReviewState,
  allowedFrom: readonly ReviewState[],
): InvalidTransitionFailure {
  const from = allowedFrom.map((s) => REVIEW_STATE_LABELS[s]).join(' or ');
  return {
    ok: false,
    code: 'invalid_transition',
    action,
    currentState,
    allowedFrom: [...allowedFrom],
    message:
      `Cannot ${REVIEW_ACTION_VERBS[action]} this claim while it is ` +
      `${REVIEW_STATE_LABELS[currentState]}; allowed only when it is ${from}.`,
  };
}

/** Builds a `validation` failure. */
export function validationFailure(
  action: ReviewAction,
  fields: readonly ValidationField[],
  message: string,
): ValidationFailure {
  return { ok: false, code: 'validation', action, fields: [...fields], message };
}
