/**
 * Makes the corpus test's second set of quotes (issue #15): passages selected in Chromium on the
 * real pages of the trafilatura sample, the way a person selects them (a whole caption, box,
 * list item, table cell or paragraph; one sentence dragged inside a paragraph), and copied with
 * Selection.toString(). Pages are loaded with scripts off and every network request refused
 * (the test corpus is offline); passages inside <noscript> (hidden when a reader's browser runs
 * scripts) or styled with text-transform (the copy would not be the page's words) are skipped.
 * Writes server/evidence/fixtures/corpus-selections.json. Run: npx tsx scripts/evidence-corpus-selections.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const CORPUS = new URL('../lib/import/fixtures/trafilatura-eval/', import.meta.url);
const OUT = new URL('../server/evidence/fixtures/corpus-selections.json', import.meta.url);
const PAGES = 30;
/** Passages taken per page and kind. */
const PER_KIND = 2;

/**
 * The Content-Type a server would send: the corpus keeps the bytes but not the headers, and
 * without a charset Chromium reads an undeclared UTF-8 page as windows-1252 (mojibake no reader
 * saw). Valid UTF-8 is declared as such (what the archive's decoder assumes too); other pages
 * are left to Chromium's own detection.
 */
function contentType(bytes: Buffer): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

interface Selected {
  kind: string;
  quote: string;
}

async function main() {
  const evaldata = JSON.parse(readFileSync(new URL('evaldata.json', CORPUS), 'utf8')) as Record<
    string,
    unknown
  >;
  const names = Object.keys(evaldata).sort().slice(0, PAGES);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const context = await browser.newContext({ javaScriptEnabled: false });
  // The page's own bytes, served as a server would (Chromium finds the charset itself);
  // everything else it asks for is refused.
  let current = Buffer.alloc(0);
  await context.route('**/*', (route) =>
    route.request().url() === 'http://corpus.test/page'
      ? route.fulfill({ status: 200, contentType: contentType(current), body: current })
      : route.abort(),
  );
  const out: Record<string, Selected[]> = {};
  for (const name of names) {
    current = gunzipSync(readFileSync(new URL(`pages/${name}`, CORPUS)));
    const page = await context.newPage();
    await page.goto('http://corpus.test/page', { waitUntil: 'domcontentloaded' });
    // tsx names the functions it compiles with a helper the page does not have.
    await page.evaluate('window.__name = (f) => f');
    out[name] = await page.evaluate((perKind: number) => {
      const KINDS: [string, string][] = [
        ['caption', 'figcaption, caption, [class*="caption" i], [class*="credit" i]'],
        ['box', 'blockquote, aside p, aside li, [class*="quote" i], [class*="teaser" i]'],
        ['list', 'li, dd, dt'],
        ['cell', 'td, th'],
        ['paragraph', 'p'],
      ];
      const usable = (el: Element) => {
        if (el.closest('noscript, script, style, template')) return false;
        if (!(el as HTMLElement).checkVisibility?.()) return false;
        for (let e: Element | null = el; e; e = e.parentElement) {
          if (getComputedStyle(e).textTransform !== 'none') return false;
        }
        for (const e of Array.from(el.querySelectorAll('*'))) {
          if (getComputedStyle(e).textTransform !== 'none') return false;
        }
        return true;
      };
      const selection = document.getSelection()!;
      const copy = (range: Range) => {
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString().trim();
      };
      const picked: { kind: string; quote: string }[] = [];
      const seen = new Set<string>();
      const take = (kind: string, quote: string) => {
        if (quote.length < 25 || quote.length > 400 || seen.has(quote)) return false;
        seen.add(quote);
        picked.push({ kind, quote });
        return true;
      };
      for (const [kind, selector] of KINDS) {
        let n = 0;
        for (const el of Array.from(document.querySelectorAll(selector))) {
          if (n >= perKind) break;
          if (!usable(el)) continue;
          const range = document.createRange();
          range.selectNodeContents(el);
          if (take(kind, copy(range))) n++;
        }
      }
      // One sentence dragged inside a paragraph's text.
      let n = 0;
      for (const p of Array.from(document.querySelectorAll('p'))) {
        if (n >= perKind) break;
        if (!usable(p)) continue;
        const node = Array.from(p.childNodes).find(
          (c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').length > 120,
        );
        if (!node) continue;
        const text = node.textContent!;
        const match = /[.!?]\s+([A-ZÄÖÜÉ][^.!?]{30,200}[.!?])/.exec(text);
        if (!match) continue;
        const start = match.index + match[0].indexOf(match[1]!);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + match[1]!.length);
        if (take('sentence', copy(range))) n++;
      }
      return picked;
    }, PER_KIND);
    await page.close();
  }
  await browser.close();
  const total = Object.values(out).reduce((sum, list) => sum + list.length, 0);
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${total} passages selected on ${names.length} pages → ${OUT.pathname}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
