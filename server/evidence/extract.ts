/**
 * The texts of a stored copy:
 * - the text quotes are anchored in (`extractCopyText`, while the user waits): all visible text
 *   of an HTML page in one streaming pass (lib/evidence/visible-text), so a caption or a box a
 *   reader quotes is there; PDF text extracted with unpdf (PDF.js, no network); plain text as
 *   it is; Word and Markdown through the import pipeline;
 * - the cleaned article text watches compare (`extractReadableText`, in a background job for
 *   HTML, since the cleaner takes seconds on a large page): HTML, text and Word through the
 *   import pipeline's cleaner (page furniture removed, so a "most read" list or a date line
 *   that changes on every fetch does not count as a change); PDF text as above.
 * A copy with no text gets an empty text.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { extractVisibleText } from '@/lib/evidence/visible-text';
import { AppError } from '../platform/errors';
import { decodeText } from '../import/decode';
import { prepareImport } from '../import/prepare';
import { importSettings } from '../import/settings';

export interface ReadableText {
  text: string;
  title: string | null;
}

const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const isPdf = (body: Uint8Array, mediaType: string | null, name: string | null) =>
  mediaType === 'application/pdf' ||
  /\.pdf$/i.test(name ?? '') ||
  Buffer.from(body.subarray(0, 5)).toString('latin1') === '%PDF-';

async function pdfText(body: Uint8Array): Promise<ReadableText> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(body));
    const { text } = await extractText(pdf, { mergePages: false });
    const info = (await pdf.getMetadata().catch(() => null))?.info as
      { Title?: string } | undefined;
    const pages = (text as string[]).map((page) =>
      page
        .replace(/[ \t]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim(),
    );
    return { text: pages.filter(Boolean).join('\n\n'), title: info?.Title?.trim() || null };
  } catch {
    throw new AppError('unreadable_input', 'The PDF could not be read.');
  }
}

/**
 * Extracts the cleaned text of a body. `mediaType` is the served type (null when none), `name`
 * a file name or address path that can tell the type by its extension. Throws AppError
 * unsupported_type (415) for kinds it cannot read and unreadable_input (422) for broken files.
 */
export async function extractReadableText(
  body: Uint8Array,
  mediaType: string | null,
  name: string | null,
): Promise<ReadableText> {
  if (isPdf(body, mediaType, name)) return pdfText(body);
  const extension = (mediaType && EXTENSIONS[mediaType]) ?? null;
  const fileName = extension ? `copy.${extension}` : (name ?? 'copy.html');
  try {
    const prepared = await prepareImport(
      { kind: 'file', name: fileName, type: mediaType ?? '', bytes: body },
      { ...importSettings(), maxBytes: Number.MAX_SAFE_INTEGER },
    );
    return { text: prepared.clean.text, title: prepared.metadata.title ?? null };
  } catch (error) {
    if (error instanceof AppError && ['no_text', 'empty_input'].includes(error.code)) {
      return { text: '', title: null };
    }
    throw error;
  }
}

export interface CopyText extends ReadableText {
  /** The cleaned text when it came for free; null when a background job must clean the copy. */
  cleanText: string | null;
}

const isHtml = (body: Uint8Array, mediaType: string | null, name: string | null) =>
  mediaType === 'text/html' ||
  mediaType === 'application/xhtml+xml' ||
  (!mediaType && /\.x?html?$/i.test(name ?? '')) ||
  (!mediaType && /^\s*</.test(Buffer.from(body.subarray(0, 256)).toString('latin1')));

/**
 * The text quotes are anchored in, quickly (see the module comment), and the cleaned text when
 * it is the same work. `charset` is the one the server declared. Throws AppError
 * unsupported_type (415) and unreadable_input (422) like `extractReadableText`.
 */
export async function extractCopyText(
  body: Uint8Array,
  mediaType: string | null,
  name: string | null,
  charset: string | null = null,
): Promise<CopyText> {
  if (isPdf(body, mediaType, name)) {
    const pdf = await pdfText(body);
    return { ...pdf, cleanText: pdf.text };
  }
  if (isHtml(body, mediaType, name)) {
    const { text, title } = extractVisibleText(decodeText(body, { charset, html: true }));
    return { text, title, cleanText: null };
  }
  if (mediaType === 'text/plain' || (!mediaType && /\.txt$/i.test(name ?? ''))) {
    const text = decodeText(body, { charset }).replace(/\r\n?/g, '\n');
    return { text, title: null, cleanText: null };
  }
  const readable = await extractReadableText(body, mediaType, name);
  return { ...readable, cleanText: readable.text };
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOf(headers: readonly (readonly [string, string])[]): string | null {
  const type = headers.find(([key]) => key.toLowerCase() === 'content-type')?.[1] ?? '';
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1] ?? null;
}
