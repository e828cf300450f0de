import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { submitAll } from './bulk-submit';
import { ReviewInvariantError } from './invariants';
import { AUTHOR_ID, OTHER_ID, deepFreeze, makeClaim, user } from './test-fixtures';

const author = user('EDITOR', AUTHOR_ID);

const claims = deepFreeze([
  makeClaim({ id: 'ok-draft' }),
  makeClaim({ id: 'no-rationale', rationale: '' }),
  makeClaim({ id: 'ok-resubmit', reviewState: 'CHANGES_REQUESTED' }),
  makeClaim({ id: 'someone-elses', authorId: OTHER_ID, lastEditedById: OTHER_ID }),
  makeClaim({ id: 'already-submitted', reviewState: 'SUBMITTED' }),
  makeClaim({ id: 'incomplete', verdict: 'UNVERIFIED', rationale: ' ' }),
  makeClaim({ id: 'approved', reviewState: 'APPROVED' }),
]);

describe('submitAll', () => {
  it('submits what it can and says why it refused the rest', () => {
    const r = submitAll(claims, author);
    assert.deepEqual(
      r.submitted.map((s) => [s.next.id, s.next.reviewState, s.audit.action]),
      [
        ['ok-draft', 'SUBMITTED', 'claim.submit'],
        ['ok-resubmit', 'SUBMITTED', 'claim.submit'],
      ],
    );
    assert.deepEqual(
      r.refused.map(({ claimId, failure }) => ({
        claimId,
        code: failure.code,
        detail:
          failure.code === 'validation'
            ? failure.fields
            : failure.code === 'forbidden'
              ? failure.reason
              : failure.currentState,
      })),
      [
        { claimId: 'no-rationale', code: 'validation', detail: ['rationale'] },
        {
          claimId: 'someone-elses',
          code: 'forbidden',
          detail: 'only the author or an admin can submit this claim',
        },
        { claimId: 'already-submitted', code: 'invalid_transition', detail: 'SUBMITTED' },
        { claimId: 'incomplete', code: 'validation', detail: ['verdict', 'rationale'] },
        { claimId: 'approved', code: 'invalid_transition', detail: 'APPROVED' },
      ],
    );
  });

  it('reports every claim in input order', () => {
    const r = submitAll(claims, author);
    assert.deepEqual(
      r.results.map((x) => [x.claimId, x.result.ok]),
      claims.map((c) => [c.id, c.id === 'ok-draft' || c.id === 'ok-resubmit']),
    );
  });

  it('lets an admin submit other people’s drafts', () => {
    const r = submitAll([claims[3]!], user('ADMIN', 'u-admin'));
    assert.equal(r.submitted.length, 1);
    assert.equal(r.submitted[0]?.audit.actorId, 'u-admin');
  });

  it('handles an empty batch', () => {
    assert.deepEqual(submitAll([], author), { results: [], submitted: [], refused: [] });
  });

  it('throws when a claim appears twice (a caller bug)', () => {
    assert.throws(() => submitAll([claims[0]!, claims[0]!], author), ReviewInvariantError);
  });
});
