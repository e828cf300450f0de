import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'parse5';
import { blankScripts, extractHtml } from './html';

const code = (n: number) => `var x = "${'a'.repeat(n)}";`;
const LONG = code(600);

describe('blankScripts: what is taken out before parsing', () => {
  const cases: { name: string; html: string; expected: string }[] = [
    {
      name: 'a long script loses its content, its tags stay',
      html: `<p>a</p><script>${LONG}</script><p>b</p>`,
      expected: '<p>a</p><script></script><p>b</p>',
    },
    {
      name: 'framework state as JSON goes too',
      html: `<script id="__NEXT_DATA__" type="application/json">{"a":"${'x'.repeat(600)}"}</script>`,
      expected: '<script id="__NEXT_DATA__" type="application/json"></script>',
    },
    {
      name: 'JSON-LD stays (the metadata reads it)',
      html: `<script type="application/LD+json">{"a":"${'x'.repeat(600)}"}</script>`,
      expected: `<script type="application/LD+json">{"a":"${'x'.repeat(600)}"}</script>`,
    },
    {
      name: 'a short script stays (nothing to gain)',
      html: `<script>${code(10)}</script>`,
      expected: `<script>${code(10)}</script>`,
    },
    {
      name: 'a quoted > in an attribute is not the end of the start tag',
      html: `<script data-x="a>b" src='c>d'>${LONG}</script>`,
      expected: `<script data-x="a>b" src='c>d'></script>`,
    },
    {
      name: 'the end tag in any case, with a space or a slash after its name',
      html: `<SCRIPT>${LONG}</ScRiPt ><script>${LONG}</script/>`,
      expected: '<SCRIPT></ScRiPt ><script></script/>',
    },
    {
      name: 'a script holding <!-- stays (escaped states: its first </script> may not end it)',
      html: `<script><!-- ${LONG} <script>x</script> --></script><p>b</p>`,
      expected: `<script><!-- ${LONG} <script>x</script> --></script><p>b</p>`,
    },
    {
      name: 'a script holding --> stays (its start tag may sit in a comment)',
      html: `<!-- <script> ${LONG} --><p>text</p></script>`,
      expected: `<!-- <script> ${LONG} --><p>text</p></script>`,
    },
    {
      name: 'a quote outside a quoted value: the script is left alone',
      html: `<script a=b"c>${LONG}</script>`,
      expected: `<script a=b"c>${LONG}</script>`,
    },
    {
      name: 'no end tag: the rest of the page is its text anyway',
      html: `<p>a</p><script>${LONG}`,
      expected: `<p>a</p><script>${LONG}`,
    },
    {
      name: '<scripts> and <script-x> are other elements',
      html: `<scripts>${LONG}</scripts><script-x>${LONG}</script-x>`,
      expected: `<scripts>${LONG}</scripts><script-x>${LONG}</script-x>`,
    },
  ];
  for (const { name, html, expected } of cases) {
    it(name, () => assert.equal(blankScripts(html), expected));
  }

  it('leaves the tree the same but for the scripts’ text (a page of many kinds of script)', () => {
    const page =
      `<html><head><title>T</title><script async src="a.js"></script><script>${LONG}</script>` +
      `<script type="application/ld+json">{"headline":"H"}</script></head><body><p>One</p>` +
      `<script type="text/template"><div>${'t'.repeat(600)}</div></script><p>Two</p>` +
      `<noscript><p>No scripts</p></noscript><script>${LONG}</script><p>Three</p></body></html>`;
    // The tree with every script's text left out, JSON-LD's kept (compared too).
    const withoutScriptText = (html: string) =>
      JSON.stringify(
        parse(html),
        function (this: { nodeName?: string; attrs?: { value: string }[] }, key, value: unknown) {
          if (key === 'parentNode') return undefined;
          const jsonLd = this.attrs?.some((a) => a.value === 'application/ld+json');
          return key === 'childNodes' && this.nodeName === 'script' && !jsonLd ? [] : value;
        },
      );
    assert.equal(withoutScriptText(blankScripts(page)), withoutScriptText(page));
  });

  it('is linear: a page of thousands of unclosed script tags', () => {
    const hostile = '<script>'.repeat(200_000);
    const started = performance.now();
    assert.equal(blankScripts(hostile), hostile);
    assert.ok(performance.now() - started < 2_000);
  });

  it('the import keeps the article and JSON-LD metadata of a page made large by its scripts', () => {
    const state = `{"items":[${Array.from({ length: 3000 }, (_, i) => `{"id":${i},"title":"Teaser ${i}"}`).join(',')}]}`;
    const page =
      `<html><head><title>Minister resigns</title><script type="application/ld+json">` +
      `{"@type":"NewsArticle","headline":"Minister resigns","datePublished":"2024-03-05"}</script></head>` +
      `<body><article><h1>Minister resigns</h1><p>${'The minister resigned on Tuesday after the vote. '.repeat(8)}</p>` +
      `<p>${'Her party said it would name a successor within a week. '.repeat(8)}</p></article>` +
      `<script id="__NEXT_DATA__" type="application/json">${state}</script></body></html>`;
    const { blocks, declared } = extractHtml(page);
    const text = blocks.map((b) => b.text).join('\n');
    assert.match(text, /The minister resigned on Tuesday/);
    assert.match(text, /name a successor within a week/);
    assert.doesNotMatch(text, /Teaser/);
    assert.equal(declared.publishedAt?.slice(0, 10), '2024-03-05');
  });
});
