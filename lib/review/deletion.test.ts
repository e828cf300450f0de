import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { planDelete } from './deletion';
import { AUTHOR_ID, OTHER_ID, makeClaim, user } from './test-fixtures';

describe('planDelete', () => {
  it('returns the audit record with the content as it was', () => {
    const claim = makeClaim({ reviewState: 'SUBMITTED' });
    const r = planDelete(claim, user('ADMIN', OTHER_ID));
    assert.deepEqual(r, {
      ok: true,
      action: 'delete',
      claimId: 'c-1',
      audit: {
        action: 'claim.delete',
        claimId: 'c-1',
        actorId: OTHER_ID,
        before: {
          reviewState: 'SUBMITTED',
          verdict: claim.verdict,
          rationale: claim.rationale,
          evidence: claim.evidence,
          anchors: claim.anchors,
          lastEditedById: AUTHOR_ID,
        },
        after: null,
        note: null,
      },
    });
  });

  it('refuses an approved claim: approved claims are locked', () => {
    const r = planDelete(makeClaim({ reviewState: 'APPROVED' }), user('EDITOR', AUTHOR_ID));
    assert.ok(!r.ok && r.code === 'forbidden');
    assert.equal(r.reason, 'approved claims are locked');
  });

  it('refuses a reviewer deleting someone else’s claim', () => {
    const r = planDelete(makeClaim(), user('REVIEWER', OTHER_ID));
    assert.ok(!r.ok && r.code === 'forbidden');
    assert.equal(r.rule, 'ownership');
  });
});
