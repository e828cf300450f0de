/**
 * Markdown and HTML-ish markup to plain text, line by line. Block markers (headings, list
 * bullets, quotes, rules) are recognised by `parseLineMarker`; inline markup (emphasis, links,
 * images, code, tags, entities) is removed by `stripInlineMarkdown`, which also measures how
 * much of the text was link text (a classification feature). Unicode punctuation is kept
 * exactly; only whitespace is collapsed.
 */
import { collapseWhitespace } from './text-utils';

/** Result of stripping one block's inline markup. */
export interface InlineText {
  /** Plain text, whitespace collapsed. */
  text: string;
  /** Characters of `text` that came from link text. */
  linkChars: number;
  linkCount: number;
  /** The whole block was wrapped in one bold/italic span. */
  emphasized: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  pound: '£',
  euro: '€',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
  shy: '\u00ad',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
};

/** Decodes named (common set), decimal and hex character references; unknown ones stay. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1));
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// Backslash escapes are swapped for private-use characters while markup is parsed, so "\*" is
// never read as emphasis, then swapped back to the literal character.
const ESCAPE_BASE = 0xe000;
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>|~<])/g;
const PRIVATE_USE = /[\ue000-\ue0ff]/g;

function hideEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPABLE, (_m, ch: string) =>
    String.fromCharCode(ESCAPE_BASE + ch.charCodeAt(0)),
  );
}

function restoreEscapes(text: string): string {
  if (!/[\ue000-\ue0ff]/.test(text)) return text;
  return text.replace(PRIVATE_USE, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESCAPE_BASE));
}

function stripEmphasis(text: string): string {
  if (!/[*_~`]/.test(text)) return text;
  return text
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)([^_]*?\S)__/g, '$1')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

// Inline elements vanish without a trace ("<b>para</b>." -> "para."); any other tag left at
// this point separates words.
const INLINE_TAG =
  /<\/?(?:a|b|i|em|strong|span|small|sup|sub|u|s|mark|abbr|cite|q|time|code|font|ins|del)\b[^<>]*>/gi;

/**
 * Removes every span from `open` (case-insensitive) to the next `close`, both included; an
 * unclosed span runs to the end. indexOf-based: linear even on broken markup.
 */
function removeBetween(text: string, open: string, close: string): string {
  const lower = text.toLowerCase();
  let at = lower.indexOf(open);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += text.slice(from, at);
    const end = lower.indexOf(close, at + open.length);
    if (end < 0) return out;
    from = end + close.length;
    at = lower.indexOf(open, from);
  }
  return out + text.slice(from);
}

function plain(text: string): string {
  return collapseWhitespace(decodeEntities(stripEmphasis(text)));
}

/**
 * Strips inline Markdown and HTML from one block: images are dropped, links become their text,
 * emphasis and code markers go, tags are removed (script/style content with them), entities are
 * decoded and whitespace is collapsed.
 */
export function stripInlineMarkdown(source: string): InlineText {
  let text = hideEscapes(source);
  const trimmed = text.trim();
  const emphasized =
    /^(\*\*|__)(?=\S)[^]*\S\1$/.test(trimmed) || /^<(b|strong|em|i)>[^]*<\/\1>$/i.test(trimmed);
  // Most prose has no markup at all: each pass runs only when its marker character is present.
  const hasTags = text.includes('<');
  const hasBrackets = text.includes('[');

  if (hasTags) {
    text = removeBetween(text, '<!--', '-->');
    text = removeBetween(text, '<script', '</script>');
    text = removeBetween(text, '<style', '</style>');
    text = text.replace(/<img\b[^<>]*>/gi, '');
  }
  if (hasBrackets) {
    text = text.replace(/!\[[^[\]]*\]\([^()[\]]*\)/g, '').replace(/!\[[^[\]]*\]\[[^[\]]*\]/g, '');
  }

  let linkChars = 0;
  let linkCount = 0;
  const countLink = (inner: string): string => {
    const shown = plain(inner);
    if (shown) {
      linkCount++;
      linkChars += shown.length;
    }
    return inner;
  };
  if (hasBrackets) {
    text = text
      .replace(/\[([^[\]]*)\]\([^()[\]\s]*(?:\s+"[^"\n]*")?\)/g, (_m, inner: string) =>
        countLink(inner),
      )
      .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, (_m, inner: string) => countLink(inner));
  }
  if (hasTags) {
    text = text
      .replace(/<a\b[^<>]*>([^<]*(?:<(?!\/?a\b)[^<]*)*)<\/a\s*>/gi, (_m, inner: string) =>
        countLink(inner),
      )
      .replace(/<((?:https?|mailto):[^>\s]+)>/gi, (_m, url: string) => countLink(url))
      .replace(INLINE_TAG, '')
      .replace(/<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi, ' ');
  }

  const result = restoreEscapes(plain(text));
  return { text: result, linkChars: Math.min(linkChars, result.length), linkCount, emphasized };
}

/** Block-level meaning of one source line. */
export interface LineMarker {
  kind: 'heading' | 'list-item' | 'quote' | 'rule' | 'fence' | 'drop' | 'text';
  /** Heading level for headings, 0 otherwise. */
  level: number;
  /** The line without its block marker. */
  content: string;
  /** Offset of `content` within the line. */
  contentOffset: number;
}

const HEADING = /^( {0,3})(#{1,6})(?:[ \t]+|$)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const BULLET = /^([ \t]{0,8})[-*+•▪◦‣][ \t]+/;
const ORDERED = /^([ \t]{0,8})(\d{1,3})([.)])[ \t]+/;
const QUOTE = /^( {0,3}>[ \t]?)+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s+\S+/;

/**
 * Reads the block marker of a line: ATX headings ("## Title", closing hashes removed), list
 * items (bullets removed; ordered numbers are kept as text because the numbering can carry
 * meaning: "1. Thing"), block quotes, rules, code fences and lines to drop (table separator
 * rows, link reference definitions). Setext underlines are handled by the block splitter.
 */
export function parseLineMarker(line: string): LineMarker {
  // Fast path: a line starting with a letter carries no block marker (all markers start with
  // punctuation or a digit), unless it is a table row.
  const first = /\S/.exec(line)?.[0] ?? '';
  if (first.toLowerCase() !== first.toUpperCase() && !line.trimEnd().endsWith('|')) {
    return { kind: 'text', level: 0, content: line, contentOffset: 0 };
  }
  if (FENCE.test(line)) return { kind: 'fence', level: 0, content: '', contentOffset: 0 };
  if (RULE.test(line)) return { kind: 'rule', level: 0, content: '', contentOffset: 0 };
  if (TABLE_SEPARATOR.test(line) || REFERENCE_DEFINITION.test(line)) {
    return { kind: 'drop', level: 0, content: '', contentOffset: 0 };
  }
  const heading = HEADING.exec(line);
  if (heading) {
    const rest = line.slice(heading[0].length).replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, '');
    return {
      kind: 'heading',
      level: heading[2]!.length,
      content: rest,
      contentOffset: heading[0].length,
    };
  }
  const quote = QUOTE.exec(line);
  if (quote) {
    const inner = parseLineMarker(line.slice(quote[0].length));
    return {
      ...inner,
      kind: inner.kind === 'text' ? 'quote' : inner.kind,
      contentOffset: quote[0].length + inner.contentOffset,
    };
  }
  const bullet = BULLET.exec(line);
  if (bullet) {
    return {
      kind: 'list-item',
      level: 0,
      content: line.slice(bullet[0].length),
      contentOffset: bullet[0].length,
    };
  }
  const ordered = ORDERED.exec(line);
  if (ordered) {
    const offset = ordered[1]!.length;
    return { kind: 'list-item', level: 0, content: line.slice(offset), contentOffset: offset };
  }
  if (/^\s*\|.*\|\s*$/.test(line)) {
    const inner = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '');
    return { kind: 'text', level: 0, content: inner, contentOffset: line.indexOf('|') + 1 };
  }
  return { kind: 'text', level: 0, content: line, contentOffset: 0 };
}
