/**
 * The one verdict palette of Factmark: the editor's highlights, legends and chips, and every
 * export (lib/export's annotated HTML takes its colours from here). Each verdict also has a
 * mark, so no verdict is told apart by colour alone.
 */
import type { Verdict } from './domain';

/**
 * Hues far apart on the wheel and lightness that varies within the false family (Mostly false
 * rose, False near-black red), so neighbouring verdicts stay apart for common colour-vision
 * deficiencies. Every colour reaches WCAG AA (4.5:1) as text on white, so labels can use it.
 */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  UNVERIFIED: '#1d4ed8',
  TRUE: '#1a7f37',
  MOSTLY_TRUE: '#0e7490',
  MIXED: '#8a5a00',
  MISLEADING: '#c2410c',
  MOSTLY_FALSE: '#be123c',
  FALSE: '#7f1d1d',
  UNPROVEN: '#6d28d9',
  NOT_CHECKABLE: '#57606a',
};

/** A one-character mark per verdict, shown beside its colour (legend, list, card, exports). */
export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = {
  UNVERIFIED: '?',
  TRUE: '✓',
  MOSTLY_TRUE: '≈',
  MIXED: '±',
  MISLEADING: '!',
  MOSTLY_FALSE: '≠',
  FALSE: '✗',
  UNPROVEN: '∅',
  NOT_CHECKABLE: '–',
};
