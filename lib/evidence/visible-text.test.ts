import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractVisibleText } from './visible-text';

const text = (html: string) => extractVisibleText(html).text;

describe('extractVisibleText', () => {
  it('keeps captions, boxes and pull quotes that an article cleaner drops', () => {
    const page = `<html><head><title>T</title><style>p{}</style></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Budget</h1><p>The council met.</p>
      <figure><img src="a.jpg"><figcaption>The mayor, left, on Tuesday.</figcaption></figure>
      <aside class="pullquote">“We will fix the roads”</aside></article>
      <script>var x = "<p>not text</p>";</script></body></html>`;
    assert.equal(
      text(page),
      'Home News\n\nBudget\n\nThe council met.\n\nThe mayor, left, on Tuesday.\n\n“We will fix the roads”',
    );
  });

  it('collapses whitespace as a browser renders it, so a selected passage matches verbatim', () => {
    assert.equal(
      text('<p>One\n   two\t<b>three</b> <i> four</i>,five&nbsp;six &amp; seven</p>'),
      'One two three four,five\u00a0six & seven',
    );
    assert.equal(text('<p>a<span>b</span>c</p><p> d </p>'), 'abc\n\nd');
  });

  it('turns <br> into a line break and keeps preformatted whitespace', () => {
    assert.equal(
      text('<p>line one<br>line two</p><pre>a  b\n c</pre>'),
      'line one\nline two\n\na  b\n c',
    );
  });

  it('leaves out what a reader does not see', () => {
    const page =
      '<p>seen</p><div hidden>hidden attr</div><p style="color:red; display: none">no</p>' +
      '<span style="visibility:hidden">no</span><noscript>enable js</noscript><template>t</template>' +
      '<svg><title>icon</title><text>svg</text></svg><select><option>opt</option></select><p>end</p>';
    assert.equal(text(page), 'seen\n\nend');
  });

  it('separates table cells and rows', () => {
    assert.equal(
      text('<table><tr><th>Year</th><th>Total</th></tr><tr><td>2025</td><td>12</td></tr></table>'),
      'Year Total\n\n2025 12',
    );
  });

  it('takes og:title before <title>, and no title from an SVG', () => {
    assert.equal(
      extractVisibleText('<head><title> Page  title </title></head><p>x</p>').title,
      'Page title',
    );
    assert.equal(
      extractVisibleText(
        '<head><meta property="og:title" content="Shared title"><title>Page</title></head>',
      ).title,
      'Shared title',
    );
    assert.equal(extractVisibleText('<svg><title>icon</title></svg><p>x</p>').title, null);
  });

  it('reads broken markup without throwing', () => {
    assert.equal(text('<p>unclosed <b>bold <div>block</p> tail'), 'unclosed bold\n\nblock\n\ntail');
  });

  it('reads a 1 MB page in well under a second', () => {
    const page = `<html><body>${'<p>A paragraph of the budget report, with <a href="#">a link</a>.</p>\n'.repeat(15_000)}</body></html>`;
    const started = process.hrtime.bigint();
    const { text: out } = extractVisibleText(page);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(out.split('\n\n').length, 15_000);
    assert.ok(ms < 1000, `${ms} ms`);
  });
});
