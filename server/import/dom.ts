/**
 * HTML source to a DOM Document for extraction (the block walk, the metadata and Readability).
 *
 * parse5 builds the tree as browsers do (the WHATWG algorithm: implied <head>/<body>,
 * misnested and unclosed tags, comments before <html>), and the document is a linkedom one, a
 * light DOM. linkedom's own parser is not the WHATWG one (it put a whole page in an empty
 * <body> when <head> was missing), so the tree was first written back as well-formed HTML for
 * linkedom to read; the extraction is tuned on, and its outputs kept for, the document that
 * gives. ./build-linkedom now builds that same document from parse5's tree directly, replaying
 * what linkedom's reading of the markup would do, without writing and re-reading it: a fifth
 * less parse CPU on the corpus and on 1-2 MB stress pages, and the same document on all 949
 * corpus pages. The few trees it cannot replay exactly (markup inside an <iframe>'s or a
 * <noscript>'s text, a `</script` inside a script: 4 of those pages) still take the round trip.
 * Building linkedom's nodes from inside parse5 (a tree adapter, then the replay's few fix-ups
 * in place: the same document on all 200 corpus pages and the 12 grown ones) was tried for
 * issue #13 and is not worth it: parse and build took 12-15 % less main-thread CPU on 1-2 MB
 * pages, but the block walk and Readability then ran 15-25 % slower on that document, it seems
 * because its nodes are allocated among the tokenizer's garbage (a copy of it made in one pass
 * ran as fast as the document built here), so an import took no less (+9 ms median, paired).
 * Most pages do not take this route at all: ./well-formed reads a page that is well-formed
 * enough for htmlparser2 to build the same document as it goes, in less than half the time
 * (87 % of trafilatura's 949 pages, node for node the same document), and leaves the rest here.
 * jsdom did it all in one step, but its parse cost 3x as much (median 89 ms against 32 ms) and
 * Readability ran 3-4x slower on its nodes; on every page the blocks, Readability's article and
 * the metadata came out the same. Nothing is executed or fetched: neither library runs scripts
 * or loads resources.
 *
 * linkedom is pinned and patched (patches/, applied by patch-package on install; ./dom.test
 * fails without it): its EventTarget made a listener Map and a WeakMap entry for every node,
 * text and attribute, 6 % of an import's CPU plus garbage; the map now comes with the first
 * listener. The same articles on all 949 corpus pages, 12 % less CPU summed over the 200.
 */
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';
import { buildLinkedomDocument } from './build-linkedom';
import { parseWellFormed } from './well-formed';

/**
 * The document of an HTML string (a full page or a fragment). Throws only on what the parsers
 * cannot take (the caller falls back to a simpler extraction).
 */
export function parseDocument(html: string): Document {
  return parseWellFormed(html) ?? parseWithParse5(html);
}

/** The document of `html` by parse5's route (what ./well-formed gives where it reads a page). */
export function parseWithParse5(html: string): Document {
  // scriptingEnabled false: <noscript> content is markup (what a reader without scripts sees),
  // as jsdom, which never ran scripts here, read it.
  const tree = parse(html, { scriptingEnabled: false });
  return buildLinkedomDocument(tree) ?? parseHTML(serialize(tree)).document;
}

/**
 * Calls `visit` on each element under `root` (not `root` itself) in document order, as
 * linkedom's `querySelectorAll` visits them: a `<template>`'s children are not searched (they
 * are its content, not the page's). For finding elements by tag or attribute in one walk,
 * where a selector query would run the whole page through the selector engine. `depth` is the
 * element's depth under `root` (a child of `root` is at 1).
 */
export function forEachElement(
  root: ParentNode,
  visit: (element: Element, depth: number) => void,
): void {
  let current = root.firstElementChild;
  let depth = 1;
  while (current) {
    visit(current, depth);
    const child = current.localName === 'template' ? null : current.firstElementChild;
    if (child) {
      current = child;
      depth++;
      continue;
    }
    // As nextOutside, counting the levels it climbs.
    let at: Element = current;
    current = null;
    for (;;) {
      const next = at.nextElementSibling;
      if (next) {
        current = next;
        break;
      }
      const parent = at.parentNode;
      if (!parent || parent === root) break;
      at = parent as Element;
      depth--;
    }
  }
}

/**
 * The element after `element` and everything in it, in document order, under `root`; null at
 * the end of `root`. With it a walk can skip a subtree.
 */
export function nextOutside(element: Element, root: ParentNode): Element | null {
  for (let at: Element = element; ;) {
    const next = at.nextElementSibling;
    if (next) return next;
    const parent = at.parentNode;
    if (!parent || parent === root) return null;
    at = parent as Element;
  }
}

/**
 * Whether some text under `root` is not blank: `root.textContent.trim()` would not be empty
 * (linkedom's textContent joins the text and CDATA nodes below it; `\s` is the set `trim`
 * removes). Walks in document order and stops at the first such text.
 */
export function hasNonBlankText(root: Node): boolean {
  let node = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if ((type === 3 || type === 4) && NOT_BLANK.test((node as CharacterData).data)) return true;
    let next = node.firstChild;
    for (let at: Node | null = node; !next && at && at !== root; at = at.parentNode) {
      next = at.nextSibling;
    }
    node = next;
  }
  return false;
}
const NOT_BLANK = /\S/;
