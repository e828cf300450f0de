import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { decodeText } from './decode';
import { parseDocument } from './dom';
import { defuseHtml } from './html';
import { runReadability } from './readability-run';

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
    const corpus = new URL('trafilatura-eval/pages/', FIXTURES);
    for (const file of readdirSync(corpus).sort().slice(0, 12)) {
      pages.push(decodeText(gunzipSync(readFileSync(new URL(file, corpus))), { html: true }));
    }
    for (const html of pages) assert.deepEqual(article(html, true), article(html, false));
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
