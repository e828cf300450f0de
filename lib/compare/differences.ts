/**
 * The differences inside one aligned pair, typed: numbers, dates and quotes compared by value,
 * then a word diff of what is left, read for reporting verbs (attribution), names, and other
 * content. Harmless rewordings (neutral verbs, quote styles, "twelve"/"12", "Oct."/"October",
 * function words, pronouns for names) are not differences.
 */
import { diffArrays } from 'diff';
import { STATED_DATE, type DateValue } from './dates';
import { agree } from './loose-numbers';
import {
  extractNumbers,
  findQuotes,
  reportingClass,
  type NumberValue,
  type Token,
} from './normalise';
import type { Difference, Span } from './types';

/** A one-sided addition needs this many content words to be a difference ("in Arabic" is a name, see below). */
const OTHER_MIN_WORDS = 2;

export interface Side {
  text: string;
  span: Span;
  tokens: Token[];
  dates: DateValue[];
  /** Token keys of the whole text (a name the other text states elsewhere is not missing). */
  vocabulary: Set<string>;
  /** The token keys of each statement of the whole text, likewise for a clause. */
  statements: Set<string>[];
}

const PRONOUNS = new Set(
  'he she they it we i you his her their its him them this these'.split(' '),
);

/** Typed differences between the two sides of a pair, in the order of side A. */
export function findDifferences(a: Side, b: Side): Difference[] {
  const differences: Difference[] = [];
  // Two headlines each pick a few words of the story: what one leaves out is no difference.
  const headings = isHeading(a) && isHeading(b);
  const consumedA: Span[] = [];
  const consumedB: Span[] = [];
  const take = (type: Difference['type'], x: Span | null, y: Span | null) => {
    if (x) consumedA.push(x);
    if (y) consumedB.push(y);
    differences.push({
      type,
      a: x ?? a.span,
      b: y ?? b.span,
      ...(x ? {} : { absent: 'a' as const }),
      ...(y ? {} : { absent: 'b' as const }),
    });
  };

  const datesA = a.dates.filter((d) => inside(d, a.span));
  const datesB = b.dates.filter((d) => inside(d, b.span));
  consumedA.push(...datesA);
  consumedB.push(...datesB);
  for (const [x, y] of unmatchedValues(datesA, datesB)) {
    // A date one statement leaves out that its text states elsewhere ("Saturday's car bombs"
    // before "the bodies of seven people") is not missing from the report.
    // Relative words ("today", "tonight") resolve to one default day, so only a stated date counts.
    if (!y && stated(a.text, x!) && b.dates.some((d) => d.value === x!.value)) continue;
    if (!x && stated(b.text, y!) && a.dates.some((d) => d.value === y!.value)) continue;
    take('date', x, y);
  }

  const numbersA = extractNumbers(a.text, a.span, datesA);
  const numbersB = extractNumbers(b.text, b.span, datesB);
  consumedA.push(...numbersA);
  consumedB.push(...numbersB);
  // "about 40" against "41", "nearly half" against "48%": within the hedge, no difference.
  // "more than 12,000" against "12,000" is not one figure: the hedge's interval leaves the bare
  // figure out, so equal values pair off only under agreeing hedges.
  const sameFigure = (x: NumberValue, y: NumberValue) =>
    x.value === y.value && (x.hedge === y.hedge || agree(x, y));
  for (const [x, y] of unmatchedValues(numbersA, numbersB, agree, sameFigure)) {
    take('number', x, y);
  }

  const quotesA = findQuotes(a.text, a.span);
  const quotesB = findQuotes(b.text, b.span);

  const restA = a.tokens.filter((t) => !overlapsAny(t, consumedA));
  const restB = b.tokens.filter((t) => !overlapsAny(t, consumedB));
  const hunks = wordHunks(restA, restB);
  const paraphrases: [Span | null, Span | null][] = [];
  const countsA = counts(restA);
  const countsB = counts(restB);
  for (const hunk of hunks) {
    // A word the other statement has as often, elsewhere, was moved, not changed.
    const removed = hunk.removed.filter(
      (t) => (countsB.get(t.key) ?? 0) < (countsA.get(t.key) ?? 0),
    );
    const added = hunk.added.filter((t) => (countsA.get(t.key) ?? 0) < (countsB.get(t.key) ?? 0));
    const namesA = removed.filter((t) => t.capitalised && !PRONOUNS.has(t.key));
    const namesB = added.filter((t) => t.capitalised && !PRONOUNS.has(t.key));
    if (namesA.length > 0 && namesB.length > 0) {
      // Spellings of one name pair off; of the rest, a name the other text states elsewhere is
      // not missing ("Baquba" against "Baqouba, north of Baghdad").
      const leftA = namesA.filter((t) => !hasVariant(t, a.text, namesB, b.text));
      const leftB = namesB.filter((t) => !hasVariant(t, b.text, namesA, a.text));
      if (leftA.length > 0 && leftB.length > 0) take('name', cover(leftA), cover(leftB));
      else {
        const missingA = leftA.filter((t) => !knows(b.vocabulary, t.key));
        const missingB = leftB.filter((t) => !knows(a.vocabulary, t.key));
        if (missingA.length > 0 || missingB.length > 0) {
          take(
            'name',
            missingA.length ? cover(missingA) : null,
            missingB.length ? cover(missingB) : null,
          );
        }
      }
      continue;
    }
    // Inside quotation marks every changed word matters, function words apart ("We", "the"
    // against a paraphrase), except a negation.
    const quotedA = removed.filter((t) => overlapsAny(t, quotesA));
    const quotedB = added.filter((t) => overlapsAny(t, quotesB));
    if (quotedA.some(quotable) || quotedB.some(quotable)) {
      // Quoted words on one side against the other report's own, unquoted, words for the same
      // thing: not a misquote but a paraphrase; what differs is who says it.
      const paraphrase =
        quotedB.length === 0 && added.length > 0
          ? paraphrased(quotedA, quotesA, a, b)
          : quotedA.length === 0 && removed.length > 0
            ? paraphrased(quotedB, quotesB, b, a)
            : null;
      if (paraphrase) {
        paraphrases.push(quotedA.length ? [paraphrase, null] : [null, paraphrase]);
        continue;
      }
      take('quote', quotedA.length ? cover(quotedA) : null, quotedB.length ? cover(quotedB) : null);
      continue;
    }
    const verbsA = removed.filter((t) => reportingClass(t.key));
    const verbsB = added.filter((t) => reportingClass(t.key));
    if (verbsA.length > 0 && verbsB.length > 0) {
      take('attribution', cover(verbsA), cover(verbsB));
      continue;
    }
    const missingNamesA = namesA.filter((t) => !knows(b.vocabulary, t.key));
    const missingNamesB = namesB.filter((t) => !knows(a.vocabulary, t.key));
    const contentA = removed.filter(isContent);
    const contentB = added.filter(isContent);
    const oneSided = contentA.length === 0 || contentB.length === 0;
    // Only one report says who said it ("…, said Michael Elmquist", "according to the WFP").
    // "U.S. military officials said" against "The military said": both give a source; only a
    // statement that reports no one's words lacks it.
    const sourceA = contentB.length === 0 && !reports(b) && attributes(removed, a, b);
    const sourceB = contentA.length === 0 && !reports(a) && attributes(added, b, a);
    const accordingA = accordingTo(removed, a);
    const accordingB = accordingTo(added, b);
    // "It is being broadcast" against "The new Band Aid 20 video has been broadcast": a pronoun
    // against words its own report states elsewhere names the same thing.
    if (standsFor(removed, contentA, contentB, a) || standsFor(added, contentB, contentA, b)) {
      continue;
    }
    if (sourceA && sourceB) {
      take('attribution', cover(removed), cover(added));
    } else if (sourceA || sourceB) {
      // Each sentence of a joined statement that names a source is one attribution ("…, said
      // Michael Elmquist. According to the World Food Programme, …").
      const [words, side, other] = sourceA ? [removed, a, b] : [added, b, a];
      const sources = bySentence(words, side.text).filter((part) => attributes(part, side, other));
      for (const part of sources.length > 0 ? sources : [words]) {
        take('attribution', sourceA ? cover(part) : null, sourceB ? cover(part) : null);
      }
    } else if (attributes(removed, a, b) && attributes(added, b, a)) {
      // Two sources for one statement ("U.S. military officials said" against "Master Sgt.
      // Robert Powell said").
      take('attribution', cover(removed), cover(added));
    } else if (accordingA !== accordingB) {
      // One report gives a source in other words than the other's: "according to" names it.
      take(
        'attribution',
        contentA.length ? cover(removed) : null,
        contentB.length ? cover(added) : null,
      );
    } else if (
      oneSided &&
      !headings &&
      (contentA.length >= OTHER_MIN_WORDS || contentB.length >= OTHER_MIN_WORDS)
    ) {
      // A clause the other report states in another of its statements is not missing from it.
      if (contentA.length ? statedElsewhere(contentA, b) : statedElsewhere(contentB, a)) continue;
      take('other', contentA.length ? cover(removed) : null, contentB.length ? cover(added) : null);
    } else if (oneSided && (missingNamesA.length > 0 || missingNamesB.length > 0)) {
      take(
        'name',
        missingNamesA.length ? cover(missingNamesA) : null,
        missingNamesB.length ? cover(missingNamesB) : null,
      );
    }
    // Two-sided swaps of ordinary words ("particular"/"special") are rewording.
  }
  // A quotation the other report paraphrases is one attribution difference, unless the pair
  // already has one (the speaker named on one side only): the reader sees the same fact.
  if (!differences.some((d) => d.type === 'attribution')) {
    const [first] = paraphrases;
    if (first) take('attribution', first[0], first[1]);
  }
  return differences.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}

/**
 * A quotation is the same quotation in the other statement when this share of its words stand
 * there word for word, in order (a misquote changes a word or two of a long quotation). On the
 * real pairs a misquote of a transcript ("I suspect"/"I expect") keeps 0.95 and a short one
 * ("remaining period"/"remainder") 0.81; the report that turns "We are relying on the helicopter
 * system" into its own words keeps 0.6.
 */
const QUOTE_VERBATIM = 0.8;
/** …and the other statement paraphrases it when it has this share of its content words. */
const QUOTE_PARAPHRASED = 0.5;

/**
 * The quotation holding `quoted` (words of one side's hunk) when the other statement states its
 * content in its own words (not word for word: then a changed word is a misquote); else null.
 */
function paraphrased(quoted: Token[], quotes: Span[], side: Side, other: Side): Span | null {
  const first = quoted[0];
  const quote = first && quotes.find((q) => q.start < first.end && first.start < q.end);
  if (!quote) return null;
  const words = side.tokens.filter((t) => t.start >= quote.start && t.end <= quote.end);
  if (words.length === 0) return null;
  let verbatim = 0;
  for (const part of diffArrays(
    words.map((t) => t.key),
    other.tokens.map((t) => t.key),
  )) {
    if (!part.added && !part.removed) verbatim += part.count ?? part.value.length;
  }
  if (verbatim / words.length >= QUOTE_VERBATIM) return null;
  const content = words.filter(isContent);
  const keys = new Set(other.tokens.map((t) => t.key));
  const covered = content.filter((t) => keys.has(t.key)).length;
  if (content.length === 0 || covered / content.length < QUOTE_PARAPHRASED) return null;
  return { start: words[0]!.start, end: words[words.length - 1]!.end };
}

/** Whether a date names its day, month or year rather than counting from today. */
function stated(text: string, date: DateValue): boolean {
  return date.anchored === true || STATED_DATE.test(text.slice(date.start, date.end));
}

/** Values stated on one side and not the other, paired in order (a swap) or alone (absent). */
function unmatchedValues<T extends Span & { value: string }>(
  xs: T[],
  ys: T[],
  loosely?: (x: T, y: T) => boolean,
  exactly: (x: T, y: T) => boolean = (x, y) => x.value === y.value,
): [T | null, T | null][] {
  const left = [...xs];
  const right = [...ys];
  for (const same of loosely ? [exactly, loosely] : [exactly]) {
    for (let i = left.length - 1; i >= 0; i--) {
      const j = right.findIndex((y) => same(left[i]!, y));
      if (j >= 0) {
        left.splice(i, 1);
        right.splice(j, 1);
      }
    }
  }
  const out: [T | null, T | null][] = [];
  // One figure under two hedges ("more than 12,000" / "12,000") is one changed figure.
  for (let i = left.length - 1; i >= 0; i--) {
    const j = right.findIndex((y) => y.value === left[i]!.value);
    if (j >= 0) out.push([left.splice(i, 1)[0]!, right.splice(j, 1)[0]!]);
  }
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    out.push([left[i] ?? null, right[i] ?? null]);
  }
  return out;
}

interface Hunk {
  removed: Token[];
  added: Token[];
}

/** Word diff over comparison keys; each hunk is a run of removed and added tokens. */
function wordHunks(a: Token[], b: Token[]): Hunk[] {
  const parts = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let current: Hunk | null = null;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (current) hunks.push(current);
      current = null;
      i += n;
      j += n;
      continue;
    }
    current ??= { removed: [], added: [] };
    if (part.removed) {
      current.removed.push(...a.slice(i, i + n));
      i += n;
    } else {
      current.added.push(...b.slice(j, j + n));
      j += n;
    }
  }
  if (current) hunks.push(current);
  return hunks;
}

/** Tokens in runs that no sentence end divides (the sentences of a joined statement). */
function bySentence(tokens: Token[], text: string): Token[][] {
  const parts: Token[][] = [[]];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && /[.!?]["”’)]*\s/u.test(text.slice(previous.end, token.start))) parts.push([]);
    parts[parts.length - 1]!.push(token);
  });
  return parts;
}

function counts(tokens: Token[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of tokens) map.set(t.key, (map.get(t.key) ?? 0) + 1);
  return map;
}

const NEGATIONS = new Set(['no', 'not', 'nor', 'never', "n't", 'none', 'nothing']);

function quotable(token: Token): boolean {
  return isContent(token) || NEGATIONS.has(token.key);
}

function accordingTo(tokens: Token[], side: Side): boolean {
  if (tokens.length === 0) return false;
  const span = cover(tokens);
  return /\baccording to\b/i.test(side.text.slice(span.start, span.end));
}

/** How near a reporting verb a name must be to be the one who said it ("said Mr X", "X, a spokesman, said"). */
const SPEAKER_REACH = 2;

/**
 * Whether added words name a source: "according to", or a name (or "officials") at most
 * SPEAKER_REACH words from a reporting verb. A capitalised verb form is a name ("Edward Said").
 * A name the other text states elsewhere is not a source it lacks (it named the speaker in the
 * sentence before).
 */
function attributes(tokens: Token[], side: Side, other: Side): boolean {
  if (tokens.length === 0) return false;
  if (accordingTo(tokens, side)) return true;
  const verbs = side.tokens.flatMap((t, i) =>
    !t.capitalised && reportingClass(t.key) !== null ? [i] : [],
  );
  return tokens.some((t) => {
    const name = t.capitalised && !PRONOUNS.has(t.key) && !knows(other.vocabulary, t.key);
    if (!name && t.key !== 'official') return false;
    const i = side.tokens.indexOf(t);
    return verbs.some((v) => Math.abs(v - i) <= SPEAKER_REACH);
  });
}

/**
 * Whether a hunk side of pronouns and function words (`words`, no `content`) faces words
 * (`otherContent`) that the pronoun's own text states, so that they can be what it refers to.
 */
function standsFor(words: Token[], content: Token[], otherContent: Token[], side: Side): boolean {
  return (
    content.length === 0 &&
    otherContent.length > 0 &&
    words.some((t) => PRONOUNS.has(t.key)) &&
    otherContent.every((t) => knows(side.vocabulary, t.key))
  );
}

/** A clause is stated elsewhere when one statement of the other text has this share of its content words. */
const ELSEWHERE_SHARE = 0.75;

/** Whether one statement of `other`'s text states most of a clause's content words. */
function statedElsewhere(content: Token[], other: Side): boolean {
  const keys = [...new Set(content.map((t) => t.key))];
  return other.statements.some(
    (statement) => keys.filter((k) => statement.has(k)).length >= ELSEWHERE_SHARE * keys.length,
  );
}

/** Whether a statement is its text's headline: the first line, with no sentence-final mark. */
function isHeading(side: Side): boolean {
  const before = side.text.slice(0, side.span.start);
  const after = side.text.slice(side.span.end, side.span.end + 1);
  return (
    /^\s*$/.test(before) &&
    (after === '' || after === '\n' || after === '\r') &&
    !/[.!?:;"”’)]\s*$/.test(side.text.slice(side.span.start, side.span.end))
  );
}

/** Whether a statement reports someone's words (a reporting verb, not a name like "Said"). */
function reports(side: Side): boolean {
  return side.tokens.some((t) => !t.capitalised && reportingClass(t.key) !== null);
}

/**
 * Whether another name is a spelling of this one ("Ghalibiya"/"Ghalabiyah",
 * "Baquba"/"Baqouba"): transliterations differ in vowels, h, w, y and doubled letters, so names
 * of five letters or more whose consonants read the same are one name.
 */
function hasVariant(name: Token, text: string, others: Token[], otherText: string): boolean {
  const skeleton = (t: Token, from: string) => {
    const word = from.slice(t.start, t.end).toLowerCase();
    return word.length < 5 ? word : word.replace(/[aeiouyhw]/g, '').replace(/(.)\1+/g, '$1');
  };
  const own = skeleton(name, text);
  return others.some((t) => skeleton(t, otherText) === own);
}

/** Function words, pronouns and neutral reporting verbs carry no fact of their own. */
function isContent(token: Token): boolean {
  return !token.stop && !PRONOUNS.has(token.key) && token.key !== 'say';
}

/** NAME_PREFIX letters in common is the same name in another form ("Kazakh"/"Kazakhstan"). */
const NAME_PREFIX = 5;

function knows(vocabulary: Set<string>, key: string): boolean {
  if (vocabulary.has(key)) return true;
  if (key.length < NAME_PREFIX) return false;
  const prefix = key.slice(0, NAME_PREFIX);
  for (const word of vocabulary) if (word.startsWith(prefix)) return true;
  return false;
}

function cover(tokens: Span[]): Span {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
}

function inside(x: Span, span: Span): boolean {
  return x.start >= span.start && x.end <= span.end;
}

function overlapsAny(x: Span, spans: Span[]): boolean {
  return spans.some((s) => s.start < x.end && x.start < s.end);
}
