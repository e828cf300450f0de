/**
 * The comparison of two texts: aligned statement pairs and the statements only one text makes.
 * Every offset is a JavaScript string index (UTF-16 code unit) into that side's text, the
 * app's one convention; every statement of each text appears in exactly one place.
 */

export interface Span {
  start: number;
  end: number;
}

/** `same`: equal after normalisation; `reworded`: other words, same facts; `differs`: see `differences`. */
export type PairKind = 'same' | 'reworded' | 'differs';

export const DIFFERENCE_TYPES = [
  'number',
  'date',
  'name',
  'quote',
  'attribution',
  'other',
] as const;
export type DifferenceType = (typeof DIFFERENCE_TYPES)[number];

export interface Difference {
  type: DifferenceType;
  /** The differing detail in text A (the whole statement of the pair when `absent` is `a`). */
  a: Span;
  b: Span;
  /** Set when only one side states the detail: the side that lacks it. */
  absent?: 'a' | 'b';
}

export interface Pair {
  a: Span;
  b: Span;
  kind: PairKind;
  differences: Difference[];
  /** Weighted token similarity of the two statements, 0..1. */
  similarity: number;
}

export interface Comparison {
  /** In the order of text A. */
  pairs: Pair[];
  onlyA: Span[];
  onlyB: Span[];
}
