/**
 * What an approval holds for. When a reviewer approves a claim, the decision records the hash of
 * the claim's approval snapshot: its verdict, its rationale, its evidence (url, title, quote) and
 * the anchored text of that moment (each annotation's exact quote and offsets). As long as the
 * claim hashes to the same value, the approval stands; when a text revision moves or changes an
 * anchored quote, it does not, and the claim goes back to review.
 *
 * The snapshot is canonical and order-independent: evidence and anchors are sorted, object keys
 * are written in a fixed order, strings are kept byte for byte (no trimming or normalisation —
 * a changed character is a changed claim). Anchors' revision ids are left out on purpose: a new
 * revision that leaves the quote at the same place with the same text does not void an approval.
 */

import { createHash } from 'node:crypto';

import type { Verdict } from '../domain';
import type { ClaimForReview } from './types';

/** Bumped if the snapshot's layout ever changes, so old hashes can never match new layouts. */
export const APPROVAL_SNAPSHOT_FORMAT = 'factmark.approval.v1';

/** The canonical serialisation of what an approval holds for (a JSON string). */
export type ApprovalSnapshot = string;

type CanonicalEvidence = { url: string; title: string | null; quote: string | null };
type CanonicalAnchor = { start: number; end: number; exact: string };

/** Code-unit order: deterministic and independent of the runtime's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareStrings(a, b);
}

function compareEvidence(a: CanonicalEvidence, b: CanonicalEvidence): number {
  return (
    compareStrings(a.url, b.url) ||
    compareNullable(a.title, b.title) ||
    compareNullable(a.quote, b.quote)
  );
}

function compareAnchors(a: CanonicalAnchor, b: CanonicalAnchor): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.exact, b.exact);
}

/**
 * The claim's approval snapshot: a canonical JSON string of its verdict, rationale, evidence and
 * anchored quotes with their offsets. Two claims with the same content give the same string,
 * whatever the order of their evidence and anchors.
 */
export function approvalSnapshot(
  claim: Pick<ClaimForReview, 'verdict' | 'rationale' | 'evidence' | 'anchors'>,
): ApprovalSnapshot {
  const evidence: CanonicalEvidence[] = claim.evidence
    .map((e) => ({ url: e.url, title: e.title ?? null, quote: e.quote ?? null }))
    .sort(compareEvidence);
  const anchors: CanonicalAnchor[] = claim.anchors
    .map((a) => ({ start: a.start, end: a.end, exact: a.exact }))
    .sort(compareAnchors);
  const canonical: {
    format: string;
    verdict: Verdict;
    rationale: string;
    evidence: CanonicalEvidence[];
    anchors: CanonicalAnchor[];
  } = {
    format: APPROVAL_SNAPSHOT_FORMAT,
    verdict: claim.verdict,
    rationale: claim.rationale,
    evidence,
    anchors,
  };
  return JSON.stringify(canonical);
}

/** The SHA-256 of a snapshot, as 64 lowercase hex digits. */
export function approvalHash(snapshot: ApprovalSnapshot): string {
  return createHash('sha256').update(snapshot, 'utf8').digest('hex');
}

/** Shorthand for `approvalHash(approvalSnapshot(claim))`. */
export function claimApprovalHash(
  claim: Pick<ClaimForReview, 'verdict' | 'rationale' | 'evidence' | 'anchors'>,
): string {
  return approvalHash(approvalSnapshot(claim));
}

/**
 * True when the claim is APPROVED and still hashes to the hash stored with its approval, i.e.
 * nothing the approval holds for has changed since.
 */
export function isApprovalStillValid(claim: ClaimForReview, storedHash: string): boolean {
  return (
    claim.reviewState === 'APPROVED' &&
    typeof storedHash === 'string' &&
    claimApprovalHash(claim) === storedHash.toLowerCase()
  );
}
