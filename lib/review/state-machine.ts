/**
 * The review state machine: from which states each action may be taken, and the guard that
 * combines it with the permission helpers. The guard is what a UI uses to enable a button and
 * what `transition` runs first.
 *
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED
 *                     │  ▲  ▲                  │  │
 *     requestChanges  │  │  └──anchorChanged───┘  │   (an anchored quote moved or changed)
 *                     ▼  │ submit                 │
 *              CHANGES_REQUESTED ◀─────reopen─────┘
 *
 * A user's span change (link, remove, re-attach) and a change of the source details of an
 * article the claim is placed in (sourceChanged) also send an APPROVED claim back to SUBMITTED;
 * on a SUBMITTED claim, sourceChanged keeps the state and moves the version on.
 *
 * Edit is possible in every state but APPROVED (there it is refused as `forbidden`, "approved
 * claims are locked"); deleting an APPROVED claim is for an ADMIN with a reason. Span changes
 * (link, remove, re-attach, a revision moving a span) are possible in any state; on an APPROVED
 * claim whose approval snapshot they change, they send it back to SUBMITTED with a note.
 *
 * Check order, and so which failure wins when several apply: first who the actor is
 * (`forbidden`, 403), then the current state (`invalid_transition`, 409), then the input
 * (`validation`, 400).
 */

import { REVIEW_STATES, type ReviewState } from '../domain';
import { assertActor, assertClaim } from './invariants';
import { permissionFor } from './permissions';
import {
  forbidden,
  invalidTransition,
  type ForbiddenFailure,
  type InvalidTransitionFailure,
} from './results';
import type { ClaimForReview, ReviewAction, ReviewActor } from './types';

const NOT_APPROVED = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as const;

/** The states each action may be taken from. */
export const ALLOWED_FROM: Readonly<Record<ReviewAction, readonly ReviewState[]>> = {
  submit: ['DRAFT', 'CHANGES_REQUESTED'],
  approve: ['SUBMITTED'],
  requestChanges: ['SUBMITTED'],
  reopen: ['APPROVED'],
  edit: NOT_APPROVED,
  delete: REVIEW_STATES,
  anchorChanged: REVIEW_STATES,
  linkSpan: REVIEW_STATES,
  removeSpan: REVIEW_STATES,
  reattachSpan: REVIEW_STATES,
  // An approval holds for an article's source details, and so does a decision about to be taken
  // on them: an approved claim goes back to review, one in review gets a new version (a reviewer
  // who loaded it before the change must look again). Other states show them as they are.
  sourceChanged: ['SUBMITTED', 'APPROVED'],
  comment: REVIEW_STATES,
};

/**
 * The state an action leads to from `from`, or null for delete. Edits keep the state; an anchor
 * change keeps it too unless it voids an approval (decided by `transition`, which knows the new
 * anchors), so this returns the state it keeps.
 */
export function targetState(action: ReviewAction, from: ReviewState): ReviewState | null {
  switch (action) {
    case 'submit':
    case 'sourceChanged':
      return 'SUBMITTED';
    case 'approve':
      return 'APPROVED';
    case 'requestChanges':
    case 'reopen':
      return 'CHANGES_REQUESTED';
    case 'edit':
    case 'anchorChanged':
    case 'linkSpan':
    case 'removeSpan':
    case 'reattachSpan':
    case 'comment':
      return from;
    case 'delete':
      return null;
  }
}

/** The guard's verdict: go ahead, or the failure that stops the action. */
export type ActionCheck = { readonly ok: true } | ForbiddenFailure | InvalidTransitionFailure;

const OK: ActionCheck = Object.freeze({ ok: true });

/**
 * May the actor take this action on the claim now? Checks the permission, then the state; input
 * (comments, patches, completeness) is checked later by the transition. Throws only on broken
 * invariants (unknown state or role).
 */
export function checkAction(
  action: ReviewAction,
  claim: ClaimForReview,
  actor: ReviewActor,
): ActionCheck {
  assertClaim(claim);
  assertActor(actor);
  const permission = permissionFor(action, actor, claim);
  if (!permission.allowed) return forbidden(action, permission.rule, permission.reason);
  const allowedFrom = ALLOWED_FROM[action];
  if (!allowedFrom.includes(claim.reviewState)) {
    return invalidTransition(action, claim.reviewState, allowedFrom);
  }
  return OK;
}
