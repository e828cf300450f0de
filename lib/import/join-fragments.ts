/**
 * Rejoins sentences that a removed block (a link list dropped into the page, a line break of a
 * hard copy) cut in two. Detection is by sentence shape only: the first part does not end a
 * sentence and the second part visibly continues it.
 */
import { endsWithTerminalPunctuation, FUNCTION_WORDS } from './text-utils';

/**
 * Words a sentence cannot end on: when the first part ends with one ("hopes for the continuation
 * of"), the second part continues it even when it starts with a capital ("... of Syrian
 * authorities"). Function words plus common speech verbs left dangling before a quote.
 */
export const DANGLING_WORDS: ReadonlySet<string> = new Set([
  ...[...FUNCTION_WORDS].filter(
    (w) =>
      ![
        'it',
        'them',
        'him',
        'us',
        'me',
        'here',
        'there',
        'too',
        'up',
        'out',
        'all',
        'more',
        'most',
        'also',
        'only',
        'just',
        'very',
        'then',
        'any',
        'both',
        'each',
        'other',
        'some',
        'such',
        'not',
        'no',
      ].includes(w),
  ),
  'said',
  'says',
  'told',
  'added',
  'including',
  'like',
]);

/** Characters at the end of the first part (start of the second) that decide a join. */
const TAIL = 64;

/** How the first part ends. */
function endingOf(text: string): 'terminal' | 'colon' | 'dangling' | 'open' {
  // Only the tail matters; looking at it alone keeps repeated joins linear.
  const trimmed = text.slice(-TAIL).trimEnd();
  if (endsWithTerminalPunctuation(trimmed)) return 'terminal';
  if (/:["'”’]?$/.test(trimmed)) return 'colon';
  if (/[,;–—-]$/.test(trimmed)) return 'dangling';
  const last = /([\p{L}’']+)\W*$/u.exec(trimmed)?.[1]?.toLowerCase() ?? '';
  return DANGLING_WORDS.has(last) ? 'dangling' : 'open';
}

/**
 * True when `after` continues the sentence `before` left open: `before` does not end with
 * sentence punctuation or a colon, and `after` starts in lower case or with continuing
 * punctuation, or `before` ends on a word a sentence cannot end on ("of", "the", a comma).
 */
export function shouldJoinFragments(before: string, after: string): boolean {
  const ending = endingOf(before);
  if (ending === 'terminal' || ending === 'colon') return false;
  const start = after.slice(0, TAIL).trimStart();
  if (!start) return false;
  if (/^["'“‘(\[]?\p{Ll}/u.test(start)) return true;
  if (/^[,;:)\]”’]/.test(start)) return true;
  return ending === 'dangling' && /^["'“‘(\[]?[\p{L}\p{N}]/u.test(start);
}

/**
 * Joins two parts of one sentence with a single space; none before continuing punctuation, and
 * none after a hyphen that ends a word ("pre-" + "war").
 */
export function joinFragments(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  return left + joinSeparator(left, right) + right;
}

/** The separator `joinFragments` puts between two trimmed parts: "" or " ". */
export function joinSeparator(left: string, right: string): string {
  return /^[,;:.)\]”’]/.test(right) || /\p{L}-$/u.test(left.slice(-TAIL)) ? '' : ' ';
}
