/**
 * Glue between the exporters' string generators and an HTTP response: batching small chunks and
 * wrapping them in a web ReadableStream with backpressure (the next row is only produced when the
 * consumer pulls), so a route can stream 10,000 claims without holding them all.
 */

import type { ClaimSource, ExportClaim } from './types';

/**
 * A piece of an export's text: a string, or a list of strings standing for their concatenation.
 * A writer hands over a batch's parts as a list so they are encoded to UTF-8 one by one: joining
 * them first builds one long rope string that has to be flattened, which cost more than the
 * encoding itself (about 20 ms per 10,000 ClaimReview items, issue #13).
 */
export type Chunk = string | readonly string[];

/** Chunks of an export, produced synchronously or asynchronously. */
export type ChunkSource = Iterable<Chunk> | AsyncIterable<Chunk>;

/** Batches are flushed once they reach this many UTF-16 code units (~64 KiB of ASCII). */
export const DEFAULT_CHUNK_CHARS = 64 * 1024;

/** Options for `batchChunks` and `toReadableStream`. */
export type BatchOptions = {
  /** Flush a batch once it holds at least this many UTF-16 code units. */
  readonly targetChars?: number;
};

/**
 * The strings of `chunks` grouped into batches of at least `targetChars` code units (the last
 * one may be shorter); order is preserved, empty batches are left out.
 */
async function* batchParts(
  chunks: ChunkSource,
  targetChars: number,
): AsyncGenerator<readonly string[], void, undefined> {
  let parts: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      parts.push(chunk);
      size += chunk.length;
    } else {
      for (const part of chunk) {
        parts.push(part);
        size += part.length;
      }
    }
    if (size >= targetChars) {
      yield parts;
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts;
}

/** Joins consecutive small chunks into batches of about `targetChars`; order is preserved. */
export async function* batchChunks(
  chunks: ChunkSource,
  { targetChars = DEFAULT_CHUNK_CHARS }: BatchOptions = {},
): AsyncGenerator<string, void, undefined> {
  for await (const parts of batchParts(chunks, targetChars)) yield parts.join('');
}

/** The UTF-8 bytes of the concatenation of `parts`, encoded part by part without joining. */
export function encodeParts(parts: readonly string[], encoder = new TextEncoder()): Uint8Array {
  let units = 0;
  for (const part of parts) units += part.length;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair 4 for 2 units).
  const buffer = new Uint8Array(units * 3);
  let written = 0;
  let carried = '';
  for (let i = 0; i < parts.length; i++) {
    let part = carried ? carried + parts[i]! : parts[i]!;
    carried = '';
    // A surrogate pair split between two parts is encoded as the one character it is.
    const last = part.charCodeAt(part.length - 1);
    if (last >= 0xd800 && last <= 0xdbff && i < parts.length - 1) {
      carried = part.slice(-1);
      part = part.slice(0, -1);
    }
    written += encoder.encodeInto(part, buffer.subarray(written)).written;
  }
  return buffer.slice(0, written);
}

/**
 * A pull-based ReadableStream of UTF-8 bytes, ready to be returned as a Response body. Cancelling
 * the stream (client gone) stops the underlying generator.
 */
export function toReadableStream(
  chunks: ChunkSource,
  { targetChars = DEFAULT_CHUNK_CHARS }: BatchOptions = {},
): ReadableStream<Uint8Array> {
  const iterator = batchParts(chunks, targetChars)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encodeParts(next.value, encoder));
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
 * Streams one chunk per batch of `claims`, the list of its claims' texts: `write` gives each
 * claim's text ('' to leave it out); batches that write nothing yield nothing.
 */
export async function* writeClaimBatches(
  claims: ClaimSource,
  write: (claim: ExportClaim) => string,
): AsyncGenerator<Chunk, void, undefined> {
  for await (const batch of claimBatches(claims)) {
    const parts: string[] = [];
    for (const claim of batch) {
      const text = write(claim);
      if (text) parts.push(text);
    }
    if (parts.length > 0) yield parts;
  }
}

/** The text of one chunk. */
export const chunkText = (chunk: Chunk): string =>
  typeof chunk === 'string' ? chunk : chunk.join('');

/** Concatenates every chunk (for small exports and tests). */
export async function collectChunks(chunks: ChunkSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') parts.push(chunk);
    else for (const part of chunk) parts.push(part);
  }
  return parts.join('');
}

/** Writes a JSON array item by item: `item` returns the text to emit for one value. */
export type JsonArrayWriter = {
  readonly item: (value: unknown) => string;
  readonly end: () => string;
};

/**
 * A streaming JSON array writer (one item per line; `[]` when empty). With `htmlSafe`, `<`, `>`,
 * `&`, U+2028 and U+2029 are written as `\uXXXX` escapes: the same JSON, which can be pasted
 * into an HTML `<script>` element without any text in it ending the element (`</script>`) or
 * opening a comment (`<!--`).
 */
export function jsonArrayWriter({ htmlSafe = false } = {}): JsonArrayWriter {
  let count = 0;
  return {
    item(value) {
      const prefix = count === 0 ? '[\n' : ',\n';
      count++;
      const json = JSON.stringify(value);
      return prefix + (htmlSafe ? escapeForHtml(json) : json);
    },
    end() {
      return count === 0 ? '[]\n' : '\n]\n';
    },
  };
}

/** Outside strings JSON has none of these characters, so escaping them keeps the same value. */
const HTML_UNSAFE_IN_JSON = /[<>&\u2028\u2029]/g;

function escapeForHtml(json: string): string {
  return json.replace(
    HTML_UNSAFE_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
