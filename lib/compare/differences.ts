/**
 * The differences inside one aligned pair, typed: numbers, dates and quotes compared by value,
 * then a word diff of what is left, read for reporting verbs (attribution), names, and other
 * content. Harmless rewordings (neutral verbs, quote styles, "twelve"/"12", "Oct."/"October",
 * function words, pronouns for names) are not differences.
 */
import { diffArrays } from 'diff';
import {
  extractNumbers,
  findQuotes,
  reportingClass,
  type DateValue,
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
}

const PRONOUNS = new Set(
  'he she they it we i you his her their its him them this these'.split(' '),
);

/** Typed differences between the two sides of a pair, in the order of side A. */
export function findDifferences(a: Side, b: Side): Difference[] {
  const differences: Difference[] = [];
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
  for (const [x, y] of unmatchedValues(datesA, datesB)) take('date', x, y);

  const numbersA = extractNumbers(a.text, a.span, datesA);
  const numbersB = extractNumbers(b.text, b.span, datesB);
  consumedA.push(...numbersA);
  consumedB.push(...numbersB);
  for (const [x, y] of unmatchedValues(numbersA, numbersB)) take('number', x, y);

  const quotesA = findQuotes(a.text, a.span);
  const quotesB = findQuotes(b.text, b.span);

  const restA = a.tokens.filter((t) => !overlapsAny(t, consumedA));
  const restB = b.tokens.filter((t) => !overlapsAny(t, consumedB));
  const hunks = wordHunks(restA, restB);
  const keysA = new Set(restA.map((t) => t.key));
  const keysB = new Set(restB.map((t) => t.key));
  for (const hunk of hunks) {
    // A word the other statement also has, elsewhere, was moved, not changed.
    const removed = hunk.removed.filter((t) => !keysB.has(t.key));
    const added = hunk.added.filter((t) => !keysA.has(t.key));
    // Inside quotation marks every changed word matters.
    const quotedA = removed.filter((t) => overlapsAny(t, quotesA));
    const quotedB = added.filter((t) => overlapsAny(t, quotesB));
    if (quotedA.length > 0 && quotedB.length > 0) {
      take('quote', cover(quotedA), cover(quotedB));
      continue;
    }
    const verbsA = removed.filter((t) => reportingClass(t.key));
    const verbsB = added.filter((t) => reportingClass(t.key));
    if (verbsA.length > 0 && verbsB.length > 0) {
      take('attribution', cover(verbsA), cover(verbsB));
      continue;
    }
    const namesA = removed.filter((t) => t.capitalised && !PRONOUNS.has(t.key));
    const namesB = added.filter((t) => t.capitalised && !PRONOUNS.has(t.key));
    if (namesA.length > 0 && namesB.length > 0) {
      take('name', cover(namesA), cover(namesB));
      continue;
    }
    const missingNamesA = namesA.filter((t) => !knows(b.vocabulary, t.key));
    const missingNamesB = namesB.filter((t) => !knows(a.vocabulary, t.key));
    const contentA = removed.filter(isContent);
    const contentB = added.filter(isContent);
    const oneSided = contentA.length === 0 || contentB.length === 0;
    if (oneSided && (contentA.length >= OTHER_MIN_WORDS || contentB.length >= OTHER_MIN_WORDS)) {
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
  return differences.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}

/** Values stated on one side and not the other, paired in order (a swap) or alone (absent). */
function unmatchedValues<T extends Span & { value: string }>(
  xs: T[],
  ys: T[],
): [T | null, T | null][] {
  const left = [...xs];
  const right = [...ys];
  for (let i = left.length - 1; i >= 0; i--) {
    const j = right.findIndex((y) => y.value === left[i]!.value);
    if (j >= 0) {
      left.splice(i, 1);
      right.splice(j, 1);
    }
  }
  const out: [T | null, T | null][] = [];
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
