/**
 * W3C Web Annotation selectors for an annotation in a revision's text, shared by the JSON and
 * Web Annotation exports. Quote selectors are taken from the revision text itself (the stored
 * prefix/suffix may come from an older revision); position selectors count Unicode code points.
 */

import { codePointsAfter, codePointsBefore, type CodePointIndex } from './code-points';
import type { ExportAnnotation } from './types';

/** How much context (in code points) quote selectors carry on each side of the quote. */
export const QUOTE_CONTEXT_CODE_POINTS = 32;

/** W3C TextQuoteSelector. */
export type TextQuoteSelector = {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
};

/** W3C TextPositionSelector: `[start, end)` in Unicode code points. */
export type TextPositionSelector = {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
};

/** The selectors of a placed annotation (offsets already validated against `text`). */
export function placedSelectors(
  text: string,
  annotation: Pick<ExportAnnotation, 'start' | 'end'>,
  toCodePoint: CodePointIndex,
  contextLength = QUOTE_CONTEXT_CODE_POINTS,
): [TextQuoteSelector, TextPositionSelector] {
  const { start, end } = annotation;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: codePointsBefore(text, start, contextLength),
      suffix: codePointsAfter(text, end, contextLength),
    },
    { type: 'TextPositionSelector', start: toCodePoint(start), end: toCodePoint(end) },
  ];
}

/** The stored quote of an annotation that could not be placed (no trustworthy position). */
export function storedQuoteSelector(
  annotation: Pick<ExportAnnotation, 'exact' | 'prefix' | 'suffix'>,
): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: annotation.exact,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
  };
}
