/**
 * What kind of input an import is: plain text or Markdown (cleaned as text), HTML (walked as a
 * document first) or a Word .docx file. Decided from a file name, a media type, or the text
 * itself for pasted input.
 */

export type InputFormat = 'text' | 'html' | 'docx';

export const DOCX_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** File extensions an upload may have. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};

const MEDIA_TYPES: Readonly<Record<string, InputFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/x-markdown': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  [DOCX_MEDIA_TYPE]: 'docx',
};

/** The lower-case extension of a file name or URL path ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format of a media type ("text/html; charset=utf-8" works too), or null. */
export function formatOfMediaType(mediaType: string | null | undefined): InputFormat | null {
  const bare = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPES[bare] ?? null;
}

/**
 * The format of an uploaded file: by its extension when it has one (browsers derive the media
 * type from it anyway), else by its media type. Null when unsupported.
 */
export function formatOfFile(name: string, mediaType?: string | null): InputFormat | null {
  const extension = extensionOf(name);
  if (extension) return IMPORT_EXTENSIONS[extension] ?? null;
  return formatOfMediaType(mediaType);
}

const BLOCK_TAGS =
  /<\/?(?:p|div|h[1-6]|ul|ol|li|article|section|main|header|footer|nav|aside|table|tr|td|body|span|a|br|blockquote|figure|em|strong)\b[^<>]*>/gi;

/**
 * True when pasted text is an HTML document or fragment (source, not text copied from a
 * rendered page): it starts with a doctype or <html>, or starts with a tag and has at least
 * three HTML tags in its first 100 000 characters.
 */
export function looksLikeHtml(text: string): boolean {
  const start = text.trimStart().slice(0, 2000).toLowerCase();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[^]*?-->\s*)*(?:<!doctype html|<html[\s>])/.test(start))
    return true;
  if (!start.startsWith('<')) return false;
  return (text.slice(0, 100_000).match(BLOCK_TAGS)?.length ?? 0) >= 3;
}
