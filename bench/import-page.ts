/**
 * The benchmark page shared by bench/clean.bench.ts and bench/import.bench.ts: a generated
 * scrape of about 1 MB from a fixed seed, so runs are comparable. It repeats the shapes of a
 * real scrape: masthead and menu, prose paragraphs (some cut mid-sentence by a "Most Recent
 * Stories" list), share and newsletter lines, repeated paragraphs (exact and cut short) for the
 * duplicate finder, and a footer. `toHtmlPage` renders the same page as an HTML document.
 */

const SEED = 20151006;

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

let random = createRandom(SEED);
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

/**
 * A scraped page of about `targetBytes`, the same for every call (the generator restarts from
 * its seed): Markdown-ish text as copied from a browser.
 */
export function buildScrapedPage(targetBytes = 1_000_000): string {
  random = createRandom(SEED);
  const parts: string[] = [
    '# THE EXAMPLE TIMES',
    'BRINGING THE REGION TO THE WORLD',
    'All Stories Nation International Business Central Asia Tourism Opinions',
    '## Representatives of Syrian Opposition Meet in Astana',
    'BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015',
  ];
  const written: string[] = [];
  let size = 0;
  while (size < targetBytes) {
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

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inline Markdown of the generated page ([text](#), **bold**) as HTML. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/**
 * The page as an HTML document, as a site would serve it: masthead and menu in <header>, the
 * article with its lists and share lines inside <article>, the rest in <footer>, plus a head
 * with metadata, a stylesheet and scripts.
 */
export function toHtmlPage(page: string): string {
  const blocks = page.split('\n\n');
  const body = blocks.map((block) => {
    const heading = /^(#{1,6}) (.*)$/.exec(block);
    if (heading) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`;
    return `<p>${inline(block)}</p>`;
  });
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    '<title>Representatives of Syrian Opposition Meet in Astana - The Example Times</title>',
    '<meta property="og:site_name" content="The Example Times">',
    '<meta property="article:published_time" content="2015-10-06T09:00:00+06:00">',
    '<style>body{font-family:serif}</style><script>window.dataLayer=[];</script></head><body>',
    `<header>${body.slice(0, 3).join('')}</header>`,
    `<main><article>${body.slice(3, -3).join('\n')}</article></main>`,
    `<footer>${body.slice(-3).join('')}</footer>`,
    '<script src="/app.js"></script></body></html>',
  ].join('\n');
}
