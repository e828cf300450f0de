/**
 * A (sanitized) HTML body to structured blocks for the cleaner: one block per paragraph,
 * heading, list item or table cell, with the features the classifier reads (link text, bold,
 * landmark). Iterative, so deeply nested markup cannot overflow the stack. Only text is taken:
 * nothing of the page is rendered or executed.
 */
import type { Landmark, StructuredBlock } from '@/lib/import';
import { isSpace } from '@/lib/white-space';
import { hasNonBlankText } from './dom';

/**
 * Elements whose content is never article text. Ruby annotations (<rt>, <rp>) are a reading aid
 * printed over the base text (Japanese readings of kanji): the sentence is the base text.
 */
const SKIP = new Set(
  (
    'script style noscript template svg math iframe frame frameset object embed canvas video ' +
    'audio select option optgroup textarea input button head title meta link img picture ' +
    'source track map area dialog rt rp'
  ).split(' '),
);

/** Elements that start and end a block. */
const BLOCK = new Set(
  (
    'address article aside blockquote body center dd details dir div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p ' +
    'pre section summary table tbody td tfoot th thead tr ul caption'
  ).split(' '),
);

/** Inside these, <header> and <footer> belong to that section, not to the page. */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

const EMPHASIS = new Set(['b', 'strong', 'em', 'i']);

interface Context {
  landmark: Landmark | null;
  sectioned: boolean;
  heading: number;
  listItem: boolean;
  pre: boolean;
  link: boolean;
  emphasis: boolean;
  container: Element;
}

/** A block and the element its text came from (for matching with Readability's article). */
export interface WalkedBlock {
  block: StructuredBlock;
  container: Element;
  /**
   * The block's first text node. Readability moves text nodes but replaces elements (a <div>
   * of phrasing content becomes a new <p>), so the node tells where the text went when the
   * container's mark did not survive.
   */
  firstText: Text | null;
}

function landmarkOf(element: Element, sectioned: boolean): Landmark | null {
  const tag = element.localName;
  const role = (element.getAttribute('role') ?? '').toLowerCase();
  if (tag === 'nav' || role === 'navigation') return 'nav';
  if (tag === 'aside' || role === 'complementary') return 'aside';
  if (role === 'banner' || (tag === 'header' && !sectioned)) return 'header';
  if (role === 'contentinfo' || (tag === 'footer' && !sectioned)) return 'footer';
  return null;
}

function isHidden(element: Element): boolean {
  // Most elements have no attribute: each lookup below would walk the attributes again.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Layout gaps: runs of 2+ spaces including a no-break space, not after punctuation. */
function countGaps(text: string): number {
  // Without a no-break space, the collapsed text has no run of two spaces.
  if (!NARROW_OR_NO_BREAK_SPACE.test(text)) return 0;
  const spaced = text.replace(/[ \t\n\r\f]+/g, ' ').trim();
  const gaps = spaced.match(/(?<![.!?:;,…])[ \u00a0\u202f]{2,}(?=\S)/g);
  return gaps ? gaps.length : 0;
}

const NARROW_OR_NO_BREAK_SPACE = /[\u00a0\u202f]/;

/**
 * `text.replace(/\s+/g, '').length` (`visible`) and `text.replace(/\s+/g, ' ').trim().length`
 * (`collapsed`), counted without building either string: the walk measures every text node.
 */
function measure(text: string): { visible: number; collapsed: number } {
  let visible = 0;
  let gaps = 0;
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      spaceBefore = true;
    } else {
      if (spaceBefore && visible > 0) gaps++;
      spaceBefore = false;
      visible++;
    }
  }
  return { visible, collapsed: visible + gaps };
}

/** Options of `htmlToBlocks`. */
export interface WalkOptions {
  /**
   * Read <noscript> content too: what a reader without scripts sees. Only for pages that have no
   * other text (a site that puts its whole page in <noscript> for readers without JavaScript);
   * elsewhere it repeats the page or asks to enable JavaScript.
   */
  noscript?: boolean;
}

/** Walks `root` and returns its blocks in document order. */
export function htmlToBlocks(root: Element, options: WalkOptions = {}): WalkedBlock[] {
  const out: WalkedBlock[] = [];
  // The block's text so far, and whether any text node was added (maybe an empty one). A
  // string rather than a list of parts to join: no list (and its growth) for every block.
  let raw = '';
  let collected = false;
  let linkChars = 0;
  let emphasized = 0;
  let total = 0;
  let linkCount = 0;
  let current: Context | null = null;
  let firstText: Text | null = null;

  const flush = () => {
    if (current && collected) {
      if (/\S/.test(raw)) {
        out.push({
          block: {
            kind: current.heading ? 'heading' : 'paragraph',
            level: current.heading,
            listItem: current.listItem,
            text: raw.replace(/\s+/g, ' ').trim(),
            linkChars,
            linkCount,
            emphasized: total > 0 && emphasized === total,
            gapCount: countGaps(raw),
            landmark: current.landmark,
          },
          container: current.container,
          firstText,
        });
      }
    }
    raw = '';
    collected = false;
    linkChars = emphasized = total = linkCount = 0;
    current = null;
    firstText = null;
  };
  const append = (text: string, ctx: Context) => {
    if (!current) current = ctx;
    raw += text;
    collected = true;
    const { visible, collapsed } = measure(text);
    total += visible;
    if (ctx.emphasis) emphasized += visible;
    if (ctx.link) linkChars += collapsed;
  };

  const rootContext: Context = {
    landmark: null,
    sectioned: false,
    heading: 0,
    listItem: false,
    pre: false,
    link: false,
    emphasis: false,
    container: root,
  };
  // Work list: each node with its context, or null for the marker that ends a block element
  // (two arrays rather than an object an item: the walk visits every node of the page).
  const nodes: (Node | null)[] = [root];
  const contexts: Context[] = [rootContext];
  while (nodes.length) {
    const node = nodes.pop()!;
    const ctx = contexts.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3 /* text */) {
      const data = (node as Text).data;
      if (!firstText && /\S/.test(data)) firstText = node as Text;
      if (!ctx.pre) {
        append(data, ctx);
        continue;
      }
      // Preformatted text: one block a line.
      const lines = data.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) flush();
        append(line, ctx);
      });
      continue;
    }
    if (node.nodeType !== 1 /* element */) continue;
    const element = node as Element;
    const tag = element.localName;
    if ((SKIP.has(tag) && !(tag === 'noscript' && options.noscript)) || isHidden(element)) continue;
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    let child: Context = ctx;
    if (BLOCK.has(tag)) {
      flush();
      child = {
        landmark: landmarkOf(element, ctx.sectioned) ?? ctx.landmark,
        sectioned: ctx.sectioned || SECTIONING.has(tag),
        heading: /^h[1-6]$/.test(tag) ? Number(tag[1]) : ctx.heading,
        listItem: ctx.listItem || tag === 'li',
        pre: ctx.pre || tag === 'pre',
        link: ctx.link,
        emphasis: ctx.emphasis,
        container: element,
      };
      nodes.push(null);
      contexts.push(child);
    } else if (tag === 'a' || EMPHASIS.has(tag)) {
      const link = ctx.link || tag === 'a';
      const emphasis = ctx.emphasis || EMPHASIS.has(tag);
      // Contexts are never changed, so an unchanged one is shared.
      if (link !== ctx.link || emphasis !== ctx.emphasis) child = { ...ctx, link, emphasis };
      // A link with text counts in the block its text lands in (the one being collected).
      // (Whether its textContent.trim() is not empty, without building that text.)
      if (tag === 'a' && hasNonBlankText(element)) linkCount++;
    }
    for (let c = element.lastChild; c; c = c.previousSibling) {
      nodes.push(c);
      contexts.push(child);
    }
  }
  flush();
  return out;
}

/** Depth of the deepest element under `root` (root = 0), walked without recursion. */
export function elementDepth(root: Element): number {
  let deepest = 0;
  // Elements and their depths in two arrays: no pair allocated for every element of the page.
  const elements: Element[] = [root];
  const depths: number[] = [0];
  while (elements.length) {
    const element = elements.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    for (let c = element.firstElementChild; c; c = c.nextElementSibling) {
      elements.push(c);
      depths.push(depth + 1);
    }
  }
  return deepest;
}
