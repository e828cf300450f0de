/**
 * Markup for ./build-linkedom.test: each case is where htmlparser2 (linkedom's parser) reads
 * parse5's serialisation its own way, or where the builder must hand over to the round trip.
 */
export interface BuildCase {
  name: string;
  html: string;
  /** The builder declines (returns null) and the round trip is taken. */
  roundTrip?: boolean;
}

export const BUILD_CASES: BuildCase[] = [
  {
    name: 'a plain page, with a doctype, comments before <html> and whitespace between parts',
    html: '<!-- first --><!DOCTYPE html>\n<html><head>\n<title>T</title></head>\n<body><p>One</p>\n</body></html>',
  },
  {
    name: 'no doctype, head or body: implied by parse5',
    html: '<title>T</title><p>Text<p>More',
  },
  {
    name: 'a quirks-mode <p> holding a <table>: htmlparser2 closes it, the </p> makes an empty one',
    html: '<p>Before<table><tr><td>cell</td></tr></table>after</p>',
  },
  {
    name: 'implied closes from htmlparser2s table (lists, definitions, form controls, ruby)',
    html: '<ul><li>a<ul><li>b</li></ul></li></ul><dl><dt>t<dd>d</dl><select><option>1<option>2</select><ruby>x<rt>y</rt><rp>(</rp></ruby><form><input><button>b</button></form>',
  },
  {
    name: 'void elements that differ: <bgsound> holds what follows, <command> and <isindex> nothing',
    html: '<div><bgsound src="a"><p>held</p></div><command>inside</command><isindex>more</isindex>',
  },
  {
    name: 'text cut at each & < > and no-break space, also inside <title>',
    html: '<title>A &amp; B &lt;C&gt;&nbsp;D</title><p>x &amp;&amp; y &lt; z&nbsp;&nbsp;w &gt;</p>',
  },
  {
    name: 'text nodes parse5 leaves adjacent (adoption agency, foster parenting) read as one run',
    html: '<b>1<p>2</b>3</p><table>foster<tr><td>x</td></tr>more</table><a>one<a>two',
  },
  {
    name: 'raw-text elements: script, style, xmp as written; textarea as escaped; empty ones',
    html: '<script>if (a < b && c) { x = "&amp;" }</script><style>p>a{}</style><xmp><b>&amp;</b></xmp><textarea>a &amp; <b></textarea><script></script>',
  },
  {
    name: 'SVG and MathML: SVG elements, camelCase names, namespaced attributes, <title> in SVG',
    html: '<svg viewBox="0 0 1 1" xmlns:xlink="http://www.w3.org/1999/xlink"><foreignObject><p>html</p></foreignObject><title>t &amp; u</title><a xlink:href="#x" xml:lang="en"><path d="M0"/></a><svg><g/></svg><script>1 &lt; 2</script></svg><math><mi>x</mi><annotation-xml encoding="text/html"><p>y</p></annotation-xml></math><p>after</p>',
  },
  {
    name: 'attributes: htmlparser2 object order (array-index names first), classes normalised, values with references',
    html: '<div b="2" 10="ten" a="1" 2="two" 4294967295="big" class=" x  y x " data-q=\'say "hi" &amp; &lt;go&gt;&nbsp;\'>t</div><svg class="  s t "><g class="u"/></svg>',
  },
  {
    name: 'a __proto__ attribute, lost by htmlparser2s object',
    html: '<p __proto__="x" id="p">t</p>',
  },
  {
    name: 'odd attribute and tag names parse5 keeps',
    html: '<div ="x" a"b="c" d<e="f">t</div><my-element is="x">t</my-element><p/>',
  },
  {
    name: 'templates: content as children, nested',
    html: '<template id="a"><p>in</p><template><i>deeper &amp;</i></template></template><p>out</p>',
  },
  {
    name: 'noscript parsed as markup (scripting off), its plain text kept',
    html: '<head><noscript><link rel="x"></noscript></head><body><noscript><img src="a"> Please enable JavaScript </noscript></body>',
  },
  {
    name: 'comments with dashes and bogus comments',
    html: '<!------- header -------><p>x</p><!-- a -- b --><!---><!-- -><?xml version="1.0"?></ foo><!-->',
  },
  {
    name: 'doctypes: legacy, empty, odd',
    html: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><p>x</p>',
  },
  { name: 'an empty doctype', html: '<!DOCTYPE><p>x</p>' },
  {
    name: 'tables with sections, captions and cells htmlparser2 closes',
    html: '<table><caption>c</caption><thead><tr><th>h<th>i</thead><tbody><tr><td>1<td>2<tr><td>3</tbody><tfoot><tr><td>f</tfoot></table>',
  },
  {
    name: 'headings and blocks inside <p> and <li>',
    html: '<p>a<h2>b</h2>c</p><li>x<div>y</div></li><p><span>s<div>d</div></span></p>',
  },
  {
    name: 'plaintext and iframe text without markup',
    html: '<iframe>just text</iframe><noembed>n</noembed><plaintext>rest > here',
  },
  {
    name: 'a <br> in odd places and a stray </br>',
    html: '<p>a<br>b</br>c</p><svg><g><br></g></svg>',
  },
  {
    name: 'markup-like text in an <iframe>',
    html: '<iframe><p>Your browser</p></iframe>',
    roundTrip: true,
  },
  {
    name: 'references in text parse5 writes raw (<noscript>, <iframe>): decoded as markup',
    html: '<body><noscript>Terms &amp;copy; Co &amp;notit; &amp;amp &amp;hellip &amp; end&amp;</noscript><iframe>Wird geladen&amp;hellip;</iframe></body>',
  },
  {
    name: 'an end tag inside a script (the double-escaped state)',
    html: '<script><!--<script>document.write("</script>")--></script><p>x</p>',
    roundTrip: true,
  },
  {
    name: 'markup inside an SVG <title>',
    html: '<svg><title><b>bold</b></title></svg>',
    roundTrip: true,
  },
];
