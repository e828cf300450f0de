/**
 * The selector shapes an annotation stores, named as in the W3C Web Annotation model.
 *
 * Offsets everywhere in this module are JavaScript string indices (UTF-16 code units) into the
 * revision text: `text.slice(start, end)` is the annotated span. The W3C export needs Unicode code
 * points instead; convert at that boundary only, with `toCodePointSelector` in `./unicode`.
 */

/** A span by offsets: `start` inclusive, `end` exclusive, `0 <= start <= end <= text.length`. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/**
 * A span by its text: the quoted text itself plus up to `CONTEXT_LENGTH` characters on each side
 * (shorter at the edges of the text, empty at the very start or end).
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Both selectors of one annotation, flattened: the row an annotation keeps per revision. The
 * position says where the span was; the quote is what re-anchoring searches for when the
 * position no longer holds.
 */
export interface TextAnchor extends TextPositionSelector, TextQuoteSelector {}

/** The two W3C selectors of an anchor, as the export writes them. */
export interface AnchorSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Splits an anchor into its position and quote selectors (fresh objects). */
export function toSelectors(anchor: TextAnchor): AnchorSelectors {
  const { start, end, exact, prefix, suffix } = anchor;
  return { position: { start, end }, quote: { exact, prefix, suffix } };
}

/**
 * Joins a position and a quote selector into one anchor. Throws a RangeError when they disagree
 * on the span's length, a broken invariant (the quote must be the text at the position).
 */
export function fromSelectors(selectors: AnchorSelectors): TextAnchor {
  const { position, quote } = selectors;
  if (position.end - position.start !== quote.exact.length) {
    throw new RangeError(
      `Position ${position.start}-${position.end} spans ${position.end - position.start} ` +
        `code units but the quote has ${quote.exact.length}`,
    );
  }
  return { ...position, ...quote };
}
