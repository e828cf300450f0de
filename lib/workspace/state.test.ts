import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { AnnotationDTO, ClaimDTO, SpanSummaryDTO, WorkspaceDataDTO } from '@/lib/api/types';
import {
  claimsInTextOrder,
  countAnchors,
  filterClaims,
  initialState,
  reduceWorkspace,
  stepClaim,
  type Filters,
  type WorkspaceState,
} from './state';

const TEXT = 'Exports grew by 12 percent. Inflation ran at 9 percent. The office published it.';

function claim(id: string, patch: Partial<ClaimDTO> = {}): ClaimDTO {
  return {
    id,
    text: `claim ${id}`,
    claimant: null,
    verdict: 'UNVERIFIED',
    rationale: '',
    reviewState: 'DRAFT',
    version: 1,
    authorId: 'u1',
    author: { id: 'u1', name: 'Erin Editor' },
    lastEditedBy: null,
    changedBy: ['u1'],
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    evidence: [],
    appearances: [],
    ...patch,
  };
}

function span(id: string, claimId: string, start: number, end: number): AnnotationDTO {
  return {
    id,
    claimId,
    revisionId: 'r1',
    start,
    end,
    exact: TEXT.slice(start, end),
    prefix: '',
    suffix: '',
    anchorState: 'EXACT',
    anchorScore: null,
    createdById: 'u1',
  };
}

function data(claims: ClaimDTO[], annotations: SpanSummaryDTO[]): WorkspaceDataDTO {
  return {
    revision: { id: 'r1', number: 1, text: TEXT, sha256: 'x' },
    annotations,
    orphans: [],
    claims,
  };
}

const base = (): WorkspaceState =>
  initialState(data([claim('b'), claim('a')], [span('s1', 'a', 0, 7), span('s2', 'b', 28, 37)]));

describe('workspace reducer', () => {
  it('adds a created claim with the span the server returned, in text order, and announces it', () => {
    const created = span('s3', 'c', 8, 26);
    const next = reduceWorkspace(
      { ...base(), panel: { kind: 'new', span: { start: 8, end: 26 } } },
      { type: 'claimCreated', claim: claim('c'), annotation: created },
    );
    assert.deepEqual(
      next.data.annotations.map((a) => a.id),
      ['s1', 's3', 's2'],
    );
    assert.equal(next.data.annotations[1], created);
    assert.deepEqual(next.panel, { kind: 'list' });
    assert.equal(next.activeClaimId, 'c');
    assert.equal(next.announcement?.message, 'Claim saved.');
  });

  it('leaves a panel the user opened while the claim was saving', () => {
    const next = reduceWorkspace(
      { ...base(), panel: { kind: 'editText' } },
      { type: 'claimCreated', claim: claim('c'), annotation: span('s3', 'c', 8, 26) },
    );
    assert.deepEqual(next.panel, { kind: 'editText' });
  });

  it("closes the new claim's form on save, before the claim is added, and no other panel", () => {
    const saving = { ...base(), panel: { kind: 'new' as const, span: { start: 8, end: 26 } } };
    const closed = reduceWorkspace(saving, { type: 'newClaimSaved' });
    assert.deepEqual(closed.panel, { kind: 'list' });
    assert.equal(closed.data, saving.data);
    const other = { ...base(), panel: { kind: 'editText' as const } };
    assert.equal(reduceWorkspace(other, { type: 'newClaimSaved' }), other);
  });

  it('adds a created claim once when a reload brought it first', () => {
    const created = span('s3', 'c', 8, 26);
    const reloaded = reduceWorkspace(base(), {
      type: 'loaded',
      data: data([claim('b'), claim('a'), claim('c')], [...base().data.annotations, created]),
    });
    const next = reduceWorkspace(reloaded, {
      type: 'claimCreated',
      claim: claim('c'),
      annotation: created,
    });
    assert.deepEqual(
      next.data.claims.map((c) => c.id),
      ['b', 'a', 'c'],
    );
    assert.equal(next.data.annotations.length, 3);
    assert.equal(next.activeClaimId, 'c');
  });

  it('announces the same words twice as two announcements', () => {
    const once = reduceWorkspace(base(), { type: 'announced', message: 'Claim saved.' });
    const twice = reduceWorkspace(once, { type: 'announced', message: 'Claim saved.' });
    assert.notEqual(once.announcement?.seq, twice.announcement?.seq);
  });

  it('keeps a linked span of another article out of this article’s highlights', () => {
    const elsewhere = { ...span('s9', 'a', 0, 5), revisionId: 'other' };
    const next = reduceWorkspace(base(), {
      type: 'spanLinked',
      claim: claim('a', { version: 2 }),
      annotation: elsewhere,
    });
    assert.equal(next.data.annotations.length, 2);
    assert.equal(next.data.claims.find((c) => c.id === 'a')?.version, 2);
    assert.equal(next.announcement?.message, 'Passage linked to the claim.');
  });

  it('closes a claim panel whose claim is gone after a reload', () => {
    const open = reduceWorkspace(base(), {
      type: 'panelOpened',
      panel: { kind: 'claim', claimId: 'b', conflict: null, draft: null },
    });
    assert.equal(open.activeClaimId, 'b');
    const next = reduceWorkspace(open, {
      type: 'loaded',
      data: data([claim('a')], [span('s1', 'a', 0, 7)]),
    });
    assert.deepEqual(next.panel, { kind: 'list' });
    assert.equal(next.activeClaimId, null);
  });

  it('shows a failure beside the panel and in the announcement, and clears it on the next panel', () => {
    const failed = reduceWorkspace(base(), { type: 'failed', message: 'Some fields are invalid.' });
    assert.equal(failed.error, 'Some fields are invalid.');
    assert.equal(failed.announcement?.tone, 'error');
    const next = reduceWorkspace(failed, { type: 'panelClosed' });
    assert.equal(next.error, null);
  });

  it('keeps the panel and the draft on a version conflict', () => {
    const draft = {
      text: 'mine',
      claimant: '',
      verdict: 'FALSE' as const,
      rationale: '',
      evidence: [],
    };
    const next = reduceWorkspace(base(), {
      type: 'conflicted',
      claimId: 'a',
      current: claim('a', { version: 3 }),
      draft,
    });
    assert.equal(next.panel.kind, 'claim');
    assert.equal(next.panel.kind === 'claim' && next.panel.draft, draft);
  });
});

describe('workspace selectors', () => {
  it('orders claims by their first span and filters them', () => {
    const state = base();
    assert.deepEqual(
      claimsInTextOrder(state.data).map((c) => c.id),
      ['a', 'b'],
    );
    const withFalse = data([claim('a', { verdict: 'FALSE' }), claim('b')], state.data.annotations);
    assert.deepEqual(
      filterClaims(claimsInTextOrder(withFalse), {
        verdict: 'FALSE',
        reviewState: '',
        query: '',
      }).map((c) => c.id),
      ['a'],
    );
  });

  it('orders claims by their first span, unplaced claims last, whatever order the spans come in', () => {
    const claims = [claim('none'), claim('late'), claim('early'), claim('twice')];
    const spans = [
      span('s1', 'twice', 28, 54),
      span('s2', 'early', 0, 26),
      span('s3', 'late', 60, 80),
      span('s4', 'twice', 0, 10),
    ];
    const expected = ['early', 'twice', 'late', 'none'];
    assert.deepEqual(
      claimsInTextOrder(data(claims, spans)).map((c) => c.id),
      expected,
    );
    const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    assert.deepEqual(
      claimsInTextOrder(data(claims, sorted)).map((c) => c.id),
      expected,
    );
  });

  it('finds claims by words of their text, claimant or author, in any case and order', () => {
    const claims = [
      claim('a', { text: 'Exports grew by 12%', claimant: 'The Minister' }),
      claim('b', { text: 'Inflation ran at 9%', author: { id: 'u2', name: 'Rita Reviewer' } }),
      claim('c', { text: 'Exports fell', verdict: 'FALSE' }),
    ];
    const find = (query: string, verdict: Filters['verdict'] = '') =>
      filterClaims(claims, { verdict, reviewState: '', query }).map((c) => c.id);
    assert.deepEqual(find('exports'), ['a', 'c']);
    assert.deepEqual(find('minister GREW'), ['a']);
    assert.deepEqual(find('rita'), ['b']);
    assert.deepEqual(find('exports', 'FALSE'), ['c']);
    assert.deepEqual(find('   '), ['a', 'b', 'c']);
    assert.deepEqual(find('exports rita'), []);
  });

  it('steps J/K through claims, starting at the first and stopping at the ends', () => {
    const claims = [claim('a'), claim('b'), claim('c')];
    assert.equal(stepClaim(claims, null, 1), 'a');
    assert.equal(stepClaim(claims, 'a', 1), 'b');
    assert.equal(stepClaim(claims, 'c', 1), 'c');
    assert.equal(stepClaim(claims, 'a', -1), 'a');
    assert.equal(stepClaim([], null, 1), null);
  });

  it('counts spans per anchor state, orphans included', () => {
    const state = base();
    const counts = countAnchors({
      ...state.data,
      orphans: [{ ...span('o', 'a', 0, 3), anchorState: 'ORPHANED', candidates: [] }],
    });
    assert.deepEqual(counts, { EXACT: 2, MOVED: 0, FUZZY: 0, ORPHANED: 1 });
  });
});
