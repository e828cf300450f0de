/**
 * Extraction quality and speed on real pages with human-made expectations: trafilatura's
 * evaluation corpus (lib/import/fixtures/trafilatura-eval, 200 pages, Apache-2.0; see its
 * README). Per page, passages that must appear in the article text ("with") and passages that
 * must not ("without") are matched as whitespace-normalised substrings, as trafilatura's own
 * evaluation does (tests/eval_common.py): precision = found musts / (found musts + kept
 * must-nots), recall = share of musts found, F1 their harmonic mean, and the share of must-nots
 * wrongly kept.
 *
 * Three extractors over the same pages, with the same DOM (server/import/dom: parse5's tree in
 * linkedom), each in a pass of its own over all pages (after a garbage collection), so that one
 * extractor's garbage is not collected inside another's timing:
 *   - Factmark on HTML: the import pipeline of an uploaded .html file (decode, extract, clean);
 *   - Readability.js (@mozilla/readability) on the same decoded, defused HTML: textContent;
 *   - Factmark on pasted block text: each page's blocks as plain text lines, then cleanText.
 * A fourth pass times the DOM parse alone. For each: CPU time per page (median, p95, max, and
 * the pages over 300 ms: the bar of issue #13 is the import's), the load average beside it;
 * the import's wall time too, and (Linux) its main thread's CPU time: the process's CPU time
 * also counts V8's background threads (compiling hot code, which is most of the gap on a first
 * pass over new pages, and concurrent GC), which run beside the import on another core. Then
 * memory: each of the `--memory` largest pages (default 20) is imported again in a fresh
 * process, whose peak RSS above the same process after loading and a warm-up import is the
 * memory that page needs.
 *
 * Cold and warmed: the passes above are a first pass over the pages, in a process warmed up on
 * only a few of them (WARM_UP_PAGES), so the process's CPU time also counts compiling the code
 * paths each new page takes. A server that imports pages has imported many before; so with
 * --corpus (another set of pages), the process then imports every page of the real corpus
 * (trafilatura's 200) untimed, and times the import over the --corpus pages once more: the
 * "warmed" figures (process CPU, main-thread CPU and wall time), printed after the cold ones.
 *
 * Run: npx tsx bench/import-corpus.bench.ts [--pages N] [--memory N] [--corpus DIR]
 * [--server-flags] (DIR: another corpus in the same layout, e.g. the rest of trafilatura's 990
 * pages, or the 1-2 MB pages bench/grow-pages.ts makes from these). By default every process
 * runs with Node's defaults; --server-flags runs them (the memory children too) with the app
 * server's Node flags (scripts/build.ts SERVER_NODE_FLAGS: a larger young generation, so fewer
 * scavenges), which is what an import on the server gets. The first line says which ran.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { cleanText } from '../lib/import';
import { decodeText } from '../server/import/decode';
import { parseDocument } from '../server/import/dom';
import { defuseHtml, extractHtml } from '../server/import/html';
import { prepareImport } from '../server/import/prepare';
import { importSettings } from '../server/import/settings';

const DEFAULT_CORPUS = new URL('../lib/import/fixtures/trafilatura-eval/', import.meta.url);
/** The bar of issue #13 for one page: CPU time of the import. */
const PAGE_MS = 300;
/** Best published figure on this corpus: trafilatura 2.2.0 (standard), docs/evaluation.rst. */
const PUBLISHED_BEST = {
  name: 'trafilatura 2.2.0 (990 pages)',
  precision: 0.906,
  recall: 0.943,
  f1: 0.924,
};

type Expectation = { url: string; with: string[]; without: string[] };
type Counts = { tp: number; fp: number; fn: number; tn: number };

/**
 * Whitespace collapsed, and invisible formatting characters (soft hyphens, zero-width spaces,
 * BOMs) dropped on both sides: the cleaner drops them so that quotes match, and some pages'
 * expected passages carry them ("Werk\u00adzeug"). Same for every extractor scored.
 */
const norm = (text: string) =>
  text
    .replace(/[\u00ad\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function count(expect: Expectation, output: string): Counts {
  const text = norm(output);
  const tp = expect.with.filter((w) => text.includes(norm(w))).length;
  const fp = expect.without.filter((w) => text.includes(norm(w))).length;
  return { tp, fp, fn: expect.with.length - tp, tn: expect.without.length - fp };
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

function scores(c: Counts) {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return { precision, recall, f1, wronglyKept: c.fp / (c.fp + c.tn || 1) };
}

const f3 = (x: number) => x.toFixed(3);

function readabilityText(html: string): string {
  try {
    const article = new Readability(parseDocument(defuseHtml(html))).parse();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
}

function importPage(bytes: Uint8Array) {
  return prepareImport(
    { kind: 'file', name: 'page.html', type: 'text/html', bytes },
    importSettings(),
  );
}

function pastedText(html: string): string {
  const lines = extractHtml(html, { readability: false }).blocks.map((b) => b.text);
  try {
    return cleanText(lines.join('\n')).text;
  } catch {
    return '';
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string' },
      memory: { type: 'string' },
      corpus: { type: 'string' },
      child: { type: 'string' },
      'server-flags': { type: 'boolean' },
    },
  });
  if (values['server-flags'] && process.env[NODE_FLAGS_ENV] === undefined) {
    return runWithServerFlags();
  }
  const CORPUS = values.corpus
    ? pathToFileURL(`${values.corpus.replace(/\/$/, '')}/`)
    : DEFAULT_CORPUS;
  if (values.child) return memoryChild(new URL(`pages/${values.child}`, CORPUS));
  const expectations = JSON.parse(readFileSync(new URL('evaldata.json', CORPUS), 'utf8')) as Record<
    string,
    Expectation
  >;
  const files = readdirSync(new URL('pages/', CORPUS)).sort();
  const limit = values.pages ? Number(values.pages) : files.length;
  const chosen = files.slice(0, limit);
  console.log(
    `node flags: ${nodeFlags().join(' ') || "none (Node's defaults; --server-flags runs the server's)"}`,
  );
  const pageBytes = (file: string) => gunzipSync(readFileSync(new URL(`pages/${file}`, CORPUS)));
  const htmlOf = (file: string) => decodeText(pageBytes(file), { html: true });
  // A server imports warm: the first page of a process also pays for loading the parser,
  // Readability and the cleaner (about 1 s), and the first pages for compiling their code
  // paths (on V8's background threads, which the process's CPU time counts). Neither is a
  // page's cost, so the process first imports a one-line page, and each pass first runs its
  // extractor untimed on the corpus's first WARM_UP_PAGES pages.
  await importPage(WARM_UP);
  const warmUp = chosen.slice(0, WARM_UP_PAGES);

  // Each extractor runs over all pages in a pass of its own, so that the garbage one leaves is
  // not collected (and timed) inside another's page.
  // Pass 1: Factmark's import of an uploaded .html file (decode, extract, clean).
  const outputs = new Map<string, string>();
  let failures = 0;
  const times: number[] = [];
  let largest = { bytes: 0, ms: 0, file: '' };
  const sizes: { file: string; bytes: number }[] = [];
  const importCpu = await timedPass(chosen, warmUp, pageBytes, async (bytes, file, timed) => {
    const started = performance.now();
    let text = '';
    try {
      text = (await importPage(bytes)).clean.text;
    } catch {
      if (timed) failures++;
    }
    if (!timed) return;
    const ms = performance.now() - started;
    times.push(ms);
    outputs.set(file, text);
    if (bytes.length > largest.bytes) largest = { bytes: bytes.length, ms, file };
    sizes.push({ file, bytes: bytes.length });
  });
  const importMainThread = mainThreadTimes;
  const importPass = async (bytes: Uint8Array, _file: string, timed: boolean) => {
    const started = performance.now();
    try {
      await importPage(bytes);
    } catch {
      // the cold pass counted the failure
    }
    if (timed) warmedWall.push(performance.now() - started);
  };
  // Pass 2: the DOM parse alone (what the DOM costs of an import).
  const parseCpu = await timedPass(chosen, warmUp, htmlOf, (html) => {
    try {
      parseDocument(defuseHtml(html));
    } catch {
      // the import itself counted the failure
    }
  });
  // Pass 3: Readability.js on the same decoded, defused HTML; pass 4: pasted block text.
  const readabilityOutputs = new Map<string, string>();
  const readabilityCpu = await timedPass(chosen, warmUp, htmlOf, (html, file) =>
    readabilityOutputs.set(file, readabilityText(html)),
  );
  const pastedOutputs = new Map<string, string>();
  const pastedCpu = await timedPass(chosen, warmUp, htmlOf, (html, file) =>
    pastedOutputs.set(file, pastedText(html)),
  );

  const zero: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const totals = { factmark: zero, readability: zero, pasted: zero };
  const perPage: {
    file: string;
    url: string;
    errors: number;
    factmark: Counts;
    readability: Counts;
  }[] = [];
  for (const file of chosen) {
    const expect = expectations[file]!;
    const factmark = count(expect, outputs.get(file)!);
    const readability = count(expect, readabilityOutputs.get(file)!);
    totals.factmark = add(totals.factmark, factmark);
    totals.readability = add(totals.readability, readability);
    totals.pasted = add(totals.pasted, count(expect, pastedOutputs.get(file)!));
    perPage.push({
      file,
      url: expect.url,
      errors: factmark.fn + factmark.fp,
      factmark,
      readability,
    });
  }

  const pages = perPage.length;
  const segments = totals.factmark.tp + totals.factmark.fn;
  const boilerplate = totals.factmark.fp + totals.factmark.tn;
  console.log(
    `trafilatura evaluation corpus: ${pages} pages, ${segments} must and ${boilerplate} must-not passages`,
  );
  console.log('                       precision  recall  F1     must-nots kept');
  const row = (name: string, c: Counts) => {
    const s = scores(c);
    console.log(
      `${name.padEnd(23)}${f3(s.precision)}      ${f3(s.recall)}   ${f3(s.f1)}  ${f3(s.wronglyKept)}`,
    );
    return s;
  };
  const html = row('Factmark (HTML)', totals.factmark);
  const readability = row('Readability.js 0.6', totals.readability);
  const pasted = row('Factmark (pasted text)', totals.pasted);
  console.log(
    `${'published best'.padEnd(23)}${f3(PUBLISHED_BEST.precision)}      ${f3(PUBLISHED_BEST.recall)}   ${f3(PUBLISHED_BEST.f1)}  (${PUBLISHED_BEST.name})`,
  );
  console.log('');
  console.log(
    `beats Readability.js on every metric: ${html.precision > readability.precision && html.recall > readability.recall && html.f1 > readability.f1 && html.wronglyKept < readability.wronglyKept ? 'yes' : 'NO'}`,
  );
  console.log(
    `reaches the published best F1 on these pages: ${html.f1 >= PUBLISHED_BEST.f1 ? 'yes' : 'NO'} (the published figure is over all 990 pages; run --corpus on the rest to compare)`,
  );
  console.log(
    `pasted text within 0.04 F1 of HTML: ${html.f1 - pasted.f1 <= 0.04 ? 'yes' : 'NO'} (gap ${f3(html.f1 - pasted.f1)})`,
  );
  console.log(`imports that failed: ${failures}`);
  console.log('');
  const wall = summary(times);
  console.log(
    `cold: CPU time per page on a first pass over these pages (warmed up on ${WARM_UP_PAGES} of them), each extractor in its own pass (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end):`,
  );
  const timing = (name: string, cpuTimes: number[]) => {
    const cpu = summary(cpuTimes);
    const over = chosen
      .map((file, i) => ({ file, ms: cpuTimes[i]! }))
      .filter((p) => p.ms > PAGE_MS);
    console.log(
      `  ${name.padEnd(27)}median ${cpu.median} ms, p95 ${cpu.p95} ms, max ${cpu.max} ms; ${over.length} of ${pages} over ${PAGE_MS} ms${over.length ? `: ${over.map((p) => `${p.file} ${p.ms.toFixed(0)} ms`).join(', ')}` : ''}`,
    );
  };
  timing('Factmark import (HTML)', importCpu);
  if (importMainThread.length) timing('  on the main thread', importMainThread);
  timing('  of which the DOM parse', parseCpu);
  timing('Readability.js 0.6', readabilityCpu);
  timing('Factmark (pasted text)', pastedCpu);
  console.log(
    `  import time per page, wall (shared machine): median ${wall.median} ms, p95 ${wall.p95} ms, max ${wall.max} ms; largest page ${(largest.bytes / 1e6).toFixed(2)} MB in ${largest.ms.toFixed(0)} ms; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (four passes over every page)`,
  );
  if (values.corpus) {
    // Warmed: as a server that has imported many pages, after the real corpus's pages.
    const realFiles = readdirSync(new URL('pages/', DEFAULT_CORPUS)).sort();
    const realBytes = (file: string) =>
      gunzipSync(readFileSync(new URL(`pages/${file}`, DEFAULT_CORPUS)));
    const warmedCpu = await timedPass(
      chosen,
      async () => {
        for (const file of realFiles) await importPass(realBytes(file), file, false);
      },
      pageBytes,
      importPass,
    );
    const warmedMain = mainThreadTimes;
    const warmed = summary(warmedWall);
    console.log(
      `warmed: the import again, after importing the ${realFiles.length} pages of the real corpus (untimed), as a server that has imported pages before:`,
    );
    timing('Factmark import (HTML)', warmedCpu);
    if (warmedMain.length) timing('  on the main thread', warmedMain);
    console.log(
      `  wall                       median ${warmed.median} ms, p95 ${warmed.p95} ms, max ${warmed.max} ms (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end)`,
    );
  }
  const memoryPages = Number(values.memory ?? 20);
  if (memoryPages > 0) {
    const largestPages = [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, memoryPages);
    const peaks = largestPages.map(({ file, bytes }) => ({
      file,
      bytes,
      mb: memoryOfPage(file, CORPUS),
    }));
    const worst = peaks.reduce((a, b) => (b.mb > a.mb ? b : a));
    console.log(
      `memory per page (peak RSS above a warmed-up process, the ${peaks.length} largest pages, ${(largestPages.at(-1)!.bytes / 1e6).toFixed(2)}-${(largestPages[0]!.bytes / 1e6).toFixed(2)} MB of HTML): median ${summary(peaks.map((p) => p.mb)).median} MB, max ${worst.mb.toFixed(0)} MB (${worst.file}, ${(worst.bytes / 1e6).toFixed(2)} MB)`,
    );
  }
  console.log('');
  console.log('ten worst pages (Factmark on HTML: musts missed + must-nots kept):');
  for (const p of [...perPage].sort((a, b) => b.errors - a.errors).slice(0, 10)) {
    console.log(
      `  ${p.file}  missed ${p.factmark.fn}, kept ${p.factmark.fp} (Readability.js: missed ${p.readability.fn}, kept ${p.readability.fp})  ${p.url}`,
    );
  }
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  return { median: at(0.5).toFixed(0), p95: at(0.95).toFixed(0), max: at(1).toFixed(0) };
}

/** Peak RSS (MB) a fresh process adds to import one page, after loading and a warm-up. */
function memoryOfPage(file: string, corpus: URL): number {
  const result = spawnSync(
    process.execPath,
    [
      ...nodeFlags(),
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      file,
      '--corpus',
      fileURLToPath(corpus),
    ],
    { encoding: 'utf8' },
  );
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  const { base, peak } = JSON.parse(line) as { base: number; peak: number };
  return (peak - base) / 1024;
}

/** Names the Node flags this run's processes were started with (set by --server-flags). */
const NODE_FLAGS_ENV = 'FACTMARK_BENCH_NODE_FLAGS';

/** The Node flags of this run: none by default, the server's with --server-flags. */
function nodeFlags(): string[] {
  return process.env[NODE_FLAGS_ENV]?.split(' ').filter(Boolean) ?? [];
}

/**
 * Runs this benchmark again, with the same arguments, in a process started with the app
 * server's Node flags (Node takes them only at start), and exits as it does.
 */
async function runWithServerFlags(): Promise<void> {
  const { SERVER_NODE_FLAGS } = await import('../scripts/build');
  const result = spawnSync(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [NODE_FLAGS_ENV]: SERVER_NODE_FLAGS.join(' ') } },
  );
  process.exit(result.status ?? 1);
}

/** Pages of the corpus each pass runs untimed first (see the warm-up in `main`). */
const WARM_UP_PAGES = 5;

const WARM_UP = new TextEncoder().encode(
  '<html><head><title>Warm-up</title></head><body><h1>Warm-up</h1><p>A first page loads the parser, Readability and the cleaner, which every later page shares.</p></body></html>',
);

async function memoryChild(page: URL): Promise<void> {
  await importPage(WARM_UP);
  const bytes = gunzipSync(readFileSync(page));
  const base = process.resourceUsage().maxRSS;
  await importPage(bytes);
  console.log(JSON.stringify({ base, peak: process.resourceUsage().maxRSS }));
}

/**
 * CPU times of `run` on each page's input (read outside the timing), after a garbage
 * collection and an untimed run on the `warmUp` pages (or of the `warmUp` function).
 */
async function timedPass<T>(
  files: string[],
  warmUp: string[] | (() => Promise<void>),
  input: (file: string) => T,
  run: (input: T, file: string, timed: boolean) => unknown,
): Promise<number[]> {
  // The warm-up comes after the collection: a forced collection also throws away much of the
  // optimised code (V8 deoptimises code holding objects it frees), and the first page after it
  // took 500-800 ms of process CPU recompiling, against 100-250 ms without it.
  collectGarbage();
  if (typeof warmUp === 'function') await warmUp();
  else for (const file of warmUp) await run(input(file), file, false);
  const times: number[] = [];
  mainThreadTimes = [];
  for (const file of files) {
    const value = input(file);
    const start = process.cpuUsage();
    const mainStart = mainThreadMs();
    await run(value, file, true);
    times.push(cpuMs(process.cpuUsage(start)));
    if (mainStart !== null) mainThreadTimes.push(mainThreadMs()! - mainStart);
  }
  return times;
}

/** Wall times per page of the warmed import pass. */
const warmedWall: number[] = [];

/** The main thread's CPU times per page of the last pass (Linux only; empty elsewhere). */
let mainThreadTimes: number[] = [];

/**
 * CPU time (ms) this thread has run, from the scheduler's count (Linux); null elsewhere. The
 * import runs on the main thread; the process's CPU time also counts V8's background threads
 * (optimising compiler, concurrent marking and sweeping), which run beside it on another core.
 */
function mainThreadMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** A full garbage collection (V8's `gc`, exposed for this process only). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
