/**
 * The expected ClaimReview rating for each verdict (null: not exported).
 */

import type { Verdict } from '../domain';

export type RatingCase = {
  readonly verdict: Verdict;
  readonly ratingValue: number | null;
  readonly alternateName: string;
  readonly exported: boolean;
};

export const RATING_CASES: readonly RatingCase[] = [
  { verdict: 'TRUE', ratingValue: 5, alternateName: 'True', exported: true },
  { verdict: 'MOSTLY_TRUE', ratingValue: 4, alternateName: 'Mostly true', exported: true },
  { verdict: 'MIXED', ratingValue: 3, alternateName: 'Mixed', exported: true },
  { verdict: 'MISLEADING', ratingValue: 2, alternateName: 'Misleading', exported: true },
  { verdict: 'MOSTLY_FALSE', ratingValue: 2, alternateName: 'Mostly false', exported: true },
  { verdict: 'FALSE', ratingValue: 1, alternateName: 'False', exported: true },
  { verdict: 'UNPROVEN', ratingValue: null, alternateName: 'Unproven', exported: true },
  { verdict: 'NOT_CHECKABLE', ratingValue: null, alternateName: 'Not checkable', exported: true },
  { verdict: 'UNVERIFIED', ratingValue: null, alternateName: 'Unverified', exported: false },
];

export type ClaimantCase = { readonly claimant: string; readonly type: 'Person' | 'Organization' };

export const CLAIMANT_CASES: readonly ClaimantCase[] = [
  { claimant: 'Jane Minister', type: 'Person' },
  { claimant: 'Kassym-Jomart Tokayev', type: 'Person' },
  { claimant: 'Ministry of Foreign Affairs', type: 'Organization' },
  { claimant: 'Green Party', type: 'Organization' },
  { claimant: 'Acme Ltd', type: 'Organization' },
  { claimant: 'WHO', type: 'Organization' },
  { claimant: 'The Daily News', type: 'Organization' },
  { claimant: 'Bob', type: 'Person' },
];
