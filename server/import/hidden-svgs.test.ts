import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type DefaultTreeAdapterTypes as Parse5 } from 'parse5';
import { blankScripts, defuseHtml, extractHtml } from './html';
import { blankHiddenSvgs } from './hidden-svgs';

const PATH = `<path d="M${'10.5,20.5 '.repeat(60)}Z"/>`;
const SYMBOLS = `<symbol id="a" viewBox="0 0 9 9">${PATH}</symbol>\n  <symbol id="b">${PATH}</symbol>`;

describe('blankHiddenSvgs: what is taken out before parsing', () => {
  const cases: { name: string; html: string; expected: string }[] = [
    {
      name: 'a sprite hidden by its style keeps its white space, in <g>s as deep as its paths',
      html: `<p>a</p><svg xmlns="http://www.w3.org/2000/svg" style="display: none">\n  ${SYMBOLS}\n</svg><p>b</p>`,
      expected: `<p>a</p><svg xmlns="http://www.w3.org/2000/svg" style="display: none"><g><g>\n  \n  \n</g></g></svg><p>b</p>`,
    },
    {
      name: 'aria-hidden="true" and hidden hide it too; the end tag in any case',
      html: `<svg aria-hidden="true">${SYMBOLS}</SVG ><svg hidden>${PATH}</svg>`,
      expected: '<svg aria-hidden="true"><g><g>\n  </g></g></SVG ><svg hidden><g></g></svg>',
    },
    {
      name: 'carriage returns are kept as the tokenizer reads them',
      html: `<svg hidden>\r${PATH}\r\n${PATH}\r</svg>`,
      expected: '<svg hidden><g>\n\n\n</g></svg>',
    },
    {
      name: 'a visible sprite stays (Readability walks what is inside)',
      html: `<svg style="width:0" aria-hidden="false">${SYMBOLS}</svg>`,
      expected: `<svg style="width:0" aria-hidden="false">${SYMBOLS}</svg>`,
    },
    {
      name: 'a style that only defuseHtml could tell hiding stays (two style attributes)',
      html: `<svg style="display:none" data-x=" style=a">${SYMBOLS}</svg>`,
      expected: `<svg style="display:none" data-x=" style=a">${SYMBOLS}</svg>`,
    },
    {
      name: 'text, a <title>, a <text>, a link or <foreignObject> inside: left alone',
      html:
        `<svg hidden>${PATH}x</svg><svg hidden><title>Logo</title>${PATH}</svg>` +
        `<svg hidden><text>1</text>${PATH}</svg><svg hidden><a href="/">${PATH}</a></svg>` +
        `<svg hidden><foreignObject><p>p</p></foreignObject>${PATH}</svg>`,
      expected:
        `<svg hidden>${PATH}x</svg><svg hidden><title>Logo</title>${PATH}</svg>` +
        `<svg hidden><text>1</text>${PATH}</svg><svg hidden><a href="/">${PATH}</a></svg>` +
        `<svg hidden><foreignObject><p>p</p></foreignObject>${PATH}</svg>`,
    },
    {
      name: 'a nested <svg> is not looked into from outside, but is blanked itself when hidden',
      html: `<svg hidden>${PATH}<svg hidden>${PATH}</svg></svg>`,
      expected: `<svg hidden>${PATH}<svg hidden><g></g></svg></svg>`,
    },
    {
      name: 'an element the tokenizer would not close where the scan does: left alone',
      html: `<svg hidden><g>${PATH}</svg><svg hidden>${PATH}</g></svg><svg hidden><div>${PATH}</div></svg>`,
      expected: `<svg hidden><g>${PATH}</svg><svg hidden>${PATH}</g></svg><svg hidden><div>${PATH}</div></svg>`,
    },
    {
      name: 'unquoted, entity-coded or odd attributes on the <svg>: left alone',
      html: `<svg hidden=hidden>${PATH}</svg><svg aria-hidden="&#116;rue">${PATH}</svg>`,
      expected: `<svg hidden=hidden>${PATH}</svg><svg aria-hidden="&#116;rue">${PATH}</svg>`,
    },
    {
      name: 'inside a comment, a <title>, a <textarea> or a script: text, left alone',
      html:
        `<!-- <svg hidden>${PATH}</svg> --><title><svg hidden>${PATH}</svg></title>` +
        `<textarea rows=2><svg hidden>${PATH}</svg></textarea>` +
        `<script>var s = '<svg hidden>${PATH}</svg>';</script>`,
      expected:
        `<!-- <svg hidden>${PATH}</svg> --><title><svg hidden>${PATH}</svg></title>` +
        `<textarea rows=2><svg hidden>${PATH}</svg></textarea>` +
        `<script>var s = '<svg hidden>${PATH}</svg>';</script>`,
    },
    {
      name: 'after a script whose first </script> may not end it, nothing is touched',
      html: `<script><!-- <script></script> x</script><svg hidden>${PATH}</svg>`,
      expected: `<script><!-- <script></script> x</script><svg hidden>${PATH}</svg>`,
    },
    {
      name: 'a short icon stays (nothing to gain)',
      html: '<svg aria-hidden="true"><path d="M0 0h24v24H0z"/></svg>',
      expected: '<svg aria-hidden="true"><path d="M0 0h24v24H0z"/></svg>',
    },
  ];
  for (const { name, html, expected } of cases) {
    it(name, () => assert.equal(blankHiddenSvgs(html), expected));
  }

  it('leaves the tree the same but for what is under the hidden <svg>s: depth and text kept', () => {
    const page =
      `<html><head><title>T</title></head><body><div class="icons"><svg style="display:none">` +
      `\n${SYMBOLS}\n<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>` +
      `</svg></div><table><svg aria-hidden="true">${SYMBOLS}</svg><tr><td>cell</td></tr></table>` +
      `<p>One <svg hidden> ${PATH} </svg>two</p><select><svg hidden>${PATH}</svg></select>` +
      `<svg><title>Logo</title><svg hidden>${SYMBOLS}</svg></svg></body></html>`;
    assert.notEqual(blankHiddenSvgs(page), page);
    assert.equal(summary(parse(blankHiddenSvgs(page))), summary(parse(page)));
  });

  it('defuseHtml blanks scripts and SVGs in one pass as the two would one after the other', () => {
    const script = `<script>var a = "${'a'.repeat(600)}";</script>`;
    const pages = [
      `<p>a</p>${script}<svg hidden>${PATH}</svg>${script}<svg hidden>${PATH}</svg>`,
      // A script's text in a <title> holds the title's end tag: the scan cannot tell there.
      `<title>${script.replace('var', '</title>')}</title><svg hidden>${PATH}</svg>`,
      `<!-- ${script} --><svg aria-hidden="true">${SYMBOLS}</svg><textarea>${script}</textarea>`,
      `<script>var s = '<svg hidden>${PATH}</svg>${'x'.repeat(600)}';</script><svg hidden>${PATH}</svg>`,
    ];
    for (const page of pages) assert.equal(defuseHtml(page), blankHiddenSvgs(blankScripts(page)));
  });

  it('is linear: a page of thousands of unclosed hidden <svg>s and comments', () => {
    const hostile = `<svg hidden>${'<g>'.repeat(100)}`.repeat(2_000) + '<!--'.repeat(50_000);
    const started = performance.now();
    assert.equal(blankHiddenSvgs(hostile), hostile);
    assert.ok(performance.now() - started < 2_000);
  });

  it('the import keeps the article of a page with a large hidden sprite', () => {
    const sprite = `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${SYMBOLS.repeat(200)}</svg>`;
    const page =
      `<html><head><title>Minister resigns</title></head><body>${sprite}<article>` +
      `<h1>Minister resigns</h1><p>${'The minister resigned on Tuesday after the vote. '.repeat(8)}</p>` +
      `<p>${'Her party said it would name a successor within a week. '.repeat(8)}</p></article></body></html>`;
    const { blocks, readability } = extractHtml(page);
    const text = blocks.map((b) => b.text).join('\n');
    assert.match(text, /The minister resigned on Tuesday/);
    const paragraphs = blocks.filter((b) => /resigned on|party said/.test(b.text));
    assert.equal(paragraphs.length, 2);
    assert.ok(paragraphs.every((b) => !b.outsideArticle));
    assert.equal(readability.title, 'Minister resigns');
  });
});

/**
 * The tree as JSON, each <svg> whose content was taken out described by what is still read
 * through it: the depth of its elements and its text.
 */
function summary(document: Parse5.Document): string {
  return JSON.stringify(document, function (this: unknown, key, value: unknown) {
    if (key === 'parentNode') return undefined;
    const node = this as Parse5.Element;
    if (key === 'childNodes' && node.nodeName === 'svg' && node.attrs.length) {
      const hidden = node.attrs.some((a) => ['hidden', 'aria-hidden', 'style'].includes(a.name));
      if (hidden) return { depth: depthOf(node), text: textOf(node) };
    }
    return value;
  });
}

function depthOf(element: Parse5.Element): number {
  let deepest = 0;
  for (const child of element.childNodes) {
    if ('tagName' in child) deepest = Math.max(deepest, 1 + depthOf(child));
  }
  return deepest;
}

function textOf(node: Parse5.ParentNode): string {
  return node.childNodes
    .map((child) =>
      child.nodeName === '#text'
        ? (child as Parse5.TextNode).value
        : 'childNodes' in child
          ? textOf(child)
          : '',
    )
    .join('');
}
