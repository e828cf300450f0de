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

const TARGET_BYTES = 1_000_000;
const RUNS = 7;
const SEED = 20151006;
const TARGET_MS = 300;

// Page mix, per paragraph.
const CUT_BY_LIST_RATE = 0.04;
const SHARE_LINE_RATE = 0.02;
const DUPLICATE_RATE = 0.03;

/** Mulberry32: a tiny seeded generator. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SUBJECTS = [
  'The delegation',
  'Kazakhstan’s foreign ministry',
  'Secretary of State Gulshara Abdykalikova',
  'The opposition leaders',
  'A spokesperson for the council',
  'The participants of “Astana-2,”',
];
const VERBS = ['said', 'noted', 'stressed', 'reported', 'confirmed', 'argued'];
const CLAUSES = [
  'that the talks in Astana on Oct. 2–4 had produced a joint declaration',
  'that elections should be open to all citizens, regardless of their location',
  'that the crisis must be resolved through genuine political dialogue',
  'that a new committee of negotiators would meet before the end of the year',
  'that the May 25–27 round had included representatives of a higher level',
  'that the budget for the programme would reach 48 million euros over five years',
];
const HEADLINES = [
  'Tokyo Steps Up Central Asia Engagement with High-Level Visit',
  'Kazakh Nation Cherishes Century-Old Love of Horses',
  'Astana Finance Days Forum to Kick Off Next Week',
  'Social Protection: Not Option but Necessity in Asia and Pacific',
  'Kazakhstan Advances Trade Growth and Export Diversification',
];

function sentence(): string {
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}, ${pick(CLAUSES).replace('that ', 'and ')} (item ${Math.floor(random() * 100_000)}).`;
}

function paragraph(): string {
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, sentence).join(' ');
}

function buildPage(): string {
  const parts: string[] = [
    '# THE EXAMPLE TIMES',
    'BRINGING THE REGION TO THE WORLD',
    'All Stories Nation International Business Central Asia Tourism Opinions',
    '## Representatives of Syrian Opposition Meet in Astana',
    'BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015',
  ];
  const written: string[] = [];
  let size = 0;
  while (size < TARGET_BYTES) {
    const roll = random();
    let block: string;
    if (roll < CUT_BY_LIST_RATE) {
      const list = ['### Most Recent Stories', ...Array.from({ length: 5 }, () => pick(HEADLINES))];
      block = [
        `${sentence()} Kazakhstan hopes for the continuation of`,
        ...list,
        `talks between the parties, ${pick(VERBS)} the minister.`,
      ].join('\n\n');
    } else if (roll < CUT_BY_LIST_RATE + SHARE_LINE_RATE) {
      block = 'Share this article: [Facebook](#) · [X](#) · [LinkedIn](#) · [WhatsApp](#)';
    } else if (roll < CUT_BY_LIST_RATE + SHARE_LINE_RATE + DUPLICATE_RATE && written.length) {
      const earlier = pick(written);
      block = random() < 0.5 ? earlier : earlier.slice(0, Math.floor(earlier.length * 0.7)) + '.';
    } else {
      block = paragraph();
      written.push(block);
    }
    parts.push(block);
    size += block.length + 2;
  }
  parts.push(
    '**Get The Example Times stories sent directly to you! Sign up or subscribe to our [X](#), [Facebook](#) and [Telegram](#)!**',
    '**THE EXAMPLE TIMES**',
    'All Stories \u00a0 Nation \u00a0 Business \u00a0 **Subscribe**',
    '© 2010-2025 THE EXAMPLE TIMES \u00a0 [PRIVACY POLICY](#) \u00a0 [ABOUT US](#)',
  );
  return parts.join('\n\n');
}

const page = buildPage();
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
