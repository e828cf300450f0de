/**
 * Export benchmarks (in-process; the HTTP route is measured separately).
 *
 *   npx tsx bench/export.bench.ts            (add --expose-gc via NODE_OPTIONS for steadier heap figures)
 *
 * - 10,000 claims streamed as schema.org ClaimReview JSON-LD and as CSV: time, and heap growth
 *   (peak and retained) while the stream is consumed chunk by chunk, claims generated lazily.
 * - The annotated HTML of a 20,000-word article with 2,000 annotations, many overlapping and
 *   nested: must stay under 500 ms. Markdown, JSON and Web Annotation timings for reference.
 */

import {
  assignLanes,
  buildWebAnnotationCollection,
  toAnnotatedHtml,
  toAnnotatedJson,
  toAnnotatedMarkdown,
  toClaimReviewJsonLd,
  toCsv,
  toReadableStream,
  type ChunkSource,
  type ExportAnnotation,
  type ExportClaim,
} from '../lib/export';
import {
  CONFIG,
  annotationAt,
  makeAnnotated,
  makeClaim,
  seededRandom,
} from '../lib/export/test-fixtures';
import { VERDICTS } from '../lib/domain';

const CLAIM_COUNT = 10_000;
const ARTICLE_WORDS = 20_000;
const ANNOTATION_COUNT = 2_000;
const HTML_BUDGET_MS = 500;
const RUNS = 5;
const HEAP_SAMPLE_EVERY = 200;
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

const WORDS = [
  'the',
  'minister',
  'said',
  'economy',
  'grew',
  'by',
  'five',
  'percent',
  'Астана',
  'talks',
  '😀',
  'record',
  'low',
  'unemployment',
  'fell',
  'according',
  'to',
  'officials',
  '"quoted"',
  '<b>',
  '&',
  'data',
];

/** 10,000 varied claims, generated one at a time (the database would page them). */
async function* claims(count: number): AsyncGenerator<ExportClaim> {
  const random = seededRandom(1);
  for (let i = 0; i < count; i++) {
    const verdict = VERDICTS[i % VERDICTS.length] ?? 'FALSE';
    const words = Array.from(
      { length: 8 + Math.floor(random() * 20) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    yield makeClaim(`claim-${i}`, {
      text: words.join(' '),
      verdict,
      rationale: `${words.reverse().join(' ')}, "see" the evidence, =cmd\n\nSecond paragraph ${i}.`,
      reviewState: i % 10 === 0 ? 'SUBMITTED' : 'APPROVED',
    });
  }
}

async function measureStream(name: string, make: () => ChunkSource): Promise<void> {
  const before = heapUsed();
  let peak = before;
  let bytes = 0;
  let chunks = 0;
  const started = performance.now();
  for await (const chunk of make()) {
    bytes += chunk.length;
    chunks++;
    if (chunks % HEAP_SAMPLE_EVERY === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const after = heapUsed();
  console.log(
    `${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / MB).toFixed(1).padStart(5)} MB out  ` +
      `heap peak +${((peak - before) / MB).toFixed(1)} MB, retained +${((after - before) / MB).toFixed(1)} MB`,
  );
}

/** A 20,000-word article in paragraphs, with 2,000 annotations (nested, crossing, repeated). */
function bigArticle() {
  const random = seededRandom(2);
  const words: string[] = [];
  const starts: number[] = [];
  let text = '';
  for (let i = 0; i < ARTICLE_WORDS; i++) {
    if (i > 0) text += i % 120 === 0 ? '\n\n' : ' ';
    starts.push(text.length);
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'word';
    words.push(word);
    text += word;
  }
  const wordEnd = (i: number) => (starts[i] ?? 0) + (words[i]?.length ?? 0);
  const claimList: ExportClaim[] = Array.from({ length: ANNOTATION_COUNT / 2 }, (_, i) =>
    makeClaim(`c${i}`, {
      verdict: VERDICTS[i % VERDICTS.length] ?? 'FALSE',
      reviewState: 'APPROVED',
    }),
  );
  const annotations: ExportAnnotation[] = [];
  let previousFirst = 0;
  for (let i = 0; i < ANNOTATION_COUNT; i++) {
    // Every third span starts one word into the previous one, so it nests in or crosses it.
    const first = i % 3 === 2 ? previousFirst + 1 : Math.floor(random() * (ARTICLE_WORDS - 40));
    const last = Math.min(ARTICLE_WORDS - 1, first + Math.floor(random() * 30));
    annotations.push(
      annotationAt(text, starts[first] ?? 0, wordEnd(last), `c${i % claimList.length}`),
    );
    previousFirst = first;
  }
  return makeAnnotated(text, annotations, claimList);
}

function time(name: string, run: () => unknown, budget?: number): void {
  const durations: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const out = run();
    durations.push(performance.now() - started);
    size = typeof out === 'string' ? out.length : size;
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const verdict =
    budget === undefined
      ? ''
      : median < budget
        ? `  OK (< ${budget} ms)`
        : `  OVER BUDGET (${budget} ms)`;
  console.log(
    `${name.padEnd(44)} first ${durations[0]?.toFixed(0).padStart(4)} ms, median ${median.toFixed(0).padStart(4)} ms` +
      `${size ? `, ${(size / MB).toFixed(1)} MB` : ''}${verdict}`,
  );
  if (budget !== undefined && median >= budget) process.exitCode = 1;
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}${gc ? ', gc exposed' : ' (run with NODE_OPTIONS=--expose-gc for exact heap figures)'}`,
  );
  console.log(`\n${CLAIM_COUNT.toLocaleString('en')} claims, streamed:`);
  await measureStream('ClaimReview JSON-LD (async generator)', () =>
    toClaimReviewJsonLd(claims(CLAIM_COUNT), CONFIG),
  );
  await measureStream('CSV (async generator)', () => toCsv(claims(CLAIM_COUNT)));
  await measureStream('CSV via ReadableStream (64 KiB batches)', () =>
    streamToBytesSync(toReadableStream(toCsv(claims(CLAIM_COUNT)))),
  );

  const input = bigArticle();
  const overlapping = countOverlapping(input.annotations);
  const depth = Math.max(...assignLanes(input.annotations)) + 1;
  console.log(
    `\nArticle: ${ARTICLE_WORDS.toLocaleString('en')} words (${(input.article.revision.text.length / 1024).toFixed(0)} KiB), ` +
      `${input.annotations.length.toLocaleString('en')} annotations, ${overlapping.toLocaleString('en')} overlapping another, ` +
      `up to ${depth} deep:`,
  );
  const options = { now: new Date('2026-11-24T12:00:00Z') };
  time('annotated HTML', () => toAnnotatedHtml(input, CONFIG, options), HTML_BUDGET_MS);
  time('annotated Markdown', () => toAnnotatedMarkdown(input, CONFIG, options));
  time('annotated JSON', () => toAnnotatedJson(input, CONFIG, options));
  time('Web Annotation collection (JSON-LD)', () =>
    JSON.stringify(buildWebAnnotationCollection(input, CONFIG, options)),
  );
}

/** Reads a byte stream to the end, yielding one marker chunk per batch read. */
async function* streamToBytesSync(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield ' '.repeat(value.byteLength);
  }
}

function countOverlapping(annotations: readonly ExportAnnotation[]): number {
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  let maxEnd = -1;
  const overlapping = new Set<ExportAnnotation>();
  let previous: ExportAnnotation | undefined;
  for (const a of sorted) {
    if (a.start < maxEnd && previous) {
      overlapping.add(a);
      overlapping.add(previous);
    }
    if (a.end > maxEnd) {
      maxEnd = a.end;
      previous = a;
    }
  }
  return overlapping.size;
}

await main();
