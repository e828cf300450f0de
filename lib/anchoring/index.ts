/**
 * Anchoring annotations to article text: describing a span as W3C selectors, finding a quote
 * again, re-anchoring onto a new revision, and converting offsets for the W3C export.
 *
 * Every offset in this module, in and out, is a JavaScript string index (UTF-16 code unit) into
 * the revision text, as everywhere else in the app. Only the W3C export converts to Unicode code
 * points, with `toCodePointSelector` / `fromCodePointSelector`.
 *
 * Pure functions over strings: no DOM, ProseMirror, Prisma or framework imports.
 */
export {
  type AnchorSelectors,
  type TextAnchor,
  type TextPositionSelector,
  type TextQuoteSelector,
  fromSelectors,
  toSelectors,
} from './selectors';
export {
  CONTEXT_LENGTH,
  type DescribeOptions,
  assertTextRange,
  describeTextQuote,
} from './describe';
export {
  CONFIDENCE_FLOOR,
  MAX_CANDIDATES,
  type MatchOptions,
  type QuoteMatch,
  matchTextQuote,
  scoreTextQuoteMatch,
} from './match-quote';
export {
  type AnchorCandidate,
  type AnchoredResult,
  type OrphanedResult,
  type ReanchorAllOptions,
  type ReanchorOneOptions,
  type ReanchorOptions,
  type ReanchorResult,
  reanchor,
  reanchorOne,
  summarizeAnchorStates,
} from './reanchor';
export { MAX_TEXT_EDITS, type TextEdit, applyTextEdits, mapSpanThroughEdits } from './text-edits';
export { textEditsSchema } from './text-edits-schema';
export {
  type SnapDirection,
  fromCodePointOffset,
  fromCodePointSelector,
  isCodePointBoundary,
  snapToCodePointBoundary,
  toCodePointOffset,
  toCodePointSelector,
} from './unicode';
