/**
 * Download file names for exports, e.g. `astana-2-talks-annotated-2026-11-24.html`, and the
 * Content-Disposition header that carries them.
 */

import { isoDate } from './dates';
import type { ClaimFilter } from './types';

/** What is exported; each kind has its own word in the file name. */
export type ExportKind = 'annotated' | 'web-annotations' | 'claims' | 'claim-review';

const KIND_WORDS: Readonly<Record<ExportKind, string>> = {
  annotated: 'annotated',
  'web-annotations': 'annotations',
  claims: 'claims',
  'claim-review': 'claimreview',
};

/** Used in place of the article title for list exports, or when the title has no letters. */
export const DEFAULT_FILE_STEM = 'factmark';
/** Added after the kind when the export includes claims that are not approved. */
export const ALL_CLAIMS_SUFFIX = 'all';
/** Longest title slug kept (cut at a word boundary). */
export const MAX_TITLE_SLUG_LENGTH = 60;

/** Input of `exportFileName`. */
export type ExportFileNameInput = {
  readonly kind: ExportKind;
  /** The article's title, for per-article exports. */
  readonly articleTitle?: string | null;
  /** `all` adds `-all` so full exports are not mistaken for published ones. */
  readonly filter?: ClaimFilter;
  /** The export date (UTC calendar date). */
  readonly date: Date;
  /** Extension without the dot: html, md, json, jsonld, csv. */
  readonly ext: string;
};

/**
 * `<title slug>-<kind>[-all]-<YYYY-MM-DD>.<ext>`: lower case, diacritics dropped, letters and
 * digits of any script kept, everything else collapsed to single hyphens.
 */
export function exportFileName(input: ExportFileNameInput): string {
  const stem = slugify(input.articleTitle ?? '') || DEFAULT_FILE_STEM;
  const parts = [stem, KIND_WORDS[input.kind]];
  if (input.filter === 'all') parts.push(ALL_CLAIMS_SUFFIX);
  parts.push(isoDate(input.date));
  const ext = input.ext
    .replace(/^\.+/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return ext ? `${parts.join('-')}.${ext}` : parts.join('-');
}

/** A URL- and file-system-safe slug of `text` (at most `maxLength` characters). */
export function slugify(text: string, maxLength = MAX_TITLE_SLUG_LENGTH): string {
  const slug = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, '-')
    .replace(EDGE_HYPHENS, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(
    EDGE_HYPHENS,
    '',
  );
}

/**
 * `attachment; filename="..."; filename*=UTF-8''...` (RFC 6266): an ASCII fallback for old
 * clients and the exact UTF-8 name for the rest.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_SAFE_ASCII, '_');
  const encoded = encodeURIComponent(fileName).replace(
    RFC5987_EXTRA,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const EDGE_HYPHENS = /^-+|-+$/g;
const NOT_SAFE_ASCII = /[^A-Za-z0-9._-]/g;
const RFC5987_EXTRA = /['()*]/g;
