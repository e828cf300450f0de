/**
 * Glue between the exporters' string generators and an HTTP response: batching small chunks and
 * wrapping them in a web ReadableStream with backpressure (the next row is only produced when the
 * consumer pulls), so a route can stream 10,000 claims without holding them all.
 */

import type { ClaimSource, ExportClaim } from './types';

/** Chunks of an export, produced synchronously or asynchronously. */
export type ChunkSource = Iterable<string> | AsyncIterable<string>;

/** Batches are flushed once they reach this many UTF-16 code units (~64 KiB of ASCII). */
export const DEFAULT_CHUNK_CHARS = 64 * 1024;

/** Options for `batchChunks` and `toReadableStream`. */
export type BatchOptions = {
  /** Flush a batch once it holds at least this many UTF-16 code units. */
  readonly targetChars?: number;
};

/** Joins consecutive small chunks into batches of about `targetChars`; order is preserved. */
export async function* batchChunks(
  chunks: ChunkSource,
  { targetChars = DEFAULT_CHUNK_CHARS }: BatchOptions = {},
): AsyncGenerator<string, void, undefined> {
  let parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= targetChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join('');
}

/**
 * A pull-based ReadableStream of UTF-8 bytes, ready to be returned as a Response body. Cancelling
 * the stream (client gone) stops the underlying generator.
 */
export function toReadableStream(
  chunks: ChunkSource,
  options: BatchOptions = {},
): ReadableStream<Uint8Array> {
  const iterator = batchChunks(chunks, options)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The claims of `source` batch by batch (a source of single claims gives batches of one). */
export async function* claimBatches(
  source: ClaimSource,
): AsyncGenerator<readonly ExportClaim[], void, undefined> {
  for await (const item of source) yield isBatch(item) ? item : [item];
}

const isBatch = (item: ExportClaim | readonly ExportClaim[]): item is readonly ExportClaim[] =>
  Array.isArray(item);

/**
 * Streams one chunk per batch of `claims`: `write` gives each claim's text ('' to leave it out);
 * batches that write nothing yield nothing.
 */
export async function* writeClaimBatches(
  claims: ClaimSource,
  write: (claim: ExportClaim) => string,
): AsyncGenerator<string, void, undefined> {
  for await (const batch of claimBatches(claims)) {
    let chunk = '';
    for (const claim of batch) chunk += write(claim);
    if (chunk) yield chunk;
  }
}

/** Concatenates every chunk (for small exports and tests). */
export async function collectChunks(chunks: ChunkSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** Writes a JSON array item by item: `item` returns the text to emit for one value. */
export type JsonArrayWriter = {
  readonly item: (value: unknown) => string;
  readonly end: () => string;
};

/** A streaming JSON array writer (one item per line; `[]` when empty). */
export function jsonArrayWriter(): JsonArrayWriter {
  let count = 0;
  return {
    item(value) {
      const prefix = count === 0 ? '[\n' : ',\n';
      count++;
      return prefix + JSON.stringify(value);
    },
    end() {
      return count === 0 ? '[]\n' : '\n]\n';
    },
  };
}
