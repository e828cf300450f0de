/**
 * Import cleaner benchmark: cleanText on a ~1 MB scraped page. Target: under 300 ms per run.
 *
 * Run: npx tsx bench/clean.bench.ts
 *
 * The page is generated from a fixed seed, so runs are comparable. It repeats the shapes of a
 * real scrape: masthead and menu, prose paragraphs (some cut mid-sentence by a "Most Recent
 * Stories" list), share and newsletter lines, repeated paragraphs (exact and cut short) for the
 * duplicate finder, and a footer.
 */
import { cleanText } from '../lib/import/index';
import { buildScrapedPage } from './import-page';

const TARGET_BYTES = 1_000_000;
const RUNS = 7;
const TARGET_MS = 300;

const page = buildScrapedPage(TARGET_BYTES);
const bytes = Buffer.byteLength(page, 'utf8');

// Warm-up run (JIT), then measured runs.
let result = cleanText(page);
const times: number[] = [];
let heapPeak = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  result = cleanText(page);
  times.push(performance.now() - started);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const max = times.at(-1)!;
const counts = new Map<string, number>();
for (const group of result.removed) counts.set(group.reason, (counts.get(group.reason) ?? 0) + 1);

console.log(`page: ${(bytes / 1e6).toFixed(2)} MB, ${result.segments.length} blocks`);
console.log(
  `kept: ${result.blocks.length} blocks, ${(result.text.length / 1e6).toFixed(2)} M chars`,
);
console.log(`removed groups: ${[...counts].map(([r, n]) => `${r} ${n}`).join(', ')}`);
console.log(
  `cleanText over ${RUNS} runs: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
);
console.log(`heap used (peak after a run): ${(heapPeak / 1e6).toFixed(1)} MB`);
console.log(median < TARGET_MS ? `OK: under ${TARGET_MS} ms` : `SLOW: target is ${TARGET_MS} ms`);
