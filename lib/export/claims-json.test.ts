import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claimToJson, toClaimsJson, toClaimsJsonSync } from './claims-json';
import { chunkText, collectChunks } from './stream';
import { makeClaim } from './test-fixtures';
import type { ExportClaim } from './types';

describe('toClaimsJson', () => {
  const approved = makeClaim('c1', { text: 'Quote " and \\ and </script> and 😀' });
  const draft = makeClaim('c2', { reviewState: 'SUBMITTED', approvedAt: null });

  it('streams a valid JSON array of approved claims by default', async () => {
    const parsed = JSON.parse(await collectChunks(toClaimsJson([approved, draft]))) as unknown[];
    assert.deepEqual(parsed, [JSON.parse(JSON.stringify(claimToJson(approved)))]);
  });

  it('includes every claim with its review state on request', () => {
    const parsed = JSON.parse(
      [...toClaimsJsonSync([approved, draft], { filter: 'all' })].join(''),
    ) as {
      id: string;
      reviewState: string;
      reviewStateLabel: string;
      approvedAt: string | null;
    }[];
    assert.deepEqual(
      parsed.map((c) => [c.id, c.reviewState, c.reviewStateLabel, c.approvedAt]),
      [
        ['c1', 'APPROVED', 'Approved', '2026-11-23T16:30:00.000Z'],
        ['c2', 'SUBMITTED', 'Submitted', null],
      ],
    );
  });

  it('writes [] for an empty list', async () => {
    assert.deepEqual(JSON.parse(await collectChunks(toClaimsJson([]))), []);
    assert.deepEqual(JSON.parse([...toClaimsJsonSync([draft])].join('')), []);
  });

  it('keeps text exactly and dates as ISO strings', () => {
    const json = claimToJson(approved);
    assert.equal(json.text, approved.text);
    assert.equal(json.verdictLabel, 'False');
    assert.equal(json.evidence[0]?.accessedAt, '2026-11-20T08:00:00.000Z');
    assert.equal(json.appearances[0]?.publishedAt, '2026-11-18T06:00:00.000Z');
  });

  it('yields one chunk per claim from an async source', async () => {
    async function* source(): AsyncGenerator<ExportClaim> {
      yield approved;
      yield approved;
    }
    const chunks: string[] = [];
    for await (const chunk of toClaimsJson(source())) chunks.push(chunkText(chunk));
    assert.equal(chunks.length, 3);
    assert.equal((JSON.parse(chunks.join('')) as unknown[]).length, 2);
  });
});
