import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packWorkspace, unpackWorkspace } from './packed-workspace';
import type { WorkspaceDataDTO } from './types';

const erin = { id: 'u-erin', name: 'Erin Editor' };
const rita = { id: 'u-rita', name: 'Rita Reviewer' };

const data: WorkspaceDataDTO = {
  revision: { id: 'rev-2', number: 2, text: 'The minister said exports grew.', sha256: 'abc' },
  claims: [
    {
      id: 'c1',
      text: 'Exports grew',
      claimant: 'The minister',
      verdict: 'TRUE',
      reviewState: 'APPROVED',
      version: 3,
      authorId: erin.id,
      author: erin,
    },
    {
      id: 'c2',
      text: 'The minister said',
      claimant: null,
      verdict: 'UNVERIFIED',
      reviewState: 'DRAFT',
      version: 1,
      authorId: rita.id,
      author: rita,
    },
    {
      id: 'c3',
      text: 'Said exports',
      claimant: null,
      verdict: 'MIXED',
      reviewState: 'SUBMITTED',
      version: 1,
      authorId: erin.id,
      author: erin,
    },
  ],
  annotations: [
    {
      id: 'a1',
      claimId: 'c2',
      revisionId: 'rev-2',
      start: 0,
      end: 17,
      anchorState: 'EXACT',
      anchorScore: null,
    },
    {
      id: 'a2',
      claimId: 'c1',
      revisionId: 'rev-2',
      start: 18,
      end: 30,
      anchorState: 'FUZZY',
      anchorScore: 0.82,
    },
    // A span whose claim is not in the list (deleted meanwhile) and of another revision.
    {
      id: 'a3',
      claimId: 'c-gone',
      revisionId: 'rev-1',
      start: 4,
      end: 12,
      anchorState: 'EXACT',
      anchorScore: null,
    },
  ],
  orphans: [],
};

describe('packWorkspace / unpackWorkspace', () => {
  it('gives back exactly the data it was given', () => {
    assert.deepEqual(unpackWorkspace(packWorkspace(data)), data);
  });

  it('survives JSON, as it travels in the page', () => {
    const wire = JSON.parse(JSON.stringify(packWorkspace(data))) as ReturnType<
      typeof packWorkspace
    >;
    assert.deepEqual(unpackWorkspace(wire), data);
  });

  it('lists each author once and names claims by their row', () => {
    const packed = packWorkspace(data);
    assert.deepEqual(packed.people, [erin, rita]);
    assert.deepEqual(
      packed.spans.map((s) => s[1]),
      [1, 0, 'c-gone'],
    );
  });

  it('is much smaller than the data with a thousand claims', () => {
    const many: WorkspaceDataDTO = {
      ...data,
      claims: Array.from({ length: 1000 }, (_, i) => ({ ...data.claims[0]!, id: `claim-${i}` })),
      annotations: Array.from({ length: 1000 }, (_, i) => ({
        ...data.annotations[0]!,
        id: `span-${i}`,
        claimId: `claim-${i}`,
      })),
    };
    const ratio = JSON.stringify(packWorkspace(many)).length / JSON.stringify(many).length;
    assert.ok(ratio < 0.5, `packed is ${(ratio * 100).toFixed(0)} % of the data`);
  });
});
