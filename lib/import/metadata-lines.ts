/**
 * Recognisers for single metadata lines that pages put around an article: bylines ("BY MALIKA
 * ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015", "Posted on March 3, 2021 by Anna Lee"), date
 * lines ("Published 12 September 2023", "November 3, 2025 10:42 AM GMT+1"), source-and-date
 * headers ("MFA Government      09/10/2015"), source URL lines ("Source: https://...") and wire
 * datelines ("PARIS, Nov 3 (Reuters) - ..."). Each returns null when the line is not one.
 */
import { findDate, type DateOptions } from './parse-date';
import { collapseWhitespace, toProperCase, tokenizeWords } from './text-utils';

/** What a metadata line contributed. */
export interface MetadataLine {
  kind: 'byline' | 'date' | 'source-date' | 'source-url';
  byline?: string;
  publishedAt?: string;
  sourceName?: string;
  sourceUrl?: string;
}

// Metadata lines are short; a longer line that happens to start with "By" is a sentence
// ("By 2030 the plan...") or a caption.
const MAX_BYLINE_WORDS = 20;
const MAX_DATE_LINE_WORDS = 12;
// A name is a handful of capitalised words; more is a sentence.
const MAX_NAME_WORDS = 8;
// Words left over on a date line once the date, time and labels are gone.
const MAX_DATE_LINE_LEFTOVER = 1;
const MAX_SOURCE_NAME_WORDS = 8;

const NAME_CONNECTORS = new Set([
  'and',
  '&',
  'de',
  'van',
  'von',
  'der',
  'la',
  'le',
  'da',
  'del',
  'al',
  'bin',
  'el',
]);
const DATE_LABELS =
  /\b(?:published|updated|posted|last|modified|created|issued|released|date|time|on|at|and|am|pm|a\.m\.|p\.m\.)\b/gi;
const TIME = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?/gi;
const TIME_ZONE =
  /\b(?:GMT|UTC|CET|CEST|EET|EEST|EST|EDT|CST|CDT|PST|PDT|BST|IST|MSK|ALMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?/g;
const RELATIVE_TIME = /\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b/gi;
const WEEKDAYS = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;

/** Parses a person's name list: "MALIKA ORAZGALIYEVA" -> "Malika Orazgaliyeva", else null. */
export function parseName(text: string): string | null {
  const name = collapseWhitespace(text)
    .replace(/[,;:.|·•–—-]+$/, '')
    .trim();
  const words = name.split(' ').filter(Boolean);
  const parts = words.filter((w) => !NAME_CONNECTORS.has(w.toLowerCase()));
  if (!parts.length || words.length > MAX_NAME_WORDS) return null;
  for (const part of parts) {
    if (!/^[\p{Lu}][\p{L}'’.-]*,?$/u.test(part)) return null;
  }
  return toProperCase(name);
}

/** The text of a date line without its date, time, time zone and labels. */
function dateLineLeftover(text: string, dateText: string): string[] {
  const rest = text
    .replace(dateText, ' ')
    .replace(RELATIVE_TIME, ' ')
    .replace(TIME, ' ')
    .replace(TIME_ZONE, ' ')
    .replace(WEEKDAYS, ' ')
    .replace(DATE_LABELS, ' ');
  return tokenizeWords(rest);
}

const BYLINE_START = /^(?:(?:written|posted|published|reported|words|text|story)\s+)?by\s+/i;
const AUTHOR_LABEL = /^(?:author|authors|byline|written by)\s*:\s*/i;
const NAME_END =
  /\s+(?:in|on|at|for|from|via|published|updated|posted)\s+|\s*[|·•,;–—]\s*|\s+-\s+|\s{2,}/i;

function matchByline(text: string, options: DateOptions): MetadataLine | null {
  if (tokenizeWords(text).length > MAX_BYLINE_WORDS) return null;
  let rest: string | null = null;
  let prefix = '';
  const start = BYLINE_START.exec(text) ?? AUTHOR_LABEL.exec(text);
  if (start) {
    rest = text.slice(start[0].length);
  } else {
    // "Posted on March 3, 2021 by Anna Lee": a label and a date, then "by".
    const by = /\s+by\s+/i.exec(text);
    if (!by) return null;
    prefix = text.slice(0, by.index);
    const date = findDate(prefix, options);
    if (!date || dateLineLeftover(prefix, date.text).length) return null;
    rest = text.slice(by.index + by[0].length);
  }
  const end = NAME_END.exec(rest);
  const name = parseName(end ? rest.slice(0, end.index) : rest);
  if (!name) return null;
  const date = findDate(prefix + ' ' + (end ? rest.slice(end.index) : ''), options);
  return { kind: 'byline', byline: name, ...(date ? { publishedAt: date.iso } : {}) };
}

function matchDateLine(text: string, options: DateOptions): MetadataLine | null {
  if (tokenizeWords(text).length > MAX_DATE_LINE_WORDS) return null;
  const date = findDate(text, options);
  if (!date) return null;
  if (dateLineLeftover(text, date.text).length > MAX_DATE_LINE_LEFTOVER) return null;
  return { kind: 'date', publishedAt: date.iso };
}

function matchSourceDate(source: string, options: DateOptions): MetadataLine | null {
  const line = source.trim();
  const date = findDate(line, options);
  if (!date || date.index + date.text.length !== line.length) return null;
  const head = line.slice(0, date.index);
  // The name and the date are set apart by a layout gap or a separator.
  const bare = head.trimEnd();
  const gap = head.length - bare.length >= 2;
  const separator = /\s[|·•–—-]$/.test(bare);
  if (!gap && !separator) return null;
  const name = collapseWhitespace(separator ? bare.slice(0, -1) : bare);
  const words = tokenizeWords(name);
  if (!words.length || words.length > MAX_SOURCE_NAME_WORDS) return null;
  if (!/^\p{Lu}/u.test(name) || /[.!?:]$/.test(name) || /\d/.test(name)) return null;
  return { kind: 'source-date', sourceName: toProperCase(name), publishedAt: date.iso };
}

const SOURCE_URL =
  /^(?:(?:source|url|link|permalink|canonical|original(?:ly published)?(?:\s+(?:at|on|in))?|read (?:more|the original)(?:\s+at)?)\s*:?\s*)?<?(https?:\/\/[^\s<>]+?)>?[.,]?$/i;

/**
 * Recognises a metadata line. `source` is the line before whitespace collapsing (layout gaps
 * separate a source name from its date); `text` the plain text.
 */
export function matchMetadataLine(
  text: string,
  source: string = text,
  options: DateOptions = {},
): MetadataLine | null {
  const url = SOURCE_URL.exec(text.trim());
  if (url) return { kind: 'source-url', sourceUrl: url[1]! };
  return (
    matchByline(text, options) ??
    matchDateLine(text, options) ??
    matchSourceDate(source.includes('<') || source.includes('[') ? text : source, options)
  );
}

/** A wire/news dateline at the start of a paragraph. */
export interface Dateline {
  place: string;
  /** Agency named in brackets, e.g. "Reuters". */
  agency?: string;
  /** yyyy-mm-dd when the dateline carries a full date. */
  publishedAt?: string;
}

const DATELINE =
  /^(\p{Lu}[\p{Lu}\s.'’-]{1,40}?)(?:,\s*([^()\-–—]{3,30}?))?\s*(?:\(([^)]{2,40})\))?\s*[-–—]{1,2}\s+\S/u;

/** Reads "PARIS, Nov 3 (Reuters) - ...", "ASTANA – ...", "ASTANA, 12 March 2024 — ...". */
export function matchDateline(text: string, options: DateOptions = {}): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  const place = m[1]!.trim();
  if (place.length < 2) return null;
  const date = m[2] ? findDate(m[2], options) : null;
  return {
    place,
    ...(m[3] ? { agency: m[3].trim() } : {}),
    ...(date ? { publishedAt: date.iso } : {}),
  };
}
