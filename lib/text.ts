/**
 * Article text helpers. Offsets are JavaScript string indices (UTF-16 code units) into the
 * revision text, the one unit used everywhere inside the app.
 */

export interface Paragraph {
  /** Offset of the paragraph's first character in the full text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  text: string;
}

/**
 * Splits text into paragraphs at line breaks, dropping blank lines and keeping each
 * paragraph's offsets into the original text (so highlights can be placed on it later).
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  const push = (from: number, to: number) => {
    const line = text.slice(from, to);
    const leading = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed)
      paragraphs.push({
        start: from + leading,
        end: from + leading + trimmed.length,
        text: trimmed,
      });
  };
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    push(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  push(lineStart, text.length);
  return paragraphs;
}

/**
 * sha256 of the text as UTF-8, hex: the identity of a revision's text. Server-side only. Node's
 * crypto is loaded when called, not imported: the editor imports this module for its paragraph
 * helpers, and a static import made the bundler ship crypto-browserify (690 kB) to the browser,
 * where its asn1 code probes `eval` and trips the Content-Security-Policy (issue #11).
 */
export function sha256Hex(text: string): string {
  const crypto = process.getBuiltinModule('node:crypto') as typeof import('node:crypto') & {
    // One-shot hashing (Node ≥ 20.12): the same digest at about half the CPU of a Hash object,
    // which counts when an export checks 10,000 approvals (issue #13).
    hash?: (algorithm: string, data: string, encoding: 'hex') => string;
  };
  return crypto.hash
    ? crypto.hash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Number of words, for the library's article summary. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}
