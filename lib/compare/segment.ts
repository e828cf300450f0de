/**
 * Statement segmentation: paragraphs at line breaks, sentences inside them with the platform's
 * Unicode sentence segmenter (ICU, any language), then re-joined where ICU splits after an
 * abbreviation ("Oct. 2", "Dr. Kassis", "the U.S. delegation"), which it does not know.
 */
import { continuesAfterAbbreviation, splitParagraphs } from '../text';
import { STOPWORDS } from './normalise';
import type { Span } from './types';

export interface Statement extends Span {
  /** Index of the paragraph (line) the statement is in. */
  paragraph: number;
}

/**
 * The statements of `text`, in order, trimmed, each within one paragraph. Stretches with no
 * letter or digit (rules, bullets) are left out.
 */
export function segmentStatements(text: string, { locale = 'en' } = {}): Statement[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const statements: Statement[] = [];
  splitParagraphs(text).forEach((paragraph, index) => {
    let pending: Span | null = null;
    for (const { segment, index: at } of segmenter.segment(paragraph.text)) {
      for (const part of splitBeforeFigures(segment)) {
        const leading = part.text.length - part.text.trimStart().length;
        const trimmed = part.text.trim();
        if (!trimmed) continue;
        const start = paragraph.start + at + part.at + leading;
        const span = { start, end: start + trimmed.length };
        if (pending && continuesAfter(text, pending, span)) {
          pending = { start: pending.start, end: span.end };
        } else {
          if (pending) push(statements, text, pending, index);
          pending = span;
        }
      }
    }
    if (pending) push(statements, text, pending, index);
  });
  return statements;
}

/**
 * ICU does not end a sentence before one that starts with a figure and goes on in lower case
 * ("… December 31st.  12,000 donors have donated …"): the Unicode rules read it as an
 * abbreviation before a number. The segment is cut after each sentence mark before a figure;
 * where an abbreviation stands before it ("Oct. 12") continuesAfter joins the parts again.
 */
function splitBeforeFigures(segment: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let from = 0;
  for (const match of segment.matchAll(/[.!?]['"”’)\]]*\s+(?=\p{N})/gu)) {
    const end = (match.index ?? 0) + match[0].length;
    parts.push({ text: segment.slice(from, end), at: from });
    from = end;
  }
  parts.push({ text: segment.slice(from), at: from });
  return parts;
}

function push(statements: Statement[], text: string, span: Span, paragraph: number) {
  if (/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)))
    statements.push({ ...span, paragraph });
}

/**
 * Whether the break between `previous` and `next` is not a sentence end: after an abbreviation,
 * or after a question or exclamation mark that the next words continue in lower case (a title,
 * "Do They Know It's Christmas? is tipped …", or a quoted question, "… jointly?" he said").
 */
function continuesAfter(text: string, previous: Span, next: Span): boolean {
  const first = text.slice(next.start, next.start + 1);
  if (/[?!]['"”’»)\]]*$/u.test(text.slice(previous.end - 4, previous.end))) {
    return /\p{Ll}/u.test(first);
  }
  const before = text.slice(Math.max(previous.start, previous.end - 12), previous.end);
  // "the U.S. Embassy", "a U.N. envoy": after an initialism a capitalised word goes on the
  // sentence unless it is a function word that starts one ("… in the U.S. The talks …").
  if (/(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u.test(before)) {
    const word = /^\p{L}+/u.exec(text.slice(next.start, next.start + 20))?.[0] ?? '';
    if (/^\p{Lu}/u.test(word) && !STOPWORDS.has(word.toLowerCase())) return true;
  }
  return continuesAfterAbbreviation(before, first);
}
