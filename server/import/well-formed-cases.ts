/**
 * Markup for ./well-formed.test: what ./well-formed reads itself (`read`) and what it leaves
 * to parse5's route; either way the document must be parse5's route's.
 */
export interface WellFormedCase {
  name: string;
  html: string;
  read: boolean;
}

const page = (body: string, head = '<title>T</title>') =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

export const WELL_FORMED_CASES: WellFormedCase[] = [
  { name: 'a plain page', html: page('<p>One &amp; two&nbsp;three</p>'), read: true },
  {
    name: 'a tracking pixel in a <noscript> in the head: the body opens there',
    html: page(
      '<p>Text</p>',
      '<title>T</title><noscript><img src="p.gif"></noscript><meta name="a" content="b">',
    ).replace('<body>', '<body class="page">'),
    read: true,
  },
  {
    name: 'white space around a tracking pixel’s </noscript> in the head: one run of text',
    html: '<html><head><title>T</title><noscript>\n<img src="p.gif">\n</noscript>\n<meta name="a"></head>\n<body>x</body></html>',
    read: true,
  },
  {
    name: 'a <div> in the head, and no </head>',
    html: '<html><head><title>T</title><div>Banner</div><body id="b"><p>Text</p></body></html>',
    read: true,
  },
  {
    name: 'rows without a <tbody>, cells and rows left open',
    html: page('<table><tr><td>a<td>b<tr><th>c</table><p>after</p>'),
    read: true,
  },
  {
    name: 'paragraphs and list items left open',
    html: page('<div><p>one<p>two</div><ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>'),
    read: true,
  },
  {
    name: 'scripts, text and comments after </body> and </html>',
    html: `${page('<p>x</p>\n')}\n<script>var a = 1;</script>\n<!-- c -->`.replace(
      '</body></html>\n<script>',
      '</body>\n<!-- b --></html>\n<script>',
    ),
    read: true,
  },
  {
    name: '</br>, and a </p> with no paragraph open',
    html: page('<div>a</br>b</p></div>'),
    read: true,
  },
  {
    name: 'inline SVG: a title, self-closed paths, an <image>',
    html: page(
      '<svg viewBox="0 0 1 1"><title>Icon &amp; name</title><path d="M0"/><image href="i.png"/></svg><p>x</p>',
    ),
    read: true,
  },
  {
    name: 'a link closing a <span> inside it',
    html: page('<p><a href="/">link <span>x</a> y</p>'),
    read: true,
  },
  {
    name: 'CR LF newlines and upper-case names',
    html: page('<P CLASS="a" Id="b">a\r\nb\rc</P>').replace(/\n?$/, '\r\n'),
    read: true,
  },
  { name: 'a <pre> without a newline first', html: page('<pre>code\n  more</pre>'), read: true },
  {
    name: 'misnested formatting elements (reopened by the WHATWG algorithm)',
    html: page('<p><b>bold<p>next</b> after</p>'),
    read: false,
  },
  {
    name: 'a <b> closed by its block, text after it',
    html: page('<div><b>bold</div>after'),
    read: false,
  },
  {
    name: 'text inside a table (moved before it)',
    html: page('<table>stray<tr><td>a</td></tr></table>'),
    read: false,
  },
  {
    name: 'an end tag across a special element: ignored, as the WHATWG algorithm ignores it',
    html: page('<span><div>x</span>y</div><noscript><div>n</noscript>z</div>'),
    read: true,
  },
  {
    name: 'cells straight in a table or its sections: a row (and a <tbody>) put around them',
    html: page('<table><td>a<td>b<tr><td>c</table><table><thead><th>h</thead></table>'),
    read: true,
  },
  {
    name: 'a row’s end tag across a table left open in its cell: ignored there',
    html: page('<table><tr><td><div><table></tr><tr><td>x</table></td></tr></table>'),
    read: true,
  },
  {
    name: 'the end tag of a row put around cells, inside a cell of an outer row: closes that row only',
    html: page(
      '<table><tr><td><table><td>a</td></tr> <td>b</td></tr></table>after</td></tr></table>',
    ),
    read: true,
  },
  {
    name: 'the end tag of a <tbody> put around rows, with its added row open: closes both',
    html: page('<table><tr><td>x<table><td>a</td></tbody><tr><td>b</table></table>'),
    read: true,
  },
  {
    name: 'an added row’s end tag with a cell open inside it (closed first)',
    html: page('<table><tr><td><table><td>a</tr><td>b</table></table>'),
    read: false,
  },
  {
    name: 'table parts’ start tags where no table is open: ignored, text either side one run',
    html: page(
      '<div>a<tr>b<td class="c">c</td></tr>d<caption><col>e</div><table><tr><td>x</table><tr>y',
    ),
    read: true,
  },
  {
    name: 'a table part’s start tag in a cell’s <div>: closes the cell',
    html: page('<table><tr><td><div>a<tr><td>b</table>'),
    read: false,
  },
  {
    name: 'a comment in an SVG <style> (parse5’s route keeps it as the style’s text)',
    html: page('<svg viewBox="0 0 1 1"><style>.a<!-- -->{fill:red}</style><path d="M0"/></svg>'),
    read: false,
  },
  {
    name: 'a hidden input in a table (kept there)',
    html: page('<table><input type="HIDDEN" name="a"><tr><td>x</table>'),
    read: true,
  },
  {
    name: 'a text input in a table (moved before it)',
    html: page('<table><input name="a"><tr><td>x</table>'),
    read: false,
  },
  { name: 'no <html> or <head>', html: '<title>T</title><p>Text<p>More', read: false },
  {
    name: 'a heading closed by another heading’s end tag',
    html: page('<h1>Title</h2><p>x</p>'),
    read: false,
  },
  {
    name: 'a block inside a paragraph’s <span>',
    html: page('<p><span>a<div>b</div></span></p>'),
    read: false,
  },
  { name: 'a <pre> with a newline first', html: page('<pre>\ncode</pre>'), read: false },
  { name: 'a NUL character', html: page('<p>a\0b</p>'), read: false },
  { name: 'markup inside a <select>', html: page('<select><div>x</div></select>'), read: false },
  { name: 'a <p> inside SVG', html: page('<svg><p>x</p></svg>'), read: false },
  {
    name: 'a <template> in the head',
    html: page('<p>x</p>', '<template><p>t</p></template>'),
    read: false,
  },
  {
    name: 'an XML declaration (a comment to both parsers)',
    html: `<?xml version="1.0"?>${page('<p>x</p>')}`,
    read: true,
  },
];
