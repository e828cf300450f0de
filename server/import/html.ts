/**
 * HTML to structured blocks: parsed (./dom: parse5's tree in linkedom; scripts never run,
 * nothing is loaded), the declared metadata read, form controls dropped, its blocks walked, and
 * Readability asked which blocks form the article. The cleaner (lib/import) then decides what
 * to remove, with Readability's verdict as one more hint; the preview shows text only.
 */
import type { ArticleMetadata, StructuredBlock } from '@/lib/import';
import { forEachElement, parseDocument } from './dom';
import { fallbackHtmlBlocks } from './html-fallback';
import { elementDepth, htmlToBlocks } from './html-blocks';
import { readHtmlMetadata } from './html-metadata';
import { applyEdits, blankHiddenSvgs, hiddenSvgEdits, type Edit } from './hidden-svgs';
import { runReadability } from './readability-run';

/** Options of `extractHtml`. */
export interface HtmlOptions {
  /** Address the page came from: resolves relative links in its metadata. */
  baseUrl?: string;
  /** Ask Readability where the article is. Default true (off for .docx, which is all article). */
  readability?: boolean;
  /** Work Readability may do, in steps (./readability-run's READABILITY_BUDGET_STEPS by default). */
  readabilityBudget?: number;
}

/** What an HTML document yields for the cleaner. */
export interface HtmlExtraction {
  blocks: StructuredBlock[];
  /** Metadata the page declares (meta tags, JSON-LD, canonical link). */
  declared: ArticleMetadata;
  /** Title, byline and site name as Readability read them (a fallback). */
  readability: ArticleMetadata;
  /**
   * Set when the DOM pipeline failed on this page and the simpler scan of ./html-fallback gave
   * the blocks: a sentence for the preview saying so.
   */
  fallback?: string;
}

/** What the preview says when the simpler extraction was used. */
export const FALLBACK_NOTICE =
  'This page could not be read as a document, so a simpler extraction was used: check what was removed.';

/**
 * `<style>` elements are removed before parsing: their content is never text, it is work for
 * the parser, and a CSS parser throws on what browsers skip (left-over SCSS such as
 * `calc(($a - 1rem) / 16)` made jsdom, the DOM used before ./dom, fail whole pages).
 */
const STYLE_ELEMENT = /<style\b[^>]*>[^]*?(?:<\/style\s*>|$)/gi;
/**
 * A start tag with a style attribute (CSS too, of which only hiding matters) or over 4,000
 * characters (see HUGE_ATTRIBUTE): the only ones defusing changes. Matching just those, rather
 * than calling back for every tag of a large page, is the same rewrite for less work (a tag
 * holds no `<` or `>`, so matches start where a match of any tag would). The test is a
 * look-ahead: as a group it ran to the tag's end and backed off a character at a time looking
 * for `\sstyle`, then ran again over the rest (the same matches; a fifth less time).
 */
const START_TAG_TO_DEFUSE = /<[a-z](?=[^<>]*\sstyle\s*=|[^<>]{4000})[^<>]*>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Attribute values this long are data blobs (inlined images, state), never text. */
const HUGE_ATTRIBUTE = /\s[^\s=<>]+\s*=\s*(?:"[^"]{4000,}"|'[^']{4000,}')/g;

/**
 * The markup with what a CSS parser may choke on taken out (`<style>` elements; style
 * attributes, of which only "hidden" matters to the cleaner, kept as `display:none`) and huge
 * attribute values dropped (Readability's regular expressions crawl over them); the text of
 * scripts and the paths of hidden SVG sprites go too (blankScripts, ./hidden-svgs).
 */
export function defuseHtml(html: string): string {
  // All in one copy of the page (each copy of a 2 MB page costs about 8 ms: 4 MB of new
  // memory), unless the page as it is cannot tell what the steps one after the other make of
  // it; then they run one after the other.
  const cuts = scriptCuts(html);
  const svgs = hiddenSvgEdits(html, cuts);
  const blanking = svgs ? mergeEdits(cuts, svgs) : null;
  // Blanking only shortens the page: a small page stays small (see styleEdits).
  const edits = blanking && html.length >= SMALL_PAGE && styleEdits(html, blanking);
  if (edits) return applyEdits(html, edits);
  return defuseStyles(
    blanking ? applyEdits(html, blanking) : blankHiddenSvgs(applyEdits(html, cuts)),
  );
}

/** Markup with its scripts and hidden SVGs blanked, defused of its styles (see defuseHtml). */
function defuseStyles(blanked: string): string {
  const unstyled = blanked.replace(STYLE_ELEMENT, '');
  if (!/\sstyle\s*=/i.test(unstyled) && unstyled.length < SMALL_PAGE) return unstyled;
  return unstyled.replace(START_TAG_TO_DEFUSE, defuseTag);
}

/** Below this many characters a page without style attributes keeps its huge attributes. */
const SMALL_PAGE = 100_000;

function defuseTag(tag: string): string {
  const small = tag.length > 4000 ? tag.replace(HUGE_ATTRIBUTE, '') : tag;
  return small.replace(STYLE_ATTRIBUTE, (attribute) =>
    HIDING_STYLE.test(attribute) ? ' style="display:none"' : '',
  );
}

/**
 * All the edits `defuseStyles(applyEdits(html, blanking))` makes, on `html` itself: the
 * blanking, the <style> elements removed (those holding blanked text in full) and the start
 * tags rewritten, outside what is blanked or removed. Null where the page as it is may not
 * tell: a <style> element ending inside blanked text, one cut into a start tag (whose two
 * halves would meet once it is gone), and a small page (whether any style attribute is left
 * decides whether its huge attributes go).
 */
function styleEdits(html: string, blanking: readonly Edit[]): Edit[] | null {
  const edits: Edit[] = [];
  let next = 0;
  STYLE_ELEMENT.lastIndex = 0;
  for (let match = STYLE_ELEMENT.exec(html); match; match = STYLE_ELEMENT.exec(html)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < blanking.length && blanking[next]!.end <= start) edits.push(blanking[next++]!);
    // Inside blanked text: not in the blanked markup; the search goes on after it.
    if (next < blanking.length && blanking[next]!.start <= start) {
      STYLE_ELEMENT.lastIndex = blanking[next]!.end;
      continue;
    }
    while (next < blanking.length && blanking[next]!.end <= end) next++;
    if (next < blanking.length && blanking[next]!.start < end) return null;
    const open = html.lastIndexOf('<', start - 1);
    if (open > html.lastIndexOf('>', start - 1) && /[a-z]/i.test(html[open + 1] ?? '')) return null;
    edits.push({ start, end, text: '' });
  }
  while (next < blanking.length) edits.push(blanking[next++]!);
  let length = html.length;
  for (const { start, end, text } of edits) length += text.length - (end - start);
  if (length < SMALL_PAGE) return null;

  const tags: Edit[] = [];
  next = 0;
  START_TAG_TO_DEFUSE.lastIndex = 0;
  for (let match = START_TAG_TO_DEFUSE.exec(html); match; match = START_TAG_TO_DEFUSE.exec(html)) {
    const start = match.index;
    while (next < edits.length && edits[next]!.end <= start) next++;
    if (next < edits.length && edits[next]!.start <= start) {
      START_TAG_TO_DEFUSE.lastIndex = edits[next]!.end;
      continue;
    }
    const text = defuseTag(match[0]);
    if (text !== match[0]) tags.push({ start, end: start + match[0].length, text });
  }
  return mergeEdits(edits, tags);
}

/** Where a `<script>` start tag begins, and where a script's content ends (its end tag). */
const SCRIPT_START = /<script(?=[\s/>])/gi;
const SCRIPT_END = /<\/script[\s/>]/gi;
/**
 * The rest of a start tag after its name, up to its `>`: a quoted value may hold `>`. Sticky,
 * from the end of the name. A quote anywhere else (in a name, in an unquoted value) does not
 * match, and that script is left alone.
 */
const START_TAG_REST = /(?:[^>"'=]|=\s*"[^"]*"|=\s*'[^']*'|=)*>/y;
/** Scripts shorter than this are left alone: nothing to gain. */
const MIN_BLANKED_SCRIPT = 512;

/**
 * The markup with the content of its scripts taken out, except JSON-LD (the metadata reads
 * it). A script is never text and nothing here runs it, but its content is most of a large
 * page (frameworks' state as JSON, inlined bundles: about half of a typical 1-2 MB page), all
 * of it tokenized character by character, kept as a text node and collected again. A script
 * whose content holds `<!--` or `-->` keeps it (the tokenizer's escaped states, where the
 * first `</script>` may not end the script; a start tag inside a comment), as does one without
 * an end tag (the rest of the page is its text anyway).
 */
export function blankScripts(html: string): string {
  return applyEdits(html, scriptCuts(html));
}

/** The cuts of `blankScripts`: each script's content it takes out, in order. */
function scriptCuts(html: string): Edit[] {
  const cuts: Edit[] = [];
  SCRIPT_START.lastIndex = 0;
  for (let start = SCRIPT_START.exec(html); start; start = SCRIPT_START.exec(html)) {
    START_TAG_REST.lastIndex = SCRIPT_START.lastIndex;
    if (!START_TAG_REST.test(html)) continue;
    const contentStart = START_TAG_REST.lastIndex;
    SCRIPT_END.lastIndex = contentStart;
    const end = SCRIPT_END.exec(html);
    if (!end) break;
    SCRIPT_START.lastIndex = end.index;
    if (end.index - contentStart < MIN_BLANKED_SCRIPT) continue;
    const tag = html.slice(start.index, contentStart);
    const content = html.slice(contentStart, end.index);
    if (/ld\+json/i.test(tag) || content.includes('<!--') || content.includes('-->')) continue;
    cuts.push({ start: contentStart, end: end.index, text: '' });
  }
  return cuts;
}

/** Two lists of edits (each sorted, none overlapping another) as one sorted list. */
function mergeEdits(a: readonly Edit[], b: readonly Edit[]): Edit[] {
  if (!b.length) return a as Edit[];
  const merged: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start < b[j]!.start)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

const BLOCK_ATTRIBUTE = 'data-factmark-block';
const FORM_CONTROLS = 'input, button, textarea, select';
const FORM_CONTROL_TAGS = new Set(['input', 'button', 'textarea', 'select']);

/**
 * Readability's run time grows steeply with nesting depth (about 1 s at depth 200, 4 s at 400);
 * real articles are 10-40 deep. Deeper documents are cleaned without its hints.
 */
export const MAX_READABILITY_DEPTH = 120;
/**
 * Beyond this depth the page goes straight to the simpler extraction: tree building slows down
 * with the square of the depth (the parser's scope checks walk the stack of open elements) and
 * recursive serialisers overflow the stack further down. Real pages are 10-40 deep; only broken
 * or hostile markup gets here.
 */
export const MAX_DOM_DEPTH = 2000;
/**
 * Extracts blocks and metadata from an HTML document or fragment. Never throws: when the DOM
 * pipeline fails (a parser error, nesting deep enough to overflow the stack), the blocks come
 * from a linear scan of the markup and `fallback` says so.
 */
export function extractHtml(html: string, options: HtmlOptions = {}): HtmlExtraction {
  try {
    if (nestingExceeds(html, MAX_DOM_DEPTH)) throw new RangeError('nested too deeply');
    return extractWithDom(defuseHtml(html), options);
  } catch {
    return {
      blocks: fallbackHtmlBlocks(html),
      declared: {},
      readability: {},
      fallback: FALLBACK_NOTICE,
    };
  }
}

/** Elements without content, and those whose end tag is implied (never counted as nesting). */
const NOT_NESTING = new Set(
  (
    'area base br col embed hr img input link meta source track wbr p li dt dd tr td th ' +
    'option optgroup thead tbody tfoot colgroup rt rp'
  ).split(' '),
);

/**
 * Whether the markup's elements (by a linear scan of its tags) nest deeper than `limit`. The
 * tags are those `/<(\/?)([a-z][a-z0-9-]*)[^<>]*?(\/?)>/gi` matches (one ending `/>` closes
 * itself), found with indexOf rather than that expression: it made a match array and strings
 * for every tag of the page (about 5 ms on a 2 MB page).
 */
export function nestingExceeds(html: string, limit: number): boolean {
  let depth = 0;
  // The first `>` at or after where the scan is (cached: a run of `<` without one is linear).
  let close = -1;
  for (let open = html.indexOf('<'); open !== -1;) {
    let at = open + 1;
    const end = html.charCodeAt(at) === 47; /* / */
    if (end) at++;
    const name = at;
    if (isAsciiLetter(html.charCodeAt(at))) {
      at++;
      while (isNameRest(html.charCodeAt(at))) at++;
    }
    const next = html.indexOf('<', at);
    if (at === name) {
      open = next;
      continue;
    }
    if (close < at) close = html.indexOf('>', at);
    // No `>` before the next `<` (or none at all): not a tag; the scan goes on from that `<`.
    if (close === -1 || (next !== -1 && next < close)) {
      if (close === -1) return false;
      open = next;
      continue;
    }
    const selfClosing = close > at && html.charCodeAt(close - 1) === 47;
    open = next;
    if (selfClosing) continue;
    if (isNotNesting(html, name, at)) continue;
    depth = end ? Math.max(0, depth - 1) : depth + 1;
    if (depth > limit) return true;
  }
  return false;
}

/** NOT_NESTING's names by length. */
const NOT_NESTING_BY_LENGTH: string[][] = [];
for (const tag of NOT_NESTING) (NOT_NESTING_BY_LENGTH[tag.length] ??= []).push(tag);

/**
 * Whether the tag name at `html[start, end)` (ASCII letters, digits and `-`) is in NOT_NESTING,
 * in any case: compared in place, where a lower-cased copy of each name made two strings for
 * every tag of the page (a 2 MB page has some 30,000).
 */
function isNotNesting(html: string, start: number, end: number): boolean {
  const candidates = NOT_NESTING_BY_LENGTH[end - start];
  if (!candidates) return false;
  next: for (const tag of candidates) {
    // `| 32` lower-cases an ASCII letter and leaves digits and `-` as they are.
    for (let i = 0; i < tag.length; i++)
      if ((html.charCodeAt(start + i) | 32) !== tag.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}
const isAsciiLetter = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;
const isNameRest = (code: number) =>
  isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45; /* - */

function extractWithDom(html: string, options: HtmlOptions): HtmlExtraction {
  const base = options.baseUrl && /^https?:/i.test(options.baseUrl) ? options.baseUrl : undefined;
  const document = parseDocument(html);

  // Only text leaves this module, so nothing needs sanitising; form controls are dropped so
  // neither the walk nor Readability reads their labels as prose.
  // Found in the metadata's walk (one walk of the page less), as querySelectorAll(FORM_CONTROLS)
  // finds them (linkedom's selector engine would test every node of the page), and removed
  // after it.
  const controls: Element[] = [];
  // The same walk bounds the page's depth for Readability (see withinReadabilityDepth).
  let deepest = 0;
  let template = false;
  const declared = readHtmlMetadata(document, base, (element, depth) => {
    if (depth > deepest) deepest = depth;
    const tag = element.localName;
    if (tag === 'template') template = true;
    if (FORM_CONTROL_TAGS.has(tag.toLowerCase()) && element.matches(FORM_CONTROLS))
      controls.push(element);
  });
  for (const control of controls) control.remove();

  let walked = htmlToBlocks(document.body ?? document.documentElement);
  // A page with no text outside <noscript> puts itself there for readers without scripts.
  if (!walked.length)
    walked = htmlToBlocks(document.body ?? document.documentElement, { noscript: true });
  const blocks = walked.map((w) => w.block);
  let readability: ArticleMetadata = {};
  const root = document.body ?? document.documentElement;
  if (
    (options.readability ?? true) &&
    walked.length &&
    withinReadabilityDepth(root, template ? null : deepest)
  ) {
    // Mark each block's element, so the blocks Readability keeps can be recognised (it moves
    // and retags elements but keeps their attributes).
    const ids = new Map<Element, string>();
    for (const { container } of walked) {
      if (!ids.has(container)) {
        const id = String(ids.size);
        ids.set(container, id);
        container.setAttribute(BLOCK_ATTRIBUTE, id);
      }
    }
    const article = runReadability(document, { budget: options.readabilityBudget });
    if (article?.content) {
      const inside = new Set<string>();
      const content = article.content;
      const own = content.getAttribute(BLOCK_ATTRIBUTE);
      if (own) inside.add(own);
      // What querySelectorAll(`[${BLOCK_ATTRIBUTE}]`) gives, in one walk: its engine tests that
      // selector with hasAttribute.
      forEachElement(content, (element) => {
        if (element.hasAttribute(BLOCK_ATTRIBUTE))
          inside.add(element.getAttribute(BLOCK_ATTRIBUTE)!);
      });
      if (inside.size) {
        const texts = textNodesOf(content);
        walked.forEach(({ container, firstText }, i) => {
          const kept = inside.has(ids.get(container)!) || (!!firstText && texts.has(firstText));
          if (!kept) blocks[i]!.outsideArticle = true;
        });
      }
    }
    readability = readabilityMetadata(article);
  }
  return { blocks, declared, readability };
}

/**
 * Whether `elementDepth(root) <= MAX_READABILITY_DEPTH`, from `deepest`, the depth of the
 * deepest element of the document (<html> at 1) found by an earlier walk when that walk saw
 * every element (null when it did not: it skips a <template>'s content): an element under
 * `root` is at most that deep, less `root`'s own depth, and the document has lost elements
 * since (its form controls), never gained any. Walks the page again only when that bound
 * does not settle it (about 4 ms on a 2 MB page).
 */
function withinReadabilityDepth(root: Element, deepest: number | null): boolean {
  if (deepest !== null) {
    let rootDepth = 0;
    for (let node: Node | null = root; node && node.nodeType === 1; node = node.parentNode) {
      rootDepth++;
    }
    if (deepest - rootDepth <= MAX_READABILITY_DEPTH) return true;
  }
  return elementDepth(root) <= MAX_READABILITY_DEPTH;
}

/** The text nodes under `root`, walked without recursion. */
function textNodesOf(root: Node): Set<Node> {
  const texts = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) texts.add(node);
    for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return texts;
}

function readabilityMetadata(
  article: { title?: string | null; byline?: string | null; siteName?: string | null } | null,
): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = article?.title?.trim();
  const byline = article?.byline
    ?.trim()
    .replace(/^by\s+/i, '')
    .trim();
  const siteName = article?.siteName?.trim();
  if (title) metadata.title = title;
  // Readability's byline is the text of a "byline" element: keep it only when it is short.
  if (byline && byline.length <= 100) metadata.byline = byline;
  if (siteName) metadata.sourceName = siteName;
  return metadata;
}
