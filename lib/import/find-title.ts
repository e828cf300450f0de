/**
 * Where the article starts: its title (the article heading, not the masthead) and the page
 * index used to recognise a site name that repeats in header and footer.
 */
import type { BlockFeatures } from './features';
import { MIN_FAMILY_EVIDENCE } from './score-blocks';
import { comparableWords } from './text-utils';
import type { SourceBlock } from './types';

/** The verdict fields title detection needs. */
export interface TitleVerdict {
  reason: string | null;
  evidence: number;
  shape: number;
}

/**
 * Index of the page's furniture-shaped blocks (mastheads, footers, breadcrumbs), where a site's
 * name repeats. Prose is left out: a title word recurring in the article says nothing. `count`
 * tells how often a phrase's words occur in a row within one of these blocks (overlapping runs
 * count apart). Built on the first count (most pages ask for none: `include` must give the same
 * answers until then); each phrase is counted once, by looking only where its rarest word
 * occurs (a page of thousands of headings and no prose asks once per heading: a scan of the
 * whole page's text each time made that quadratic).
 */
export function pageIndex(
  blocks: SourceBlock[],
  include: (i: number) => boolean,
): { count: (phrase: string) => number } {
  // The included blocks' words in order, '' between blocks (no phrase word is empty), and
  // where each word occurs.
  let words: string[] | null = null;
  const at = new Map<string, number[]>();
  const counts = new Map<string, number>();
  // Counts by the phrase as asked, and each text's words: a page repeats its lines (a menu in
  // header and footer), and asks for each block's text.
  const countsByPhrase = new Map<string, number>();
  const build = (): string[] => {
    const all: string[] = [];
    const wordsOf = new Map<string, string[]>();
    blocks.forEach((b, i) => {
      if (!include(i)) return;
      let blockWords = wordsOf.get(b.text);
      if (!blockWords) wordsOf.set(b.text, (blockWords = comparableWords(b.text)));
      for (const word of blockWords) {
        let positions = at.get(word);
        if (!positions) at.set(word, (positions = []));
        positions.push(all.length);
        all.push(word);
      }
      all.push('');
    });
    return all;
  };
  const countWords = (needle: string[]): number => {
    if (!needle.length) return 0;
    const key = needle.join(' ');
    let n = counts.get(key);
    if (n !== undefined) return n;
    words ??= build();
    // Anchored on the needle's word with the fewest occurrences.
    let anchor = 0;
    let anchorAt: number[] = [];
    for (let j = 0; j < needle.length; j++) {
      const positions = at.get(needle[j]!) ?? [];
      if (j === 0 || positions.length < anchorAt.length) {
        anchor = j;
        anchorAt = positions;
      }
    }
    n = 0;
    for (const position of anchorAt) {
      const start = position - anchor;
      if (start < 0 || start + needle.length > words.length) continue;
      let j = 0;
      while (j < needle.length && words[start + j] === needle[j]) j++;
      if (j === needle.length) n++;
    }
    counts.set(key, n);
    return n;
  };
  return {
    count(phrase: string) {
      let n = countsByPhrase.get(phrase);
      if (n === undefined) countsByPhrase.set(phrase, (n = countWords(comparableWords(phrase))));
      return n;
    },
  };
}

/**
 * A standfirst under a headline reads as a sentence: at least this many words, and this share
 * of function words ("Nächste Maßnahme der Nationalmannschaft im März mit Länderspielen gegen
 * die Niederlande": 5 of 12), where a title-case headline has few.
 */
export const STANDFIRST_MIN_WORDS = 10;
export const STANDFIRST_MIN_FUNCTION_WORDS = 0.25;
/**
 * Two sentences of at least this many words read as the article's text, not as a headline or
 * its kicker; so does a sentence of STANDFIRST_MIN_WORDS or more that ends on a colon (it
 * introduces what follows).
 */
export const LEAD_MIN_WORDS = 20;
/**
 * A prose-shaped line (shape < 0) this long reads as a standfirst too, even as one sentence
 * without closing punctuation or in a language whose function words we do not list: no
 * headline runs to 25 words, so a line under it ("Tempo di lettura: 3 minuti", a photo
 * caption, a publication date) is not the title.
 */
export const STANDFIRST_SENTENCE_MIN_WORDS = 25;
/** Short lines (up to three words) that may stand between a lead and the line under it. */
const LEAD_SKIP_LINES = 2;

/**
 * Whether a line reads as a headline over a standfirst: four words or more (a kicker such as
 * "La interna oficial" is shorter), opening with a capital or a quote, without digits (a date,
 * a view counter) and not a byline ("Por María …").
 */
function headlineWords(text: string, words: number): boolean {
  return (
    words >= 4 &&
    /^["„“«‚‘']?\p{Lu}/u.test(text) &&
    !/\d/.test(text) &&
    !/^(?:by|von|por|par|di|de|door|av|af)\s/iu.test(text)
  );
}

/**
 * The title: the last heading before the body that is not furniture and not the site's name
 * repeated elsewhere (when a higher-ranked heading sits right above it, that one: title +
 * subtitle). Without headings, the last short title-shaped line before the body.
 */
export function findTitle(
  blocks: SourceBlock[],
  features: BlockFeatures[],
  verdicts: readonly TitleVerdict[],
  firstAnchor: number,
  repeated: (i: number) => boolean,
): number {
  const end = firstAnchor >= 0 ? firstAnchor : blocks.length;
  const headingOk = (i: number) =>
    blocks[i]!.kind === 'heading' &&
    !verdicts[i]!.reason &&
    verdicts[i]!.evidence < MIN_FAMILY_EVIDENCE &&
    (blocks[i]!.landmark === null || blocks[i]!.landmark === 'header');
  const all: number[] = [];
  for (let i = 0; i < end; i++) if (headingOk(i)) all.push(i);
  // A heading repeated elsewhere on the page (masthead and footer) is the site's name; a title
  // may be repeated too (breadcrumbs), so this only decides when there is a choice.
  const unique = all.filter((i) => !repeated(i));
  const headings = unique.length ? unique : all;
  if (headings.length) {
    if (firstAnchor < 0) return headings[0]!;
    const last = headings.at(-1)!;
    const previous = headings.at(-2);
    if (
      previous !== undefined &&
      blocks[previous]!.level < blocks[last]!.level &&
      features[previous]!.words >= 3 &&
      blocks.slice(previous + 1, last).every((_, k) => verdicts[previous + 1 + k]!.reason)
    ) {
      return previous;
    }
    return last;
  }
  if (firstAnchor < 0) return -1;
  // A paragraph of its own: not a list item, a landmark, a link list or a cued block.
  const plainParagraph = (i: number) => {
    const f = features[i]!;
    const b = blocks[i]!;
    return (
      b.kind === 'paragraph' &&
      !b.listItem &&
      !b.landmark &&
      f.separators + f.gaps === 0 &&
      f.linkDensity < 0.5 &&
      verdicts[i]!.evidence < MIN_FAMILY_EVIDENCE
    );
  };
  const titleShaped = (i: number) => {
    const f = features[i]!;
    return plainParagraph(i) && f.words >= 3 && f.words <= 25 && !/[.:;,]$/.test(blocks[i]!.text);
  };
  const leadProse = (i: number) => {
    const f = features[i]!;
    return (
      plainParagraph(i) &&
      ((((f.words >= LEAD_MIN_WORDS && f.sentences >= 2) ||
        (f.words >= STANDFIRST_MIN_WORDS && /:$/u.test(blocks[i]!.text))) &&
        f.functionWordRatio >= STANDFIRST_MIN_FUNCTION_WORDS) ||
        (f.words >= STANDFIRST_SENTENCE_MIN_WORDS && verdicts[i]!.shape < 0))
    );
  };
  for (let i = end - 1; i >= 0; i--) {
    if (verdicts[i]!.reason) continue;
    if (!titleShaped(i)) return -1;
    // A shorter title-shaped line right above (a dateline between them aside) is the headline
    // and this one its standfirst: "Erneuter Verzicht auf Regionallehrgang" over "Nächste
    // Maßnahme der Nationalmannschaft im März mit Länderspielen gegen die Niederlande".
    let above = i - 1;
    while (above >= 0 && verdicts[above]!.reason === 'metadata') above--;
    if (
      above >= 0 &&
      !verdicts[above]!.reason &&
      titleShaped(above) &&
      headlineWords(blocks[above]!.text, features[above]!.words) &&
      features[above]!.words < features[i]!.words &&
      features[i]!.words >= STANDFIRST_MIN_WORDS &&
      features[i]!.functionWordRatio >= STANDFIRST_MIN_FUNCTION_WORDS
    ) {
      return above;
    }
    // A sentence right above (a lead ending on a colon, a standfirst without closing
    // punctuation): this line is a subheading or caption inside the article, and the title is
    // the title-shaped line above that lead, if there is one.
    // Up to two short lines (a byline, "Tweet") may stand between this line and the lead.
    let lead = above;
    for (let skip = 0; skip < LEAD_SKIP_LINES && lead >= 0 && features[lead]!.words <= 3; skip++) {
      lead--;
      while (lead >= 0 && verdicts[lead]!.reason === 'metadata') lead--;
    }
    if (lead >= 0 && !verdicts[lead]!.reason && leadProse(lead)) {
      above = lead;
      let k = above - 1;
      while (k >= 0 && (verdicts[k]!.reason === 'metadata' || leadProse(k))) k--;
      return k >= 0 &&
        !verdicts[k]!.reason &&
        titleShaped(k) &&
        headlineWords(blocks[k]!.text, features[k]!.words)
        ? k
        : -1;
    }
    return i;
  }
  return -1;
}
