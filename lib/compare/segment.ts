/**
 * Statement segmentation: paragraphs at line breaks, sentences inside them with the platform's
 * Unicode sentence segmenter (ICU, any language), then re-joined where ICU splits after an
 * abbreviation ("Oct. 2", "Dr. Kassis", "the U.S. delegation"), which it does not know.
 */
import { splitParagraphs } from '../text';
import type { Span } from './types';

export interface Statement extends Span {
  /** Index of the paragraph (line) the statement is in. */
  paragraph: number;
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
 * The statements of `text`, in order, trimmed, each within one paragraph. Stretches with no
 * letter or digit (rules, bullets) are left out.
 */
export function segmentStatements(text: string, { locale = 'en' } = {}): Statement[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const statements: Statement[] = [];
  splitParagraphs(text).forEach((paragraph, index) => {
    let pending: Span | null = null;
    for (const { segment, index: at } of segmenter.segment(paragraph.text)) {
      const leading = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (!trimmed) continue;
      const span = {
        start: paragraph.start + at + leading,
        end: paragraph.start + at + leading + trimmed.length,
      };
      if (pending && continuesAfterAbbreviation(text, pending, span)) {
        pending = { start: pending.start, end: span.end };
      } else {
        if (pending) push(statements, text, pending, index);
        pending = span;
      }
    }
    if (pending) push(statements, text, pending, index);
  });
  return statements;
}

function push(statements: Statement[], text: string, span: Span, paragraph: number) {
  if (/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)))
    statements.push({ ...span, paragraph });
}

/** Whether the break between `previous` and `next` came after an abbreviation, not a sentence end. */
function continuesAfterAbbreviation(text: string, previous: Span, next: Span): boolean {
  const tail = /(?:^|[\s(“"‘'])((?:\p{L}\.)+\p{L}?|\p{L}+)\.$/u.exec(
    text.slice(Math.max(previous.start, previous.end - 12), previous.end),
  );
  if (!tail?.[1]) return false;
  const word = tail[1].toLowerCase();
  const first = text.slice(next.start, next.start + 1);
  if (TITLES.has(word)) return true;
  // A single capital initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(tail[1])) return /\p{Lu}/u.test(first);
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) {
    return /[\p{Ll}\p{N}(–—-]/u.test(first);
  }
  return false;
}
