/**
 * Fits the weights of lib/import/line-model.ts (the second look at kept blocks of text without
 * markup) and writes lib/import/line-model-weights.ts.
 *
 * Training pages: a corpus in the layout of bench/import-corpus.bench.ts (evaldata.json of
 * {url, file, with, without} + pages/NNN.html.gz) that must NOT be the evaluation corpus
 * (lib/import/fixtures/trafilatura-eval): the weights were fit on the other 749 pages of
 * trafilatura's evaluation set (adbar/trafilatura at commit e90b0ef, as the committed pages:
 * the pages of tests/eval and tests/cache listed in tests/evaldata.json, minus the 200
 * committed pages by file name; 41 listed pages have no HTML; each page gzipped as
 * pages/NNN.html.gz beside an evaldata.json of {url, file, with, without}). Each page is turned into pasted block text exactly as the corpus bench does,
 * classified by the rules, and every block the rules keep is labelled by the passages it holds:
 * furniture when it holds a must-not passage and no must passage, article when it holds a must
 * passage and no must-not one (unlabelled blocks are left out). A logistic regression with an L2
 * penalty is fit on those blocks (weight = number of passages), then the threshold is chosen
 * that gives the best passage F1 over the training pages; a two-fold split of the training pages
 * is printed as a check that the fit generalises.
 *
 * Run: npx tsx bench/fit-line-model.ts --corpus DIR [--cache FILE] [--dry-run]
 * (--cache keeps the pages' block text in FILE between runs: the HTML walk is most of the time.)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { classifyBlocks, splitBlocks } from '../lib/import';
import {
  furnitureProbability,
  judgedByLineModel,
  LINE_FEATURES,
  lineFeatures,
} from '../lib/import/line-model';
import { decodeText } from '../server/import/decode';
import { extractHtml } from '../server/import/html';

type Expectation = { url: string; with: string[]; without: string[] };

const norm = (text: string) =>
  text
    .replace(/[\u00ad\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** One page: its blocks' texts, which the rules keep, which the model may judge, features. */
interface Page {
  texts: string[];
  kept: boolean[];
  eligible: boolean[];
  x: number[][];
  with: string[];
  without: string[];
}

/** L2 penalty of the regression and its optimisation. */
const L2 = 1e-3;
const STEPS = 3000;
const RATE = 0.05;

/**
 * Each page's pasted block text (the HTML walk is most of the time): read from `cache` when
 * given and present, written there otherwise.
 */
function pastedTexts(dir: string, files: string[], cache?: string): string[] {
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as string[];
  const texts = files.map((file) => {
    const html = decodeText(gunzipSync(readFileSync(`${dir}/pages/${file}`)), { html: true });
    return extractHtml(html, { readability: false })
      .blocks.map((b) => b.text)
      .join('\n');
  });
  if (cache) writeFileSync(cache, JSON.stringify(texts));
  return texts;
}

function loadPages(dir: string, cache?: string): Page[] {
  const expectations = JSON.parse(readFileSync(`${dir}/evaldata.json`, 'utf8')) as Record<
    string,
    Expectation
  >;
  const files = readdirSync(`${dir}/pages`)
    .sort()
    .filter((file) => expectations[file]);
  const texts = pastedTexts(dir, files, cache);
  const pages: Page[] = [];
  for (const [k, file] of files.entries()) {
    const expect = expectations[file]!;
    const text = texts[k]!;
    const blocks = splitBlocks(text);
    const analysis = classifyBlocks(blocks);
    const reasons = analysis.verdicts.map((v) => v.reason);
    pages.push({
      texts: blocks.map((b) => norm(b.text)),
      kept: reasons.map((r) => r === null),
      eligible: blocks.map(
        (_, i) => analysis.firstAnchor >= 0 && judgedByLineModel(analysis, reasons, i),
      ),
      x: lineFeatures(analysis, reasons),
      with: expect.with.map(norm),
      without: expect.without.map(norm),
    });
  }
  return pages;
}

/** Labelled samples: eligible blocks holding passages of one kind only. */
function samples(pages: Page[]) {
  const xs: number[][] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const page of pages) {
    page.texts.forEach((text, i) => {
      if (!page.eligible[i]) return;
      const musts = page.with.filter((w) => text.includes(w)).length;
      const mustNots = page.without.filter((w) => text.includes(w)).length;
      if (musts > 0 === mustNots > 0) return;
      xs.push(page.x[i]!);
      ys.push(mustNots > 0 ? 1 : 0);
      ws.push(musts + mustNots);
    });
  }
  return { xs, ys, ws };
}

/** Logistic regression by full-batch Adam; the bias is not penalised. */
function fit(xs: number[][], ys: number[], ws: number[]): number[] {
  const d = xs[0]!.length;
  const w = new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const total = ws.reduce((a, b) => a + b, 0);
  for (let step = 1; step <= STEPS; step++) {
    const grad = new Array<number>(d).fill(0);
    for (let s = 0; s < xs.length; s++) {
      const x = xs[s]!;
      const error = (furnitureProbability(x, w) - ys[s]!) * ws[s]!;
      for (let k = 0; k < d; k++) grad[k]! += error * x[k]!;
    }
    for (let k = 0; k < d; k++) {
      const g = grad[k]! / total + (k === 0 ? 0 : L2 * w[k]!);
      m[k] = 0.9 * m[k]! + 0.1 * g;
      v[k] = 0.999 * v[k]! + 0.001 * g * g;
      const mHat = m[k]! / (1 - 0.9 ** step);
      const vHat = v[k]! / (1 - 0.999 ** step);
      w[k]! -= (RATE * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return w;
}

/** Passage F1 over pages when blocks the model scores at `threshold` or more are removed. */
function passageScores(pages: Page[], w: number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const page of pages) {
    const text = page.texts
      .filter(
        (_, i) =>
          page.kept[i] && !(page.eligible[i] && furnitureProbability(page.x[i]!, w) >= threshold),
      )
      .join(' ');
    const found = page.with.filter((p) => text.includes(p)).length;
    tp += found;
    fn += page.with.length - found;
    fp += page.without.filter((p) => text.includes(p)).length;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

const THRESHOLDS = Array.from({ length: 21 }, (_, k) => 0.5 + k * 0.02);

function bestThreshold(pages: Page[], w: number[]): number {
  let best = { t: 1, f1: passageScores(pages, w, 1.01).f1 };
  for (const t of THRESHOLDS) {
    const { f1 } = passageScores(pages, w, t);
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}

const f3 = (x: number) => x.toFixed(3);
const line = (name: string, s: { precision: number; recall: number; f1: number }) =>
  console.log(`${name.padEnd(34)} P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}`);

function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      cache: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  if (!values.corpus) throw new Error('--corpus DIR (the training pages) is required');
  if (/trafilatura-eval/.test(values.corpus)) {
    throw new Error('the evaluation corpus must not be used for fitting');
  }
  const pages = loadPages(values.corpus.replace(/\/$/, ''), values.cache);
  const { xs, ys, ws } = samples(pages);
  console.log(
    `${pages.length} pages, ${xs.length} labelled kept blocks (${ys.filter((y) => y === 1).length} furniture)`,
  );

  // Two-fold check: fit on one half of the pages, score the other.
  const halves = [pages.filter((_, i) => i % 2 === 0), pages.filter((_, i) => i % 2 === 1)];
  halves.forEach((train, k) => {
    const test = halves[1 - k]!;
    const s = samples(train);
    const w = fit(s.xs, s.ys, s.ws);
    const t = bestThreshold(train, w);
    line(`fold ${k + 1}: rules alone (other half)`, passageScores(test, w, 1.01));
    line(`fold ${k + 1}: with the model, t=${t.toFixed(2)}`, passageScores(test, w, t));
  });

  const weights = fit(xs, ys, ws);
  const threshold = bestThreshold(pages, weights);
  line('all pages: rules alone', passageScores(pages, weights, 1.01));
  line(
    `all pages: with the model, t=${threshold.toFixed(2)}`,
    passageScores(pages, weights, threshold),
  );
  for (const [k, name] of LINE_FEATURES.entries()) {
    console.log(`  ${name.padEnd(16)} ${weights[k]!.toFixed(3)}`);
  }
  if (values['dry-run']) return;
  const rows = weights.map((x, k) => `    ${x.toFixed(4)}, // ${LINE_FEATURES[k]}`);
  writeFileSync(
    new URL('../lib/import/line-model-weights.ts', import.meta.url),
    [
      '/**',
      ' * Weights of lib/import/line-model.ts, one per feature of LINE_FEATURES, and the furniture',
      ' * probability from which a kept block is removed. Generated by',
      ' * `npx tsx bench/fit-line-model.ts --corpus DIR` from pages that are not the evaluation',
      ` * corpus (${pages.length} pages, ${xs.length} labelled blocks): do not edit by hand.`,
      ' */',
      'export const LINE_MODEL = {',
      `  threshold: ${threshold.toFixed(2)},`,
      '  /** One per feature of LINE_FEATURES. */',
      '  weights: [',
      ...rows,
      '  ] as readonly number[],',
      '} as const;',
      '',
    ].join('\n'),
  );
  console.log('wrote lib/import/line-model-weights.ts');
}

main();
