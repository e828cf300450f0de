import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanBlocks, cleanText, toSourceBlocks } from '@/lib/import';
import { PAGE_CASES } from '@/lib/import/page-cases';
import { createRandom } from '@/lib/anchoring/fixtures/generate';
import { FALLBACK_NOTICE, extractHtml, nestingExceeds } from './html';

const fixture = (name: string) =>
  readFileSync(new URL(`../../lib/import/fixtures/${name}`, import.meta.url), 'utf8');

const clean = (html: string, readability = true) =>
  cleanBlocks(toSourceBlocks(extractHtml(html, { readability }).blocks).blocks);

describe('extractHtml: the Astana Times page as HTML source', () => {
  const html = fixture('astana-times-page.html');
  const extraction = extractHtml(html, { baseUrl: 'https://astanatimes.com/2015/10/x/' });
  const result = cleanBlocks(toSourceBlocks(extraction.blocks).blocks);

  it('gives exactly the article the scraped-text copy of the same page gives', () => {
    const scraped = cleanText(fixture('astana-times-astana-2-talks-scraped.txt'));
    assert.equal(result.text, scraped.text);
  });

  it('removes masthead, menu, byline, both story lists, the call to subscribe and the footer', () => {
    assert.deepEqual(
      result.removed.map((g) => [g.reason, g.text.split('\n')[0]]),
      [
        ['navigation', 'Skip to content'],
        ['site-header', 'THE ASTANA TIMES'],
        ['navigation', 'All Stories'],
        ['headline', 'Representatives of Syrian Opposition Meet in Astana'],
        ['metadata', 'BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015'],
        ['related', 'Most Recent Stories'],
        ['related', 'Rare Earth Exploration in Kostanai Region'],
        [
          'subscribe',
          'Get The Astana Times stories sent directly to you! Sign up via the website or subscribe to our X, Facebook, Instagram, Telegram, YouTube and Tiktok!',
        ],
        ['footer', 'THE ASTANA TIMES'],
      ],
    );
  });

  it('reads the metadata the page declares (meta tags, JSON-LD, canonical link)', () => {
    assert.deepEqual(extraction.declared, {
      title: 'Representatives of Syrian Opposition Meet in Astana',
      byline: 'Malika Orazgaliyeva',
      sourceName: 'The Astana Times',
      publishedAt: '2015-10-06',
      sourceUrl:
        'https://astanatimes.com/2015/10/representatives-of-syrian-opposition-meet-in-astana/',
    });
  });

  it('marks what Readability leaves out of the article, and takes the headline as the title anyway', () => {
    const outside = extraction.blocks.filter((b) => b.outsideArticle).map((b) => b.text);
    assert.ok(outside.includes('Skip to content'));
    assert.ok(outside.some((t) => t.startsWith('CONTACT US')));
    assert.ok(!extraction.blocks.some((b) => b.outsideArticle && b.text.startsWith('ASTANA –')));
    // Readability lifts the <h1> out of its article; it is the headline, not an outside block.
    const headline = result.removed.find((g) => g.reason === 'headline')!;
    assert.equal(headline.text, 'Representatives of Syrian Opposition Meet in Astana');
    assert.equal(result.metadata.title, 'Representatives of Syrian Opposition Meet in Astana');
    assert.ok(result.blocks[0]!.text.startsWith('ASTANA – Representatives'));
  });

  it('takes no text from scripts, styles, iframes or event handlers', () => {
    const all = extraction.blocks.map((b) => b.text).join('\n');
    for (const needle of ['dataLayer', 'hijacked', 'site-header{', 'alert(', 'ads.example']) {
      assert.ok(!all.includes(needle), needle);
    }
  });
});

describe('extractHtml: structure', () => {
  it('turns headings, paragraphs, list items and line breaks into blocks', () => {
    const { blocks } = extractHtml(
      '<h2>Budget <em>vote</em></h2><p>First line<br>second line</p><ul><li>One <a href="/x">link</a></li></ul><pre>a\nb</pre>',
    );
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.level, b.listItem, b.text.trim(), b.linkChars, b.linkCount]),
      [
        ['heading', 2, false, 'Budget vote', 0, 0],
        ['paragraph', 0, false, 'First line', 0, 0],
        ['paragraph', 0, false, 'second line', 0, 0],
        ['paragraph', 0, true, 'One link', 4, 1],
        ['paragraph', 0, false, 'a', 0, 0],
        ['paragraph', 0, false, 'b', 0, 0],
      ],
    );
  });

  it('measures link and bold text as collapsed, trimmed text, with every kind of white space', () => {
    const spaces = ' \t\n\u00a0\u1680\u2003\u2028\u202f\u205f\u3000\ufeff\u000b';
    const { blocks } = extractHtml(
      `<p>Go <a href="/x">${spaces}to${spaces}the${spaces}page${spaces}</a></p>` +
        `<p><b>${spaces}all${spaces}</b><i>bold\u200b</i></p><p>Gap\u00a0 \u00a0here</p>`,
    );
    assert.deepEqual(
      blocks.map((b) => [b.linkChars, b.emphasized, b.gapCount]),
      // Each text node counts its text collapsed and trimmed: the DOM splits this link's at each
      // no-break space, so "to", "the" and "page" count, not the spaces between them.
      [
        ['tothepage'.length, false, 0],
        [0, true, 0],
        [0, false, 1],
      ],
    );
  });

  it('names page landmarks, but not the header and footer of an article', () => {
    const { blocks } = extractHtml(
      '<header><p>Site</p></header><nav><p>Menu</p></nav><article><header><h1>Title</h1></header><p>Body.</p><footer><p>Tags</p></footer></article><aside><p>More</p></aside><div role="contentinfo"><p>Legal</p></div>',
    );
    assert.deepEqual(
      blocks.map((b) => [b.text, b.landmark]),
      [
        ['Site', 'header'],
        ['Menu', 'nav'],
        ['Title', null],
        ['Body.', null],
        ['Tags', null],
        ['More', 'aside'],
        ['Legal', 'footer'],
      ],
    );
  });

  it('skips hidden elements and notes bold blocks', () => {
    const { blocks } = extractHtml(
      '<p hidden>Hidden</p><p style="display: none">Gone</p><p aria-hidden="true">Icon</p><p><strong>All bold</strong></p><p>Half <b>bold</b></p>',
    );
    assert.deepEqual(
      blocks.map((b) => [b.text, b.emphasized]),
      [
        ['All bold', true],
        ['Half bold', false],
      ],
    );
  });

  it('knows text Readability kept even when it replaced the element around it', () => {
    // A recipe card of flawlessfood.co.uk (trafilatura-eval 134): Readability keeps the nutrition
    // facts but not the <div> the walk named as their block.
    const para = (t: string) => `<p>${t}</p>`;
    const html = `<html><body><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav><main><article>
    <h1>Olive and herb focaccia bread</h1>
    ${para('This olive and herb focaccia is a soft, airy bread with a crisp golden crust, topped with olives, rosemary and sea salt, and it is easy to make at home with a few simple ingredients.')}
    ${para('The dough rises twice: once in the bowl and once in the tin, which gives the bread its light and open texture, and the olive oil in the tin makes the base crisp.')}
    <div class="wprm-recipe-container"><h3 class="wprm-recipe-nutrition-header">Nutrition</h3><div class="wprm-nutrition-label-container wprm-nutrition-label-container-grouped wprm-block-text-normal" style="text-align: left;"><span class="wprm-nutrition-label-text-nutrition-container" style="flex-basis: 175px"><span class="wprm-nutrition-label-text-nutrition-label wprm-block-text-faded">Calories: </span><span class="wprm-nutrition-label-text-nutrition-value">291</span><span class="wprm-nutrition-label-text-nutrition-unit">kcal</span></span><span class="wprm-nutrition-label-text-nutrition-container" style="flex-basis: 175px"><span class="wprm-nutrition-label-text-nutrition-label wprm-block-text-faded">Carbohydrates: </span><span class="wprm-nutrition-label-text-nutrition-value">31</span><span class="wprm-nutrition-label-text-nutrition-unit">g</span></span></div></div>
    ${para('Serve the focaccia warm, with a little extra olive oil and balsamic vinegar for dipping, or keep it wrapped for a day and warm it in the oven before serving.')}
    </article></main><footer><p>© 2024 Flawless Food</p></footer></body></html>`;
    const { blocks } = extractHtml(html);
    const nutrition = blocks.find((b) => b.text.startsWith('Calories'))!;
    assert.equal(nutrition.outsideArticle, undefined);
    assert.equal(blocks.find((b) => b.text.startsWith('©'))!.outsideArticle, true);
  });

  it('reads a page whose whole text is in <noscript>, and only such a page', () => {
    // parcoabruzzo.it (trafilatura held-out page) serves its page to readers without JavaScript
    // inside <noscript>; the import found no text at all.
    const text = 'Il risultato è molto positivo: nel Parco vivono oggi più orsi di dieci anni fa.';
    const whole = extractHtml(
      `<body><noscript><div id="mms_nojava"><p>${text}</p></div></noscript></body>`,
    );
    assert.deepEqual(
      whole.blocks.map((b) => b.text),
      [text],
    );
    const partial = extractHtml(
      `<body><p>${text}</p><noscript><p>Please enable JavaScript to see the map.</p></noscript></body>`,
    );
    assert.deepEqual(
      partial.blocks.map((b) => b.text),
      [text],
    );
  });

  it('reads ruby text without its pronunciation guide', () => {
    // NHK News Web Easy (trafilatura-eval) prints readings over the kanji: 子(こ)ども.
    const { blocks } = extractHtml(
      '<p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。</p>',
    );
    assert.deepEqual(
      blocks.map((b) => b.text),
      ['子どもへの虐待をなくすための法律ができました。'],
    );
  });

  it('reads deeply nested markup (Readability is skipped there), and absurd nesting by the simpler scan', () => {
    const nest = (depth: number) =>
      `${'<div>'.repeat(depth)}<p>Deep text.</p>${'</div>'.repeat(depth)}`;
    const deep = extractHtml(nest(1500));
    assert.deepEqual(
      deep.blocks.map((b) => b.text),
      ['Deep text.'],
    );
    assert.equal(deep.fallback, undefined);
    const absurd = extractHtml(nest(50_000));
    assert.deepEqual(
      absurd.blocks.map((b) => b.text),
      ['Deep text.'],
    );
    assert.equal(absurd.fallback, FALLBACK_NOTICE);
  });

  it('cleans the HTML fixture of the text cleaner to the same article and metadata', () => {
    const page = PAGE_CASES.find((p) => p.file === 'html-article.txt')!;
    const result = clean(fixture('html-article.txt'));
    assert.deepEqual(
      result.blocks.map((b) => b.text),
      page.paragraphs,
    );
    assert.deepEqual(result.metadata, page.metadata);
  });
});

describe('extractHtml: Readability within its work budget', () => {
  const html = fixture('astana-times-page.html');

  it("drops Readability's hints once it is over its budget, and the page is still cleaned", () => {
    const within = extractHtml(html);
    assert.ok(within.blocks.some((b) => b.outsideArticle));
    const over = extractHtml(html, { readabilityBudget: 0 });
    assert.ok(!over.blocks.some((b) => b.outsideArticle));
    assert.deepEqual(
      over.blocks.map((b) => b.text),
      within.blocks.map((b) => b.text),
    );
    // Cleaned like pasted text: the same article as with the hints.
    const cleaned = cleanBlocks(toSourceBlocks(over.blocks).blocks);
    assert.equal(cleaned.text, cleanBlocks(toSourceBlocks(within.blocks).blocks).text);
  });
});

describe('nestingExceeds', () => {
  // The tags as the expression the scan replaced reads them.
  const NOT_NESTING = new Set(
    'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp'.split(
      ' ',
    ),
  );
  const byExpression = (html: string, limit: number) => {
    let depth = 0;
    for (const match of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^<>]*?(\/?)>/gi)) {
      if (match[3] || NOT_NESTING.has(match[2]!.toLowerCase())) continue;
      depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > limit) return true;
    }
    return false;
  };

  it('reads the tags as /<(\\/?)([a-z][a-z0-9-]*)[^<>]*?(\\/?)>/gi does, on any markup', () => {
    const random = createRandom(13);
    const pieces = ['<', '>', '/', 'a', 'P', 'br', 'div', 'x-1', ' ', '"', '<!--', '-->', '</'];
    for (const piece of ['/>', 'TD', 'q9', '\n', '=', 'é', 'Li', 'tBody', 'col', 'wbr2', 'i'])
      pieces.push(piece);
    for (let k = 0; k < 20_000; k++) {
      let html = '';
      for (let n = 1 + Math.floor(random() * 30); n > 0; n--)
        html += pieces[Math.floor(random() * pieces.length)];
      for (const limit of [0, 1, 2])
        assert.equal(nestingExceeds(html, limit), byExpression(html, limit), html);
    }
  });

  it('is linear: a page of thousands of tags never closed', () => {
    const hostile = '<div '.repeat(200_000);
    const started = performance.now();
    assert.equal(nestingExceeds(hostile, 2000), false);
    assert.equal(nestingExceeds('<div>'.repeat(2001), 2000), true);
    assert.ok(performance.now() - started < 2_000);
  });
});
