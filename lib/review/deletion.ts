/**
 * Deleting a claim. A deletion has no next state, so it is not an event of `transition`; it is
 * planned here: the same guard (author or ADMIN, never an APPROVED claim), and the audit record
 * to write with the deletion, holding the claim's reviewable content as it was.
 */

import {
  AUDIT_ACTIONS,
  type AuditRecord,
  type ForbiddenFailure,
  type InvalidTransitionFailure,
} from './results';
import { checkAction } from './state-machine';
import type { ClaimForReview, ReviewActor } from './types';

/** What to do to delete the claim: remove it and write `audit`. */
export type DeletePlan = {
  readonly ok: true;
  readonly action: 'delete';
  readonly claimId: string;
  readonly audit: AuditRecord;
};

export type DeleteResult = DeletePlan | ForbiddenFailure | InvalidTransitionFailure;

/**
 * Checks that the actor may delete the claim and returns the audit record for it, or the
 * `forbidden` failure (not the author nor an ADMIN; "approved claims are locked").
 */
export function planDelete(claim: ClaimForReview, actor: ReviewActor): DeleteResult {
  const check = checkAction('delete', claim, actor);
  if (!check.ok) return check;
  return {
    ok: true,
    action: 'delete',
    claimId: claim.id,
    audit: {
      action: AUDIT_ACTIONS.delete,
      claimId: claim.id,
      actorId: actor.id,
      before: {
        reviewState: claim.reviewState,
        verdict: claim.verdict,
        rationale: claim.rationale,
        evidence: claim.evidence.map((e) => ({ url: e.url, title: e.title, quote: e.quote })),
        anchors: claim.anchors.map((a) => ({ ...a })),
        lastEditedById: claim.lastEditedById,
      },
      after: null,
      note: null,
    },
  };
}
