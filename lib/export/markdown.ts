/**
 * CommonMark / GitHub Flavored Markdown helpers for the annotated Markdown export: escaping user
 * text so it renders literally (no emphasis, links, HTML, tables, footnotes or headings sneak in),
 * safe links, and the delimiter-flanking rules that decide whether `**` can open or close.
 */

import { safeHttpUrl } from './urls';

/**
 * ASCII punctuation that starts inline syntax anywhere in a line: backslash, code, emphasis,
 * links and footnotes, raw HTML and autolinks, strikethrough, table cells, entities.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>~|&]/g;
/** Block markers at the start of a paragraph: heading, list, setext underline (`>` is always an entity). */
const LINE_START_MARKER = /^[#+=-]/;
/** An ordered list marker at the start of a paragraph: `1.` or `1)`. */
const ORDERED_LIST_MARKER = /^\d{1,9}(?=[.)])/;
const LINE_BREAKS = /\s*(?:\r\n|\r|\n)\s*/g;

/**
 * HTML's own characters become entity references rather than backslash escapes: every Markdown
 * renderer decodes `&lt;` to a literal `<`, while some (Python-Markdown, Markdown.pl) ignore `\<`
 * and would pass `<img onerror=…>` through as raw HTML (issue #11).
 */
const HTML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Escapes inline Markdown syntax in `text`: `<`, `>` and `&` as entity references, every other
 * special character with a backslash. Rendered, the text reads exactly as written.
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => HTML_ENTITIES[char] ?? `\\${char}`);
}

/**
 * The index (in `paragraph`, which must not start with whitespace) of the character that has to
 * be escaped so the paragraph does not start a heading, list or block quote; -1 if none.
 */
export function lineStartEscapeIndex(paragraph: string): number {
  if (LINE_START_MARKER.test(paragraph)) return 0;
  const ordered = ORDERED_LIST_MARKER.exec(paragraph);
  return ordered ? ordered[0].length : -1;
}

/** Escapes a whole single-line paragraph: inline syntax plus a leading block marker. */
export function escapeMarkdownParagraph(text: string): string {
  const trimmed = text.trim();
  const at = lineStartEscapeIndex(trimmed);
  if (at < 0) return escapeMarkdownInline(trimmed);
  return (
    escapeMarkdownInline(trimmed.slice(0, at)) + '\\' + escapeMarkdownInline(trimmed.slice(at))
  );
}

/** Escapes `text` for use inside a line (line breaks become spaces). */
export function markdownLineText(text: string): string {
  return escapeMarkdownInline(text.trim().replace(LINE_BREAKS, ' '));
}

/**
 * A link `[label](<url>)` when `url` is http(s), otherwise the escaped label (or URL) as plain
 * text: `javascript:` and other schemes never become links. The URL is normalised by the WHATWG
 * parser, so it has no spaces or angle brackets to break out of `<...>`.
 */
export function markdownLink(url: string | null, label?: string | null): string {
  const href = safeHttpUrl(url);
  const text = markdownLineText(label?.trim() || url || '');
  return href ? `[${text}](<${href}>)` : text;
}

const WHITESPACE = /^\s$/u;
/** Punctuation as CommonMark 0.31 defines it (Unicode P and S categories). */
const PUNCTUATION_WITH_SYMBOLS = /^[\p{P}\p{S}]$/u;
/** Punctuation as older parsers (cmark-gfm, CommonMark <= 0.30) define it: ASCII and Unicode P. */
const PUNCTUATION_CLASSIC = /^[!-/:-@[-`{-~\p{P}]$/u;
const PUNCTUATION_DEFINITIONS = [PUNCTUATION_WITH_SYMBOLS, PUNCTUATION_CLASSIC];

function isWhitespace(char: string): boolean {
  return char === '' || WHITESPACE.test(char);
}

function leftFlanking(before: string, after: string, punctuation: RegExp): boolean {
  if (isWhitespace(after)) return false;
  return !punctuation.test(after) || isWhitespace(before) || punctuation.test(before);
}

function rightFlanking(before: string, after: string, punctuation: RegExp): boolean {
  if (isWhitespace(before)) return false;
  return !punctuation.test(before) || isWhitespace(after) || punctuation.test(after);
}

/**
 * Whether a `**` run between `before` and `after` (single characters; '' for the start or end of
 * the line) is left-flanking, i.e. can open strong emphasis (CommonMark 6.2), under both the
 * current and the older definition of punctuation, so it opens whichever parser renders it.
 */
export function canOpenStrong(before: string, after: string): boolean {
  return PUNCTUATION_DEFINITIONS.every((p) => leftFlanking(before, after, p));
}

/** Whether a `**` run between `before` and `after` is right-flanking (can close) for all parsers. */
export function canCloseStrong(before: string, after: string): boolean {
  return PUNCTUATION_DEFINITIONS.every((p) => rightFlanking(before, after, p));
}

/** The last code point of `text` ('' if empty). */
export function lastChar(text: string): string {
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1] ?? '';
}

/** The first code point of `text` ('' if empty). */
export function firstChar(text: string): string {
  return text.codePointAt(0) !== undefined ? String.fromCodePoint(text.codePointAt(0) ?? 0) : '';
}

/** Indents every line after the first by `spaces` (blank lines stay empty). */
export function indentContinuation(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}
