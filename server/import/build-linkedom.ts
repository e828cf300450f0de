/**
 * parse5's tree as a linkedom document, built node by node: the document linkedom's own parser
 * makes of parse5's serialisation (./dom), without writing the markup out and reading it back.
 *
 * linkedom reads markup with htmlparser2, which is not the WHATWG parser: even on the
 * well-formed markup parse5 writes, it closes, opens and splits a few things its own way, and
 * the extraction is tuned on (and its outputs are kept for) the document it builds. So this
 * replays, for each tag, text and comment of that markup, what htmlparser2 and linkedom do:
 *   - a start tag first closes the open elements htmlparser2's table says it closes (a <p>
 *     before a <table>, which WHATWG keeps inside in quirks mode); an end tag closes up to the
 *     innermost open element of its name, and an end tag </p> left without one makes an empty
 *     <p>;
 *   - htmlparser2's void elements take no content (its list is not parse5's: <bgsound> holds
 *     what follows it, <command> nothing);
 *   - text is cut at each character that parse5 writes as a reference (& < > and the no-break
 *     space): each becomes a text node of its own, and adjacent text nodes are read as one run;
 *   - <script>, <style>, <xmp>, <textarea> and <title> hold their text as one raw run (a
 *     <title>'s references decoded and cut as above; a <textarea>'s and a foreign <script>'s
 *     text as parse5 escaped it);
 *   - elements under an <svg> are SVG elements; attributes come in the order of the object
 *     htmlparser2 collects them in (numeric names first, a repeated name once), each set as
 *     linkedom's parser sets it (a class through the class list).
 * Where only tokenising the markup in its place would tell what htmlparser2 makes of it, this
 * returns null and the caller takes the round trip: markup in text parse5 writes raw (a `<` in
 * a <noscript> or <iframe>, `</script` inside a script), elements inside a raw-text element
 * (an SVG <title> with markup), a comment whose text would end it early.
 * Nothing here runs or loads anything.
 */
import { Element as LinkedomElement, parseHTML } from 'linkedom';
import type { DefaultTreeAdapterTypes as Parse5 } from 'parse5';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Elements parse5 writes without content or end tag (in the HTML namespace). */
const PARSE5_VOID = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** HTML elements whose text parse5 writes unescaped (scripting on, its serialiser's default). */
const PARSE5_RAW_TEXT = new Set(
  'style script xmp iframe noembed noframes plaintext noscript'.split(' '),
);
/** Elements htmlparser2 closes as soon as they open, in any namespace. */
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Elements whose content htmlparser2 reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/** htmlparser2's table: the open elements a start tag closes while they are innermost. */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
    .split(' ')
    .map((tag) => [tag, P] as [string, Set<string>]),
  ...'select input output button datalist textarea'
    .split(' ')
    .map((tag) => [tag, FORM] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

/** Characters parse5 writes in text as references, each read back as a text node of its own. */
const REFERENCED = /[&<>\u00a0]/g;
const HAS_REFERENCED = /[&<>\u00a0]/;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\u00a0': '&nbsp;',
};
export const escapeText = (text: string) => text.replace(REFERENCED, (c) => ESCAPES[c]!);

/** linkedom's own setAttribute (SVG elements override it with side effects its parser skips). */
const setAttribute = (LinkedomElement as unknown as { prototype: Element }).prototype.setAttribute;

type Frame = { children: Parse5.ChildNode[]; index: number; end: string | null; raw: boolean };

/**
 * The linkedom document linkedom's parser would make of `serialize(tree)`, or null when the
 * tree holds something (listed above) only that round trip reproduces exactly.
 */
export function buildLinkedomDocument(tree: Parse5.Document): Document | null {
  const document = parseHTML('').document as unknown as Document;
  // htmlparser2's open elements (innermost last) and linkedom's nodes for them.
  const names: string[] = [];
  const nodes: ParentNode[] = [];
  let ownerSvg: Element | null = null;
  const parent = (): ParentNode => nodes[nodes.length - 1] ?? document;

  const create = (name: string): Element => {
    if (ownerSvg) {
      const element = document.createElementNS(SVG_NS, name);
      (element as { ownerSVGElement: Element | null }).ownerSVGElement = ownerSvg;
      return element;
    }
    if (name === 'svg') return (ownerSvg = document.createElementNS(SVG_NS, name));
    return document.createElement(name);
  };
  const closeInnermost = () => {
    names.pop();
    if (nodes.pop() === ownerSvg) ownerSvg = null;
  };
  const open = (name: string, attrs: Parse5.Element['attrs']) => {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (names.length && closes.has(names[names.length - 1]!)) closeInnermost();
    const element = create(name);
    if (attrs.length) setAttributes(element, attrs);
    parent().appendChild(element);
    if (!VOID.has(name)) {
      names.push(name);
      nodes.push(element);
    }
  };
  const close = (name: string) => {
    if (VOID.has(name)) {
      if (name === 'br') parent().appendChild(create('br'));
      return;
    }
    const at = names.lastIndexOf(name);
    if (at !== -1) while (names.length > at) closeInnermost();
    else if (name === 'p') parent().appendChild(create('p'));
  };
  const appendText = (text: string) => parent().appendChild(document.createTextNode(text));
  const appendCut = (text: string) => appendCutText(document, parent(), text);

  const frames: Frame[] = [{ children: tree.childNodes, index: 0, end: null, raw: false }];
  while (frames.length) {
    const frame = frames[frames.length - 1]!;
    const { children } = frame;
    if (frame.index >= children.length) {
      frames.pop();
      if (frame.end !== null) close(frame.end);
      continue;
    }
    const node = children[frame.index++]!;
    if (node.nodeName === '#text') {
      let text = (node as Parse5.TextNode).value;
      while (children[frame.index]?.nodeName === '#text') {
        text += (children[frame.index++] as Parse5.TextNode).value;
      }
      if (!frame.raw) appendCut(text);
      else if (text.includes('<')) return null;
      else if (text.includes('&')) for (const piece of decodedPieces(text)) appendText(piece);
      else appendText(text);
    } else if (node.nodeName === '#comment') {
      const data = (node as Parse5.CommentNode).data;
      if (!commentReadsBack(data)) return null;
      parent().appendChild(document.createComment(data));
    } else if (node.nodeName === '#documentType') {
      // htmlparser2 reads `<!DOCTYPE name>` as a declaration; linkedom keeps the rest as the
      // doctype (and ignores what its pattern does not take).
      (document as unknown as { doctype: string }).doctype = (
        node as Parse5.DocumentType
      ).name.trim();
    } else {
      const element = node as Parse5.Element;
      const tag = element.tagName;
      const name = tag.toLowerCase();
      const html = element.namespaceURI === HTML_NS;
      open(name, element.attrs);
      if (html && PARSE5_VOID.has(tag)) continue;
      if (RAW_TEXT.has(name)) {
        const text = rawText(element, name, html);
        if (text === null) return null;
        if (name === 'title') appendCut(text);
        else if (text) appendText(text);
        close(name);
        continue;
      }
      frames.push({
        children:
          html && tag === 'template'
            ? (element as Parse5.Template).content.childNodes
            : element.childNodes,
        index: 0,
        end: name,
        raw: html && PARSE5_RAW_TEXT.has(tag),
      });
    }
  }
  return document;
}

/**
 * `text` as text nodes of `parent`, as linkedom reads it from parse5's markup: cut at each
 * character parse5 writes as a reference, each of those a node of its own.
 */
export function appendCutText(document: Document, parent: ParentNode, text: string): void {
  if (!HAS_REFERENCED.test(text)) {
    if (text) parent.appendChild(document.createTextNode(text));
    return;
  }
  let from = 0;
  for (const match of text.matchAll(REFERENCED)) {
    if (match.index > from)
      parent.appendChild(document.createTextNode(text.slice(from, match.index)));
    parent.appendChild(document.createTextNode(match[0]));
    from = match.index + 1;
  }
  if (from < text.length)
    parent.appendChild(document.createTextNode(from ? text.slice(from) : text));
}

/**
 * The attributes as htmlparser2 hands them to linkedom: an object, so an array-index name
 * ("1") comes first and `__proto__` is lost (parse5 gives no name twice), set in its key order
 * as linkedom's parser sets them. linkedom's setAttribute and setAttributeNode put each new
 * attribute first, so they are set last to first.
 */
export function setAttributes(
  element: Element,
  attrs: readonly Pick<
    Parse5.Element['attrs'][number],
    'name' | 'value' | 'namespace' | 'prefix'
  >[],
): void {
  // Almost every element: plain names, set as they come (no arrays made for them).
  if (attrs.every((attr) => !attr.namespace && !INDEX_OR_PROTO.test(attr.name))) {
    for (let i = attrs.length - 1; i >= 0; i--) setOne(element, attrs[i]!.name, attrs[i]!.value);
    return;
  }
  let names = attrs.map(attributeName);
  let values = attrs.map((attr) => attr.value);
  if (names.some((name) => INDEX_OR_PROTO.test(name))) {
    const collected: Record<string, string> = {};
    names.forEach((name, i) => {
      if (!Object.prototype.hasOwnProperty.call(collected, name)) collected[name] = values[i]!;
    });
    names = Object.keys(collected);
    values = names.map((name) => collected[name]!);
  }
  for (let i = names.length - 1; i >= 0; i--) setOne(element, names[i]!, values[i]!);
}

/** Sets one attribute as linkedom's parser does. */
function setOne(element: Element, name: string, value: string): void {
  if (name !== 'class') {
    setAttribute.call(element, name, value);
    return;
  }
  // As linkedom's parser does: the attribute as written, then the class list set from it
  // (which rewrites the attribute as its normalised list). setAttribute('class') would
  // build the class list twice.
  const attribute = element.ownerDocument.createAttribute(name);
  attribute.value = value;
  element.setAttributeNode(attribute);
}
const INDEX_OR_PROTO = /^(?:0|[1-9][0-9]*|__proto__)$/;

/** The name parse5 writes for an attribute (a foreign one with its prefix). */
function attributeName(attr: Parse5.Element['attrs'][number]): string {
  switch (attr.namespace) {
    case undefined:
    case '':
      return attr.name;
    case XML_NS:
      return `xml:${attr.name}`;
    case XMLNS_NS:
      return attr.name === 'xmlns' ? attr.name : `xmlns:${attr.name}`;
    case XLINK_NS:
      return `xlink:${attr.name}`;
    default:
      return `${attr.prefix}:${attr.name}`;
  }
}

/**
 * The text htmlparser2 reads inside a raw-text element as parse5 writes it (`<title>`'s still
 * to be decoded, which gives back parse5's text), or null when it would not be all text up to
 * the element's own end tag.
 */
function rawText(element: Parse5.Element, name: string, html: boolean): string | null {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeName !== '#text') return null;
    text += (child as Parse5.TextNode).value;
  }
  if (name === 'title') return text;
  const written = html && PARSE5_RAW_TEXT.has(name) ? text : escapeText(text);
  return written.toLowerCase().includes(`</${name}`) ? null : written;
}

/**
 * The text nodes linkedom makes of raw text holding `&` but no `<`, read as markup (parse5
 * writes an <iframe>'s or <noscript>'s text as it is): its references decoded (by
 * htmlparser2's rules, with or without a semicolon), each a node of its own. Read by
 * linkedom's parser itself, followed by a `<` as the end tag follows it in the page (which
 * comes back as a last node of its own, dropped).
 */
function decodedPieces(text: string): string[] {
  const pieces: string[] = [];
  const document = parseHTML(`${text}<`).document as unknown as Document;
  for (let node = document.firstChild; node; node = node.nextSibling) {
    pieces.push((node as CharacterData).data);
  }
  pieces.pop();
  return pieces;
}

/**
 * Whether htmlparser2 reads `<!--data-->` as one comment holding `data`: it ends a comment at
 * the first `-->` (the opening `<!--` may share its dashes: `<!-->` is an empty comment).
 * Replays its scan.
 */
export function commentReadsBack(data: string): boolean {
  const markup = `${data}-->`;
  const end = '-->';
  let matched = 2;
  for (let i = 0; i < markup.length; i++) {
    const c = markup[i];
    if (c === end[matched]) {
      if (++matched === end.length) return i === markup.length - 1;
    } else if (matched === 0) {
      const dash = markup.indexOf('-', i + 1);
      if (dash === -1) return false;
      i = dash;
      matched = 1;
    } else if (c !== end[matched - 1]) {
      matched = 0;
    }
  }
  return false;
}
