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

/** Titles before a name: always part of the next sentence. */
const TITLES = new Set(
  'mr mrs ms dr prof st gen sen rep gov lt col capt sgt rev hon pres supt cmdr adm maj fr sr mt'.split(
    ' ',
  ),
);
/** Abbreviations that rarely end a sentence; joined when the next words go on (digit or lowercase). */
const ABBREVIATIONS = new Set(
  (
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols p pp fig figs approx est dept univ assn bros inc corp ltd co jr vs etc ' +
    'e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c'
  ).split(' '),
);

/**
 * Whether a period that looks like a sentence end is an abbreviation's, so the sentence goes
 * on: `before` is the text up to and including the period (its last dozen characters are
 * enough), `next` the first character after the spaces that follow it. A title before a name
 * ("Dr. Kassis") always goes on; a capital initial ("John F. Kennedy") goes on before a capital;
 * a common abbreviation ("Oct. 2", "the U.S. delegation") before a digit, a lower-case word,
 * a bracket or a dash.
 */
export function continuesAfterAbbreviation(before: string, next: string): boolean {
  const tail = /(?:^|[\s(“"‘'])((?:\p{L}\.)+\p{L}?|\p{L}+)\.$/u.exec(before.slice(-12));
  if (!tail?.[1]) return false;
  const word = tail[1].toLowerCase();
  const first = next.slice(0, 1);
  if (TITLES.has(word)) return true;
  // A single capital initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(tail[1])) return /\p{Lu}/u.test(first);
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) {
    return /[\p{Ll}\p{N}(–—-]/u.test(first);
  }
  return false;
}
