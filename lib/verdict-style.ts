/** Highlight colours per verdict, shared by the editor's highlights and its legend. */
import type { Verdict } from './domain';

/** Chosen to stay apart for common colour-vision deficiencies: hue and lightness both vary. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  UNVERIFIED: '#4f7cff',
  TRUE: '#1b8a3e',
  MOSTLY_TRUE: '#7bbf3a',
  MIXED: '#e0a100',
  MISLEADING: '#e8671c',
  MOSTLY_FALSE: '#d9383a',
  FALSE: '#8e1025',
  UNPROVEN: '#8a4fd0',
  NOT_CHECKABLE: '#7a8594',
};
