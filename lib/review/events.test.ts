import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { anchorChanged, approve, edit, reopen, requestChanges, submit } from './events';
import { ANCHORS, user } from './test-fixtures';
import { SYSTEM_ACTOR } from './types';

const actor = user('REVIEWER', 'u-r');

describe('event creators', () => {
  it('build plain events', () => {
    assert.deepEqual(submit(actor), { type: 'submit', actor });
    assert.deepEqual(approve(actor), {
      type: 'approve',
      actor,
      comment: null,
      confirmChangedText: false,
    });
    assert.deepEqual(approve(actor, 'ok', { confirmChangedText: true }), {
      type: 'approve',
      actor,
      comment: 'ok',
      confirmChangedText: true,
    });
    assert.deepEqual(requestChanges(actor, 'c'), { type: 'requestChanges', actor, comment: 'c' });
    assert.deepEqual(reopen(actor, 'r'), { type: 'reopen', actor, reason: 'r' });
    assert.deepEqual(edit(actor, { verdict: 'TRUE' }), {
      type: 'edit',
      actor,
      patch: { verdict: 'TRUE' },
    });
  });

  it('default anchorChanged to the system actor and copy the anchors', () => {
    const e = anchorChanged(ANCHORS, 'moved');
    assert.deepEqual(e, {
      type: 'anchorChanged',
      actor: SYSTEM_ACTOR,
      anchors: ANCHORS,
      reason: 'moved',
    });
    assert.notEqual(e.anchors[0], ANCHORS[0]);
  });

  it('copy edit evidence so later mutation of the input does not leak in', () => {
    const evidence = [{ url: 'u', title: null, quote: null }];
    const e = edit(actor, { evidence });
    evidence[0]!.url = 'changed';
    assert.equal(e.patch.evidence?.[0]?.url, 'u');
  });
});
