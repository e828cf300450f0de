import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { batchChunks, collectChunks, jsonArrayWriter, toReadableStream } from './stream';

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
