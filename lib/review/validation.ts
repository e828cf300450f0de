/**
 * Input checks of the review workflow: what a claim needs before it can be submitted, and what
 * makes an edit patch, a comment or an anchor list acceptable. These return the offending fields
 * (as values); the transition turns them into `validation` failures.
 */

import { VERDICTS, VERDICT_LABELS, type Verdict } from '../domain';
import type { ChangedSpan, ValidationField } from './results';
import type { Anchor, ClaimForReview, ClaimPatch, Evidence } from './types';

/** True for a missing, empty or whitespace-only string. */
export function isBlank(value: string | null | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** The fields a submitted claim must have. */
export const SUBMISSION_FIELDS = ['verdict', 'rationale', 'evidence'] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

/** True when an error's field path names one of the submission fields. */
export function isSubmissionField(path: string): path is SubmissionField {
  return (SUBMISSION_FIELDS as readonly string[]).includes(path);
}

/** A submission field a refused submit named, with the reason the refusal gave for it. */
export interface MissingField {
  field: SubmissionField;
  reason: string;
}

/**
 * The submission fields a refused submit's issues name, each with its reason, in the order the
 * refusal gives them (the first is the one to fix first). Empty when the refusal names none of
 * them (a stale version, an orphaned passage): then there is no field to point at.
 */
export function missingFields(
  issues: readonly { path: string; message: string }[] | undefined,
): MissingField[] {
  return (issues ?? []).flatMap(({ path, message }) =>
    isSubmissionField(path) ? [{ field: path, reason: message }] : [],
  );
}

/**
 * Verdicts that state a finding and so must cite at least one source. Unproven and Not
 * checkable say no finding was reached; they may be submitted without evidence.
 */
export const VERDICTS_NEEDING_EVIDENCE: readonly Verdict[] = [
  'TRUE',
  'MOSTLY_TRUE',
  'MIXED',
  'MISLEADING',
  'MOSTLY_FALSE',
  'FALSE',
];

/** True when a claim with this verdict needs at least one evidence source to be submitted. */
export function needsEvidence(verdict: Verdict): boolean {
  return VERDICTS_NEEDING_EVIDENCE.includes(verdict);
}

/**
 * What the claim lacks to be submitted, in a stable order: `verdict` when it is still
 * UNVERIFIED, `rationale` when it is blank, `evidence` when a definitive verdict cites no
 * source. Empty when the claim can be submitted.
 */
export function missingForSubmission(
  claim: Pick<ClaimForReview, 'verdict' | 'rationale'> & {
    readonly evidence?: ClaimForReview['evidence'];
  },
): SubmissionField[] {
  const missing: SubmissionField[] = [];
  if (claim.verdict === 'UNVERIFIED') missing.push('verdict');
  if (isBlank(claim.rationale)) missing.push('rationale');
  if (claim.evidence !== undefined && needsEvidence(claim.verdict) && claim.evidence.length === 0) {
    missing.push('evidence');
  }
  return missing;
}

const MISSING_PHRASES: Record<SubmissionField, string> = {
  verdict: `a verdict (other than ${VERDICT_LABELS.UNVERIFIED})`,
  rationale: 'a rationale',
  evidence: 'an evidence source (a definitive verdict needs at least one)',
};

/**
 * Why the claim's spans stop it from being submitted or approved: it has none, or one is
 * orphaned (its passage is no longer in the article's current text). Null when they are fine.
 */
export function spanProblem(claim: Pick<ClaimForReview, 'anchors'>): string | null {
  if (claim.anchors.length === 0) return 'it is linked to no passage';
  const orphan = claim.anchors.find((a) => a.state === 'ORPHANED');
  if (orphan) {
    return `its passage “${orphan.exact}” is no longer in the article (orphaned): re-attach it first`;
  }
  return null;
}

/**
 * The spans a reviewer must confirm before approving: placed fuzzily by a text revision, or
 * whose quote differs from the one submitted. Each with the words that differ.
 */
export function changedSpans(claim: Pick<ClaimForReview, 'anchors'>): ChangedSpan[] {
  const changes: ChangedSpan[] = [];
  for (const a of claim.anchors) {
    const before = a.submittedExact ?? a.exact;
    if (a.state !== 'FUZZY' && before === a.exact) continue;
    changes.push({
      anchorId: a.id ?? null,
      before,
      after: a.exact,
      words: changedWords(before, a.exact),
    });
  }
  return changes;
}

/**
 * The words that differ between two versions of a passage, as "old → new" (the common words at
 * both ends dropped), e.g. changedWords("37 people died", "38 people died") = "37 → 38".
 */
export function changedWords(before: string, after: string): string {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const removed = a
    .slice(head, a.length - tail)
    .join('')
    .trim();
  const added = b
    .slice(head, b.length - tail)
    .join('')
    .trim();
  if (removed === '' && added === '') return 'no visible change (placed fuzzily)';
  return `${removed === '' ? '∅' : `“${removed}”`} → ${added === '' ? '∅' : `“${added}”`}`;
}

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
  if (patch.text !== undefined && isBlank(patch.text)) fields.push('text');
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
