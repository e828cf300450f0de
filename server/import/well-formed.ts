/**
 * A well-formed page read straight into a linkedom document: the document ./dom's parse5 route
 * makes of it (parse5's WHATWG tree, as linkedom reads that tree's markup: ./build-linkedom),
 * in about half the time on large pages (issue #13: parse5's tokenizer and its tree were most
 * of an import's time on 1-2 MB pages, and its tree much of the import's garbage).
 *
 * htmlparser2 reads the page and the tree is built as it goes, as long as the WHATWG algorithm
 * builds the same tree: every element closed by its own end tag, or implicitly where the two
 * parsers agree (an open <p> closed by a block, an <li> by the next, a cell by the next, a void
 * element at once); what htmlparser2 does not do is done here where it is simple (the body
 * opened by content in the head, such as a tracking pixel's <img> in a <noscript>; a <tbody>
 * around rows and a row around cells; an end tag the WHATWG algorithm ignores, kept from
 * htmlparser2; text and tags after </body> put in the body). At the first construct whose
 * WHATWG reading differs or may differ (misnested formatting elements, which that algorithm
 * reopens; content moved out of a table; no <html> or <head>; markup in a <select>; HTML inside
 * SVG; raw text elements read their own way; nesting deeper than MAX_DEPTH) it gives up and
 * returns null, and the page takes parse5's route. So on every page it reads, its document is
 * parse5's route's, node for node (./well-formed.test: the corpus's pages, the builder's and
 * the crash suite's cases, and cases of its own); which pages it reads only decides the speed:
 * 822 of trafilatura's 949 pages and 11 of the 12 grown 1-2 MB pages of bench/grow-pages.
 * A page it gives up on late costs more than before (part of a read, then parse5's).
 * Nothing is executed or fetched.
 */
import { Parser, type Handler } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { foreignContent } from 'parse5';
import { appendCutText, commentReadsBack, escapeText, setAttributes } from './build-linkedom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Thrown inside the parse to stop it: the page is not read here. */
const GIVE_UP = Symbol('give up');

const set = (names: string) => new Set(names.split(' '));

/** Elements open at once beyond which the page is left to parse5 (real pages nest far less). */
const MAX_DEPTH = 1_000;
const HEADINGS = set('h1 h2 h3 h4 h5 h6');

/** Void elements of both parsers (`command`, `isindex` and `bgsound` differ: given up). */
const VOID = set(
  'area base basefont br col embed frame hr img input keygen link meta param source track wbr',
);
/** Start tags given up wherever they come (their WHATWG reading is its own). */
const GIVE_UP_TAGS = set(
  'html head body frameset frame plaintext xmp noembed noframes isindex command bgsound menuitem',
);
/** What a <head> may hold here (and a <noscript> in it, NOSCRIPT_IN_HEAD). */
const HEAD_CONTENT = set('meta title link style script base noscript');
const NOSCRIPT_IN_HEAD = set('meta link style');
/** WHATWG's formatting elements: closed implicitly, that algorithm reopens them. */
const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
/** WHATWG's special elements (the HTML ones). */
const SPECIAL = set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
/** End tags that close what is open inside their element (in scope) in the WHATWG algorithm. */
const BLOCK_END = set(
  'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul p li dd dt h1 h2 h3 h4 h5 h6 applet marquee object',
);
/** Start tags that close an open <p> (in button scope) in the WHATWG algorithm. */
const CLOSES_P = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form table hr li dd dt xmp plaintext',
);
/** Where the WHATWG algorithm's element scope ends (HTML elements). */
const SCOPE = set('applet caption html table td th marquee object template');
/** Parts of a table and the start tags each may hold directly. */
const TABLE_CHILDREN = new Map([
  ['table', set('caption colgroup tbody thead tfoot tr script style')],
  ['tbody', set('tr script style')],
  ['thead', set('tr script style')],
  ['tfoot', set('tr script style')],
  ['tr', set('td th script style')],
  ['colgroup', set('col')],
]);
const SECTIONS = set('tbody thead tfoot');
const TABLE_PARTS = set('caption colgroup col tbody thead tfoot tr td th');
/** HTML start tags that leave SVG or MathML content in the WHATWG algorithm. */
const BREAKOUT = set(
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var font',
);
/** Foreign elements whose content is HTML again (given up: read by parse5). */
const INTEGRATION = set('foreignobject desc title mi mo mn ms mtext annotation-xml');
/** Which implicit closes both parsers make for a start tag: closed element → start tags. */
const AGREED_CLOSES = new Map([
  ['p', CLOSES_P],
  ['li', set('li')],
  ['dd', set('dd dt')],
  ['dt', set('dd dt')],
  ['option', set('option optgroup')],
  ['optgroup', set('optgroup')],
  ['tr', set('tr')],
  ['td', set('tr td th')],
  ['th', set('tr td th')],
  ['thead', set('tbody tfoot')],
  ['tbody', set('tbody tfoot')],
  ['rt', set('rt rp')],
  ['rp', set('rt rp')],
  ['a', set('a')],
  ...[...HEADINGS].map((heading): [string, Set<string>] => [heading, HEADINGS]),
  ['button', set('button')],
  ['head', set('body')],
]);
/** Raw text elements whose text parse5's serialisation writes as it is (./build-linkedom). */
const RAW_AS_IS = set('script style');

const enum Phase {
  Initial,
  BeforeHead,
  InHead,
  AfterHead,
  InBody,
  AfterBody,
  AfterHtml,
}

/**
 * The document of `html` as parse5's route in ./dom builds it, or null when the page holds
 * something (listed above) that only that route reads the WHATWG way.
 */
export function parseWellFormed(html: string): Document | null {
  // The WHATWG algorithm's input: newlines normalised; NUL characters are read their own way.
  if (html.includes('\0')) return null;
  const input = html.includes('\r') ? html.replace(/\r\n?/g, '\n') : html;
  const builder = new Builder();
  const parser = new CheckedParser(input, builder);
  try {
    parser.end(input);
  } catch {
    // GIVE_UP, or anything either library may throw on a hostile page: parse5's route then
    // reads it (and says so if it cannot).
    return null;
  }
  return builder.phase >= Phase.InBody ? builder.document : null;
}

/** htmlparser2's parser, telling the builder of every end tag, even one it ignores. */
class CheckedParser extends Parser {
  constructor(
    private readonly input: string,
    private readonly builder: Builder,
  ) {
    super(builder, { lowerCaseAttributeNames: false, decodeEntities: true });
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.builder.ignoresStartTag(this.input.slice(start, endIndex).toLowerCase())) {
      // As htmlparser2 ignores a second <form>: no element, no attributes, no close.
      const self = this as unknown as { endIndex: number; openTagStart: number; tagname: string };
      self.endIndex = endIndex;
      self.openTagStart = this.startIndex;
      self.tagname = '';
      return;
    }
    super.onopentagname(start, endIndex);
  }

  override onclosetag(start: number, endIndex: number): void {
    if (this.builder.endTag(this.input.slice(start, endIndex).toLowerCase())) {
      super.onclosetag(start, endIndex);
    } else {
      // Ignored, as the WHATWG algorithm ignores it (htmlparser2 would close elements).
      this.startIndex = endIndex + 1;
    }
  }
}

const giveUp = (): never => {
  throw GIVE_UP;
};

class Builder implements Partial<Handler> {
  readonly document = parseHTML('').document as unknown as Document;
  phase = Phase.Initial;
  /** The open elements (innermost last): names, nodes, whether HTML, whether added here. */
  private readonly names: string[] = [];
  private readonly nodes: ParentNode[] = [];
  private readonly html: boolean[] = [];
  private readonly added: boolean[] = [];
  /** How many elements of each name are open. */
  private readonly openCounts = new Map<string, number>();
  private root: Element | null = null;
  private body: Element | null = null;
  private ownerSvg: Element | null = null;
  private doctype = false;
  /** Elements htmlparser2 has open and the document has closed (see breakOutOfHead). */
  private ghosts: Set<string> | null = null;
  private bodyMerged = false;
  /** Text read since the last tag (htmlparser2 hands it in pieces). */
  private text = '';
  /** Elements htmlparser2 closed implicitly since the last start or end tag. */
  private implied: { name: string; html: boolean; node: ParentNode }[] = [];
  /**
   * The innermost element left open at </body> (htmlparser2 closed it, the WHATWG algorithm
   * does not): what follows the body's end goes there.
   */
  private afterBodyParent: ParentNode | null = null;
  /** The element opened last, while nothing came after it (a void one closes at once). */
  private justOpened: string | null = null;
  /** A <pre>, <listing> or <textarea> just opened: WHATWG drops a newline first in it. */
  private newlineDropped = false;

  onprocessinginstruction(name: string, data: string): void {
    this.flushText();
    if (name.toLowerCase() !== '!doctype' || this.doctype || this.phase !== Phase.Initial) giveUp();
    const doctypeName = /^!doctype\s+([^\s>]+)/i.exec(data)?.[1]?.toLowerCase();
    if (doctypeName !== 'html') giveUp();
    this.doctype = true;
    (this.document as unknown as { doctype: string }).doctype = 'html';
  }

  onopentag(rawName: string, attributes: Record<string, string>): void {
    const name = rawName.toLowerCase();
    if (name === 'body' && this.ghosts && !this.bodyMerged) {
      // The body was opened by content in the head: the WHATWG algorithm only gives it these
      // attributes (and the text on either side of the tag is one run).
      if (this.implied.length) giveUp();
      this.bodyMerged = true;
      setAttributes(this.body!, attributeList(attributes, null));
      return;
    }
    this.flushText();
    const inSvg = this.ownerSvg !== null;
    for (const closed of this.implied) {
      if (!closed.html || !AGREED_CLOSES.get(closed.name)?.has(name)) giveUp();
    }
    this.implied = [];
    if (this.phase !== Phase.InBody && this.openOutsideBody(name, attributes)) return;
    if (GIVE_UP_TAGS.has(name)) giveUp();
    const parent = this.names[this.names.length - 1]!;
    const parentHtml = this.html[this.html.length - 1]!;
    if (inSvg || this.isOpen('math')) {
      // htmlparser2 closes its void elements at once, in SVG too.
      if (BREAKOUT.has(name) || INTEGRATION.has(parent) || VOID.has(name)) giveUp();
    } else {
      // A table part holds only its own parts (the rest is moved out of the table); the
      // parts go nowhere else.
      let inner = parent;
      if (name === 'tr' && parent === 'tr' && this.added[this.added.length - 1]) {
        // A row after cells put in a row of their own (below): that row ends.
        this.popOne();
        inner = this.names[this.names.length - 1]!;
      }
      const allowed = parentHtml ? TABLE_CHILDREN.get(inner) : undefined;
      const cell = name === 'td' || name === 'th';
      const rowAdded = cell && (inner === 'table' || SECTIONS.has(inner));
      const hiddenInput = name === 'input' && inner !== 'colgroup' && isHiddenInput(attributes);
      if (allowed ? !allowed.has(name) && !rowAdded && !hiddenInput : TABLE_PARTS.has(name))
        giveUp();
      if (this.isOpen('select') && name !== 'option' && name !== 'optgroup') giveUp();
      this.checkStartInBody(name);
      // The WHATWG algorithm puts rows in a <tbody> and cells in a row.
      if ((name === 'tr' || cell) && inner === 'table')
        this.push('tbody', this.create('tbody'), true);
      if (rowAdded) this.push('tr', this.create('tr'), true);
    }
    this.open(name, attributes);
    if (name === 'pre' || name === 'listing' || name === 'textarea') this.newlineDropped = true;
  }

  /**
   * Start tags before the body: <html>, <head> and its metadata, <body>. False when the tag
   * is the body's first content (see breakOutOfHead), to be opened there.
   */
  private openOutsideBody(name: string, attributes: Record<string, string>): boolean {
    switch (this.phase) {
      case Phase.Initial:
        if (name !== 'html') giveUp();
        this.root = this.open(name, attributes);
        this.phase = Phase.BeforeHead;
        return true;
      case Phase.BeforeHead:
        if (name !== 'head') giveUp();
        this.open(name, attributes);
        this.phase = Phase.InHead;
        return true;
      case Phase.InHead: {
        const parent = this.names[this.names.length - 1];
        // A <template> in the head stays there, with what it holds.
        if (name === 'template') giveUp();
        if (parent === 'head' ? HEAD_CONTENT.has(name) : NOSCRIPT_IN_HEAD.has(name)) {
          this.open(name, attributes);
          return true;
        }
        this.breakOutOfHead();
        return false;
      }
      case Phase.AfterHead:
        if (name !== 'body') giveUp();
        this.body = this.open(name, attributes);
        this.phase = Phase.InBody;
        return true;
      default:
        // After </body> or </html>: the WHATWG algorithm goes on in the body (still open).
        if (this.afterBodyParent) giveUp();
        this.phase = Phase.InBody;
        return false;
    }
  }

  /**
   * Content in the <head> (an <img> in a <noscript> there, a tracking pixel's, or a <div>):
   * the WHATWG algorithm closes the <noscript> and the head there and opens the body for it;
   * the rest of the head goes into the body, and the page's own <body> tag only gives it its
   * attributes. htmlparser2 keeps the head (and the <noscript>) open to their end tags: here
   * they are ghosts, closed when htmlparser2 closes them.
   */
  private breakOutOfHead(): void {
    this.ghosts = new Set(['head']);
    if (this.names[this.names.length - 1] === 'noscript') {
      this.ghosts.add('noscript');
      this.popOne();
    }
    this.popOne();
    this.body = this.create('body');
    this.push('body', this.body, true);
    this.added[this.added.length - 1] = false;
    this.phase = Phase.InBody;
  }

  /** Where the WHATWG algorithm closes an element that htmlparser2 leaves open. */
  private checkStartInBody(name: string): void {
    const { names, html } = this;
    if (CLOSES_P.has(name) && this.isOpen('p')) {
      for (let i = names.length - 1; i >= 0; i--) {
        if (!html[i]) break;
        if (names[i] === 'p') giveUp();
        if (SCOPE.has(names[i]!) || names[i] === 'button') break;
      }
    }
    const listItems = name === 'li' ? ['li'] : name === 'dd' || name === 'dt' ? ['dd', 'dt'] : null;
    if (listItems?.some((item) => this.isOpen(item))) {
      for (let i = names.length - 1; i >= 0; i--) {
        if (listItems.includes(names[i]!)) giveUp();
        if (SPECIAL.has(names[i]!) && !['address', 'div', 'p'].includes(names[i]!)) break;
      }
    }
    if (
      (name === 'a' || name === 'nobr' || name === 'button' || name === 'form') &&
      this.isOpen(name)
    )
      giveUp();
    if (/^h[1-6]$/.test(name) && /^h[1-6]$/.test(names[names.length - 1]!)) giveUp();
  }

  /**
   * A start tag as written, before htmlparser2 acts on it: whether the WHATWG algorithm ignores
   * it and htmlparser2 would not, as a table part's where no table is open (`</table><tr>`).
   */
  ignoresStartTag(name: string): boolean {
    return (
      this.phase === Phase.InBody &&
      TABLE_PARTS.has(name) &&
      this.ownerSvg === null &&
      !this.isOpen('math') &&
      !this.isOpen('table') &&
      !this.isOpen('template')
    );
  }

  /**
   * An end tag as written, before htmlparser2 acts on it (or ignores it): whether htmlparser2
   * is to act on it. Not when the WHATWG algorithm ignores it and htmlparser2 would not:
   * the end tag of an element with something special open inside it (`<span><div></span>`),
   * or of a table part outside the innermost table.
   */
  endTag(name: string): boolean {
    // After </body>, an end tag closes what the WHATWG algorithm left open (htmlparser2 did).
    if (this.afterBodyParent && this.phase >= Phase.AfterBody && name !== 'html') giveUp();
    // The WHATWG algorithm closes an open heading at the end tag of another.
    if (HEADINGS.has(name) && !this.isOpen(name)) {
      for (const heading of HEADINGS) if (this.isOpen(heading)) giveUp();
    }
    if (!this.isOpen(name) || this.phase !== Phase.InBody) return true;
    const { names, html } = this;
    if (TABLE_PARTS.has(name)) {
      // Only a part of the innermost table (in table scope); the WHATWG algorithm ignores the
      // end tag of a part of a table further out.
      for (let i = names.length - 1; i >= 0 && html[i]; i--) {
        if (names[i] === name) return this.added[i] ? this.closeAdded(i) : true;
        if (names[i] === 'table') return false;
      }
      return true;
    }
    if ((SPECIAL.has(name) && name !== 'noscript') || FORMATTING.has(name)) return true;
    for (let i = names.length - 1; i >= 0 && html[i]; i--) {
      if (names[i] === name) return true;
      if (SPECIAL.has(names[i]!)) return false;
    }
    return true;
  }

  /**
   * The end tag of a row or section added here (`<table><td>` has a row and a <tbody> around
   * the cell), found at `index`: the WHATWG algorithm closes it, and htmlparser2, which never
   * opened it, would close the same name further out (`</td></tr>` closing the row of the
   * table around this one). Closed here, and hidden from htmlparser2, when nothing but added
   * elements is open inside it.
   */
  private closeAdded(index: number): false {
    for (let i = index + 1; i < this.added.length; i++) if (!this.added[i]) giveUp();
    this.flushText();
    while (this.names.length > index) this.popOne();
    return false;
  }

  onclosetag(rawName: string, isImplied: boolean): void {
    const name = rawName.toLowerCase();
    if (this.ghosts?.has(name) && !this.isOpen(name)) {
      // A ghost (see breakOutOfHead): the WHATWG algorithm closed it long ago and ignores its
      // end tag (the text on either side is one run).
      if (!isImplied && this.implied.length) giveUp();
      this.ghosts.delete(name);
      return;
    }
    const justOpened = this.justOpened;
    this.flushText();
    if (
      justOpened === name &&
      (VOID.has(name) || (isImplied && !this.html[this.html.length - 1]))
    ) {
      // A void element (`</br>` is one too), or a foreign one closed by `/>`.
      if (!VOID.has(name)) this.pop(name);
      return;
    }
    if (isImplied) {
      const top = this.html.length - 1;
      this.implied.push({ name, html: this.html[top] ?? true, node: this.nodes[top]! });
      this.pop(name);
      return;
    }
    if (this.implied.length) {
      this.checkEndTag(name);
      if ((name === 'body' || name === 'html') && this.implied[0]!.name !== 'body')
        this.afterBodyParent = this.implied[0]!.node;
    }
    this.implied = [];
    this.pop(name);
  }

  /** An end tag that closed other elements first: as the WHATWG algorithm does? */
  private checkEndTag(name: string): void {
    const closedHtml = this.html[this.html.length - 1] ?? true;
    for (const { name: inner, html } of this.implied) {
      if (!html) continue;
      if (FORMATTING.has(inner) || inner === 'table') giveUp();
    }
    if (!closedHtml) return;
    // </form> takes the form off the stack and leaves what is open inside it open.
    if (name === 'form') giveUp();
    if (name === 'body' || name === 'html' || name === 'table') return;
    const htmlInner = this.implied.filter((e) => e.html).map((e) => e.name);
    if (TABLE_PARTS.has(name)) {
      const cells = name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot';
      for (const inner of htmlInner) {
        if (
          TABLE_PARTS.has(inner) &&
          !(cells && (inner === 'td' || inner === 'th' || inner === 'tr'))
        )
          giveUp();
      }
      return;
    }
    // Any other end tag (a special element's too, unless it closes a block), and a formatting
    // element's (the adoption agency algorithm, with no special element inside): closes what
    // is open inside it, unless something special is.
    if (!BLOCK_END.has(name)) {
      if (htmlInner.some((inner) => SPECIAL.has(inner))) giveUp();
      return;
    }
    for (const inner of htmlInner) {
      if (SCOPE.has(inner) || TABLE_PARTS.has(inner)) giveUp();
      if (name === 'p' && inner === 'button') giveUp();
      if (name === 'li' && (inner === 'ol' || inner === 'ul')) giveUp();
    }
    if (this.implied.some((e) => !e.html)) giveUp();
  }

  oncomment(data: string): void {
    this.flushText();
    this.justOpened = null;
    if (!commentReadsBack(data)) giveUp();
    // A comment in an SVG <style> or <script>: parse5's route reads that element's content
    // back as raw text, comment markers and all.
    const parent = this.names[this.names.length - 1];
    if ((parent === 'style' || parent === 'script') && !this.html[this.html.length - 1]) giveUp();
    const comment = this.document.createComment(data);
    if (this.phase === Phase.Initial || this.phase === Phase.AfterHtml) {
      this.document.appendChild(comment);
    } else if (
      this.phase === Phase.BeforeHead ||
      this.phase === Phase.AfterHead ||
      this.phase === Phase.AfterBody
    ) {
      this.root!.appendChild(comment);
    } else {
      this.parent().appendChild(comment);
    }
  }

  oncdatastart(): void {
    giveUp();
  }

  ontext(data: string): void {
    this.justOpened = null;
    this.text += data;
  }

  onend(): void {
    this.flushText();
  }

  /** The text read since the last tag, placed as parse5's route places it. */
  private flushText(): void {
    const text = this.text;
    this.justOpened = null;
    if (!text) {
      this.newlineDropped = false;
      return;
    }
    this.text = '';
    if (this.newlineDropped) {
      this.newlineDropped = false;
      if (text[0] === '\n') giveUp();
    }
    const blank = !NOT_BLANK.test(text);
    switch (this.phase) {
      case Phase.Initial:
      case Phase.BeforeHead:
        if (!blank) giveUp();
        return;
      case Phase.AfterHead:
        if (!blank) giveUp();
        this.root!.appendChild(this.document.createTextNode(text));
        return;
      case Phase.AfterBody:
      case Phase.AfterHtml: {
        // Still the body's text: one node with the blank text at its end, as parse5 joins it.
        if (!blank) giveUp();
        const into = this.afterBodyParent ?? this.body!;
        const last = into.lastChild;
        if (last?.nodeType === 3 && !CUT.test((last as Text).data)) (last as Text).data += text;
        else into.appendChild(this.document.createTextNode(text));
        return;
      }
    }
    const parent = this.names[this.names.length - 1]!;
    const html = this.html[this.html.length - 1]!;
    const node = this.parent();
    if (this.phase === Phase.InHead && (parent === 'head' || parent === 'noscript') && !blank)
      giveUp();
    if (!html) {
      if (parent === 'style' || parent === 'script') {
        node.appendChild(this.document.createTextNode(escapeText(text)));
      } else {
        appendCutText(this.document, node, text);
      }
      return;
    }
    if (TABLE_CHILDREN.has(parent) && !blank) giveUp();
    switch (parent) {
      case 'iframe':
      case 'noscript':
        if (text.includes('<') || text.includes('&')) giveUp();
        node.appendChild(this.document.createTextNode(text));
        break;
      case 'textarea':
        node.appendChild(this.document.createTextNode(escapeText(text)));
        break;
      default:
        if (RAW_AS_IS.has(parent)) node.appendChild(this.document.createTextNode(text));
        else appendCutText(this.document, node, text);
    }
  }

  private parent(): ParentNode {
    return this.nodes[this.nodes.length - 1] ?? this.document;
  }

  private create(name: string): Element {
    const { document } = this;
    if (this.ownerSvg) {
      const element = document.createElementNS(SVG_NS, name);
      (element as { ownerSVGElement: Element | null }).ownerSVGElement = this.ownerSvg;
      return element;
    }
    if (name === 'svg') return (this.ownerSvg = document.createElementNS(SVG_NS, name));
    return document.createElement(name);
  }

  private open(name: string, attributes: Record<string, string>): Element {
    const html = this.ownerSvg === null && name !== 'svg';
    const element = this.create(name);
    setAttributes(element, attributeList(attributes, html ? null : 'svg'));
    this.parent().appendChild(element);
    this.justOpened = name;
    if (!(html && VOID.has(name))) this.push(name, element, false, html);
    return element;
  }

  private isOpen(name: string): boolean {
    return (this.openCounts.get(name) ?? 0) > 0;
  }

  private push(name: string, node: ParentNode, added: boolean, html = true): void {
    // Deeper than real pages go (and the checks above look down the stack): parse5's.
    if (this.names.length >= MAX_DEPTH) giveUp();
    this.openCounts.set(name, (this.openCounts.get(name) ?? 0) + 1);
    if (added) this.parent().appendChild(node as Node);
    this.names.push(name);
    this.nodes.push(node);
    this.html.push(html);
    this.added.push(added);
  }

  /** Closes `name`, the innermost element htmlparser2 has open (and what was added inside). */
  private pop(name: string): void {
    const { names } = this;
    if (name === 'html' && names[names.length - 1] === 'body') {
      // The body and <html> stay open for what may follow them (see openOutsideBody).
      this.phase = Phase.AfterHtml;
      return;
    }
    while (this.added[this.added.length - 1] && names[names.length - 1] !== name) this.popOne();
    if (names[names.length - 1] !== name) giveUp();
    if (name === 'body') this.phase = Phase.AfterBody;
    else if (name === 'html') this.phase = Phase.AfterHtml;
    else this.popOne();
    if (name === 'head') this.phase = Phase.AfterHead;
  }

  private popOne(): void {
    const name = this.names.pop()!;
    this.openCounts.set(name, this.openCounts.get(name)! - 1);
    this.html.pop();
    this.added.pop();
    if (this.nodes.pop() === this.ownerSvg) this.ownerSvg = null;
  }
}

/** An <input type=hidden>: the one form control a table holds in the WHATWG algorithm. */
function isHiddenInput(attributes: Record<string, string>): boolean {
  for (const name of Object.keys(attributes)) {
    if (name.toLowerCase() === 'type') return attributes[name]!.toLowerCase() === 'hidden';
  }
  return false;
}

const UPPER_ASCII = /[A-Z]/;
const UPPER_ASCII_ALL = /[A-Z]+/g;
const toLower = (letters: string) => letters.toLowerCase();

/** An SVG attribute's name as parse5 adjusts it (`viewbox` → `viewBox`). */
function svgAttributeName(lower: string): string {
  let name = SVG_NAMES.get(lower);
  if (name === undefined) {
    const token = { attrs: [{ name: lower, value: '' }] };
    foreignContent.adjustTokenSVGAttrs(
      token as unknown as Parameters<typeof foreignContent.adjustTokenSVGAttrs>[0],
    );
    name = token.attrs[0]!.name;
    SVG_NAMES.set(lower, name);
  }
  return name;
}
const SVG_NAMES = new Map<string, string>();

const NOT_BLANK = /[^\t\n\f\r ]/;
/** A text node of one character parse5's markup writes as a reference (appendCutText). */
const CUT = /[&<>\u00a0]/;

/**
 * htmlparser2's attributes as parse5 reads them: names lower-cased (SVG's then given their
 * camel case: viewBox), the first of a name kept.
 */
function attributeList(
  attributes: Record<string, string>,
  foreign: 'svg' | null,
): { name: string; value: string }[] {
  const list: { name: string; value: string }[] = [];
  let seen: Set<string> | null = null;
  for (const raw of Object.keys(attributes)) {
    const lower = UPPER_ASCII.test(raw) ? raw.replace(UPPER_ASCII_ALL, toLower) : raw;
    const name = foreign ? svgAttributeName(lower) : lower;
    if (name !== raw || seen) {
      seen ??= new Set(list.map((a) => a.name));
      if (seen.has(name)) continue;
      seen.add(name);
    }
    list.push({ name, value: attributes[raw]! });
  }
  return list;
}
