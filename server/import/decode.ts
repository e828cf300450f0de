/**
 * Bytes to text: byte-order marks, a declared charset (HTTP header or <meta charset>), else
 * UTF-8, else Windows-1252 (what old pages without a declaration mostly are). Binary data is
 * refused with 422 rather than turned into garbage text.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { AppError } from '../platform/errors';

/** Share of control or replacement characters above which the input is binary, not text. */
export const MAX_BINARY_SHARE = 0.01;
/** How much of the input the binary check looks at. */
const SAMPLE_CHARS = 65_536;

export interface DecodeOptions {
  /** Charset declared by the transport (Content-Type). */
  charset?: string | null;
  /** Look for <meta charset> in the page's head (see META_CHARSET_SCAN_BYTES). */
  html?: boolean;
}

// Windows-1252 at 0x80-0x9F (Node's decoder for the label maps them to C1 controls instead).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes Windows-1252 (what the WHATWG labels latin1/iso-8859-1/ascii also mean). Each byte is
 * first read as the code point of its value, as TextDecoder('latin1') reads it, by Buffer's
 * decoder: TextDecoder's goes through ICU (20-30 ms for 2 MB here, Buffer's 1-16 ms).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return bufferOf(bytes)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/**
 * From this size up, valid UTF-8 is decoded by Buffer (see decodeLargeUtf8). Node makes a
 * string of more than about a million characters outside V8's heap; below that both ways give
 * the same heap string, and TextDecoder's is the cheaper way there.
 */
const LARGE_INPUT_BYTES = 1 << 20;

/**
 * Large valid UTF-8 read as TextDecoder reads it, with less fresh memory; null when the bytes
 * are small, not valid UTF-8, or of Latin-1 characters only (TextDecoder then reads them).
 * TextDecoder makes its string in V8's heap, where a string of megabytes gets memory of its
 * own, fresh from the system each time: a 2 MB page with one curly quote in it is a 4 MB
 * string, 15-35 ms on a VM where the first touch of fresh memory costs 20-29 µs a page, most of
 * a decode. Buffer's decoders make a string this large outside the heap, in memory the process
 * reuses (the 12 grown 1-2 MB pages, interleaved: median 15 -> 4 ms a decode). A page of
 * Latin-1 characters only is left to TextDecoder, whose string of a byte a character is half
 * the size.
 */
function decodeLargeUtf8(bytes: Uint8Array): string | null {
  if (bytes.length < LARGE_INPUT_BYTES) return null;
  const buffer = bufferOf(bytes);
  if (isAscii(buffer)) return buffer.toString('latin1');
  if (!isUtf8(buffer) || !beyondLatin1(bytes)) return null;
  return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}

/** Whether UTF-8 bytes hold a character beyond U+00FF: a lead byte of C4 and up. */
function beyondLatin1(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc4) return true;
  return false;
}

type Decode = (bytes: Uint8Array) => string;

function decoderFor(label: string | null | undefined): Decode | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    if (decoder.encoding === 'windows-1252') return decodeWindows1252;
    if (decoder.encoding === 'utf-8')
      return (bytes) => decodeLargeUtf8(bytes) ?? decoder.decode(bytes);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return null; // unknown label: fall back to detection
  }
}

/**
 * How far into a page a <meta charset> is looked for. The WHATWG prescan reads 1,024 bytes, but
 * a browser that meets a declaration later in the <head> re-reads the page in that encoding;
 * pages with long heads (a gb2312 news page declared it at byte 1,180) are read the same way.
 */
export const META_CHARSET_SCAN_BYTES = 65_536;

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = bufferOf(bytes.subarray(0, META_CHARSET_SCAN_BYTES)).toString('latin1');
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  const scanned = end >= 0 ? head.slice(0, Math.max(end, 1024)) : head;
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(scanned)?.[1] ?? null;
}

/**
 * Throws 422 when the text looks binary: more than MAX_BINARY_SHARE of NULs, control characters
 * or undecodable bytes.
 */
export function assertTextual(text: string): void {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!sample.length) return;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // A NUL counts like any control character, not as proof of binary data: real pages carry a
    // few (22 in a Bolivian news page's inline data), which browsers read past.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd++;
  }
  if (odd > sample.length * MAX_BINARY_SHARE) {
    throw new AppError(
      'unreadable_input',
      'This looks like a binary file, not text. Import text, Markdown, HTML or a .docx file.',
    );
  }
}

/** Decodes `bytes` to a string and checks that it is text. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const declared =
      decoderFor(options.charset) ?? (options.html ? decoderFor(sniffMetaCharset(bytes)) : null);
    if (declared) text = declared(bytes);
    else {
      try {
        text = decodeLargeUtf8(bytes) ?? new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        if (bytes.includes(0)) text = '\u0000';
        else text = decodeWindows1252(bytes);
      }
    }
  }
  assertTextual(text);
  return text;
}

/** Bytes of a string in UTF-8, without encoding it (for size limits). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
