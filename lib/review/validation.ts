/**
 * Input checks of the review workflow: what a claim needs before it can be submitted, and what
 * makes an edit patch, a comment or an anchor list acceptable. These return the offending fields
 * (as values); the transition turns them into `validation` failures.
 */

import { VERDICTS, VERDICT_LABELS, type Verdict } from '../domain';
import type { ValidationField } from './results';
import type { Anchor, ClaimForReview, ClaimPatch, Evidence } from './types';

/** True for a missing, empty or whitespace-only string. */
export function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** The fields a submitted claim must have. */
export type SubmissionField = 'verdict' | 'rationale';

/**
 * What the claim lacks to be submitted, in a stable order: `verdict` when it is still
 * UNVERIFIED, `rationale` when it is blank. Empty when the claim can be submitted.
 */
export function missingForSubmission(
  claim: Pick<ClaimForReview, 'verdict' | 'rationale'>,
): SubmissionField[] {
  const missing: SubmissionField[] = [];
  if (claim.verdict === 'UNVERIFIED') missing.push('verdict');
  if (isBlank(claim.rationale)) missing.push('rationale');
  return missing;
}

const MISSING_PHRASES: Record<SubmissionField, string> = {
  verdict: `a verdict (other than ${VERDICT_LABELS.UNVERIFIED})`,
  rationale: 'a rationale',
};

/**
 * The sentence that says exactly what is missing, e.g.
 * "missing a verdict (other than Unverified) and a rationale".
 */
export function describeMissing(fields: readonly SubmissionField[]): string {
  return `missing ${fields.map((f) => MISSING_PHRASES[f]).join(' and ')}`;
}

/** True when the value is one of the domain's verdicts. */
export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/** True for an evidence item with a non-blank url and string-or-null title and quote. */
export function isValidEvidence(value: Evidence): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isBlank(value.url) &&
    isNullableString(value.title) &&
    isNullableString(value.quote)
  );
}

/**
 * The fields of an edit patch that are invalid: an unknown verdict, a rationale that is not a
 * string, an evidence list that is not a list or holds an item without a url. A blank rationale
 * or an UNVERIFIED verdict is valid here (drafts may be incomplete); whether the edited claim
 * must be complete depends on its state and is checked by the transition.
 */
export function invalidPatchFields(patch: ClaimPatch): ValidationField[] {
  const fields: ValidationField[] = [];
  if (patch.verdict !== undefined && !isVerdict(patch.verdict)) fields.push('verdict');
  if (patch.rationale !== undefined && typeof patch.rationale !== 'string') {
    fields.push('rationale');
  }
  if (
    patch.evidence !== undefined &&
    (!Array.isArray(patch.evidence) || !patch.evidence.every(isValidEvidence))
  ) {
    fields.push('evidence');
  }
  return fields;
}

/**
 * True for an acceptable anchor list: every anchor names a revision and has integer offsets
 * with `0 <= start <= end`, and a string quote. (Offsets are positions in the editor's document,
 * so `end - start` need not equal the quote's length.)
 */
export function areValidAnchors(anchors: readonly Anchor[]): boolean {
  return (
    Array.isArray(anchors) &&
    anchors.every(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        !isBlank(a.revisionId) &&
        Number.isInteger(a.start) &&
        Number.isInteger(a.end) &&
        a.start >= 0 &&
        a.start <= a.end &&
        typeof a.exact === 'string',
    )
  );
}

/** Trims a comment or reason; null when it is blank. */
export function normaliseText(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string).trim();
}
