import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { HASH_CHANGING_CASES, HASH_KEEPING_CASES } from './approval-snapshot-cases';
import {
  APPROVAL_SNAPSHOT_FORMAT,
  approvalHash,
  approvalSnapshot,
  claimApprovalHash,
  isApprovalStillValid,
} from './approval-snapshot';
import { deepFreeze, makeClaim } from './test-fixtures';
import type { Anchor, ClaimForReview } from './types';

/** Pinned by hand (hash checked with `sha256sum`): a layout change must be deliberate. */
const GOLDEN_SNAPSHOT =
  '{"format":"factmark.approval.v2","text":"Unemployment fell to 3%, a record low.",' +
  '"claimant":"The minister","verdict":"MISLEADING",' +
  '"rationale":"The rate fell to 3.4%, and it was lower in 1969.",' +
  '"evidence":[{"url":"https://archive.example/1969","title":null,"quote":null},' +
  '{"url":"https://stats.example/unemployment","title":"Labour statistics","quote":"3.4%"}],' +
  '"anchors":[{"articleId":null,"exact":"record low"},' +
  '{"articleId":null,"exact":"unemployment fell to 3%"}]}';
const GOLDEN_HASH = '9e6d9970e46974864148a83c7e4d420a202d39055aa06291334db914546feb51';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('approvalSnapshot / approvalHash', () => {
  const claim = deepFreeze(makeClaim());

  it('matches the pinned canonical form and hash', () => {
    assert.equal(approvalSnapshot(claim), GOLDEN_SNAPSHOT);
    assert.equal(approvalHash(GOLDEN_SNAPSHOT), GOLDEN_HASH);
    assert.equal(claimApprovalHash(claim), GOLDEN_HASH);
    assert.ok(GOLDEN_SNAPSHOT.includes(APPROVAL_SNAPSHOT_FORMAT));
  });

  it('is stable across calls and a sha256 hex digest', () => {
    assert.equal(claimApprovalHash(claim), claimApprovalHash(makeClaim()));
    assert.match(claimApprovalHash(claim), /^[0-9a-f]{64}$/);
  });

  it('is independent of anchor and evidence order (all permutations)', () => {
    const anchors: Anchor[] = [
      ...claim.anchors,
      { revisionId: 'r-1', start: 120, end: 130, exact: 'unemployme' },
    ];
    const base = claimApprovalHash({ ...claim, anchors });
    for (const order of permutations(anchors)) {
      for (const evidence of permutations(claim.evidence)) {
        assert.equal(claimApprovalHash({ ...claim, anchors: order, evidence }), base);
      }
    }
  });

  for (const c of HASH_CHANGING_CASES) {
    it(`changes when the ${c.name} changes`, () => {
      assert.notEqual(claimApprovalHash(c.change(makeClaim())), GOLDEN_HASH);
    });
  }

  for (const c of HASH_KEEPING_CASES) {
    it(`keeps the hash when only the ${c.name} changes`, () => {
      assert.equal(claimApprovalHash(c.change(makeClaim())), GOLDEN_HASH);
    });
  }

  it('gives every hash-changing case its own hash', () => {
    const hashes = HASH_CHANGING_CASES.map((c) => claimApprovalHash(c.change(makeClaim())));
    assert.equal(new Set(hashes).size, hashes.length);
  });

  it('cannot be confused by separators inside strings', () => {
    const a = makeClaim({ rationale: 'a","verdict":"TRUE' });
    const b = makeClaim({ rationale: 'a', verdict: 'TRUE' });
    assert.notEqual(claimApprovalHash(a), claimApprovalHash(b));
  });
});

describe('isApprovalStillValid', () => {
  const approved: ClaimForReview = makeClaim({ reviewState: 'APPROVED' });
  const stored = claimApprovalHash(approved);

  it('holds while nothing approved has changed', () => {
    assert.equal(isApprovalStillValid(approved, stored), true);
    assert.equal(isApprovalStillValid(approved, stored.toUpperCase()), true);
    const reordered = { ...approved, anchors: [...approved.anchors].reverse() };
    assert.equal(isApprovalStillValid(reordered, stored), true);
  });

  it('holds when a quote only moved, fails once its words changed', () => {
    const moved = {
      ...approved,
      anchors: approved.anchors.map((a) => ({ ...a, start: a.start + 1, end: a.end + 1 })),
    };
    assert.equal(isApprovalStillValid(moved, stored), true);
    const changed = {
      ...approved,
      anchors: approved.anchors.map((a, i) => (i === 0 ? { ...a, exact: `${a.exact}.` } : a)),
    };
    assert.equal(isApprovalStillValid(changed, stored), false);
  });

  it('fails for a claim that is not approved, or a wrong hash', () => {
    assert.equal(isApprovalStillValid({ ...approved, reviewState: 'SUBMITTED' }, stored), false);
    assert.equal(isApprovalStillValid(approved, '0'.repeat(64)), false);
    assert.equal(isApprovalStillValid(approved, ''), false);
  });
});
