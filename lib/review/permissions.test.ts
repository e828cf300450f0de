import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  PERMISSION_REASONS,
  canApproveClaim,
  canDeleteClaim,
  canDismissSourceAlert,
  canEditClaim,
  canReopenClaim,
  canReportAnchorChange,
  canRequestChanges,
  canSubmitClaim,
  permissionFor,
} from './permissions';
import { AUTHOR_ID, OTHER_ID, makeClaim, user } from './test-fixtures';
import { approve, edit } from './events';
import { httpStatusOf, type TransitionResult, type TransitionSuccess } from './results';
import { transition } from './transition';
import { REVIEW_ACTIONS, SYSTEM_ACTOR } from './types';

const admin = user('ADMIN', 'u-admin');
const reviewer = user('REVIEWER', OTHER_ID);

function ok(result: TransitionResult): TransitionSuccess {
  assert.equal(result.ok, true, `expected success, got ${JSON.stringify(result)}`);
  return result as TransitionSuccess;
}

function fails(result: TransitionResult) {
  assert.equal(result.ok, false, `expected failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  return result;
}

const claim = makeClaim();

describe('canSubmitClaim', () => {
  it('allows the author (any role) and any admin', () => {
    assert.deepEqual(canSubmitClaim(user('EDITOR', AUTHOR_ID), claim), { allowed: true });
    assert.deepEqual(canSubmitClaim(user('ADMIN', OTHER_ID), claim), { allowed: true });
  });
  it('refuses other editors and reviewers', () => {
    for (const role of ['EDITOR', 'REVIEWER'] as const) {
      assert.deepEqual(canSubmitClaim(user(role, OTHER_ID), claim), {
        allowed: false,
        rule: 'ownership',
        reason: 'only the author or an admin can submit this claim',
      });
    }
  });
});

describe('canApproveClaim', () => {
  it('allows a reviewer or admin who neither wrote nor last changed the claim', () => {
    assert.equal(canApproveClaim(user('REVIEWER', OTHER_ID), claim).allowed, true);
    assert.equal(canApproveClaim(user('ADMIN', OTHER_ID), claim).allowed, true);
  });
  it('refuses editors by role', () => {
    assert.deepEqual(canApproveClaim(user('EDITOR', OTHER_ID), claim), {
      allowed: false,
      rule: 'role',
      reason: 'editors cannot approve claims',
    });
  });
  it('refuses the author (four eyes), reported before the last-editor rule', () => {
    assert.deepEqual(canApproveClaim(user('ADMIN', AUTHOR_ID), claim), {
      allowed: false,
      rule: 'four_eyes',
      reason: 'you cannot approve a claim you wrote',
    });
  });
  it('refuses anyone who changed it since the last approval (four eyes)', () => {
    const edited = makeClaim({ lastEditedById: 'u-third', changedBy: [OTHER_ID, 'u-third'] });
    assert.deepEqual(canApproveClaim(user('ADMIN', OTHER_ID), edited), {
      allowed: false,
      rule: 'four_eyes',
      reason: 'you changed this claim since it was last approved',
    });
  });
  it('ignores a null last editor', () => {
    const never = makeClaim({ lastEditedById: null });
    assert.equal(canApproveClaim(user('REVIEWER', OTHER_ID), never).allowed, true);
  });
});

describe('canRequestChanges / canReopenClaim', () => {
  it('allow any reviewer or admin, the author included', () => {
    for (const role of ['REVIEWER', 'ADMIN'] as const) {
      for (const id of [AUTHOR_ID, OTHER_ID]) {
        assert.equal(canRequestChanges(user(role, id), claim).allowed, true);
        assert.equal(canReopenClaim(user(role, id), claim).allowed, true);
      }
    }
  });
  it('refuse editors by role', () => {
    const editor = user('EDITOR', AUTHOR_ID);
    assert.deepEqual(canRequestChanges(editor, claim), {
      allowed: false,
      rule: 'role',
      reason: 'editors cannot request changes',
    });
    assert.deepEqual(canReopenClaim(editor, claim), {
      allowed: false,
      rule: 'role',
      reason: 'editors cannot reopen approved claims',
    });
  });
});

describe('canEditClaim / canDeleteClaim', () => {
  for (const [name, can, ownership] of [
    ['canEditClaim', canEditClaim, 'only the author or an admin can edit this claim'],
    ['canDeleteClaim', canDeleteClaim, 'only the author or an admin can delete this claim'],
  ] as const) {
    it(`${name}: author or admin, in DRAFT, SUBMITTED and CHANGES_REQUESTED`, () => {
      for (const reviewState of ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as const) {
        const c = makeClaim({ reviewState });
        assert.equal(can(user('EDITOR', AUTHOR_ID), c).allowed, true);
        assert.equal(can(user('ADMIN', OTHER_ID), c).allowed, true);
        assert.deepEqual(can(user('REVIEWER', OTHER_ID), c), {
          allowed: false,
          rule: 'ownership',
          reason: ownership,
        });
      }
    });
  }
  it('canEditClaim: nobody when APPROVED — approved claims are locked', () => {
    const approved = makeClaim({ reviewState: 'APPROVED' });
    for (const actor of [user('EDITOR', AUTHOR_ID), user('ADMIN', OTHER_ID)]) {
      assert.deepEqual(canEditClaim(actor, approved), {
        allowed: false,
        rule: 'locked',
        reason: 'approved claims are locked',
      });
    }
  });
  it('canDeleteClaim: an APPROVED claim only by an admin', () => {
    const approved = makeClaim({ reviewState: 'APPROVED' });
    assert.deepEqual(canDeleteClaim(user('EDITOR', AUTHOR_ID), approved), {
      allowed: false,
      rule: 'locked',
      reason: 'only an admin can delete an approved claim (with a reason)',
    });
    assert.equal(canDeleteClaim(user('ADMIN', OTHER_ID), approved).allowed, true);
  });
});

describe('canDismissSourceAlert', () => {
  const approved = makeClaim({ reviewState: 'APPROVED' });
  it('on an approved claim: a reviewer or admin who did not write it (the verdict still stands)', () => {
    assert.deepEqual(canDismissSourceAlert(user('REVIEWER', OTHER_ID), approved), {
      allowed: true,
    });
    assert.deepEqual(canDismissSourceAlert(admin, approved), { allowed: true });
    assert.deepEqual(canDismissSourceAlert(user('EDITOR', OTHER_ID), approved), {
      allowed: false,
      rule: 'role',
      reason: PERMISSION_REASONS.editorsCannotDismissApprovedAlerts,
    });
    for (const role of ['EDITOR', 'REVIEWER', 'ADMIN'] as const) {
      assert.deepEqual(canDismissSourceAlert(user(role, AUTHOR_ID), approved), {
        allowed: false,
        rule: role === 'EDITOR' ? 'role' : 'four_eyes',
        reason:
          role === 'EDITOR'
            ? PERMISSION_REASONS.editorsCannotDismissApprovedAlerts
            : PERMISSION_REASONS.fourEyesAlertAuthor,
      });
    }
  });
  it('on a claim not approved yet: anyone signed in (its review will look at the evidence)', () => {
    for (const reviewState of ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as const) {
      for (const actor of [user('EDITOR', AUTHOR_ID), user('EDITOR', OTHER_ID), admin]) {
        assert.deepEqual(canDismissSourceAlert(actor, makeClaim({ reviewState })), {
          allowed: true,
        });
      }
    }
    assert.equal(canDismissSourceAlert(SYSTEM_ACTOR, claim).allowed, false);
  });
});

describe('system actor', () => {
  it('may only report anchor changes; a user who saved a revision may too', () => {
    for (const action of REVIEW_ACTIONS) {
      const p = permissionFor(action, SYSTEM_ACTOR, claim);
      if (action === 'anchorChanged') assert.deepEqual(p, { allowed: true });
      else {
        assert.deepEqual(p, {
          allowed: false,
          rule: 'actor_kind',
          reason: PERMISSION_REASONS.systemOnlyReportsAnchors,
        });
      }
    }
    assert.deepEqual(canReportAnchorChange(user('EDITOR', OTHER_ID), claim), { allowed: true });
  });
});

describe('permissionFor', () => {
  it('dispatches to the helper of each action', () => {
    const reviewer = user('REVIEWER', OTHER_ID);
    assert.deepEqual(permissionFor('approve', reviewer, claim), canApproveClaim(reviewer, claim));
    assert.deepEqual(permissionFor('edit', reviewer, claim), canEditClaim(reviewer, claim));
    assert.deepEqual(permissionFor('delete', reviewer, claim), canDeleteClaim(reviewer, claim));
  });
});

describe('four-eyes rule through transition', () => {
  it('refuses the author, whatever their role', () => {
    for (const role of ['REVIEWER', 'ADMIN'] as const) {
      const f = fails(
        transition(makeClaim({ reviewState: 'SUBMITTED' }), approve(user(role, AUTHOR_ID))),
      );
      assert.ok(f.code === 'forbidden');
      assert.equal(f.rule, 'four_eyes');
      assert.equal(f.reason, 'you cannot approve a claim you wrote');
      assert.equal(httpStatusOf(f), 403);
    }
  });

  it('refuses whoever changed it since the last approval, even when they did not change it last', () => {
    const claim = makeClaim({
      reviewState: 'SUBMITTED',
      lastEditedById: 'u-third',
      changedBy: ['u-admin', 'u-third'],
    });
    const f = fails(transition(claim, approve(admin)));
    assert.ok(f.code === 'forbidden');
    assert.equal(f.rule, 'four_eyes');
    assert.equal(f.reason, 'you changed this claim since it was last approved');
  });

  it('sees an edit of a submitted claim: the editing admin can no longer approve it', () => {
    const claim = makeClaim({ reviewState: 'SUBMITTED', lastEditedById: null });
    assert.equal(transition(claim, approve(admin)).ok, true, 'before the edit');
    const edited = ok(transition(claim, edit(admin, { rationale: 'Tightened wording.' }))).next;
    assert.equal(edited.reviewState, 'SUBMITTED');
    assert.equal(edited.lastEditedById, 'u-admin');
    const f = fails(transition(edited, approve(admin)));
    assert.ok(f.code === 'forbidden');
    assert.equal(f.reason, 'you changed this claim since it was last approved');
    assert.equal(transition(edited, approve(reviewer)).ok, true, 'another reviewer still can');
  });

  it('refuses an EDITOR outright (403)', () => {
    const f = fails(
      transition(makeClaim({ reviewState: 'SUBMITTED' }), approve(user('EDITOR', OTHER_ID))),
    );
    assert.ok(f.code === 'forbidden');
    assert.equal(f.rule, 'role');
    assert.equal(f.reason, 'editors cannot approve claims');
    assert.equal(f.message, 'Cannot approve this claim: editors cannot approve claims.');
  });
});
