import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankHiddenSvgs } from './hidden-svgs';
import { blankScripts, defuseHtml } from './html';

/**
 * What defuseHtml made of a page in steps, each on the string the step before made (before it
 * made them all in one copy of the page): scripts, then hidden SVGs, then <style> elements,
 * then start tags with a style attribute or over 4,000 characters, unless the page is small
 * and has no style attribute left.
 */
function inSteps(html: string): string {
  const unstyled = blankHiddenSvgs(blankScripts(html)).replace(
    /<style\b[^>]*>[^]*?(?:<\/style\s*>|$)/gi,
    '',
  );
  if (!/\sstyle\s*=/i.test(unstyled) && unstyled.length < 100_000) return unstyled;
  return unstyled.replace(/<[a-z](?:[^<>]*\sstyle\s*=|[^<>]{4000})[^<>]*>/gi, (tag) =>
    (tag.length > 4000
      ? tag.replace(/\s[^\s=<>]+\s*=\s*(?:"[^"]{4000,}"|'[^']{4000,}')/g, '')
      : tag
    ).replace(/\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, (attribute) =>
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribute) ? ' style="display:none"' : '',
    ),
  );
}

const PADDING = `<p>${'Text of the page. '.repeat(6_000)}</p>`;
const SCRIPT = `<script>var a = "${'a'.repeat(600)}";</script>`;
const PATH = `<path style="fill:red" d="M${'10.5,20.5 '.repeat(60)}Z"/>`;

describe('defuseHtml: every step in one copy of the page', () => {
  const cases: { name: string; html: string }[] = [
    {
      name: 'scripts, a hidden sprite, styles and styled tags all over a large page',
      html:
        `<html><head><style>p{color:red}</style>${SCRIPT}</head><body style="margin:0">` +
        `<svg hidden>${PATH}</svg><div style="display: none">x</div>${PADDING}` +
        `<span data-x="${'y'.repeat(4_100)}" style="color:red">z</span>${SCRIPT}</body></html>`,
    },
    {
      name: 'a <style> holding a blanked script goes whole',
      html: `${PADDING}<style>a{} ${SCRIPT} b{}</style><p style="visibility:hidden">p</p>`,
    },
    {
      name: 'a <style> whose end tag is in a blanked script',
      html: `${PADDING}<style>a{}<script>var s = "</style>${'a'.repeat(600)}";</script><p style="x">p</p>`,
    },
    {
      name: 'styles and styled tags inside a blanked script are not looked at',
      html: `${PADDING}<script>var s = '<style>a{}</style><b style="x">${'a'.repeat(600)}';</script><i style="y">i</i>`,
    },
    {
      name: 'a <style> inside a start tag: its halves meet once it is gone',
      html: `${PADDING}<a <style>x</style> style="display:none">a</a>`,
    },
    {
      name: 'a small page keeps its huge attributes when no style attribute is left',
      html: `<p data-x="${'y'.repeat(4_100)}">a</p><style>p{}</style>${SCRIPT}<b>b</b>`,
    },
  ];
  for (const { name, html } of cases) {
    it(name, () => assert.equal(defuseHtml(html), inSteps(html)));
  }
});
