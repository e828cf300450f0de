/**
 * Extraction quality and speed on real pages with human-made expectations: trafilatura's
 * evaluation corpus (lib/import/fixtures/trafilatura-eval, 200 pages, Apache-2.0; see its
 * README). Per page, passages that must appear in the article text ("with") and passages that
 * must not ("without") are matched as whitespace-normalised substrings, as trafilatura's own
 * evaluation does (tests/eval_common.py): precision = found musts / (found musts + kept
 * must-nots), recall = share of musts found, F1 their harmonic mean, and the share of must-nots
 * wrongly kept.
 *
 * Three runs over the same pages, in the same process, with the same DOM (server/import/dom:
 * parse5's tree in linkedom):
 *   - Factmark on HTML: the import pipeline of an uploaded .html file (decode, extract, clean);
 *   - Readability.js (@mozilla/readability) on the same decoded, defused HTML: textContent;
 *   - Factmark on pasted block text: each page's blocks as plain text lines, then cleanText.
 * Then the import's time per page (median, p95, max, pages over 300 ms; wall and CPU, and the
 * CPU of the DOM parse alone) and its memory: each of the `--memory` largest pages (default 20)
 * is imported again in a fresh process, whose peak RSS above the same process after loading
 * and a warm-up import is the memory that page needs.
 *
 * Run: npx tsx bench/import-corpus.bench.ts [--pages N] [--memory N] [--corpus DIR]
 * (DIR: another corpus in the same layout, e.g. the rest of trafilatura's 990 pages.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
    },
  });
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
  // A server imports warm: the first page of a process would also pay for loading the parser,
  // Readability and the cleaner (about 1 s) and for compiling their code paths, which is not a
  // page's cost. So the first page is imported once, untimed, before the timed run.
  await importPage(WARM_UP);
  if (files.length)
    await importPage(gunzipSync(readFileSync(new URL(`pages/${files[0]}`, CORPUS))));
  const zero: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const totals = { factmark: zero, readability: zero, pasted: zero };
  const perPage: {
    file: string;
    url: string;
    errors: number;
    factmark: Counts;
    readability: Counts;
  }[] = [];
  const times: number[] = [];
  /** CPU time of the import (the machine is shared, so wall time is mostly waiting). */
  const cpuTimes: number[] = [];
  /** CPU time of the DOM parse alone of the same page: what the DOM costs of the import. */
  const parseTimes: number[] = [];
  let largest = { bytes: 0, ms: 0, file: '' };
  let failures = 0;
  const sizes: { file: string; bytes: number }[] = [];
  /** Pages whose import took more than PAGE_MS of CPU. */
  const slow: { file: string; bytes: number; ms: number }[] = [];
  for (const file of files.slice(0, limit)) {
    const expect = expectations[file]!;
    const bytes = gunzipSync(readFileSync(new URL(`pages/${file}`, CORPUS)));
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    let text = '';
    try {
      text = (await importPage(bytes)).clean.text;
    } catch {
      failures++;
    }
    const ms = performance.now() - started;
    times.push(ms);
    const cpu = cpuMs(process.cpuUsage(cpuStart));
    cpuTimes.push(cpu);
    if (cpu > PAGE_MS) slow.push({ file, bytes: bytes.length, ms: cpu });
    const html = decodeText(bytes, { html: true });
    const parseStart = process.cpuUsage();
    try {
      parseDocument(defuseHtml(html));
    } catch {
      // counted as a failure above when the import itself failed
    }
    parseTimes.push(cpuMs(process.cpuUsage(parseStart)));
    if (bytes.length > largest.bytes) largest = { bytes: bytes.length, ms, file };
    sizes.push({ file, bytes: bytes.length });
    const factmark = count(expect, text);
    const readability = count(expect, readabilityText(html));
    totals.factmark = add(totals.factmark, factmark);
    totals.readability = add(totals.readability, readability);
    totals.pasted = add(totals.pasted, count(expect, pastedText(html)));
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
  const cpu = summary(cpuTimes);
  const parse = summary(parseTimes);
  console.log(
    `import time per page, CPU: median ${cpu.median} ms, p95 ${cpu.p95} ms, max ${cpu.max} ms, ${cpuTimes.filter((t) => t > PAGE_MS).length} of ${pages} pages over ${PAGE_MS} ms; the DOM parse alone: median ${parse.median} ms, p95 ${parse.p95} ms, max ${parse.max} ms`,
  );
  for (const page of slow) {
    console.log(
      `  over ${PAGE_MS} ms: ${page.file} (${(page.bytes / 1e3).toFixed(0)} KB) ${page.ms.toFixed(0)} ms CPU`,
    );
  }
  console.log(
    `import time per page, wall (shared machine): median ${wall.median} ms, p95 ${wall.p95} ms, max ${wall.max} ms; largest page ${(largest.bytes / 1e6).toFixed(2)} MB in ${largest.ms.toFixed(0)} ms; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (three extractors over every page)`,
  );
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

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
