import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VERDICTS } from '../domain';
import { toClaimReviewJsonLd, toClaimReviewJsonLdSync } from './claim-review';
import { toClaimsJson, toClaimsJsonSync } from './claims-json';
import { toCsv, toCsvSync } from './csv';
import {
  batchChunks,
  claimBatches,
  collectChunks,
  jsonArrayWriter,
  toReadableStream,
} from './stream';
import { CONFIG, makeClaim } from './test-fixtures';
import type { ExportClaim } from './types';

describe('batchChunks', () => {
  it('joins small chunks into batches of about the target size, in order', async () => {
    const chunks = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(3));
    const batches: string[] = [];
    for await (const batch of batchChunks(chunks, { targetChars: 7 })) batches.push(batch);
    assert.deepEqual(batches, ['000111222', '333444555', '666777888', '999']);
  });

  it('yields nothing for nothing', async () => {
    assert.equal(await collectChunks(batchChunks([])), '');
  });
});

describe('toReadableStream', () => {
  it('streams UTF-8 bytes of every chunk', async () => {
    const stream = toReadableStream(['héllo ', 'Переговоры ', '😀'], { targetChars: 1 });
    const text = await new Response(stream).text();
    assert.equal(text, 'héllo Переговоры 😀');
  });

  it('pulls lazily and stops the generator when cancelled', async () => {
    let produced = 0;
    let finished = false;
    async function* source(): AsyncGenerator<string> {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          produced++;
          yield 'x'.repeat(100);
        }
      } finally {
        finished = true;
      }
    }
    const reader = toReadableStream(source(), { targetChars: 1_000 }).getReader();
    const first = await reader.read();
    assert.equal(first.value?.byteLength, 1_000);
    assert.ok(produced < 100, `read ahead only a little (${produced})`);
    await reader.cancel();
    assert.ok(finished, 'generator finalised');
  });
});

describe('jsonArrayWriter', () => {
  it('writes valid JSON for zero, one and many items', () => {
    for (const items of [[], [1], [{ a: '"' }, null, 'x']]) {
      const writer = jsonArrayWriter();
      const text = items.map((item) => writer.item(item)).join('') + writer.end();
      assert.deepEqual(JSON.parse(text), items);
    }
  });
});

describe('claim sources', () => {
  const claims = [
    ...VERDICTS.map((verdict) => makeClaim(`c-${verdict}`, { verdict })),
    makeClaim('draft', { reviewState: 'DRAFT', approvedAt: null }),
    makeClaim('last'),
  ];
  async function* oneByOne(): AsyncGenerator<ExportClaim> {
    yield* claims;
  }
  /** Batches of 3, an empty one among them (a page whose approvals all went stale). */
  async function* inBatches(): AsyncGenerator<readonly ExportClaim[]> {
    yield claims.slice(0, 3);
    yield [];
    for (let i = 3; i < claims.length; i += 3) yield claims.slice(i, i + 3);
  }

  it('reads a source of single claims as batches of one', async () => {
    const batches: (readonly ExportClaim[])[] = [];
    for await (const batch of claimBatches(oneByOne())) batches.push(batch);
    assert.deepEqual(
      batches,
      claims.map((claim) => [claim]),
    );
  });

  for (const filter of ['approved', 'all'] as const) {
    it(`writes the same ${filter} export from single claims, batches and a list`, async () => {
      const same = async (
        write: (source: Parameters<typeof toCsv>[0]) => AsyncIterable<string>,
        sync: string,
      ) => {
        assert.equal(await collectChunks(write(oneByOne())), sync);
        assert.equal(await collectChunks(write(inBatches())), sync);
      };
      await same((s) => toCsv(s, { filter }), [...toCsvSync(claims, { filter })].join(''));
      await same(
        (s) => toClaimsJson(s, { filter }),
        [...toClaimsJsonSync(claims, { filter })].join(''),
      );
      await same(
        (s) => toClaimReviewJsonLd(s, CONFIG, { filter }),
        [...toClaimReviewJsonLdSync(claims, CONFIG, { filter })].join(''),
      );
    });
  }
});
