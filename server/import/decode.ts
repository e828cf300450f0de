/**
 * Bytes to text: byte-order marks, a declared charset (HTTP header or <meta charset>), else
 * UTF-8, else Windows-1252 (what old pages without a declaration mostly are). Binary data is
 * refused with 422 rather than turned into garbage text.
 */
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

/** Decodes Windows-1252 (what the WHATWG labels latin1/iso-8859-1/ascii also mean). */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

type Decode = (bytes: Uint8Array) => string;

function decoderFor(label: string | null | undefined): Decode | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    if (decoder.encoding === 'windows-1252') return decodeWindows1252;
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
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_CHARSET_SCAN_BYTES));
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
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
