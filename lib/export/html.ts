/**
 * HTML escaping for the annotated HTML export. Every piece of user data (article text, claim,
 * rationale, names, URLs) goes through `escapeHtml` before it reaches the document, in text and
 * in double-quoted attribute values alike; links are only made from `safeHttpUrl` results.
 */

import { safeHttpUrl } from './urls';

const HTML_SPECIAL = /[&<>"'\u0000]/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u0000': '\uFFFD',
};

/** Escapes `& < > " '` (and replaces NUL), safe in text and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(HTML_SPECIAL, (char) => HTML_ENTITIES[char] ?? '');
}

/** Link relations for every outbound link: no opener access, no referrer, no endorsement. */
export const OUTBOUND_LINK_REL = 'noopener noreferrer nofollow';

/**
 * An outbound link to `url` showing `label` when `url` is an http(s) URL; otherwise the label (or
 * the URL itself) as plain, escaped text. `javascript:` and other schemes are never linked.
 */
export function htmlLink(url: string | null, label?: string | null): string {
  const href = safeHttpUrl(url);
  const text = escapeHtml(label?.trim() || url || '');
  if (!href) return text;
  return `<a href="${escapeHtml(href)}" rel="${OUTBOUND_LINK_REL}">${text}</a>`;
}

/** Text with blank-line separated paragraphs as `<p>` elements, single line breaks as `<br>`. */
export function htmlParagraphs(text: string): string {
  return text
    .trim()
    .split(BLANK_LINES)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(LINE_BREAK, '<br>')}</p>`)
    .join('');
}

const BLANK_LINES = /(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/;
const LINE_BREAK = /\r\n|\r|\n/g;
