/**
 * Changes to a claim and whether they must change its approval hash. Read by
 * `approval-snapshot.test.ts`; every change applies to `makeClaim()` from the test fixtures.
 */

import type { ClaimForReview } from './types';

export type SnapshotCase = {
  readonly name: string;
  readonly change: (claim: ClaimForReview) => ClaimForReview;
};

const withEvidence = (claim: ClaimForReview, i: number, patch: object): ClaimForReview => ({
  ...claim,
  evidence: claim.evidence.map((e, j) => (j === i ? { ...e, ...patch } : e)),
});

const withAnchor = (claim: ClaimForReview, i: number, patch: object): ClaimForReview => ({
  ...claim,
  anchors: claim.anchors.map((a, j) => (j === i ? { ...a, ...patch } : a)),
});

/** Changes to what an approval holds for: each must change the hash. */
export const HASH_CHANGING_CASES: readonly SnapshotCase[] = [
  { name: 'verdict', change: (c) => ({ ...c, verdict: 'FALSE' }) },
  { name: 'rationale text', change: (c) => ({ ...c, rationale: c.rationale + ' Also 1953.' }) },
  { name: 'rationale whitespace only', change: (c) => ({ ...c, rationale: c.rationale + ' ' }) },
  { name: 'evidence url', change: (c) => withEvidence(c, 0, { url: 'https://stats.example/x' }) },
  { name: 'evidence title', change: (c) => withEvidence(c, 0, { title: 'Labour stats' }) },
  { name: 'evidence title set', change: (c) => withEvidence(c, 1, { title: 'Archive' }) },
  { name: 'evidence title null -> empty', change: (c) => withEvidence(c, 1, { title: '' }) },
  { name: 'evidence quote', change: (c) => withEvidence(c, 0, { quote: '3.5%' }) },
  { name: 'evidence quote removed', change: (c) => withEvidence(c, 0, { quote: null }) },
  {
    name: 'evidence added',
    change: (c) => ({
      ...c,
      evidence: [...c.evidence, { url: 'https://more.example', title: null, quote: null }],
    }),
  },
  { name: 'evidence removed', change: (c) => ({ ...c, evidence: c.evidence.slice(1) }) },
  {
    name: 'evidence duplicated',
    change: (c) => ({ ...c, evidence: [...c.evidence, ...c.evidence.slice(0, 1)] }),
  },
  { name: 'anchor quote', change: (c) => withAnchor(c, 0, { exact: 'unemployment fell to 4%' }) },
  { name: 'anchor in another article', change: (c) => withAnchor(c, 0, { articleId: 'a-2' }) },
  { name: 'claim text', change: (c) => ({ ...c, text: 'Unemployment fell.' }) },
  { name: 'claimant', change: (c) => ({ ...c, claimant: 'The opposition' }) },
  { name: 'anchor removed', change: (c) => ({ ...c, anchors: c.anchors.slice(0, 1) }) },
  {
    name: 'anchor added',
    change: (c) => ({
      ...c,
      anchors: [...c.anchors, { revisionId: 'r-1', start: 500, end: 504, exact: '1969' }],
    }),
  },
];

/** Changes outside what an approval holds for, or of order only: each must keep the hash. */
export const HASH_KEEPING_CASES: readonly SnapshotCase[] = [
  { name: 'evidence order', change: (c) => ({ ...c, evidence: [...c.evidence].reverse() }) },
  { name: 'anchor order', change: (c) => ({ ...c, anchors: [...c.anchors].reverse() }) },
  { name: 'anchor revision id', change: (c) => withAnchor(c, 0, { revisionId: 'r-99' }) },
  // A revision that keeps the words in place or moves them keeps what the reviewer read.
  { name: 'anchor start', change: (c) => withAnchor(c, 0, { start: 119 }) },
  { name: 'anchor moved (same quote)', change: (c) => withAnchor(c, 1, { start: 400, end: 411 }) },
  { name: 'claim id', change: (c) => ({ ...c, id: 'c-2' }) },
  { name: 'author', change: (c) => ({ ...c, authorId: 'u-x', lastEditedById: 'u-y' }) },
  { name: 'review state', change: (c) => ({ ...c, reviewState: 'APPROVED' }) },
  { name: 'version', change: (c) => ({ ...c, version: c.version + 10 }) },
  {
    name: 'evidence key order',
    change: (c) => ({
      ...c,
      evidence: c.evidence.map((e) => ({ quote: e.quote, title: e.title, url: e.url })),
    }),
  },
];
