/**
 * Hostile and malformed pages: each must clean without an exception and keep its article
 * sentence. `fallback` marks the pages only the simpler extraction can read.
 */

export interface HostilePage {
  name: string;
  html: string;
  /** What the cleaned text must contain. */
  keeps: RegExp;
  /** The DOM pipeline cannot read it; the linear scan must. */
  fallback?: boolean;
}

const SENTENCE = 'The council approved the new budget on Tuesday after a long debate.';
const ARTICLE = `<article><h1>Budget approved</h1><p>${SENTENCE}</p><p>Members argued for hours about the spending on schools and roads in the region.</p></article>`;
const KEEPS = /The council approved the new budget on Tuesday/;
const page = (head: string, body = ARTICLE) =>
  `<!doctype html><html><head><title>Budget</title>${head}</head><body>${body}</body></html>`;

export const HOSTILE_PAGES: readonly HostilePage[] = [
  {
    name: 'left-over SCSS in a style element',
    html: page('<style>.hero{height:calc(($container-max-width - 2rem) / 16 * 9)}</style>'),
    keeps: KEEPS,
  },
  {
    name: 'SCSS nesting, mixins and variables',
    html: page(
      '<style>$c: red; .a { &:hover { color: $c; } @include m(1px); .b { width: percentage(1/3) } }</style>',
    ),
    keeps: KEEPS,
  },
  {
    name: 'invalid selectors and unbalanced braces',
    html: page('<style>:::nope, a[href=, div >>> p { color: red } } } @media ((( { p {</style>'),
    keeps: KEEPS,
  },
  {
    name: 'an unclosed style element swallowing nothing of the body',
    html: `<html><head><title>x</title></head><body>${ARTICLE}<style>p { color: red`,
    keeps: KEEPS,
  },
  {
    name: 'style inside SVG and in the body',
    html: page(
      '',
      `<svg><style>@keyframes { from { x: (( } }</style></svg>${ARTICLE}<style>@import url("x;</style>`,
    ),
    keeps: KEEPS,
  },
  {
    name: 'broken inline style attributes',
    html: page(
      '',
      `<div style="width: calc((; color: $x; {{}}"><p style="display:">${SENTENCE}</p></div>`,
    ),
    keeps: KEEPS,
  },
  {
    name: 'a one-megabyte attribute',
    html: page('', `<div data-x="${'a'.repeat(1_000_000)}">${ARTICLE}</div>`),
    keeps: KEEPS,
  },
  {
    name: 'two thousand attributes on one element',
    html: page(
      '',
      `<div ${Array.from({ length: 2_000 }, (_, i) => `a${i}="${i}"`).join(' ')}>${ARTICLE}</div>`,
    ),
    keeps: KEEPS,
  },
  {
    name: 'nesting 1,500 deep',
    html: page('', `${'<div>'.repeat(1500)}${ARTICLE}${'</div>'.repeat(1500)}`),
    keeps: KEEPS,
  },
  {
    name: 'nesting 60,000 deep (beyond the parser: the simpler extraction)',
    html: page('', `${'<div><span>'.repeat(60_000)}${ARTICLE}`),
    keeps: KEEPS,
    fallback: true,
  },
  {
    name: 'twenty thousand empty elements before the article',
    html: page('', `${'<span></span>'.repeat(20_000)}${ARTICLE}`),
    keeps: KEEPS,
  },
  {
    name: 'unclosed tags, stray end tags and an unclosed comment',
    html: `</div></p><p><b><i>${SENTENCE}</b></i><table><td><li><p>More text here</div></span><!-- never closed <p>x</p>`,
    keeps: KEEPS,
  },
  {
    name: 'mixed encodings: mojibake, a lone surrogate, NUL and control characters',
    html: page(
      '<meta charset="windows-1252"><meta charset="utf-8">',
      `<article><p>CafÃ© \ud800 \u0000 \u0007 naïve 東京 ${SENTENCE}</p><p>Members argued for hours about the spending on schools and roads.</p></article>`,
    ),
    keeps: KEEPS,
  },
  {
    name: 'broken JSON-LD, a javascript: base and odd meta tags',
    html: page(
      '<base href="javascript:alert(1)"><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script><meta property="article:published_time" content="not a date"><link rel="canonical" href="http://[::1">',
    ),
    keeps: KEEPS,
  },
  {
    name: 'a template, a noscript, an iframe srcdoc and a form around the text',
    html: `<template><p>hidden</p></template><noscript><p>no</p></noscript><iframe srcdoc="<p>x</p>"></iframe><form><input value="q"><button>Go</button></form>${ARTICLE}`,
    keeps: KEEPS,
  },
  {
    name: 'an XML declaration, a CDATA section and processing instructions',
    html: `<?xml version="1.0"?><?php echo 1 ?><html xmlns="http://www.w3.org/1999/xhtml"><body><![CDATA[ x ]]>${ARTICLE}</body></html>`,
    keeps: KEEPS,
  },
  {
    name: 'attributes with unbalanced quotes and angle brackets',
    html: page('', `<div class="a' title=">" data-x='<p>'>${ARTICLE}</div>`),
    keeps: KEEPS,
  },
  {
    name: 'a text of one giant line without any markup but a paragraph tag',
    html: `<p>${SENTENCE} ${'word '.repeat(100_000)}</p>`,
    keeps: KEEPS,
  },
];
