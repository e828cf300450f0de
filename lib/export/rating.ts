/**
 * The verdict -> schema.org Rating mapping used by the ClaimReview export.
 *
 * Scale: 1 (worst, false) to 5 (best, true), the schema.org default range, so consumers that
 * ignore bestRating/worstRating still read it right.
 *
 * | Verdict       | ratingValue | alternateName  |
 * | ------------- | ----------- | -------------- |
 * | TRUE          | 5           | True           |
 * | MOSTLY_TRUE   | 4           | Mostly true    |
 * | MIXED         | 3           | Mixed          |
 * | MISLEADING    | 2           | Misleading     |
 * | MOSTLY_FALSE  | 2           | Mostly false   |
 * | FALSE         | 1           | False          |
 * | UNPROVEN      | (none)      | Unproven       |
 * | NOT_CHECKABLE | (none)      | Not checkable  |
 * | UNVERIFIED    | not exported as ClaimReview  |
 *
 * Why: MIXED sits in the middle (parts true, parts false). MISLEADING shares 2 with MOSTLY_FALSE
 * because the impression it leaves is false even if the facts quoted are accurate; it keeps its
 * own alternateName, which is what Google shows. UNPROVEN and NOT_CHECKABLE say nothing about
 * truthfulness: giving them a number (even the middle one) would let aggregators average them in
 * as "half true", so they get a textual rating only (alternateName is the one property Google
 * requires on Rating; ratingValue/bestRating/worstRating are recommended and are omitted together
 * so a scale is never stated without a value). UNVERIFIED claims have no finding yet and are not
 * published as ClaimReview at all.
 */

import { VERDICT_LABELS, type Verdict } from '../domain';

/** The best rating on the scale (a TRUE claim). */
export const BEST_RATING = 5;
/** The worst rating on the scale (a FALSE claim). */
export const WORST_RATING = 1;

/** The numeric rating of each verdict; null where the verdict is not a point on the scale. */
export const VERDICT_RATING_VALUES: Readonly<Record<Verdict, number | null>> = {
  TRUE: 5,
  MOSTLY_TRUE: 4,
  MIXED: 3,
  MISLEADING: 2,
  MOSTLY_FALSE: 2,
  FALSE: 1,
  UNPROVEN: null,
  NOT_CHECKABLE: null,
  UNVERIFIED: null,
};

/** A schema.org Rating as the ClaimReview export writes it. */
export type SchemaOrgRating = {
  readonly '@type': 'Rating';
  readonly alternateName: string;
  readonly ratingValue?: number;
  readonly bestRating?: number;
  readonly worstRating?: number;
};

/** Whether claims with this verdict are published as ClaimReview (all but UNVERIFIED). */
export function isReviewableVerdict(verdict: Verdict): boolean {
  return verdict !== 'UNVERIFIED';
}

/** Whether the verdict has a numeric rating on the 1-5 scale. */
export function hasNumericRating(verdict: Verdict): boolean {
  return VERDICT_RATING_VALUES[verdict] !== null;
}

/**
 * The schema.org Rating for a verdict (see the table above), or null for UNVERIFIED, which has no
 * rating to publish.
 */
export function verdictRating(verdict: Verdict): SchemaOrgRating | null {
  if (!isReviewableVerdict(verdict)) return null;
  const value = VERDICT_RATING_VALUES[verdict];
  const alternateName = VERDICT_LABELS[verdict];
  if (value === null) return { '@type': 'Rating', alternateName };
  return {
    '@type': 'Rating',
    ratingValue: value,
    bestRating: BEST_RATING,
    worstRating: WORST_RATING,
    alternateName,
  };
}
