/**
 * Hidden inline SVG taken out of the markup before parsing. An icon sprite (a hidden <svg> of
 * hundreds of <symbol>s holding path data) is never text and nothing looks inside it, but on a
 * large page it is 100-300 KB that parse5 tokenizes character by character, linkedom builds into
 * elements with attributes, and Readability writes out and reads back (its page cache). On the
 * twelve 1-2 MB pages of bench/grow-pages.ts an import took about 20 ms less (main thread,
 * median 184 ms to 161 ms); 56 of the 949 trafilatura pages have such an SVG, and every page
 * gives the same import as before.
 *
 * Only what no reader of the document can tell apart is taken out:
 *   - the <svg> is hidden (a `hidden` attribute, `aria-hidden="true"`, or a style that hides
 *     it), so the block walk skips it (it skips every <svg>) and Readability removes it as soon
 *     as it reaches it, without walking or counting what is inside;
 *   - its content is only SVG graphics elements (paths, shapes, symbols, groups, gradients,
 *     filters: CONTENT_TAGS), properly nested, with quoted attribute values, and white space
 *     between them: no text, no <title>, <text> or <foreignObject> (HTML inside), no link, no
 *     comment, no nested <svg>, nothing that ends foreign content, so the tokenizer ends the
 *     element at the `</svg>` this scan stops at;
 *   - what replaces the content keeps what is still read through the <svg>: its white space
 *     (in the text of every element around it, which Readability measures) and its depth (the
 *     depth of <body>, which decides whether Readability runs), as a chain of empty <g>s
 *     holding the white space.
 * The scan skips what is not markup (comments; the text of <script>, <style>, <title>,
 * <textarea> and the other raw-text elements) and stops at what it cannot follow (a script
 * whose end may not be its first `</script>`, <plaintext>), leaving the rest as it is. An <svg>
 * whose start tag or content is anything else is left alone. Like blankScripts, it does not
 * read start tags on the way: a hidden sprite written out in an attribute's value would lose
 * its paths there too.
 */

/** The start of an <svg> tag, or of something whose text is not markup. */
const SVG_OR_TEXT_START =
  /<(?:(svg)|(style|title|textarea|xmp|iframe|noembed|noframes|plaintext))(?=[\t\n\f\r />])|<(script)(?=[\s/>])|<!--/gi;
/**
 * The rest of a start tag after its name: attributes with quoted values (no `<`, `>` or `&`,
 * which would need the tokenizer's reading) or none, then `>` or `/>`. Sticky.
 */
const START_TAG_REST =
  /((?:[\t\n\f\r ]+[^\t\n\f\r />"'<=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"<>&]*"|'[^'<>&]*'))?)*)[\t\n\f\r ]*(\/?)>/y;
/**
 * The rest of any start tag after its name, up to its `>` (a quoted value may hold `>`), as
 * html.ts reads a script's. Sticky; a quote anywhere else does not match.
 */
const ANY_TAG_REST = /(?:[^>"'=]|=\s*"[^"]*"|=\s*'[^']*'|=)*>/y;
/** One attribute of START_TAG_REST's first group. */
const ATTRIBUTE = /([^\t\n\f\r />"'<=]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'))?/g;
/**
 * One piece of an <svg>'s content: white space, then a start or end tag (attribute values
 * quoted, without `<` or `>`). Sticky.
 */
const CONTENT_TAG =
  /([\t\n\f\r ]*)<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:[\t\n\f\r ]+[^\t\n\f\r />"'<=]+(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"<>]*"|'[^'<>]*'))?)*[\t\n\f\r ]*(\/?)>/y;
/** What defuseHtml keeps of a style attribute as `display:none` (its HIDING_STYLE). */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** A style attribute as defuseHtml finds it in a tag (its STYLE_ATTRIBUTE's start). */
const STYLE_IN_TAG = /\sstyle\s*=/gi;

/**
 * SVG elements of icons and sprites that hold no text, are not HTML integration points and do
 * not end foreign content, and whose names nothing here looks for.
 */
const CONTENT_TAGS = new Set(
  (
    'symbol g defs use path circle ellipse line polyline polygon rect lineargradient ' +
    'radialgradient stop clippath mask pattern marker filter feblend fecolormatrix ' +
    'fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap ' +
    'fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur ' +
    'femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight ' +
    'fetile feturbulence'
  ).split(' '),
);

/** SVG content shorter than this is left alone: nothing to gain. */
const MIN_BLANKED_SVG = 512;

/** A stretch of markup `[start, end)` and what it becomes. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The markup with the content of its hidden, text-free inline SVGs replaced (see above); the
 * markup itself when there is none.
 */
export function blankHiddenSvgs(html: string): string {
  return applyEdits(html, hiddenSvgEdits(html)!);
}

/**
 * The edits of `blankHiddenSvgs`, in order. With `cuts`, edits of the same markup (sorted,
 * apart, inside text the scan skips: blankScripts' cuts of scripts' content), they are those
 * of the markup after the cuts (the edits the two make together, found in one pass, so the
 * page is copied once): null when a stretch the scan skips might end differently there.
 */
export function hiddenSvgEdits(html: string, cuts: readonly Edit[] = []): Edit[] | null {
  const edits: Edit[] = [];
  let cut = 0;
  // Whether `at` falls inside a cut's stretch (positions only grow).
  const inCut = (at: number) => {
    while (cut < cuts.length && cuts[cut]!.end <= at) cut++;
    return cut < cuts.length && cuts[cut]!.start < at;
  };
  SVG_OR_TEXT_START.lastIndex = 0;
  for (let start = SVG_OR_TEXT_START.exec(html); start; start = SVG_OR_TEXT_START.exec(html)) {
    if (inCut(start.index)) return null;
    const after = SVG_OR_TEXT_START.lastIndex;
    if (start[0] === '<!--') {
      // A comment ends at its first `-->` (`<!-->` and `<!--->` are empty comments).
      const end = html.indexOf('-->', start.index + 2);
      if (end === -1) break;
      if (inCut(end)) return null;
      SVG_OR_TEXT_START.lastIndex = end + 3;
      continue;
    }
    const textElement = (start[2] ?? start[3])?.toLowerCase();
    if (textElement) {
      ANY_TAG_REST.lastIndex = after;
      const end = textEnd(html, textElement, ANY_TAG_REST.test(html) ? ANY_TAG_REST.lastIndex : -1);
      if (end === -1) break;
      if (inCut(end)) return null;
      SVG_OR_TEXT_START.lastIndex = end;
      continue;
    }
    START_TAG_REST.lastIndex = after;
    const tag = START_TAG_REST.exec(html);
    if (!tag || tag[2] || !isHidden(html.slice(start.index, START_TAG_REST.lastIndex), tag[1]!))
      continue;
    const content = readContent(html, START_TAG_REST.lastIndex);
    if (!content) continue;
    if (inCut(content.end)) return null;
    SVG_OR_TEXT_START.lastIndex = content.end;
    if (content.end - START_TAG_REST.lastIndex < MIN_BLANKED_SVG) continue;
    const chain = content.depth;
    edits.push({
      start: START_TAG_REST.lastIndex,
      end: content.end,
      text: `${'<g>'.repeat(chain)}${content.space}${'</g>'.repeat(chain)}`,
    });
  }
  return edits;
}

/** `html` with `edits` (sorted, apart) made, in one copy; `html` itself when there is none. */
export function applyEdits(html: string, edits: readonly Edit[]): string {
  if (!edits.length) return html;
  const kept: string[] = [];
  let copied = 0;
  for (const { start, end, text } of edits) {
    kept.push(html.slice(copied, start), text);
    copied = end;
  }
  kept.push(html.slice(copied));
  return kept.join('');
}

/**
 * Where the text of a raw-text element opened at `contentStart` ends (its end tag), or -1 when
 * the scan cannot tell (no end tag, <plaintext>, a start tag it could not read, a script whose
 * `<!--` may make the tokenizer read past its first end tag).
 */
function textEnd(html: string, name: string, contentStart: number): number {
  if (contentStart === -1 || name === 'plaintext') return -1;
  const endTag = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  endTag.lastIndex = contentStart;
  const end = endTag.exec(html);
  if (!end) return -1;
  if (name === 'script') {
    const text = html.slice(contentStart, end.index);
    const open = text.indexOf('<!--');
    if (open !== -1 && /<script[\t\n\f\r />]/i.test(text.slice(open))) return -1;
  }
  return end.index;
}

/**
 * Whether an <svg> with this start tag is hidden for the block walk and Readability, after
 * defuseHtml: `hidden`, `aria-hidden="true"` (linkedom gives an SVG element's className no
 * `includes`, so Readability's "fallback-image" exception cannot apply; a class naming it is
 * left alone anyway) or its one style attribute hiding it (defuseHtml rewrites every style
 * attribute it finds in a tag).
 */
function isHidden(tag: string, attributes: string): boolean {
  const values = new Map<string, string>();
  for (const [, name, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const key = name!.toLowerCase();
    // The tokenizer keeps the first of a repeated attribute.
    if (!values.has(key)) values.set(key, double ?? single ?? '');
  }
  if (values.get('class')?.includes('fallback-image')) return false;
  if (values.has('hidden') || values.get('aria-hidden') === 'true') return true;
  const style = values.get('style');
  return style !== undefined && tag.match(STYLE_IN_TAG)?.length === 1 && HIDING_STYLE.test(style);
}

/**
 * The content of an <svg> from `from` to its `</svg>` when it is only CONTENT_TAGS, properly
 * nested, and white space: where it ends (at the end tag), its white space (carriage returns
 * as the tokenizer reads them) and how deep its elements nest. Null for anything else.
 */
function readContent(
  html: string,
  from: number,
): { end: number; space: string; depth: number } | null {
  const open: string[] = [];
  let space = '';
  let depth = 0;
  CONTENT_TAG.lastIndex = from;
  for (let at = from; ; at = CONTENT_TAG.lastIndex) {
    const piece = CONTENT_TAG.exec(html);
    if (!piece) return null;
    const [, white, closing, tagName, selfClosing] = piece;
    if (white) space += white.includes('\r') ? white.replace(/\r\n?/g, '\n') : white;
    const name = tagName!.toLowerCase();
    if (closing) {
      if (selfClosing) return null;
      if (name === 'svg' && !open.length) {
        const end = at + white!.length;
        // Nothing looks for a date in the page's paths, but the metadata reads any itemprop.
        return /itemprop/i.test(html.slice(from, end)) ? null : { end, space, depth };
      }
      if (open.pop() !== name) return null;
    } else {
      if (!CONTENT_TAGS.has(name)) return null;
      depth = Math.max(depth, open.length + 1);
      if (!selfClosing) open.push(name);
    }
  }
}
