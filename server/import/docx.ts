/**
 * Word (.docx) to HTML with mammoth: headings stay headings (Title and Subtitle styles too),
 * lists stay lists, images are left out. The HTML then goes the same way as any page (without
 * Readability: a document is all article). Its plain text is what "View original" shows, since
 * a text column cannot keep the file's bytes.
 */
import mammoth from 'mammoth';
import { AppError } from '../platform/errors';

/** A .docx unpacking to more than this is refused: a zip bomb, not an article. */
export const MAX_DOCX_UNPACKED_BYTES = 50_000_000;

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Sum of the uncompressed sizes the zip's central directory declares, or null if unreadable. */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let cursor = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (cursor + 46 > bytes.length || view.getUint32(cursor, true) !== 0x02014b50) return null;
      total += view.getUint32(cursor + 24, true);
      cursor +=
        46 +
        view.getUint16(cursor + 28, true) +
        view.getUint16(cursor + 30, true) +
        view.getUint16(cursor + 32, true);
    }
    return total;
  }
  return null;
}

const unreadable = () =>
  new AppError(
    'unreadable_input',
    'This .docx file could not be read. Save it again from Word, or upload it as text.',
  );

/** The document as HTML and as plain text; 422 when it is not a readable .docx, 413 when huge. */
export async function readDocx(bytes: Uint8Array): Promise<{ html: string; text: string }> {
  if (
    bytes.length < 4 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 3 ||
    bytes[3] !== 4
  ) {
    throw unreadable();
  }
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw unreadable();
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new AppError('too_large', 'This .docx file unpacks to more than 50 MB.');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const [html, text] = await Promise.all([
      mammoth.convertToHtml(
        { buffer },
        {
          styleMap: STYLE_MAP,
          externalFileAccess: false,
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      ),
      mammoth.extractRawText({ buffer }),
    ]);
    return { html: html.value, text: text.value };
  } catch {
    throw unreadable();
  }
}
