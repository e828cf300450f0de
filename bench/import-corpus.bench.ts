/**
 * Extraction quality and speed on real pages with human-made expectations: trafilatura's
 * evaluation corpus (lib/import/fixtures/trafilatura-eval, 200 pages, Apache-2.0; see its
 * README). Per page, passages that must appear in the article text ("with") and passages that
 * must not ("without") are matched as whitespace-normalised substrings, as trafilatura's own
 * evaluation does (tests/eval_common.py): precision = found musts / (found musts + kept
 * must-nots), recall = share of musts found, F1 their harmonic mean, and the share of must-nots
 * wrongly kept.
 *
 * Three runs over the same pages, in the same process, with the same DOM (jsdom):
 *   - Factmark on HTML: the import pipeline of an uploaded .html file (decode, extract, clean);
 *   - Readability.js (@mozilla/readability) on the same decoded, defused HTML: textContent;
 *   - Factmark on pasted block text: each page's blocks as plain text lines, then cleanText.
 * Then the cleaner's time per page (median, max; wall and CPU, and the CPU of jsdom's parse
 * alone) and the process's peak memory.
 *
 * Run: npx tsx bench/import-corpus.bench.ts [--pages N]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanText } from '../lib/import';
import { decodeText } from '../server/import/decode';
import { defuseHtml, extractHtml } from '../server/import/html';
import { prepareImport } from '../server/import/prepare';
import { importSettings } from '../server/import/settings';

const CORPUS = new URL('../lib/import/fixtures/trafilatura-eval/', import.meta.url);
/** Best published figure on this corpus: trafilatura 2.2.0 (standard), docs/evaluation.rst. */
const PUBLISHED_BEST = {
  name: 'trafilatura 2.2.0 (990 pages)',
  precision: 0.906,
  recall: 0.943,
  f1: 0.924,
};

type Expectation = { url: string; with: string[]; without: string[] };
type Counts = { tp: number; fp: number; fn: number; tn: number };

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

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
const quiet = new VirtualConsole();

function readabilityText(html: string, url: string): string {
  try {
    const dom = new JSDOM(defuseHtml(html), { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article?.textContent ?? '';
  } catch {
    return '';
  }
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
  const { values } = parseArgs({ options: { pages: { type: 'string' } } });
  const expectations = JSON.parse(readFileSync(new URL('evaldata.json', CORPUS), 'utf8')) as Record<
    string,
    Expectation
  >;
  const files = readdirSync(new URL('pages/', CORPUS)).sort();
  const limit = values.pages ? Number(values.pages) : files.length;
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
  /** CPU time of jsdom's parse alone of the same page: what the DOM costs of the import. */
  const parseTimes: number[] = [];
  let largest = { bytes: 0, ms: 0, file: '' };
  let failures = 0;
  for (const file of files.slice(0, limit)) {
    const expect = expectations[file]!;
    const bytes = gunzipSync(readFileSync(new URL(`pages/${file}`, CORPUS)));
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    let text = '';
    try {
      const prepared = await prepareImport(
        { kind: 'file', name: 'page.html', type: 'text/html', bytes },
        importSettings(),
      );
      text = prepared.clean.text;
    } catch {
      failures++;
    }
    const ms = performance.now() - started;
    times.push(ms);
    cpuTimes.push(cpuMs(process.cpuUsage(cpuStart)));
    const html = decodeText(bytes, { html: true });
    const parseStart = process.cpuUsage();
    try {
      new JSDOM(defuseHtml(html)).window.close();
    } catch {
      // counted as a failure above when the import itself failed
    }
    parseTimes.push(cpuMs(process.cpuUsage(parseStart)));
    if (bytes.length > largest.bytes) largest = { bytes: bytes.length, ms, file };
    const factmark = count(expect, text);
    const readability = count(expect, readabilityText(html, expect.url));
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
  console.log(`reaches the published best F1: ${html.f1 >= PUBLISHED_BEST.f1 ? 'yes' : 'NO'}`);
  console.log(
    `pasted text within 0.04 F1 of HTML: ${html.f1 - pasted.f1 <= 0.04 ? 'yes' : 'NO'} (gap ${f3(html.f1 - pasted.f1)})`,
  );
  console.log(`imports that failed: ${failures}`);
  console.log('');
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `cleaning time per page: median ${sorted[Math.floor(pages / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; largest page ${(largest.bytes / 1e6).toFixed(2)} MB in ${largest.ms.toFixed(0)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (whole process, three extractors)`,
  );
  const cpu = [...cpuTimes].sort((a, b) => a - b);
  const parse = [...parseTimes].sort((a, b) => a - b);
  console.log(
    `CPU time per page (import pipeline): median ${cpu[Math.floor(pages / 2)]!.toFixed(0)} ms, max ${cpu.at(-1)!.toFixed(0)} ms, ${cpu.filter((t) => t > 300).length} of ${pages} pages over 300 ms; jsdom's parse alone: median ${parse[Math.floor(pages / 2)]!.toFixed(0)} ms, max ${parse.at(-1)!.toFixed(0)} ms`,
  );
  console.log('');
  console.log('ten worst pages (Factmark on HTML: musts missed + must-nots kept):');
  for (const p of [...perPage].sort((a, b) => b.errors - a.errors).slice(0, 10)) {
    console.log(
      `  ${p.file}  missed ${p.factmark.fn}, kept ${p.factmark.fp} (Readability.js: missed ${p.readability.fn}, kept ${p.readability.fp})  ${p.url}`,
    );
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
