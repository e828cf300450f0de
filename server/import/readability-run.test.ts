import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusPage, corpusPageFiles } from './corpus-pages';
import { parseDocument } from './dom';
import { defuseHtml } from './html';
import {
  READABILITY_BUDGET_STEPS,
  firstAttemptSteps,
  removeLinkFarms,
  runReadability,
} from './readability-run';
import { Readability } from '@mozilla/readability';

const FIXTURES = new URL('../../lib/import/fixtures/', import.meta.url);

/** What the cleaner takes from Readability: the article's text, markup, title and byline. */
function article(html: string, shortcuts: boolean) {
  const found = runReadability(parseDocument(defuseHtml(html)), { shortcuts });
  if (!found) return null;
  return {
    text: found.textContent,
    html: found.content?.outerHTML,
    title: found.title,
    byline: found.byline,
    siteName: found.siteName,
  };
}

const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>Council approves the budget</title></head><body>${body}</body></html>`;
const PROSE =
  '<p>The city council approved the budget on Tuesday after a debate that lasted most of the evening, with seven votes in favour and two against, the clerk said.</p>'.repeat(
    6,
  );

/** Pages that exercise each replaced method: bylines, hidden nodes, tag lookups, SVG. */
const CASES: Record<string, string> = {
  'byline by class': page(
    `<header><span class="byline">By Jane Doe</span></header><article>${PROSE}</article>`,
  ),
  'byline by rel, too long to count': page(
    `<a rel="author" href="/a">${'Jane Doe and many others '.repeat(6)}</a><article>${PROSE}</article>`,
  ),
  'byline by itemprop, empty': page(
    `<span itemprop="author"></span><div class="author">Max Mustermann</div><article>${PROSE}</article>`,
  ),
  'hidden by style, attribute and aria': page(
    `<article style="color: black">${PROSE}` +
      `<div style="display: none"><p>${'Hidden teaser text. '.repeat(20)}</p></div>` +
      `<div style="color: red; visibility: hidden"><p>${'Invisible note. '.repeat(20)}</p></div>` +
      `<div hidden><p>${'Gone paragraph. '.repeat(20)}</p></div>` +
      `<div aria-hidden="true" class="fallback-image"><p>${'Formula text. '.repeat(20)}</p></div>` +
      `<div aria-hidden="true"><p>${'Icon label. '.repeat(20)}</p></div></article>`,
  ),
  'headings, tables, SVG and forms': page(
    `<h1>Council approves the budget</h1><svg><title>Chart</title><h2>not html</h2></svg>` +
      `<article><h2>Details</h2>${PROSE}<table><tr><td>Votes</td><td>7</td></tr></table>` +
      `<form><input name="q"><button>Go</button></form><h3>More</h3><p>Short.</p></article>`,
  ),
  // A template's content is not part of the page: Readability's tag lookups (querySelectorAll
  // in linkedom) do not look inside it, so its heading is not a title candidate nor its
  // <style>/<script> removed.
  'template content': page(
    `<template><h1>Template heading that is longer than the real one</h1><h2>Second template heading</h2>` +
      `<script>var x = 1;</script><style>p { color: red }</style><p>${'Template prose. '.repeat(20)}</p></template>` +
      `<h2>Council approves the budget</h2><article>${PROSE}<template><h3>Inside</h3><script>1</script></template></article>`,
  ),
  // Containers Readability removes when blank: whitespace only, line breaks, a comment, an
  // empty heading; and one whose only text is a non-breaking space (not blank).
  'blank containers': page(
    `<div> \n\t </div><section><!-- a comment --></section><header><br><hr></header>` +
      `<article><div>\n<div> </div><br></div>${PROSE}<h3>\u00a0</h3><div><span> </span></div>` +
      `<section><div><p>Late text in a wrapper.</p></div></section></article>`,
  ),
};

describe('runReadability: same-answer shortcuts', () => {
  for (const [name, html] of Object.entries(CASES)) {
    it(`finds the same article as Readability's own methods: ${name}`, () => {
      const expected = article(html, false);
      assert.ok(expected, 'Readability finds an article');
      assert.deepEqual(article(html, true), expected);
    });
  }

  it('finds the same article on the sample page and on corpus pages', () => {
    const pages = [readFileSync(new URL('astana-times-page.html', FIXTURES), 'utf8')];
    for (const file of corpusPageFiles().slice(0, 12)) pages.push(corpusPage(file));
    for (const html of pages) assert.deepEqual(article(html, true), article(html, false));
  });

  it("reads no wrapper's whole text to find it is not blank", () => {
    // Forty nested wrappers around the article: Readability asked each whether it is blank by
    // joining all the text inside it (the page's text forty times).
    const wrapped = page(`${'<div><section>'.repeat(40)}${PROSE}${'</section></div>'.repeat(40)}`);
    const document = parseDocument(wrapped);
    let holder: object | null = document.body;
    let descriptor: PropertyDescriptor | undefined;
    while (holder && !(descriptor = Object.getOwnPropertyDescriptor(holder, 'textContent')))
      holder = Object.getPrototypeOf(holder) as object | null;
    const get = descriptor!.get!;
    let read = 0;
    Object.defineProperty(holder, 'textContent', {
      ...descriptor,
      get(this: Node) {
        const text = get.call(this) as string;
        if (new Error().stack?.includes('_isElementWithoutContent')) read += text.length;
        return text;
      },
    });
    try {
      assert.ok(runReadability(document, { budget: 1e9 }));
    } finally {
      Object.defineProperty(holder, 'textContent', descriptor!);
    }
    assert.equal(read, 0);
  });

  it('leaves out hidden nodes, but not a fallback image', () => {
    const text = article(CASES['hidden by style, attribute and aria']!, true)?.text ?? '';
    assert.match(text, /Formula text/);
    for (const hidden of ['Hidden teaser', 'Invisible note', 'Gone paragraph', 'Icon label']) {
      assert.doesNotMatch(text, new RegExp(hidden));
    }
  });

  it('reads a byline only from a node that looks like one', () => {
    assert.equal(article(CASES['byline by class']!, true)?.byline, 'By Jane Doe');
    assert.equal(article(CASES['byline by itemprop, empty']!, true)?.byline, 'Max Mustermann');
  });
});

/** Readability's rules as its instance holds them, for `firstAttemptSteps`. */
const readerOf = (document: Document) =>
  new Readability(document) as unknown as Parameters<typeof firstAttemptSteps>[1];

/**
 * Pages where Readability removes (or never walks) a large part before or in its first attempt,
 * one rule each: the bound must leave that part out.
 */
const spans = (n: number) => '<span>w</span>'.repeat(n);
const short = PROSE;
const REMOVED: Record<string, string> = {
  hidden: page(`${short}<div style="display: none">${spans(300)}</div>`),
  'hidden attribute': page(`${short}<div hidden>${spans(300)}</div>`),
  'aria-hidden': page(`${short}<div aria-hidden="true">${spans(300)}</div>`),
  'modal dialog': page(`${short}<div aria-modal="true" role="dialog">${spans(300)}</div>`),
  'unlikely role': page(`${short}<div role="navigation">${spans(300)}</div>`),
  'unlikely class': page(`${short}<div class="sidebar">${spans(300)}</div>`),
  byline: page(`${short}<div class="byline">By Jane Doe${'<span></span>'.repeat(300)}</div>`),
  noscript: page(`${short}<noscript>${spans(300)}</noscript>`),
  // Readability puts the paragraph in the div's place and goes on inside it: the paragraph is
  // never reached by a step of its own, but the div's link density read its text (one step).
  'divs around one paragraph': page(`${short}${'<div><p>A line.</p></div>'.repeat(300)}`),
  'image wrapper before noscript': page(
    `${short}${'<span>'.repeat(300)}<img src="a.jpg">${'</span>'.repeat(300)}<noscript><img src="b.jpg"></noscript>`,
  ),
};

describe('runReadability: pages over budget from the start', () => {
  // A data table of 3,000 cells: every cell is walked and scored, 6,000+ steps.
  const cells = '<tr><td>Leeds</td><td>40</td><td>84</td></tr>'.repeat(1000);
  const table = page(`<article>${PROSE}<table>${cells}</table></article>`);

  it('finds no article where the first attempt cannot fit the budget, as Readability itself', () => {
    const document = parseDocument(defuseHtml(table));
    assert.ok(firstAttemptSteps(document, readerOf(document)) > READABILITY_BUDGET_STEPS);
    assert.equal(article(table, false), null);
    assert.equal(article(table, true), null);
  });

  it('counts no more steps than Readability takes in its first attempt', () => {
    const pages = [...Object.values(CASES), ...Object.values(REMOVED), table];
    pages.push(readFileSync(new URL('astana-times-page.html', FIXTURES), 'utf8'));
    for (const file of corpusPageFiles().slice(0, 40)) pages.push(corpusPage(file));
    let found = 0;
    for (const html of pages) {
      // The bound is of the document Readability reads: without its link farms.
      const document = parseDocument(defuseHtml(html));
      removeLinkFarms(document.body);
      const bound = firstAttemptSteps(document, readerOf(document));
      // With a budget just under the bound, the first attempt must run out of it.
      const fresh = parseDocument(defuseHtml(html));
      assert.equal(runReadability(fresh, { budget: bound - 1, shortcuts: false }), null);
      if (runReadability(parseDocument(defuseHtml(html)), { budget: 1e9, shortcuts: false }))
        found++;
    }
    // Most of these pages have an article when Readability is not limited: the check has teeth.
    assert.ok(found > pages.length / 2, `${found} of ${pages.length}`);
  });
});

describe('runReadability: link farms are taken out first', () => {
  // A sitemap in the footer: sections of ten links under a short heading.
  const sitemap = (sections: number) =>
    `<footer><div class="sitemap">${Array.from(
      { length: sections },
      (_, i) =>
        `<div><h4>Section ${i}</h4>${Array.from({ length: 10 }, (_, k) => `<a href="/s/${i}/${k}">Story ${k} of the archive</a> `).join('')}</div>`,
    ).join('')}</div></footer>`;

  it('a footer of 2,000 links no longer costs the page its article', () => {
    const html = page(`<article>${PROSE}</article>${sitemap(200)}`);
    const kept = runReadability(parseDocument(defuseHtml(html)));
    assert.match(kept?.textContent ?? '', /approved the budget on Tuesday/);
    assert.doesNotMatch(kept?.textContent ?? '', /of the archive/);
    // Without taking them out, the budget runs out first: what the page lost.
    const whole = parseDocument(defuseHtml(html));
    assert.equal(runReadability(whole, { withoutLinkFarms: false }), null);
  });

  const farmsOf = (body: string) => {
    const document = parseDocument(defuseHtml(page(body)));
    removeLinkFarms(document.body);
    return document.body.textContent ?? '';
  };
  const links = (n: number) =>
    Array.from({ length: n }, (_, i) => `<li><a href="/${i}">Headline ${i}</a></li>`).join('');

  it('takes out a list of links, its heading text too when it is little', () => {
    const text = farmsOf(`${PROSE}<div class="more"><h3>More</h3><ul>${links(25)}</ul></div>`);
    assert.match(text, /approved the budget/);
    assert.doesNotMatch(text, /Headline|More/);
  });

  it('leaves fewer links, and prose with many links in it', () => {
    assert.match(farmsOf(`<ul>${links(19)}</ul>`), /Headline 18/);
    const linkedProse = Array.from(
      { length: 30 },
      (_, i) =>
        `<p>The report cites <a href="/${i}">source ${i}</a> and explains at length what the figures for the district mean for the coming year.</p>`,
    ).join('');
    assert.match(farmsOf(linkedProse), /source 29/);
  });
});
