/**
 * Readability.js (@mozilla/readability 0.6) run on one of our linkedom documents within a work
 * budget, with a few of its methods replaced on the instance by versions that give the same
 * answers for less work (measured on the slowest pages of the corpus, bench/import-corpus).
 * Readability 0.6 has neither a budget option nor these shortcuts; a version without the
 * replaced methods runs as it comes, unlimited.
 */
import { Readability } from '@mozilla/readability';
import { forEachElement, hasNonBlankText, nextOutside } from './dom';
import { trimmedLength } from '@/lib/white-space';

/**
 * Work Readability may do on one page, in steps: one per node it walks and per text it reads,
 * and RETRY_STEPS each time it starts again from a copy of the page (it does when its first
 * article is short, up to three times). It is most of a slow import: a few pages of 100-200 KB
 * spent 250-450 ms CPU in it alone, beyond the 300 ms a whole import may take; over the corpus
 * its time follows these steps (about 0.01-0.025 ms each). Past the budget its hints are
 * dropped and the page is cleaned like pasted text (the rules and the learned line model),
 * which loses a little precision on those pages instead of making the editor wait. Counted in
 * steps rather than time so that a page yields the same article on a busy machine.
 */
export const READABILITY_BUDGET_STEPS = 6_000;
/** Steps one new attempt of Readability counts for (it re-reads the page's markup). */
export const RETRY_STEPS = 500;

export type ReadabilityArticle = NonNullable<ReturnType<Readability<Element>['parse']>>;

/** Options of `runReadability`. */
export interface ReadabilityRunOptions {
  /** Work Readability may do, in steps. Default READABILITY_BUDGET_STEPS. */
  budget?: number;
  /** Use the same-answer shortcuts (`shortcut` below). Default true; false for comparison. */
  shortcuts?: boolean;
  /** Take link farms out first (`removeLinkFarms` below). Default true. */
  withoutLinkFarms?: boolean;
}

/**
 * Readability's article of `document` (which it changes), or null when it finds none, throws
 * (a broken page) or goes over its budget (known from the start on some large pages).
 */
export function runReadability(
  document: Document,
  {
    budget = READABILITY_BUDGET_STEPS,
    shortcuts = true,
    withoutLinkFarms = true,
  }: ReadabilityRunOptions = {},
): ReadabilityArticle | null {
  try {
    if (withoutLinkFarms && document.body) removeLinkFarms(document.body);
    // No maxElemsToParse: Readability counts with getElementsByTagName('*'), which matches no
    // element in linkedom, so its limit never fired; the budget is what bounds its work.
    const reader = new Readability<Element>(document, {
      serializer: (node) => node as Element,
      disableJSONLD: true,
    });
    if (shortcuts) {
      // A page whose first attempt alone cannot stay within the budget gets no article, however
      // that attempt goes: skip the work (most of a slow import's Readability time).
      if (firstAttemptSteps(document, reader as unknown as ReaderConstants, budget) > budget)
        return null;
      shortcut(reader as unknown as Methods);
    }
    limitWork(reader as unknown as Methods, budget);
    return reader.parse();
  } catch {
    // Over its budget, or a page it cannot read: the cleaner decides alone.
    return null;
  }
}

/** A link farm has at least this many links... */
export const LINK_FARM_MIN_LINKS = 20;
/** ...and at least this share of its text in them. */
export const LINK_FARM_LINK_SHARE = 0.8;

/**
 * Removes the link farms under `root`: elements with at least LINK_FARM_MIN_LINKS links whose
 * text is almost all link text (LINK_FARM_LINK_SHARE): sitemaps in footers, mega-menus,
 * "more stories" rails. Readability never takes one for the article (it scores paragraphs), but
 * walks and reads every node of it; on a large page they are most of the nodes, its work
 * budget runs out before the article is reached, and the page loses Readability's hint.
 * One walk: each element's text and link text are summed from its children's.
 */
export function removeLinkFarms(root: Element): void {
  const farms: Element[] = [];
  // The counts of the element being counted: each call starts its own from zero and, done,
  // adds them to its parent's (saved), so no object is made for each element of the page.
  let text = 0;
  let linkText = 0;
  let links = 0;
  const count = (element: Element, inLink: boolean): void => {
    const link = inLink || element.localName.toLowerCase() === 'a';
    const outerText = text;
    const outerLinkText = linkText;
    const outerLinks = links;
    text = 0;
    linkText = 0;
    links = link && !inLink ? 1 : 0;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const length = trimmedLength((child as Text).data);
        text += length;
        if (link) linkText += length;
      } else if (child.nodeType === 1) {
        count(child as Element, link);
      }
    }
    if (
      element !== root &&
      links >= LINK_FARM_MIN_LINKS &&
      linkText >= text * LINK_FARM_LINK_SHARE
    ) {
      farms.push(element);
    }
    text += outerText;
    linkText += outerLinkText;
    links += outerLinks;
  };
  count(root, false);
  // Children come before their parents: remove only the outermost farm of each nest.
  const gone = new Set(farms);
  for (const farm of farms) {
    let outermost = true;
    for (let at = farm.parentElement; at && at !== root; at = at.parentElement) {
      if (gone.has(at)) {
        outermost = false;
        break;
      }
    }
    if (outermost) farm.remove();
  }
}

/** The rules Readability 0.6 reads on its instance (its own, so they follow its version). */
interface ReaderConstants {
  REGEXPS?: { unlikelyCandidates?: RegExp; byline?: RegExp };
  UNLIKELY_ROLES?: string[];
  DEFAULT_TAGS_TO_SCORE?: string[];
}

/** Elements Readability removes before its first attempt, or may remove, with their content. */
const MAY_GO = new Set(['script', 'noscript', 'style', 'template', 'br', 'img', 'h1', 'h2']);
/** Attributes that hide an element (or make it a modal dialog) for Readability. */
const HIDING_ATTRIBUTES = ['style', 'hidden', 'aria-hidden', 'aria-modal'];
/** Elements Readability removes when they hold nothing but line breaks and rules. */
const EMPTY_GOES = new Set(['div', 'section', 'header', 'h3', 'h4', 'h5', 'h6']);

/**
 * A lower bound of the budget steps Readability's first attempt counts on `document` (the
 * attempt walks every element of the page it keeps, one `_getNextNode` step each, then reads
 * the text of every element it scores, one `_getInnerText` step each). Counted are the
 * elements of <body> that nothing before or in that walk can remove: an element that may go
 * (hidden, unlikely by class, id or role, a byline, a heading that may repeat the title, an
 * empty container, a wrapper of one image, what its preparation removes or rewrites) is left
 * out with all its content, whatever Readability later decides for it. So when this exceeds the
 * budget, the budget runs out in the first attempt and Readability returns nothing, whatever
 * it would have found. 0 when a rule is missing (another version of Readability), and when
 * <body> has too few elements for the bound to exceed `budget` (each counts at most two steps):
 * most pages are told apart by that count, without reading attributes. With a `budget`, the
 * count stops as soon as it is over it.
 */
export function firstAttemptSteps(document: Document, reader: ReaderConstants, budget = 0): number {
  const unlikely = reader.REGEXPS?.unlikelyCandidates;
  const byline = reader.REGEXPS?.byline;
  const roles = reader.UNLIKELY_ROLES;
  const scored = reader.DEFAULT_TAGS_TO_SCORE;
  const body = document.body;
  if (!(unlikely instanceof RegExp) || !(byline instanceof RegExp) || !roles || !scored || !body)
    return 0;
  let elements = 0;
  forEachElement(body, () => elements++);
  if (elements * 2 <= budget) return 0;
  const scoredTags = new Set(scored.map((tag) => tag.toLowerCase()));
  const mayGo = (element: Element, tag: string): boolean => {
    if (MAY_GO.has(tag)) return true;
    if (EMPTY_GOES.has(tag) && onlyBreaks(element)) return true;
    if (wrapsOneImage(element)) return true;
    // The rules below read attributes (most table cells and paragraphs have none).
    if (!element.hasAttributes()) return false;
    for (const name of HIDING_ATTRIBUTES) if (element.hasAttribute(name)) return true;
    const role = element.getAttribute('role');
    if (role !== null && roles.includes(role)) return true;
    if (element.getAttribute('rel') === 'author') return true;
    if (element.getAttribute('itemprop')?.includes('author')) return true;
    // Readability tests `className + " " + id`; neither rule holds a space, so the class
    // attribute as written matches where the class list's normalised value does (linkedom's
    // className and getAttribute('class') build that value anew on every call).
    const classes = element.getAttributeNode('class')?.value ?? null;
    const id = element.getAttribute('id');
    if (classes === null && id === null) return false;
    const matchString = `${classes ?? ''} ${id ?? ''}`;
    return unlikely.test(matchString) || byline.test(matchString);
  };
  let steps = 0;
  let current = body.firstElementChild;
  while (current) {
    let next: Element | null = null;
    const tag = current.localName.toLowerCase();
    // An element that may go is skipped with its content.
    if (!mayGo(current, tag)) {
      // Scored as Readability decides it, by tagName (an SVG <td> is not scored). A <div> that
      // Readability replaces by its only <p> gives the <p> no step of its own, but reading the
      // div's link density reads its text, one step: the pair still counts three.
      steps += scoredTags.has(tag) && scored.includes(current.tagName) ? 2 : 1;
      // Past the budget the answer is known: the rest of the page need not be read.
      if (budget > 0 && steps > budget) return steps;
      next = current.firstElementChild;
    }
    current = next ?? nextOutside(current, body);
  }
  return steps;
}

/** Whether every child element of `element` is a <br> or <hr> (or it has none). */
function onlyBreaks(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName.toLowerCase();
    if (tag !== 'br' && tag !== 'hr') return false;
  }
  return true;
}

/** Whether `element` is a chain of only children ending in an <img> (it may be replaced). */
function wrapsOneImage(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.firstElementChild) {
    if (at.localName.toLowerCase() === 'img') return true;
    if (at.firstElementChild?.nextElementSibling) return false;
  }
  return false;
}

type Method = (...args: never[]) => unknown;
type Methods = Record<string, Method | undefined>;

/** Thrown inside Readability when it is over its budget. */
class OverBudget extends Error {}

/**
 * Readability's methods that run for every node it walks, every text it reads, and before each
 * new attempt, with the steps each call counts for.
 */
const CHECKPOINTS = { _getNextNode: 1, _getInnerText: 1, _removeFlag: RETRY_STEPS } as const;

/** Makes `reader.parse()` throw once its checkpoints have counted more than `budget` steps. */
function limitWork(reader: Methods, budget: number): void {
  let steps = 0;
  for (const [name, cost] of Object.entries(CHECKPOINTS)) {
    const original = reader[name];
    if (typeof original !== 'function') continue;
    reader[name] = function (this: unknown, ...args: never[]): unknown {
      steps += cost;
      if (steps > budget) throw new OverBudget();
      return original.apply(this, args);
    };
  }
}

/**
 * Replaces, on this instance, Readability methods whose answers can be had for less work on
 * linkedom. Each gives the same result as the original for every input (none of them counts
 * budget steps, so the budget is spent exactly as before):
 *   - `_isValidByline` read the whole text under every node it walked (the text of <body>, of
 *     each wrapper...) before looking at the node's class and rel: quadratic on deep pages.
 *     The text is now read only for a node that looks like a byline.
 *   - `_isProbablyVisible` built a CSS declaration for every node it walked to read two
 *     properties; a node without a style attribute has neither.
 *   - `_getAllNodesWithTag` ran a CSS selector engine over the tree to find elements by tag
 *     name; one walk in document order finds the same ones (and, like the selector query,
 *     does not look inside a <template>'s content).
 *   - `_isElementWithoutContent` joined all the text under every div, section, header and
 *     heading it walked (the whole page's text for each wrapper: quadratic in the nesting) to
 *     see whether it is blank. It now stops at the first text that is not blank, which decides
 *     it; a blank element still gets the original test (its element-children rule).
 */
function shortcut(reader: Methods): void {
  const byline = (reader as { REGEXPS?: { byline?: RegExp } }).REGEXPS?.byline;
  if (typeof reader._isValidByline === 'function' && byline instanceof RegExp) {
    reader._isValidByline = function (node: Element, matchString: string): boolean {
      const itemprop = node.getAttribute('itemprop');
      if (
        node.getAttribute('rel') !== 'author' &&
        !itemprop?.includes('author') &&
        !byline.test(matchString)
      )
        return false;
      const length = (node.textContent ?? '').trim().length;
      return length > 0 && length < 100;
    } as Method;
  }
  const isProbablyVisible = reader._isProbablyVisible;
  if (typeof isProbablyVisible === 'function') {
    reader._isProbablyVisible = function (this: unknown, node: Element): unknown {
      if (node.hasAttribute('style')) return isProbablyVisible.call(this, node as never);
      return (
        !node.hasAttribute('hidden') &&
        (node.getAttribute('aria-hidden') !== 'true' ||
          !!(node.className as string | undefined)?.includes?.('fallback-image'))
      );
    } as Method;
  }
  const isElementWithoutContent = reader._isElementWithoutContent;
  if (typeof isElementWithoutContent === 'function') {
    reader._isElementWithoutContent = function (this: unknown, node: Element): unknown {
      if (node.nodeType === 1 && hasNonBlankText(node)) return false;
      return isElementWithoutContent.call(this, node as never);
    } as Method;
  }
  if (typeof reader._getAllNodesWithTag === 'function') {
    reader._getAllNodesWithTag = function (node: ParentNode, tagNames: string[]): Element[] {
      const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
      const found: Element[] = [];
      // Document order, a template's content not searched: as querySelectorAll does.
      forEachElement(node, (element) => {
        if (wanted.has(element.localName.toLowerCase())) found.push(element);
      });
      return found;
    } as Method;
  }
}
