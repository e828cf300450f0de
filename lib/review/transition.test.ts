import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { approvalRecord, approvedSourceChanges, claimApprovalHash } from './approval-snapshot';
import {
  anchorChanged,
  approve,
  edit,
  linkSpan,
  reattachSpan,
  removeSpan,
  reopen,
  requestChanges,
  sourceChanged,
  submit,
} from './events';
import type { ReviewEvent } from './events';
import { ReviewInvariantError } from './invariants';
import { httpStatusOf, type TransitionResult, type TransitionSuccess } from './results';
import {
  ANCHORS,
  AUTHOR_ID,
  MOVED_ANCHORS,
  OTHER_ID,
  deepFreeze,
  makeClaim,
  user,
} from './test-fixtures';
import { transition } from './transition';
import { SYSTEM_ACTOR, type ClaimForReview } from './types';

const editorAuthor = user('EDITOR', AUTHOR_ID);
const reviewer = user('REVIEWER', OTHER_ID);
const admin = user('ADMIN', 'u-admin');

function ok(result: TransitionResult): TransitionSuccess {
  assert.equal(result.ok, true, `expected success, got ${JSON.stringify(result)}`);
  return result as TransitionSuccess;
}

function fails(result: TransitionResult) {
  assert.equal(result.ok, false, `expected failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  return result;
}

describe('submit', () => {
  it('DRAFT -> SUBMITTED with the audit record of the state change', () => {
    const claim = makeClaim();
    const r = ok(transition(claim, submit(editorAuthor)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.equal(r.next.version, 8);
    assert.equal(r.next.lastEditedById, AUTHOR_ID, 'submitting is not an edit');
    assert.deepEqual(r.audit, {
      action: 'claim.submit',
      claimId: 'c-1',
      actorId: AUTHOR_ID,
      before: { reviewState: 'DRAFT' },
      after: { reviewState: 'SUBMITTED' },
      note: null,
    });
    assert.equal(r.decision, null);
    assert.equal(r.note, null);
  });

  it('resubmits a CHANGES_REQUESTED claim', () => {
    const r = ok(transition(makeClaim({ reviewState: 'CHANGES_REQUESTED' }), submit(editorAuthor)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.deepEqual(r.audit.before, { reviewState: 'CHANGES_REQUESTED' });
  });

  it('says exactly what is missing: verdict and rationale', () => {
    const f = fails(
      transition(makeClaim({ verdict: 'UNVERIFIED', rationale: '' }), submit(editorAuthor)),
    );
    assert.equal(f.code, 'validation');
    assert.equal(httpStatusOf(f), 400);
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['verdict', 'rationale']);
    assert.equal(
      f.message,
      'Cannot submit this claim: missing a verdict (other than Unverified) and a rationale.',
    );
  });

  it('says exactly what is missing: only the verdict', () => {
    const f = fails(transition(makeClaim({ verdict: 'UNVERIFIED' }), submit(editorAuthor)));
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['verdict']);
    assert.equal(f.message, 'Cannot submit this claim: missing a verdict (other than Unverified).');
  });

  it('says exactly what is missing: only the rationale (whitespace is blank)', () => {
    const f = fails(transition(makeClaim({ rationale: ' \n\t ' }), submit(editorAuthor)));
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['rationale']);
    assert.equal(f.message, 'Cannot submit this claim: missing a rationale.');
  });

  it('checks who before state before completeness', () => {
    const incomplete = { verdict: 'UNVERIFIED', rationale: '' } as const;
    const other = user('EDITOR', OTHER_ID);
    assert.equal(fails(transition(makeClaim(incomplete), submit(other))).code, 'forbidden');
    const approved = makeClaim({ ...incomplete, reviewState: 'APPROVED' });
    assert.equal(fails(transition(approved, submit(editorAuthor))).code, 'invalid_transition');
  });
});

describe('approve', () => {
  const submitted = makeClaim({ reviewState: 'SUBMITTED' });

  it('records an APPROVE decision holding the snapshot hash', () => {
    const r = ok(transition(submitted, approve(reviewer, '  Sources check out. ')));
    assert.equal(r.next.reviewState, 'APPROVED');
    assert.deepEqual(r.decision, {
      claimId: 'c-1',
      reviewerId: OTHER_ID,
      decision: 'APPROVE',
      comment: 'Sources check out.',
      snapshotHash: claimApprovalHash(submitted),
      record: approvalRecord(submitted),
    });
    assert.match(r.decision?.snapshotHash ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(r.audit, {
      action: 'claim.approve',
      claimId: 'c-1',
      actorId: OTHER_ID,
      before: { reviewState: 'SUBMITTED', changedBy: [AUTHOR_ID] },
      after: { reviewState: 'APPROVED', changedBy: [] },
      note: 'Sources check out.',
    });
  });

  it('treats a blank or missing comment as none', () => {
    assert.equal(ok(transition(submitted, approve(reviewer, '   '))).decision?.comment, null);
    assert.equal(ok(transition(submitted, approve(reviewer))).decision?.comment, null);
  });

  it('refuses a DRAFT with invalid_transition carrying the state', () => {
    const f = fails(transition(makeClaim(), approve(reviewer)));
    assert.ok(f.code === 'invalid_transition');
    assert.equal(f.currentState, 'DRAFT');
    assert.deepEqual(f.allowedFrom, ['SUBMITTED']);
    assert.equal(httpStatusOf(f), 409);
    assert.equal(
      f.message,
      'Cannot approve this claim while it is Draft; allowed only when it is Submitted.',
    );
  });

  it('re-checks completeness of a claim stored incomplete', () => {
    const f = fails(
      transition(makeClaim({ reviewState: 'SUBMITTED', rationale: '' }), approve(reviewer)),
    );
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['rationale']);
  });
});

describe('requestChanges and reopen', () => {
  it('requires a non-blank comment to request changes', () => {
    const f = fails(
      transition(makeClaim({ reviewState: 'SUBMITTED' }), requestChanges(reviewer, '  ')),
    );
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['comment']);
    assert.equal(f.message, 'Cannot request changes: a comment saying what to change is required.');
  });

  it('records a REQUEST_CHANGES decision with the trimmed comment', () => {
    const r = ok(
      transition(makeClaim({ reviewState: 'SUBMITTED' }), requestChanges(reviewer, ' Cite it. ')),
    );
    assert.equal(r.next.reviewState, 'CHANGES_REQUESTED');
    assert.deepEqual(r.decision, {
      claimId: 'c-1',
      reviewerId: OTHER_ID,
      decision: 'REQUEST_CHANGES',
      comment: 'Cite it.',
      snapshotHash: null,
      record: null,
    });
    assert.equal(r.audit.action, 'claim.request_changes');
    assert.equal(r.audit.note, 'Cite it.');
  });

  it('requires a reason to reopen', () => {
    const f = fails(transition(makeClaim({ reviewState: 'APPROVED' }), reopen(reviewer, '')));
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['reason']);
    assert.equal(f.message, 'Cannot reopen this claim: a reason is required.');
  });

  it('reopening starts a new cycle: edit, resubmit, approve again', () => {
    const approved = makeClaim({ reviewState: 'APPROVED' });
    const reopened = ok(transition(approved, reopen(reviewer, 'New figures out.')));
    assert.equal(reopened.next.reviewState, 'CHANGES_REQUESTED');
    assert.equal(reopened.decision?.decision, 'REOPEN');
    assert.equal(reopened.decision?.comment, 'New figures out.');
    assert.equal(reopened.audit.action, 'claim.reopen');
    const edited = ok(transition(reopened.next, edit(editorAuthor, { verdict: 'FALSE' })));
    assert.equal(edited.next.reviewState, 'CHANGES_REQUESTED');
    const resubmitted = ok(transition(edited.next, submit(editorAuthor)));
    assert.equal(resubmitted.next.reviewState, 'SUBMITTED');
    const reapproved = ok(transition(resubmitted.next, approve(reviewer)));
    assert.equal(reapproved.next.reviewState, 'APPROVED');
    assert.equal(reapproved.next.version, approved.version + 4);
    assert.notEqual(reapproved.decision?.snapshotHash, claimApprovalHash(approved));
  });
});

describe('edit', () => {
  it('keeps a DRAFT a DRAFT and audits only the changed fields', () => {
    const claim = makeClaim({ lastEditedById: null });
    const r = ok(
      transition(claim, edit(editorAuthor, { verdict: 'MISLEADING', rationale: 'Rewritten.' })),
    );
    assert.equal(r.next.reviewState, 'DRAFT');
    assert.equal(r.next.rationale, 'Rewritten.');
    assert.deepEqual(r.audit, {
      action: 'claim.edit',
      claimId: 'c-1',
      actorId: AUTHOR_ID,
      before: { rationale: claim.rationale, changedBy: [], lastEditedById: null },
      after: { rationale: 'Rewritten.', changedBy: [AUTHOR_ID], lastEditedById: AUTHOR_ID },
      note: null,
    });
  });

  it('audits evidence before and after', () => {
    const claim = makeClaim();
    const evidence = [{ url: 'https://new.example', title: 'New', quote: null }];
    const r = ok(transition(claim, edit(editorAuthor, { evidence })));
    assert.deepEqual(r.audit.before, { evidence: claim.evidence });
    assert.deepEqual(r.audit.after, { evidence });
    assert.deepEqual(r.next.evidence, evidence);
  });

  it('lets a DRAFT become incomplete', () => {
    const r = ok(
      transition(makeClaim(), edit(editorAuthor, { verdict: 'UNVERIFIED', rationale: '' })),
    );
    assert.equal(r.next.verdict, 'UNVERIFIED');
  });

  it('keeps a SUBMITTED claim SUBMITTED but complete', () => {
    const claim = makeClaim({ reviewState: 'SUBMITTED' });
    assert.equal(
      ok(transition(claim, edit(editorAuthor, { verdict: 'FALSE' }))).next.reviewState,
      'SUBMITTED',
    );
    const f = fails(
      transition(claim, edit(editorAuthor, { verdict: 'UNVERIFIED', rationale: ' ' })),
    );
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['verdict', 'rationale']);
    assert.equal(
      f.message,
      'Cannot edit this claim: it is submitted, and the edit would leave it missing a verdict ' +
        '(other than Unverified) and a rationale.',
    );
  });

  it('refuses an edit that changes nothing', () => {
    const claim = makeClaim();
    const f = fails(
      transition(claim, edit(editorAuthor, { verdict: claim.verdict, evidence: claim.evidence })),
    );
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['changes']);
    assert.equal(fails(transition(claim, edit(editorAuthor, {}))).code, 'validation');
  });

  it('refuses invalid values', () => {
    const bad = edit(editorAuthor, {
      verdict: 'PANTS_ON_FIRE' as never,
      evidence: [{ url: ' ', title: null, quote: null }],
    });
    const f = fails(transition(makeClaim(), bad));
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['verdict', 'evidence']);
    assert.equal(f.message, 'Cannot edit this claim: invalid verdict, evidence.');
  });

  it('refuses everyone on an APPROVED claim: approved claims are locked', () => {
    for (const actor of [editorAuthor, admin]) {
      const f = fails(
        transition(makeClaim({ reviewState: 'APPROVED' }), edit(actor, { rationale: 'x' })),
      );
      assert.ok(f.code === 'forbidden');
      assert.equal(f.rule, 'locked');
      assert.equal(f.reason, 'approved claims are locked');
    }
  });
});

describe('anchorChanged', () => {
  const approved = makeClaim({ reviewState: 'APPROVED' });

  it('keeps an approval whose quotes only moved (same words), recording the move', () => {
    const r = ok(
      transition(approved, anchorChanged(MOVED_ANCHORS, ' Text inserted above the quote. ')),
    );
    assert.equal(r.next.reviewState, 'APPROVED');
    assert.equal(r.note, null);
    assert.deepEqual(r.next.anchors, MOVED_ANCHORS);
    assert.equal(r.audit.note, 'Text inserted above the quote.');
  });

  it('voids an approval whose quoted words changed: APPROVED -> SUBMITTED with a note', () => {
    const changed = [{ ...ANCHORS[0]!, exact: 'unemployment fell to 4%' }, ANCHORS[1]!];
    const r = ok(transition(approved, anchorChanged(changed, ' 3% became 4% ')));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.equal(r.note, 'Back to review: 3% became 4%.');
    assert.deepEqual(r.next.anchors, changed);
    assert.equal(r.next.lastEditedById, approved.lastEditedById);
    assert.deepEqual(r.audit, {
      action: 'claim.anchor_changed',
      claimId: 'c-1',
      actorId: 'system',
      before: { anchors: ANCHORS, reviewState: 'APPROVED' },
      after: { anchors: changed, reviewState: 'SUBMITTED' },
      note: 'Back to review: 3% became 4%.',
    });
    assert.equal(r.decision, null);
  });

  it('voids an approval whose quote changed in place', () => {
    const changed = ANCHORS.map((a, i) =>
      i === 0 ? { ...a, exact: 'unemployment fell to 4%' } : a,
    );
    assert.equal(
      ok(transition(approved, anchorChanged(changed, 'Quote edited.'))).next.reviewState,
      'SUBMITTED',
    );
  });

  it('voids an approval whose passage was orphaned, though its words are the same', () => {
    // A revision deleted the passage: the span keeps its old quote, but the verdict is no
    // longer on anything in the article.
    const orphaned = ANCHORS.map((a, i) => (i === 0 ? { ...a, state: 'ORPHANED' as const } : a));
    const r = ok(transition(approved, anchorChanged(orphaned, 'Revision 3 deleted the passage')));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.equal(r.note, 'Back to review: Revision 3 deleted the passage.');
    assert.deepEqual(r.next.anchors, orphaned);
  });

  it('keeps the approval when only the revision id changed', () => {
    const sameText = ANCHORS.map((a) => ({ ...a, revisionId: 'r-9' }));
    const r = ok(transition(approved, anchorChanged(sameText, 'New revision.')));
    assert.equal(r.next.reviewState, 'APPROVED');
    assert.equal(r.note, null);
    assert.deepEqual(r.audit.after, { anchors: sameText });
  });

  it('updates anchors without changing the state of unapproved claims', () => {
    for (const reviewState of ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as const) {
      const r = ok(transition(makeClaim({ reviewState }), anchorChanged(MOVED_ANCHORS, 'Moved.')));
      assert.equal(r.next.reviewState, reviewState);
      assert.equal(r.note, null);
    }
  });

  it('validates the reason and the anchors', () => {
    const bad = [{ revisionId: 'r-2', start: 9, end: 3, exact: 'x' }];
    const f = fails(transition(approved, anchorChanged(bad, '')));
    assert.ok(f.code === 'validation');
    assert.deepEqual(f.fields, ['reason', 'anchors']);
    const same = fails(transition(approved, anchorChanged(ANCHORS, 'Nothing happened.')));
    assert.ok(same.code === 'validation');
    assert.deepEqual(same.fields, ['changes']);
  });

  it('counts a user who changed the words against the four-eyes rule', () => {
    const changed = [{ ...ANCHORS[0]!, exact: 'unemployment fell to 4%' }, ANCHORS[1]!];
    const r = ok(transition(approved, anchorChanged(changed, 'Edited.', admin)));
    assert.ok(r.next.changedBy.includes(admin.id));
  });

  it('is the only thing the system may do', () => {
    const f = fails(transition(makeClaim(), submit(SYSTEM_ACTOR)));
    assert.ok(f.code === 'forbidden');
    assert.equal(f.rule, 'actor_kind');
  });
});

describe('a user’s span change on an approved claim', () => {
  // The same words twice in one article: “record low” at 300 and again at 612.
  const spans = ANCHORS.map((a, i) => ({ ...a, id: `a-${i + 1}`, articleId: 'art-1' }));
  const approved = makeClaim({ reviewState: 'APPROVED', anchors: spans, changedBy: [] });
  const sameWordsElsewhere = {
    articleId: 'art-1',
    revisionId: 'r-1',
    start: 612,
    end: 623,
    exact: 'record low',
  };

  it('re-attaching a span onto the same words elsewhere withdraws the approval', () => {
    const r = ok(transition(approved, reattachSpan(editorAuthor, 'a-2', sameWordsElsewhere)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.match(r.note ?? '', /^Back to review: a passage was re-attached: “record low”/);
    assert.equal(r.audit.before.reviewState, 'APPROVED');
    assert.equal(r.audit.after?.reviewState, 'SUBMITTED');
    assert.equal(r.audit.note, r.note);
    assert.ok(r.next.changedBy.includes(AUTHOR_ID), 'counted for the four-eyes rule');
  });

  it('re-attaching a span onto the same words in a newer revision withdraws the approval', () => {
    const moved = {
      articleId: 'art-1',
      revisionId: 'r-2',
      start: 305,
      end: 316,
      exact: 'record low',
    };
    const r = ok(transition(approved, reattachSpan(reviewer, 'a-2', moved)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
  });

  it('linking the same words again elsewhere withdraws the approval', () => {
    const r = ok(transition(approved, linkSpan(reviewer, sameWordsElsewhere)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.match(r.note ?? '', /^Back to review: a passage was linked/);
  });

  it('removing a span withdraws the approval', () => {
    const r = ok(transition(approved, removeSpan(editorAuthor, 'a-1')));
    assert.equal(r.next.reviewState, 'SUBMITTED');
  });

  it('a text revision moving the same words keeps the approval (only user changes withdraw it)', () => {
    const moved = spans.map((a) => ({
      ...a,
      revisionId: 'r-2',
      start: a.start + 5,
      end: a.end + 5,
    }));
    const r = ok(transition(approved, anchorChanged(moved, 'Text inserted above.', reviewer)));
    assert.equal(r.next.reviewState, 'APPROVED');
    assert.equal(r.note, null);
  });

  it('re-attaching a span of an unapproved claim keeps its state', () => {
    for (const reviewState of ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as const) {
      const claim = makeClaim({ reviewState, anchors: spans });
      const r = ok(transition(claim, reattachSpan(reviewer, 'a-2', sameWordsElsewhere)));
      assert.equal(r.next.reviewState, reviewState);
      assert.equal(r.note, null);
    }
  });
});

describe('sourceChanged', () => {
  const spans = ANCHORS.map((a, i) => ({ ...a, id: `a-${i + 1}`, articleId: 'art-1' }));
  const approved = makeClaim({ reviewState: 'APPROVED', anchors: spans, changedBy: [] });
  const newUrl = [
    { field: 'sourceUrl', before: 'https://a.example/x', after: 'https://a.example/y' },
  ] as const;

  it('sends an approved claim back to review with a note naming the change', () => {
    const r = ok(transition(approved, sourceChanged(reviewer, 'art-1', newUrl)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.equal(r.next.version, approved.version + 1);
    assert.equal(
      r.note,
      'Back to review: the article’s source address changed (“https://a.example/x” → “https://a.example/y”).',
    );
    assert.deepEqual(r.audit, {
      action: 'claim.source_changed',
      claimId: 'c-1',
      actorId: OTHER_ID,
      before: { reviewState: 'APPROVED', changedBy: [], lastEditedById: AUTHOR_ID },
      after: { reviewState: 'SUBMITTED', changedBy: [OTHER_ID], lastEditedById: OTHER_ID },
      note: r.note,
    });
    assert.equal(r.decision, null);
  });

  it('names every changed detail, a cleared one as none', () => {
    const r = ok(
      transition(
        approved,
        sourceChanged(editorAuthor, 'art-1', [
          { field: 'sourceName', before: 'Wire', after: null },
          { field: 'publishedAt', before: null, after: '2024-03-02' },
        ]),
      ),
    );
    assert.equal(
      r.note,
      'Back to review: the article’s source name changed (“Wire” → none); ' +
        'the article’s publication date changed (none → “2024-03-02”).',
    );
  });

  it('keeps a claim in review there, with a new version (a decision on the old one is stale)', () => {
    const inReview = makeClaim({ reviewState: 'SUBMITTED', anchors: spans, changedBy: [] });
    const r = ok(transition(inReview, sourceChanged(reviewer, 'art-1', newUrl)));
    assert.equal(r.next.reviewState, 'SUBMITTED');
    assert.equal(r.next.version, inReview.version + 1);
    assert.equal(
      r.note,
      'Still in review: the article’s source address changed (“https://a.example/x” → “https://a.example/y”).',
    );
    // Whoever changed the source cannot approve it (four eyes), as for an approved claim.
    assert.deepEqual(r.audit.before, { changedBy: [], lastEditedById: AUTHOR_ID });
    assert.deepEqual(r.audit.after, { changedBy: [OTHER_ID], lastEditedById: OTHER_ID });
  });

  it('is not for drafts or claims sent back: they show the article as it is now', () => {
    for (const reviewState of ['DRAFT', 'CHANGES_REQUESTED'] as const) {
      const f = fails(
        transition(
          makeClaim({ reviewState, anchors: spans }),
          sourceChanged(reviewer, 'art-1', newUrl),
        ),
      );
      assert.equal(f.code, 'invalid_transition');
    }
  });

  it('refuses a change of nothing, of a detail an approval does not hold for, or of another article', () => {
    const none = fails(transition(approved, sourceChanged(reviewer, 'art-1', [])));
    assert.ok(none.code === 'validation');
    assert.deepEqual(none.fields, ['changes']);
    const same = fails(
      transition(
        approved,
        sourceChanged(reviewer, 'art-1', [{ field: 'sourceName', before: 'Wire', after: 'Wire' }]),
      ),
    );
    assert.ok(same.code === 'validation');
    const title = fails(
      transition(
        approved,
        sourceChanged(reviewer, 'art-1', [
          { field: 'title' as 'sourceName', before: 'Old', after: 'New' },
        ]),
      ),
    );
    assert.ok(title.code === 'validation');
    const elsewhere = fails(transition(approved, sourceChanged(reviewer, 'art-2', newUrl)));
    assert.ok(elsewhere.code === 'validation');
    assert.deepEqual(elsewhere.fields, ['anchors']);
  });

  it('is a user’s change, never the system’s', () => {
    const f = fails(transition(approved, sourceChanged(SYSTEM_ACTOR, 'art-1', newUrl)));
    assert.equal(f.code, 'forbidden');
  });
});

describe('approvedSourceChanges', () => {
  it('picks the source address, source name and date, not the title or byline', () => {
    assert.deepEqual(
      approvedSourceChanges({
        before: { title: 'A', byline: 'B', sourceUrl: null, publishedAt: '2024-01-01' },
        after: {
          title: 'A2',
          byline: 'B2',
          sourceUrl: 'https://x.example/',
          publishedAt: '2024-01-02',
        },
      }),
      [
        { field: 'sourceUrl', before: null, after: 'https://x.example/' },
        { field: 'publishedAt', before: '2024-01-01', after: '2024-01-02' },
      ],
    );
    assert.deepEqual(approvedSourceChanges({ before: { title: 'A' }, after: { title: 'B' } }), []);
  });
});

describe('purity and invariants', () => {
  it('never mutates the claim and never shares arrays with it', () => {
    const claim = deepFreeze(makeClaim({ reviewState: 'APPROVED' }));
    const copy = structuredClone(claim);
    const r = ok(transition(claim, anchorChanged(MOVED_ANCHORS, 'Moved.')));
    assert.deepEqual(claim, copy);
    assert.notEqual(r.next.evidence, claim.evidence);
    assert.notEqual(r.next.anchors[0], MOVED_ANCHORS[0]);
    assert.notEqual(r.audit.before.anchors, claim.anchors);
  });

  it('returns plain, JSON-serialisable data', () => {
    const r = ok(transition(makeClaim({ reviewState: 'SUBMITTED' }), approve(reviewer, 'Fine.')));
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });

  it('throws on an unknown event type', () => {
    const event = { type: 'publish', actor: reviewer } as unknown as ReviewEvent;
    assert.throws(() => transition(makeClaim(), event), ReviewInvariantError);
  });

  it('throws on an unknown review state, role or malformed system actor', () => {
    const badState = makeClaim({ reviewState: 'PUBLISHED' as never });
    assert.throws(() => transition(badState, submit(editorAuthor)), ReviewInvariantError);
    const badRole = { id: 'u', role: 'GUEST' } as never;
    assert.throws(() => transition(makeClaim(), submit(badRole)), ReviewInvariantError);
    const fakeSystem = { id: 'u-1', role: 'SYSTEM' } as never;
    assert.throws(
      () => transition(makeClaim(), anchorChanged(MOVED_ANCHORS, 'x', fakeSystem)),
      ReviewInvariantError,
    );
    const badVersion: ClaimForReview = makeClaim({ version: -1 });
    assert.throws(() => transition(badVersion, submit(editorAuthor)), ReviewInvariantError);
  });
});
