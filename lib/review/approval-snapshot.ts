/**
 * What an approval holds for. When a reviewer approves a claim, the decision records the
 * approval record (the claim's text, claimant, verdict, rationale, evidence, and every span's
 * article, revision, offsets and quote) and the hash of its canonical snapshot. The claim is
 * published as approved only while it still hashes to that value.
 *
 * The snapshot is canonical and order-independent: evidence and spans are sorted, object keys
 * are written in a fixed order, strings are kept byte for byte (no trimming or normalisation: a
 * changed character is a changed claim). Spans count by article and quote, not by revision or
 * offsets: a new revision that keeps the quoted words (an edit elsewhere in the article) does not
 * void an approval; one that changes them does.
 *
 * The hash is the claim's own. An approval also holds for where the claim is published: each
 * span's place (a user moving a span withdraws it, see transition.ts) and the source details of
 * the articles it is placed in (`APPROVED_ARTICLE_FIELDS`: a change of one withdraws it, the
 * `sourceChanged` event). Neither is in the hash, so hashes of past approvals stay valid.
 */

import type { Verdict } from '../domain';
import { sha256Hex } from '../text';
import type { ClaimForReview } from './types';

/** Bumped if the snapshot's layout ever changes, so old hashes can never match new layouts. */
export const APPROVAL_SNAPSHOT_FORMAT = 'factmark.approval.v2';

/** The canonical serialisation of what an approval holds for (a JSON string). */
export type ApprovalSnapshot = string;

type CanonicalEvidence = { url: string; title: string | null; quote: string | null };
type CanonicalAnchor = { articleId: string | null; exact: string };

/** What the approval recorded, stored with the decision and shown on the claim page. */
export type ApprovalRecord = {
  readonly text: string;
  readonly claimant: string | null;
  readonly verdict: Verdict;
  readonly rationale: string;
  readonly evidence: readonly CanonicalEvidence[];
  readonly spans: readonly {
    readonly articleId: string | null;
    readonly revisionId: string;
    readonly start: number;
    readonly end: number;
    readonly exact: string;
  }[];
};

type SnapshotInput = Pick<ClaimForReview, 'verdict' | 'rationale' | 'evidence' | 'anchors'> &
  Partial<Pick<ClaimForReview, 'text' | 'claimant'>>;

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
  return compareNullable(a.articleId, b.articleId) || compareStrings(a.exact, b.exact);
}

/** The record an approval stores: everything it holds for, spans with revision and offsets. */
export function approvalRecord(claim: ClaimForReview): ApprovalRecord {
  return {
    text: claim.text,
    claimant: claim.claimant,
    verdict: claim.verdict,
    rationale: claim.rationale,
    evidence: claim.evidence.map((e) => ({
      url: e.url,
      title: e.title ?? null,
      quote: e.quote ?? null,
    })),
    spans: claim.anchors.map((a) => ({
      articleId: a.articleId ?? null,
      revisionId: a.revisionId,
      start: a.start,
      end: a.end,
      exact: a.exact,
    })),
  };
}

/**
 * The claim's approval snapshot: a canonical JSON string of its text, claimant, verdict,
 * rationale, evidence and quoted passages. Two claims with the same content give the same
 * string, whatever the order of their evidence and spans.
 */
export function approvalSnapshot(claim: SnapshotInput): ApprovalSnapshot {
  const evidence: CanonicalEvidence[] = claim.evidence
    .map((e) => ({ url: e.url, title: e.title ?? null, quote: e.quote ?? null }))
    .sort(compareEvidence);
  const anchors: CanonicalAnchor[] = claim.anchors
    .map((a) => ({ articleId: a.articleId ?? null, exact: a.exact }))
    .sort(compareAnchors);
  return JSON.stringify({
    format: APPROVAL_SNAPSHOT_FORMAT,
    text: claim.text ?? null,
    claimant: claim.claimant ?? null,
    verdict: claim.verdict,
    rationale: claim.rationale,
    evidence,
    anchors,
  });
}

/**
 * The article details an approval holds for: the exports publish them as where the claim was
 * made (ClaimReview's `itemReviewed.appearance`, the W3C target's source, the CSV and JSON
 * columns), so a reviewer must see a new value before it goes out as approved. The title and
 * byline are not among them: they describe the article rather than locate it, and correcting a
 * typo in them must not unpublish every verdict on the article.
 */
export const APPROVED_ARTICLE_FIELDS = ['sourceUrl', 'sourceName', 'publishedAt'] as const;
export type ApprovedArticleField = (typeof APPROVED_ARTICLE_FIELDS)[number];

/** One changed article detail an approval holds for (`null`: empty). */
export type SourceChange = {
  readonly field: ApprovedArticleField;
  readonly before: string | null;
  readonly after: string | null;
};

type ArticleDetails = Partial<Record<string, string | null>>;

/**
 * The changes among `APPROVED_ARTICLE_FIELDS` between an article's details before and after an
 * update (fields absent from `after` are unchanged), in that fixed order; empty when the update
 * changes none of them (e.g. only the title).
 */
export function approvedSourceChanges({
  before,
  after,
}: {
  before: ArticleDetails;
  after: ArticleDetails;
}): SourceChange[] {
  return APPROVED_ARTICLE_FIELDS.flatMap((field) => {
    if (!(field in after)) return [];
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    return from === to ? [] : [{ field, before: from, after: to }];
  });
}

/** The SHA-256 of a snapshot, as 64 lowercase hex digits. */
export function approvalHash(snapshot: ApprovalSnapshot): string {
  return sha256Hex(snapshot);
}

/** Shorthand for `approvalHash(approvalSnapshot(claim))`. */
export function claimApprovalHash(claim: SnapshotInput): string {
  return approvalHash(approvalSnapshot(claim));
}

/**
 * True when the claim is APPROVED and still hashes to the hash stored with its approval, i.e.
 * nothing the approval holds for has changed since.
 */
export function isApprovalStillValid(
  claim: SnapshotInput & Pick<ClaimForReview, 'reviewState'>,
  storedHash: string | null,
): boolean {
  return (
    claim.reviewState === 'APPROVED' &&
    typeof storedHash === 'string' &&
    claimApprovalHash(claim) === storedHash.toLowerCase()
  );
}
