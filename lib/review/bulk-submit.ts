/**
 * "Submit all my draft claims of this article at once": submits each claim independently and
 * reports, per claim, whether it was submitted or refused and why. One refusal does not stop the
 * others; the caller writes the successes (each with its own version check) and shows the
 * refusals.
 */

import { submit } from './events';
import { ReviewInvariantError } from './invariants';
import type { ReviewFailure, TransitionResult, TransitionSuccess } from './results';
import { transition } from './transition';
import type { ClaimForReview, ReviewActor } from './types';

/** The outcome for one claim of the batch. */
export type BulkSubmitItem = { readonly claimId: string; readonly result: TransitionResult };

/** A claim of the batch that was refused, with the failure saying why. */
export type BulkSubmitRefusal = { readonly claimId: string; readonly failure: ReviewFailure };

/** The outcome of a batch. */
export type BulkSubmitResult = {
  /** One item per input claim, in input order. */
  readonly results: readonly BulkSubmitItem[];
  /** The successes (next claim + audit record to write), in input order. */
  readonly submitted: readonly TransitionSuccess[];
  /** The refusals, in input order. */
  readonly refused: readonly BulkSubmitRefusal[];
};

/**
 * Submits every claim for the actor. Claims that cannot be submitted — someone else's, already
 * submitted or approved, missing a verdict or rationale — are refused with the same failure a
 * single submit would return. Throws `ReviewInvariantError` if a claim id appears twice.
 */
export function submitAll(claims: readonly ClaimForReview[], actor: ReviewActor): BulkSubmitResult {
  const seen = new Set<string>();
  for (const claim of claims) {
    if (seen.has(claim.id)) {
      throw new ReviewInvariantError(`submitAll: claim ${claim.id} appears more than once`);
    }
    seen.add(claim.id);
  }
  const event = submit(actor);
  const results: BulkSubmitItem[] = [];
  const submitted: TransitionSuccess[] = [];
  const refused: BulkSubmitRefusal[] = [];
  for (const claim of claims) {
    const result = transition(claim, event);
    results.push({ claimId: claim.id, result });
    if (result.ok) submitted.push(result);
    else refused.push({ claimId: claim.id, failure: result });
  }
  return { results, submitted, refused };
}
