/**
 * Readability.js (@mozilla/readability 0.6) run on one of our linkedom documents within a work
 * budget, with a few of its methods replaced on the instance by versions that give the same
 * answers for less work (measured on the slowest pages of the corpus, bench/import-corpus).
 * Readability 0.6 has neither a budget option nor these shortcuts; a version without the
 * replaced methods runs as it comes, unlimited.
 */
import { Readability } from '@mozilla/readability';
import { forEachElement } from './dom';

/**
 * Readability gives up (throws) on documents with more elements than this. Its run time grows
 * with the square of the element count on flat pages (minutes for 20,000 sibling spans); real
 * articles have 1,000-8,000 elements.
 */
export const MAX_READABILITY_ELEMENTS = 15_000;
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
}

/**
 * Readability's article of `document` (which it changes), or null when it finds none, throws
 * (too many elements) or goes over its budget.
 */
export function runReadability(
  document: Document,
  { budget = READABILITY_BUDGET_STEPS, shortcuts = true }: ReadabilityRunOptions = {},
): ReadabilityArticle | null {
  try {
    const reader = new Readability<Element>(document, {
      serializer: (node) => node as Element,
      disableJSONLD: true,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    });
    if (shortcuts) shortcut(reader as unknown as Methods);
    limitWork(reader as unknown as Methods, budget);
    return reader.parse();
  } catch {
    // Too many elements, or over its budget: the cleaner decides alone.
    return null;
  }
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
