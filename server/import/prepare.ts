/**
 * The import pipeline, from any input to a cleaned article and its metadata:
 *   text   -> lib/import cleanText (Markdown and HTML-ish text included)
 *   HTML   -> parse5 + linkedom + Readability (./html) -> structured blocks -> cleanBlocks
 *   .docx  -> mammoth (./docx) -> HTML as above, without Readability
 *   URL    -> ./fetch-url -> one of the above by media type
 * Nothing is saved here; the preview, the save, the CLI and the demo seed all start from it.
 */
import {
  cleanBlocks,
  cleanText,
  extensionOf,
  formatOfFile,
  formatOfMediaType,
  looksLikeHtml,
  toSourceBlocks,
  type ArticleMetadata,
  type CleanResult,
  type InputFormat,
} from '@/lib/import';
import { AppError } from '../platform/errors';
import { assertTextual, decodeText, utf8Length } from './decode';
// The DOM, Readability, mammoth and undici cost time to load: they are imported when
// an input needs them, so cleaning pasted text (the CLI's common case) starts fast.
import type { Resolver } from './fetch-url';
import type { HtmlExtraction } from './html';
import type { ImportSettings } from './settings';

/** What to import. */
export type ImportSource =
  | { kind: 'text'; text: string }
  | { kind: 'file'; name: string; type: string; bytes: Uint8Array }
  | { kind: 'url'; url: string };

/** An input cleaned and ready for the preview or for saving. */
export interface PreparedImport {
  source: {
    kind: ImportSource['kind'];
    format: InputFormat;
    /** File name of an upload. */
    name: string | null;
    /** Address finally fetched (after redirects) of a URL import. */
    url: string | null;
  };
  /** The input as it arrived (decoded text; a .docx file's plain text), kept with the article. */
  rawInput: string;
  /** The cleaned article, removed groups and segments (metadata: what the text itself says). */
  clean: CleanResult;
  /** Metadata for the form: the page's declarations, the text's own lines, the address. */
  metadata: ArticleMetadata;
  /** Line numbers of removed groups point into `rawInput` (text input) rather than into a
   * layout of an HTML or .docx document's blocks. */
  linesInRawInput: boolean;
  /** What the preview must tell the user about how the input was read (e.g. a fallback). */
  notices: string[];
}

export interface PrepareOptions {
  /** DNS resolver for URL imports (tests). */
  resolve?: Resolver;
}

/** Longest values the article form accepts (lib/articles.ts). */
const LIMITS = { title: 500, byline: 300, sourceName: 300, sourceUrl: 2000 } as const;

const tooLarge = (maxBytes: number) =>
  new AppError('too_large', `The input is larger than ${Math.round(maxBytes / 1_000_000)} MB.`);

function unsupported(what: string): AppError {
  return new AppError(
    'unsupported_type',
    `${what} cannot be imported. Use text (.txt), Markdown (.md), HTML (.html) or Word (.docx).`,
  );
}

/** Merges metadata sources, first found wins per field, within the form's limits. */
function mergeMetadata(...sources: ArticleMetadata[]): ArticleMetadata {
  const merged: ArticleMetadata = {};
  for (const key of ['title', 'byline', 'sourceName', 'publishedAt', 'sourceUrl'] as const) {
    const value = sources.map((s) => s[key]?.trim()).find((v) => v);
    if (!value) continue;
    if (key === 'sourceUrl') {
      if (value.length <= LIMITS.sourceUrl) merged.sourceUrl = value;
    } else if (key === 'publishedAt') {
      merged.publishedAt = value;
    } else {
      merged[key] = value.length > LIMITS[key] ? `${value.slice(0, LIMITS[key] - 1)}…` : value;
    }
  }
  return merged;
}

function siteOf(url: string | null): ArticleMetadata {
  if (!url) return {};
  return { sourceUrl: url, sourceName: new URL(url).hostname.replace(/^www\./, '') };
}

function cleanHtml(extraction: HtmlExtraction, url: string | null) {
  const clean = cleanBlocks(toSourceBlocks(extraction.blocks).blocks, {
    knownTitles: [extraction.declared.title, extraction.readability.title],
  });
  // The visible headline first; for the rest, what the page declares beats what is guessed.
  const metadata = mergeMetadata(
    { title: clean.metadata.title },
    extraction.declared,
    clean.metadata,
    extraction.readability,
    siteOf(url),
  );
  return { clean, metadata };
}

/**
 * Reads, decodes, extracts and cleans an input. Throws AppError: empty_input (400), too_large
 * (413), unsupported_type (415), unreadable_input / no_text / address_not_allowed (422),
 * fetch_failed (502), fetch_timeout (504).
 */
export async function prepareImport(
  source: ImportSource,
  settings: ImportSettings,
  options: PrepareOptions = {},
): Promise<PreparedImport> {
  let format: InputFormat;
  let rawInput: string;
  let html: string | null = null;
  let name: string | null = null;
  let url: string | null = null;

  if (source.kind === 'text') {
    if (utf8Length(source.text) > settings.maxBytes) throw tooLarge(settings.maxBytes);
    if (!source.text.trim()) throw new AppError('empty_input', 'Paste some text or HTML.');
    // A paste of a binary file's bytes is refused like a binary upload.
    assertTextual(source.text);
    rawInput = source.text;
    format = looksLikeHtml(rawInput) ? 'html' : 'text';
  } else {
    let bytes: Uint8Array;
    let mediaType: string | null;
    let charset: string | null = null;
    if (source.kind === 'file') {
      name = source.name;
      const byName = formatOfFile(source.name, source.type);
      if (!byName) {
        const extension = extensionOf(source.name);
        throw unsupported(extension ? `A .${extension} file` : 'This file');
      }
      if (source.bytes.length === 0) throw new AppError('empty_input', 'The file is empty.');
      if (source.bytes.length > settings.maxBytes) throw tooLarge(settings.maxBytes);
      bytes = source.bytes;
      mediaType = null;
      format = byName;
    } else {
      const { fetchUrl } = await import('./fetch-url');
      const page = await fetchUrl(source.url, { ...settings, resolve: options.resolve });
      url = page.url;
      bytes = page.bytes;
      mediaType = page.mediaType;
      charset = page.charset;
      const untyped = !mediaType || mediaType === 'application/octet-stream';
      // Without a media type: the address's extension, else the text itself decides (below).
      const byType =
        formatOfMediaType(mediaType) ??
        (untyped
          ? (formatOfFile(new URL(page.url).pathname, null) ?? (mediaType ? null : 'text'))
          : null);
      if (!byType) throw unsupported(`A page of type ${mediaType}`);
      format = byType;
      if (bytes.length === 0) throw new AppError('no_text', 'The page is empty.');
    }
    if (format === 'docx') {
      const { readDocx } = await import('./docx');
      const document = await readDocx(bytes);
      html = document.html;
      rawInput = document.text;
    } else {
      rawInput = decodeText(bytes, { charset, html: format === 'html' });
      // A page served as text/plain (or untyped) that is really HTML source is still HTML.
      if (format === 'text' && source.kind === 'url' && looksLikeHtml(rawInput)) format = 'html';
    }
  }

  let clean: CleanResult;
  let metadata: ArticleMetadata;
  const notices: string[] = [];
  if (format === 'text') {
    clean = cleanText(rawInput);
    metadata = mergeMetadata(clean.metadata, siteOf(url));
  } else {
    const { extractHtml } = await import('./html');
    const extraction = extractHtml(html ?? rawInput, {
      baseUrl: url ?? undefined,
      readability: format === 'html',
    });
    ({ clean, metadata } = cleanHtml(extraction, url));
    if (extraction.fallback) notices.push(extraction.fallback);
  }
  if (!clean.segments.length) {
    throw new AppError('no_text', 'No text was found in this input.');
  }
  return {
    source: { kind: source.kind, format, name, url },
    rawInput,
    clean,
    metadata,
    linesInRawInput: format === 'text',
    notices,
  };
}
