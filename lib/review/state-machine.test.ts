import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  FAILURE_HTTP_STATUS,
  forbidden,
  httpStatusOf,
  invalidTransition,
  validationFailure,
} from './results';
import { ALLOWED_FROM, checkAction, targetState } from './state-machine';
import { AUTHOR_ID, OTHER_ID, makeClaim, user } from './test-fixtures';

describe('ALLOWED_FROM', () => {
  it('is the table of the issue', () => {
    assert.deepEqual(ALLOWED_FROM, {
      submit: ['DRAFT', 'CHANGES_REQUESTED'],
      approve: ['SUBMITTED'],
      requestChanges: ['SUBMITTED'],
      reopen: ['APPROVED'],
      edit: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'],
      // Deleting an approved claim: admins only, with a reason (permissions and transition).
      delete: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
      anchorChanged: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
      linkSpan: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
      removeSpan: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
      reattachSpan: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
      // A new source of the article: an approval holds for it, and a review about to decide.
      sourceChanged: ['SUBMITTED', 'APPROVED'],
      comment: ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'],
    });
  });
});

describe('targetState', () => {
  it('names where each action leads', () => {
    assert.equal(targetState('submit', 'CHANGES_REQUESTED'), 'SUBMITTED');
    assert.equal(targetState('approve', 'SUBMITTED'), 'APPROVED');
    assert.equal(targetState('requestChanges', 'SUBMITTED'), 'CHANGES_REQUESTED');
    assert.equal(targetState('reopen', 'APPROVED'), 'CHANGES_REQUESTED');
    assert.equal(targetState('sourceChanged', 'APPROVED'), 'SUBMITTED');
    assert.equal(targetState('edit', 'SUBMITTED'), 'SUBMITTED');
    assert.equal(targetState('anchorChanged', 'DRAFT'), 'DRAFT');
    assert.equal(targetState('delete', 'DRAFT'), null);
  });
});

describe('checkAction', () => {
  it('reports forbidden before invalid_transition', () => {
    const draft = makeClaim();
    assert.equal(checkAction('approve', draft, user('EDITOR', OTHER_ID)).ok, false);
    const check = checkAction('approve', draft, user('EDITOR', OTHER_ID));
    assert.ok(!check.ok && check.code === 'forbidden');
    const byReviewer = checkAction('approve', draft, user('REVIEWER', OTHER_ID));
    assert.ok(!byReviewer.ok && byReviewer.code === 'invalid_transition');
    assert.equal(byReviewer.currentState, 'DRAFT');
  });
  it('does not look at input completeness', () => {
    const incomplete = makeClaim({ verdict: 'UNVERIFIED', rationale: '' });
    assert.deepEqual(checkAction('submit', incomplete, user('EDITOR', AUTHOR_ID)), { ok: true });
  });
});

describe('failure values', () => {
  it('map to HTTP statuses', () => {
    assert.deepEqual(FAILURE_HTTP_STATUS, {
      validation: 400,
      forbidden: 403,
      invalid_transition: 409,
      needs_confirmation: 409,
    });
    assert.equal(httpStatusOf(forbidden('approve', 'role', 'no')), 403);
    assert.equal(httpStatusOf(invalidTransition('submit', 'APPROVED', ['DRAFT'])), 409);
    assert.equal(httpStatusOf(validationFailure('submit', ['verdict'], 'm')), 400);
  });
  it('word their messages for people', () => {
    assert.equal(
      forbidden('requestChanges', 'role', 'editors cannot request changes').message,
      'Cannot request changes on this claim: editors cannot request changes.',
    );
    assert.equal(
      invalidTransition('submit', 'APPROVED', ['DRAFT', 'CHANGES_REQUESTED']).message,
      'Cannot submit this claim while it is Approved; allowed only when it is Draft or ' +
        'Changes requested.',
    );
  });
  it('copy the lists they are given', () => {
    const from = ['DRAFT'] as const;
    const f = invalidTransition('submit', 'APPROVED', from);
    assert.notEqual(f.allowedFrom, from);
  });
});
