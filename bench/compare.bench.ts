/**
 * The comparison's quality and speed.
 * - Quality: precision and recall of the reported differences, with the right type, per type,
 *   on pairs generated from the two real sample reports with known edits (lib/compare/fixtures/
 *   generate.ts), for compareTexts and for a naive baseline (bench/compare-baseline.ts) in the
 *   same run; plus the only-in-one statements and the sample pair's hand labels.
 * - Quality on real report pairs (lib/compare/fixtures/real-pairs): the same figures, printed
 *   apart, plus the shared statements aligned, for the nine tuning pairs (real-pair-labels.ts
 *   and held-out-labels.ts) and then for the new held-out pairs (new-held-out-labels.ts), which
 *   no rule was written from.
 * - Speed: two 5,000-word articles (the sample reports' statements, reworded and shuffled into
 *   different paragraphs) compared N times; median wall time and CPU time.
 * Run: npx tsx bench/compare.bench.ts [--misses] (--misses lists what compareTexts got wrong on
 * the tuning pairs)
 */
import { readFileSync } from 'node:fs';
import { compareTexts } from '../lib/compare';
import { generatePairs, type LabelledPair } from '../lib/compare/fixtures/generate';
import { HELD_OUT_PAIRS } from '../lib/compare/fixtures/held-out-labels';
import { NEW_HELD_OUT_PAIRS } from '../lib/compare/fixtures/new-held-out-labels';
import { REAL_PAIRS } from '../lib/compare/fixtures/real-pair-labels';
import { readRealPairs, scoreRealPairs, type RealPair } from '../lib/compare/fixtures/real-pairs';
import { DIFFERENCE_TYPES, type Comparison, type Span } from '../lib/compare/types';
import { baselineCompare } from './compare-baseline';
import { log, median } from './harness';

const read = (name: string) =>
  readFileSync(new URL(`../prisma/demo/${name}`, import.meta.url), 'utf8');
// The release repeats one paragraph (a truncated copy first): keep the full one, so an edit's
// place is not ambiguous.
const MFA = read('mfa-astana-2-talks.txt')
  .split('\n')
  .filter(
    (line, i, lines) =>
      !lines.slice(i + 1).some((l) => l !== line && l.startsWith(line.slice(0, 80))),
  )
  .join('\n');
const TIMES = read('astana-times-astana-2-talks-scraped.txt');

const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;

interface Score {
  tp: number;
  reported: number;
  expected: number;
}

function score(pairs: LabelledPair[], compare: (a: string, b: string) => Comparison) {
  const byType = new Map<string, Score>(
    DIFFERENCE_TYPES.map((t) => [t, { tp: 0, reported: 0, expected: 0 }]),
  );
  const only = { tp: 0, reported: 0, expected: 0 };
  for (const pair of pairs) {
    const result = compare(pair.a, pair.b);
    const reported = result.pairs.flatMap((p) => p.differences);
    const matched = new Set<number>();
    for (const expected of pair.differences) {
      byType.get(expected.type)!.expected++;
      const hit = reported.findIndex(
        (d, k) =>
          !matched.has(k) &&
          d.type === expected.type &&
          !d.absent &&
          overlaps(d.a, expected.a) &&
          overlaps(d.b, expected.b),
      );
      if (hit >= 0) {
        matched.add(hit);
        byType.get(expected.type)!.tp++;
      }
    }
    for (const d of reported) byType.get(d.type)!.reported++;
    const expectedOnly = [
      ...pair.onlyA.map((s) => ['a', s] as const),
      ...pair.onlyB.map((s) => ['b', s] as const),
    ];
    only.expected += expectedOnly.length;
    only.reported += result.onlyA.length + result.onlyB.length;
    for (const [side, span] of expectedOnly) {
      const list = side === 'a' ? result.onlyA : result.onlyB;
      if (list.some((s) => s.start === span.start && s.end === span.end)) only.tp++;
    }
  }
  return { byType, only };
}

const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
function report(
  label: string,
  s: Pick<ReturnType<typeof score>, 'byType'>,
  only: { precision: number; recall: number; note: string },
) {
  log(`${label}:`);
  for (const [type, v] of s.byType) {
    const p = v.reported ? v.tp / v.reported : v.expected ? 0 : NaN;
    const r = v.expected ? v.tp / v.expected : NaN;
    log(
      `  ${type.padEnd(12)} precision ${fmt(p)}  recall ${fmt(r)}  (found ${v.tp} of ${v.expected}, reported ${v.reported})`,
    );
  }
  const all = [...s.byType.values()].reduce((t, v) => ({
    tp: t.tp + v.tp,
    reported: t.reported + v.reported,
    expected: t.expected + v.expected,
  }));
  log(
    `  ${'all types'.padEnd(12)} precision ${fmt(all.tp / all.reported)}  recall ${fmt(all.tp / all.expected)}`,
  );
  log(
    `  ${'only-in-one'.padEnd(12)} precision ${fmt(only.precision)}  recall ${fmt(only.recall)}  ${only.note}`,
  );
}

/** The sample reports' content paragraphs, without the scraped page furniture. */
function cleanTimes(): string {
  return TIMES.split('\n')
    .filter((line) => line.split(/\s+/).length > 12)
    .join('\n');
}

const pairs = [
  ...generatePairs(MFA, { name: 'mfa', count: 60, seed: 14 }),
  ...generatePairs(cleanTimes(), { name: 'times', count: 60, seed: 41 }),
];
log(
  `generated pairs: ${pairs.length}, labelled differences: ${pairs.reduce((n, p) => n + p.differences.length, 0)}`,
);
const onlyExact = (s: ReturnType<typeof score>) => ({
  precision: s.only.tp / s.only.reported,
  recall: s.only.tp / s.only.expected,
  note: '(exact statement spans)',
});
const ours = score(pairs, (a, b) => compareTexts(a, b));
report('compareTexts (lib/compare)', ours, onlyExact(ours));
const base = score(pairs, baselineCompare);
report('baseline (edit-ratio sentence matching)', base, onlyExact(base));

// Real pairs: the nine the comparison was measured and tuned on (the six and the first three
// held out), then the new held-out ones no rule was written from (a change that helps only the
// first is tuned to them).
for (const [set, realPairs] of [
  ['tuning pairs', readRealPairs([...REAL_PAIRS, ...HELD_OUT_PAIRS])],
  ['new held-out pairs', readRealPairs(NEW_HELD_OUT_PAIRS)],
] as [string, RealPair[]][]) {
  log(
    `${set}: ${realPairs.length}, labelled differences: ${realPairs.reduce((n, p) => n + p.labels.differences.length, 0)}, shared statements: ${realPairs.reduce((n, p) => n + p.labels.shared.length, 0)}, only-in-one: ${realPairs.reduce((n, p) => n + p.labels.onlyA.length + p.labels.onlyB.length, 0)}`,
  );
  for (const [label, compare] of [
    [`compareTexts (lib/compare), ${set}`, compareTexts],
    [`baseline (edit-ratio sentence matching), ${set}`, baselineCompare],
  ] as const) {
    const real = scoreRealPairs(realPairs, (a, b) => compare(a, b));
    report(label, real, {
      precision: real.only.right / real.only.reported,
      recall: real.only.found / real.only.expected,
      note: `(${real.only.found} of ${real.only.expected} labelled listed; ${real.only.right} of ${real.only.reported} listed labelled ones right)`,
    });
    log(
      `  ${'aligned'.padEnd(12)} ${fmt(real.aligned.found / real.aligned.expected)}  (${real.aligned.found} of ${real.aligned.expected} shared statements in one pair)`,
    );
    // Only the tuning pairs' errors are printed: reading the held-out ones would make them tuning
    // pairs too.
    if (
      process.argv.includes('--misses') &&
      label.startsWith('compareTexts') &&
      set === 'tuning pairs'
    ) {
      for (const miss of real.misses) log(`    ${miss}`);
    }
  }
}

// Speed: two 5,000-word articles.
function article(seed: number): string {
  const paragraphs = [...MFA.split('\n'), ...cleanTimes().split('\n')].filter(
    (p) => p.split(/\s+/).length > 8,
  );
  const out: string[] = [];
  let words = 0;
  for (let round = 0; words < 5000; round++) {
    for (const p of paragraphs) {
      // Each round names its own people and numbers so statements are not repeats of each other.
      const text = p
        .replace(/\b(Kazakhstan|Syria|Astana)\b/g, `$1 ${round}`)
        .replace(/\b(\d+)\b/g, (d) => String(Number(d) + round));
      out.push(text);
      words += text.split(/\s+/).length;
      if (words >= 5000) break;
    }
  }
  // B: the same article reworded, with every third paragraph moved and some numbers changed.
  if (seed === 0) return out.join('\n');
  const b = out.map((p, i) =>
    i % 7 === 0
      ? p.replace(/\b(\d+)\b/, (d) => String(Number(d) + 1))
      : p.replace(/\bsaid\b/g, 'stated'),
  );
  for (let i = 0; i + 3 < b.length; i += 3) [b[i], b[i + 3]] = [b[i + 3]!, b[i]!];
  return b.join('\n');
}
const bigA = article(0);
const bigB = article(1);
log(`speed: A ${bigA.split(/\s+/).length} words, B ${bigB.split(/\s+/).length} words`);
const wall: number[] = [];
const cpu: number[] = [];
compareTexts(bigA, bigB); // warm-up (module loading, JIT)
for (let i = 0; i < 9; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  compareTexts(bigA, bigB);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
// The worst case for the assignment: every statement reworded, so nothing anchors exactly.
const rewordedB = bigA
  .replace(/\bthe\b/g, 'a')
  .replace(/\bsaid\b/g, 'stated')
  .replace(/\bin\b/g, 'within');
const wallReworded: number[] = [];
const cpuReworded: number[] = [];
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  compareTexts(bigA, rewordedB);
  wallReworded.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuReworded.push((c.user + c.system) / 1000);
}
const baseWall: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  baselineCompare(bigA, bigB);
  baseWall.push(performance.now() - t0);
}
log(
  `compareTexts 5,000 + 5,000 words: median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (9 runs; bar 300 ms)`,
);
log(
  `compareTexts, every statement reworded: median ${median(wallReworded).toFixed(0)} ms wall, ${median(cpuReworded).toFixed(0)} ms CPU (5 runs)`,
);
log(`baseline     5,000 + 5,000 words: median ${median(baseWall).toFixed(0)} ms wall (3 runs)`);
