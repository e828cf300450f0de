/**
 * The article text as it is saved: normalising what a person typed in the preview, and a title
 * to fall back on when the input named none (batch imports cannot ask).
 */
import { collapseWhitespace } from './text-utils';

/** A fallback title is at most this long: a headline, not a paragraph. */
export const MAX_SUGGESTED_TITLE = 120;

/**
 * Normalises article text for saving: line breaks become "\n", trailing spaces go, runs of
 * blank lines become one blank line, and the text is trimmed. Characters inside lines are kept
 * exactly as typed. Idempotent.
 */
export function normalizeArticleText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A title for an article whose input named none: its first line when short enough, else that
 * line's first sentence, else its first words cut at MAX_SUGGESTED_TITLE with "…". Null for
 * empty text.
 */
export function suggestTitle(text: string): string | null {
  const first = collapseWhitespace(text.split('\n').find((line) => line.trim()) ?? '');
  if (!first) return null;
  if (first.length <= MAX_SUGGESTED_TITLE) return first;
  const sentence = /^.+?[.!?…](?=\s)/u.exec(first)?.[0];
  if (sentence && sentence.length <= MAX_SUGGESTED_TITLE) return sentence;
  const cut = first.slice(0, MAX_SUGGESTED_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_SUGGESTED_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[,;:–—-]+$/, '')}…`;
}
