/**
 * The approved-only / all-claims choice every export offers.
 */

import type { ClaimFilter, ExportClaim } from './types';

/** Exports include only approved claims unless asked otherwise. */
export const DEFAULT_CLAIM_FILTER: ClaimFilter = 'approved';

/** Whether `claim` belongs in an export made with `filter`. */
export function isClaimIncluded(
  claim: Pick<ExportClaim, 'reviewState'>,
  filter: ClaimFilter = DEFAULT_CLAIM_FILTER,
): boolean {
  return filter === 'all' || claim.reviewState === 'APPROVED';
}
