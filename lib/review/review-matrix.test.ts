import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { REVIEW_STATES } from '../domain';
import {
  anchorChanged,
  approve,
  comment,
  deleteClaim,
  edit,
  linkSpan,
  reattachSpan,
  removeSpan,
  reopen,
  sourceChanged,
  requestChanges,
  submit,
} from './events';
import { AUDIT_ACTIONS, httpStatusOf, type ReviewFailure } from './results';
import { MATRIX_CASES, MATRIX_COLUMNS, type MatrixOutcome } from './review-matrix-cases';
import { checkAction } from './state-machine';
import { ANCHORS, AUTHOR_ID, MATRIX_ACTORS, deepFreeze, makeClaim } from './test-fixtures';
import { transition } from './transition';
import { REVIEW_ACTIONS, type ClaimForReview, type ReviewAction, type ReviewActor } from './types';

type Outcome =
  | { ok: true; state: MatrixOutcome; decision: string | null; auditAction: string }
  | { ok: false; failure: ReviewFailure };

function run(action: ReviewAction, claim: ClaimForReview, actor: ReviewActor): Outcome {
  const changed = [{ ...ANCHORS[0]!, exact: 'unemployment fell to 4%' }, ANCHORS[1]!];
  const elsewhere = { revisionId: 'r-1', start: 500, end: 504, exact: '1969' };
  const event = {
    delete: () => deleteClaim(actor, 'Withdrawn: duplicate of another claim.'),
    linkSpan: () => linkSpan(actor, elsewhere),
    reattachSpan: () => reattachSpan(actor, 'a-1', elsewhere),
    removeSpan: () => removeSpan(actor, 'a-1'),
    sourceChanged: () =>
      sourceChanged(actor, 'art-1', [
        { field: 'sourceUrl', before: 'https://a.example/1', after: 'https://a.example/2' },
      ]),
    submit: () => submit(actor),
    approve: () => approve(actor, 'Checked against the source.'),
    requestChanges: () => requestChanges(actor, 'Please cite the 2023 report.'),
    reopen: () => reopen(actor, 'New figures were published.'),
    edit: () => edit(actor, { rationale: 'An updated rationale.' }),
    anchorChanged: () => anchorChanged(changed, 'The quoted text changed.', actor),
    comment: () => comment(actor, 'Is the 2023 report the latest?'),
  }[action]();
  const r = transition(claim, event);
  if (!r.ok) return { ok: false, failure: r };
  // A comment is audited but changes nothing of the claim, its version included.
  if (action === 'comment') assert.equal(r.next.version, claim.version, 'version is kept');
  else assert.equal(r.next.version, claim.version + 1, 'version is bumped');
  assert.equal(r.audit.actorId, actor.id, 'audit names the actor');
  assert.equal(r.audit.claimId, claim.id);
  return {
    ok: true,
    state: action === 'delete' ? 'deleted' : r.next.reviewState,
    decision: r.decision?.decision ?? null,
    auditAction: r.audit.action,
  };
}

const EXPECTED_DECISION: Partial<Record<ReviewAction, string>> = {
  approve: 'APPROVE',
  requestChanges: 'REQUEST_CHANGES',
  reopen: 'REOPEN',
};

describe('review matrix: every (state, action, actor)', () => {
  it('covers every state x action exactly once, with one outcome per actor', () => {
    const keys = MATRIX_CASES.map(([state, action]) => `${state}/${action}`);
    assert.equal(new Set(keys).size, keys.length, 'no duplicated row');
    for (const state of REVIEW_STATES) {
      for (const action of REVIEW_ACTIONS) {
        assert.ok(keys.includes(`${state}/${action}`), `row for ${state}/${action}`);
      }
    }
    assert.equal(keys.length, REVIEW_STATES.length * REVIEW_ACTIONS.length);
    assert.deepEqual(
      [...MATRIX_COLUMNS].sort(),
      Object.keys(MATRIX_ACTORS).sort(),
      'one column per matrix actor',
    );
  });

  for (const [state, action, outcomes] of MATRIX_CASES) {
    describe(`${state} / ${action}`, () => {
      MATRIX_COLUMNS.forEach((actorName, column) => {
        const expected = outcomes[column];
        it(`${actorName} -> ${expected}`, () => {
          const actor = MATRIX_ACTORS[actorName];
          const claim = deepFreeze(
            makeClaim({
              reviewState: state,
              anchors: ANCHORS.map((a, i) => ({
                ...a,
                id: `a-${i + 1}`,
                articleId: 'art-1',
                createdById: AUTHOR_ID,
              })),
            }),
          );
          const outcome = run(action, claim, actor);
          const check = checkAction(action, claim, actor);

          if (expected === 'forbidden' || expected === 'invalid_transition') {
            assert.equal(outcome.ok, false, `expected ${expected}`);
            if (outcome.ok) return;
            assert.equal(outcome.failure.code, expected);
            assert.equal(outcome.failure.action, action);
            // Removing a passage also depends on who made it: the transition checks that.
            if (action !== 'removeSpan') {
              assert.deepEqual(check, outcome.failure, 'checkAction gives the same failure');
            }
            if (outcome.failure.code === 'forbidden') {
              assert.equal(httpStatusOf(outcome.failure), 403);
              assert.ok(outcome.failure.reason.length > 0, 'forbidden carries a reason');
            } else if (outcome.failure.code === 'invalid_transition') {
              assert.equal(httpStatusOf(outcome.failure), 409);
              assert.equal(outcome.failure.currentState, state);
            }
            return;
          }

          assert.equal(outcome.ok, true, `expected success, got ${JSON.stringify(outcome)}`);
          if (!outcome.ok) return;
          assert.equal(outcome.state, expected);
          assert.equal(outcome.auditAction, AUDIT_ACTIONS[action]);
          assert.equal(outcome.decision, EXPECTED_DECISION[action] ?? null);
          assert.deepEqual(check, { ok: true });
        });
      });
    });
  }
});
