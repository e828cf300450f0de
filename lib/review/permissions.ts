/**
 * Who may do what to a claim. Each helper answers for one action and one actor, looking only at
 * who the actor is (role, authorship, last editor) and, for edit and delete, at the approval
 * lock. Whether the action is possible from the claim's current state is the state machine's
 * business (`checkAction`), so that a disabled button can say either "you wrote this claim" or
 * "this claim is not submitted" — whichever applies first.
 *
 * Decisions (documented here because the issue left them open):
 * - Submit: the author, or any ADMIN (an admin can push a colleague's finished draft on).
 * - Edit: the author, or any ADMIN; REVIEWERs cannot change other people's claims — they
 *   request changes instead. Nobody edits an APPROVED claim, ADMINs included: it has to be
 *   reopened first (refused, 403 "approved claims are locked").
 * - Delete: the author or any ADMIN; an APPROVED claim only by an ADMIN, with a reason.
 * - Spans: anyone signed in may link a passage to a claim or re-attach one of its passages;
 *   removing a passage is for whoever made it, the claim's author or an ADMIN. On an APPROVED
 *   claim these send it back to review (the transition decides).
 * - Approve: REVIEWER or ADMIN, and never the claim's author nor anyone who changed its content
 *   or spans since it was last approved (`changedBy`; four-eyes rule; ADMINs are not exempt).
 * - Request changes / reopen: any REVIEWER or ADMIN, the author included. These withdraw or
 *   withhold an approval, so the four-eyes rule (which guards granting one) does not apply.
 * - Comments: anyone signed in, in any state. A comment changes neither the claim's content nor
 *   its version, so it never makes someone's open form stale nor counts for the four-eyes rule.
 * - Dismissing a "source changed since cited" alert: on an APPROVED claim it says the published
 *   verdict still stands on the changed source, a reviewer's call like the approval itself: a
 *   REVIEWER or ADMIN who did not write the claim. On a claim not approved yet, anyone signed in:
 *   its review will look at the evidence anyway.
 * - Anchor changes from a text revision are reported by the user who saved it, or the system.
 *   The system actor may do nothing else.
 */

import type { ForbiddenRule } from './results';
import { isSystemActor, type ClaimForReview, type ReviewAction, type ReviewActor } from './types';

/** The answer of a permission helper: allowed, or refused with a rule and a tooltip reason. */
export type Permission =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly rule: ForbiddenRule; readonly reason: string };

/** The signature every permission helper shares: `canX(actor, claim)`. */
export type PermissionCheck = (actor: ReviewActor, claim: ClaimForReview) => Permission;

const ALLOWED: Permission = Object.freeze({ allowed: true });

/** Tooltip reasons, exported so that the UI and tests can refer to them. */
export const PERMISSION_REASONS = {
  systemOnlyReportsAnchors: 'the system can only report anchor changes',
  onlySystemReportsAnchors: 'only the system reports anchor changes',
  approvedLocked: 'approved claims are locked',
  submitOwnership: 'only the author or an admin can submit this claim',
  editOwnership: 'only the author or an admin can edit this claim',
  deleteOwnership: 'only the author or an admin can delete this claim',
  editorsCannotApprove: 'editors cannot approve claims',
  editorsCannotRequestChanges: 'editors cannot request changes',
  editorsCannotReopen: 'editors cannot reopen approved claims',
  fourEyesAuthor: 'you cannot approve a claim you wrote',
  fourEyesLastEditor: 'you changed this claim since it was last approved',
  adminDeletesApproved: 'only an admin can delete an approved claim (with a reason)',
  removeSpanOwnership: 'only who made this passage, the claim author or an admin can remove it',
  editorsCannotDismissApprovedAlerts:
    'the claim is approved: a reviewer confirms its verdict still stands on the changed source',
  fourEyesAlertAuthor:
    'you wrote this approved claim: a reviewer confirms its verdict still stands on the changed source',
} as const;

const R = PERMISSION_REASONS;

function deny(rule: ForbiddenRule, reason: string): Permission {
  return { allowed: false, rule, reason };
}

/** May the actor submit this claim for review? The author or an ADMIN. */
export function canSubmitClaim(actor: ReviewActor, claim: ClaimForReview): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (actor.id === claim.authorId || actor.role === 'ADMIN') return ALLOWED;
  return deny('ownership', R.submitOwnership);
}

/**
 * May the actor approve this claim? A REVIEWER or ADMIN who neither wrote it nor last changed it.
 * The refusal's reason is meant for the approve button's tooltip.
 */
export function canApproveClaim(actor: ReviewActor, claim: ClaimForReview): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (actor.role === 'EDITOR') return deny('role', R.editorsCannotApprove);
  if (actor.id === claim.authorId) return deny('four_eyes', R.fourEyesAuthor);
  if (claim.changedBy.includes(actor.id)) return deny('four_eyes', R.fourEyesLastEditor);
  return ALLOWED;
}

/** May the actor request changes on this claim? Any REVIEWER or ADMIN. */
export const canRequestChanges: PermissionCheck = (actor) => {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (actor.role === 'EDITOR') return deny('role', R.editorsCannotRequestChanges);
  return ALLOWED;
};

/** May the actor reopen this (approved) claim? Any REVIEWER or ADMIN. */
export const canReopenClaim: PermissionCheck = (actor) => {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (actor.role === 'EDITOR') return deny('role', R.editorsCannotReopen);
  return ALLOWED;
};

/**
 * May the actor edit this claim's verdict, rationale or evidence? The author or an ADMIN, in any
 * state but APPROVED ("approved claims are locked").
 */
export function canEditClaim(actor: ReviewActor, claim: ClaimForReview): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (claim.reviewState === 'APPROVED') return deny('locked', R.approvedLocked);
  if (actor.id === claim.authorId || actor.role === 'ADMIN') return ALLOWED;
  return deny('ownership', R.editOwnership);
}

/**
 * May the actor delete this claim? The author or an ADMIN; an APPROVED claim only an ADMIN
 * (who must give a reason: the transition checks it).
 */
export function canDeleteClaim(actor: ReviewActor, claim: ClaimForReview): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (claim.reviewState === 'APPROVED') {
    return actor.role === 'ADMIN' ? ALLOWED : deny('locked', R.adminDeletesApproved);
  }
  if (actor.id === claim.authorId || actor.role === 'ADMIN') return ALLOWED;
  return deny('ownership', R.deleteOwnership);
}

/** May the actor report an anchor change? The user who saved the revision, or the system. */
export const canReportAnchorChange: PermissionCheck = () => ALLOWED;

/**
 * May the actor link a passage to this claim, re-attach one of its passages, or change the
 * source details of an article it is placed in? Any user.
 */
export const canChangeSpans: PermissionCheck = (actor) => {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  return ALLOWED;
};

/**
 * May the actor remove this passage from the claim? Whoever made it, the claim's author or an
 * ADMIN.
 */
export function canRemoveSpan(
  actor: ReviewActor,
  claim: ClaimForReview,
  spanCreatorId: string | null,
): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (actor.id === claim.authorId || actor.id === spanCreatorId || actor.role === 'ADMIN') {
    return ALLOWED;
  }
  return deny('ownership', R.removeSpanOwnership);
}

/**
 * May the actor dismiss a "source changed since cited" alert on this claim? On an APPROVED
 * claim a REVIEWER or ADMIN who did not write it; otherwise anyone signed in.
 */
export function canDismissSourceAlert(
  actor: ReviewActor,
  claim: Pick<ClaimForReview, 'reviewState' | 'authorId'>,
): Permission {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  if (claim.reviewState !== 'APPROVED') return ALLOWED;
  if (actor.role === 'EDITOR') return deny('role', R.editorsCannotDismissApprovedAlerts);
  if (actor.id === claim.authorId) return deny('four_eyes', R.fourEyesAlertAuthor);
  return ALLOWED;
}

/** May the actor post to this claim's discussion? Anyone signed in, in any state. */
export const canComment: PermissionCheck = (actor) => {
  if (isSystemActor(actor)) return deny('actor_kind', R.systemOnlyReportsAnchors);
  return ALLOWED;
};

const BY_ACTION: Record<ReviewAction, PermissionCheck> = {
  submit: canSubmitClaim,
  approve: canApproveClaim,
  requestChanges: canRequestChanges,
  reopen: canReopenClaim,
  edit: canEditClaim,
  delete: canDeleteClaim,
  anchorChanged: canReportAnchorChange,
  linkSpan: canChangeSpans,
  removeSpan: canChangeSpans,
  reattachSpan: canChangeSpans,
  sourceChanged: canChangeSpans,
  comment: canComment,
};

/** The permission helper for an action, by name. */
export function permissionFor(
  action: ReviewAction,
  actor: ReviewActor,
  claim: ClaimForReview,
): Permission {
  return BY_ACTION[action](actor, claim);
}
