/**
 * Large pages for the import benchmark (issue #13: any page up to 2 MB): corpus pages grown to
 * 1, 1.5 and 2 MB with what makes real news pages that big, not with more article text:
 * a framework's state as JSON in a script (about 45 % of the growth), an inline SVG sprite
 * (15 %), inline CSS (15 %), a mega-menu (15 %) and a link-farm footer (10 %). Each keeps its
 * page's expectations (the passages that must and must not be in the article), so quality is
 * checked on them too. Built from a fixed seed, so every run measures the same pages.
 *
 * Run: npx tsx bench/grow-pages.ts [--out DIR] [--pages N], then
 * npx tsx bench/import-corpus.bench.ts --corpus DIR --memory 6 (DIR defaults to
 * $TMPDIR/factmark-large-pages).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRandom } from '../lib/anchoring/fixtures/generate';

const CORPUS = new URL('../lib/import/fixtures/trafilatura-eval/', import.meta.url);
const SIZES = [1_000_000, 1_500_000, 2_000_000];
const WORDS =
  'news world politics sport business culture opinion video live weather travel science health tech style food markets economy climate election europe asia africa americas'.split(
    ' ',
  );

function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, pages: { type: 'string' } },
  });
  const out = values.out ?? join(tmpdir(), 'factmark-large-pages');
  const count = Number(values.pages ?? 12);
  const random = createRandom(20261202);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const picks = (n: number) => Array.from({ length: n }, pick);
  const int = (below: number) => Math.floor(random() * below);

  /** Appends pieces made by `piece` until `bytes` are reached. */
  const grow = (bytes: number, piece: () => string) => {
    const parts: string[] = [];
    for (let size = 0; size < bytes;) {
      const part = piece();
      parts.push(part);
      size += part.length;
    }
    return parts.join('');
  };
  const stateJson = (bytes: number) =>
    `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"items":[${grow(
      bytes,
      () =>
        JSON.stringify({
          id: int(1e9),
          slug: picks(6).join('-'),
          title: picks(9).join(' '),
          teaser: picks(30).join(' '),
          image: { src: `https://cdn.example.com/img/${int(1e6)}.jpg`, w: 1200, h: 675 },
          tags: picks(4),
        }) + ',',
    ).slice(0, -1)}]}}}</script>`;
  let symbol = 0;
  const sprite = (bytes: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${grow(bytes, () => {
      const path = Array.from(
        { length: 40 },
        () => `${int(100)}.${int(10)},${int(100)}.${int(10)}`,
      );
      return `<symbol id="i${symbol++}" viewBox="0 0 100 100"><path d="M${path.join(' ')}Z"/></symbol>`;
    })}</svg>`;
  let rule = 0;
  const css = (bytes: number) =>
    `<style>${grow(
      bytes,
      () =>
        `.c${rule++} .x-${pick()}>li:not(.a)::after{content:"";margin:${int(40)}px ${int(40)}px;color:#${int(0xffffff).toString(16).padStart(6, '0')}}\n`,
    )}</style>`;
  const menu = (bytes: number) =>
    `<nav class="mega-menu"><ul>${grow(bytes, () => {
      const section = pick();
      const links = picks(12).map((w) => `<li><a href="/${section}/${w}">${w}</a></li>`);
      return `<li class="menu-section"><a href="/${section}">${section}</a><ul>${links.join('')}</ul></li>`;
    })}</ul></nav>`;
  const footer = (bytes: number) =>
    `<footer><div class="sitemap">${grow(bytes, () => {
      const links = Array.from(
        { length: 15 },
        () => `<a href="/a/${int(1e6)}">${picks(5).join(' ')}</a> `,
      );
      return `<div class="col"><h4>${pick()}</h4>${links.join('')}</div>`;
    })}</div></footer>`;

  const expectations = JSON.parse(readFileSync(new URL('evaldata.json', CORPUS), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const files = readdirSync(new URL('pages/', CORPUS)).sort();
  mkdirSync(join(out, 'pages'), { recursive: true });
  const grown: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const file = files[int(files.length)]!;
    let html = new TextDecoder().decode(gunzipSync(readFileSync(new URL(`pages/${file}`, CORPUS))));
    const need = Math.max(100_000, SIZES[i % SIZES.length]! - Buffer.byteLength(html));
    const head = css(need * 0.15);
    const top = sprite(need * 0.15) + menu(need * 0.15);
    const end = footer(need * 0.1) + stateJson(need * 0.45);
    const headEnd = html.search(/<\/head>/i);
    html = headEnd >= 0 ? html.slice(0, headEnd) + head + html.slice(headEnd) : head + html;
    const body = /<body[^>]*>/i.exec(html);
    html = body
      ? html.slice(0, body.index + body[0].length) + top + html.slice(body.index + body[0].length)
      : top + html;
    const bodyEnd = html.toLowerCase().lastIndexOf('</body>');
    html = bodyEnd >= 0 ? html.slice(0, bodyEnd) + end + html.slice(bodyEnd) : html + end;
    const name = `${String(i).padStart(3, '0')}.html.gz`;
    writeFileSync(join(out, 'pages', name), gzipSync(html));
    const kb = Math.round(Buffer.byteLength(html) / 1024);
    grown[name] = {
      ...expectations[file],
      file: `${expectations[file]!.file} (grown to ${kb} KB)`,
    };
  }
  writeFileSync(join(out, 'evaldata.json'), JSON.stringify(grown, null, 1));
  console.log(out);
}

main();
