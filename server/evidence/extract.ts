/**
 * The readable text of a stored copy, which quotes are anchored in and watches compare: HTML,
 * text and Word go through the import pipeline's cleaner (page furniture removed, so a "most
 * read" list or a date line that changes on every fetch does not count as a change); PDF text is
 * extracted with unpdf (PDF.js, no network). A copy with no text gets an empty text.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../platform/errors';
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
