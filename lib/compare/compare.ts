/**
 * compareTexts: the whole comparison of two texts (segment, align, split/merge, type the
 * differences). Pure and synchronous; both texts are read as they are.
 */
import { align, dice, PAIR_MIN, subUnit, toUnits, type Unit } from './align';
import { findDifferences, type Side } from './differences';
import { extractDates, type DateValue } from './dates';
import { segmentStatements } from './segment';
import type { Comparison, Pair, PairKind, Span } from './types';

export interface CompareOptions {
  /** BCP 47 language of the texts (segmentation); English rules apply to numbers, dates, verbs. */
  locale?: string;
  /** Resolves relative dates ("on Monday"); without it only the stated parts of a date count. */
  referenceDate?: Date;
}

/** Compares text A with text B. Never throws on any input text. */
export function compareTexts(
  textA: string,
  textB: string,
  options: CompareOptions = {},
): Comparison {
  const { locale = 'en', referenceDate } = options;
  const unitsA = toUnits(textA, segmentStatements(textA, { locale }), locale);
  const unitsB = toUnits(textB, segmentStatements(textB, { locale }), locale);
  const alignment = align(unitsA, unitsB);
  const pairs: { a: Unit; b: Unit; similarity: number }[] = alignment.pairs.map((p) => ({
    a: join(unitsA, p.a),
    b: join(unitsB, p.b),
    similarity: p.similarity,
  }));
  const paired = (units: Unit[], side: 'a' | 'b') => {
    const used = new Set(alignment.pairs.flatMap((p) => p[side]));
    return units.filter((_, i) => !used.has(i));
  };
  let onlyA = paired(unitsA, 'a');
  let onlyB = paired(unitsB, 'b');
  onlyB = splitCovering(pairs, onlyB, 'a', textA, alignment.idf);
  onlyA = splitCovering(pairs, onlyA, 'b', textB, alignment.idf);

  const english = /^en\b/i.test(locale);
  const datesA = english ? extractDates(textA, referenceDate) : [];
  const datesB = english ? extractDates(textB, referenceDate) : [];
  const vocabulary = (units: Unit[]) => new Set(units.flatMap((u) => u.tokens.map((t) => t.key)));
  const vocabularyA = vocabulary(unitsA);
  const vocabularyB = vocabulary(unitsB);
  const keySets = (units: Unit[]) => units.map((u) => new Set(u.tokens.map((t) => t.key)));
  const statementsA = keySets(unitsA);
  const statementsB = keySets(unitsB);
  const side = (text: string, unit: Unit, dates: DateValue[], whole: Side['statements']): Side => ({
    text,
    span: { start: unit.start, end: unit.end },
    tokens: unit.tokens,
    dates,
    vocabulary: whole === statementsA ? vocabularyA : vocabularyB,
    statements: whole,
  });

  const result: Pair[] = pairs
    .map(({ a, b, similarity }) => {
      // Equal keys mean the same words, numbers and dates ("twelve" and "12" share a key).
      if (a.exact === b.exact)
        return {
          a: span(a),
          b: span(b),
          kind: 'same' as PairKind,
          differences: [],
          similarity: round(similarity),
        };
      const differences = findDifferences(
        side(textA, a, datesA, statementsA),
        side(textB, b, datesB, statementsB),
      );
      const kind: PairKind = differences.length > 0 ? 'differs' : 'reworded';
      return { a: span(a), b: span(b), kind, differences, similarity: round(similarity) };
    })
    .sort((x, y) => x.a.start - y.a.start);
  return { pairs: result, onlyA: onlyA.map(span), onlyB: onlyB.map(span) };
}

function span(unit: Span): Span {
  return { start: unit.start, end: unit.end };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The units of one side of a pair as one unit (adjacent statements). */
function join(units: Unit[], indices: number[]): Unit {
  const parts = indices.map((i) => units[i]!);
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const tokens = parts.flatMap((p) => p.tokens);
  const bag = new Map<string, number>();
  for (const p of parts) for (const [k, w] of p.bag) bag.set(k, (bag.get(k) ?? 0) + w);
  return {
    start: first.start,
    end: parts[parts.length - 1]!.end,
    paragraph: first.paragraph,
    tokens,
    bag,
    weight: parts.reduce((total, p) => total + p.weight, 0),
    exact: tokens.map((t) => t.key).join(' '),
  };
}

/** A statement must cover this share of an unpaired statement's weight to be split for it. */
const SPLIT_COVER = 0.4;
/** Above this similarity two statements of one text repeat each other. */
const REPEAT_MIN = 0.8;

/**
 * One long sentence can state what the other text says in two far-apart sentences (the MFA's
 * "held a second round …, resulting in a joint declaration …"). For each unpaired statement
 * mostly covered by a paired one on the other side, split that one at a clause boundary (comma,
 * semicolon, colon or dash outside quotes) when both halves then pair well. Returns the
 * statements still unpaired.
 */
function splitCovering(
  pairs: { a: Unit; b: Unit; similarity: number }[],
  unpaired: Unit[],
  splitSide: 'a' | 'b',
  text: string,
  idf: (key: string) => number,
): Unit[] {
  const otherSide = splitSide === 'a' ? 'b' : 'a';
  const left: Unit[] = [];
  for (const orphan of unpaired) {
    let best: Split | null = null;
    for (const [index, pair] of pairs.entries()) {
      const host = pair[splitSide];
      const cover = sharedWeight(host.bag, orphan.bag) / (orphan.weight || 1);
      // An orphan that repeats the host's partner is a repeat in its own text, not a clause.
      if (cover < SPLIT_COVER || dice(orphan.bag, pair[otherSide].bag) > REPEAT_MIN) continue;
      for (const at of clauseBoundaries(text, host)) {
        const first = subUnit(host, { start: host.start, end: at.end }, idf);
        const second = subUnit(host, { start: at.next, end: host.end }, idf);
        for (const orphanFirst of [true, false]) {
          const withOrphan = orphanFirst ? first : second;
          const withPartner = orphanFirst ? second : first;
          const s1 = dice(withOrphan.bag, orphan.bag);
          const s2 = dice(withPartner.bag, pair[otherSide].bag);
          if (s1 < PAIR_MIN || s2 < PAIR_MIN) continue;
          const score = s1 + s2;
          if (!best || score > best.score) {
            best = { pair: index, first, second, orphanFirst, score };
          }
        }
      }
    }
    if (!best) {
      left.push(orphan);
      continue;
    }
    const { pair: index, first, second, orphanFirst } = best;
    const pair = pairs[index]!;
    const withOrphan = orphanFirst ? first : second;
    const withPartner = orphanFirst ? second : first;
    pair[splitSide] = withPartner;
    pair.similarity = dice(withPartner.bag, pair[otherSide].bag);
    const added = { [splitSide]: withOrphan, [otherSide]: orphan } as { a: Unit; b: Unit };
    pairs.push({ ...added, similarity: dice(withOrphan.bag, orphan.bag) });
  }
  return left;
}

interface Split {
  pair: number;
  first: Unit;
  second: Unit;
  orphanFirst: boolean;
  score: number;
}

function sharedWeight(x: Map<string, number>, y: Map<string, number>): number {
  let total = 0;
  for (const [k, w] of y) total += Math.min(w, x.get(k) ?? 0);
  return total;
}

/** Lower-case words that start a clause of their own (a time, a cause, a contrast). */
const CLAUSE_WORDS = new Set(['after', 'before', 'because', 'while', 'although', 'whereas', 'but']);

/**
 * Clause boundaries inside a unit, outside quotation marks and at least three words from
 * either end: where the first part ends (after its punctuation) and the second begins.
 */
function clauseBoundaries(text: string, unit: Unit): { end: number; next: number }[] {
  const tokens = unit.tokens;
  const out: { end: number; next: number }[] = [];
  let quoteDepth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    const quotes = (gap.match(/[“”"«»]/g) ?? []).length;
    if (quotes % 2 === 1) quoteDepth = quoteDepth ? 0 : 1;
    if (quoteDepth || i < 3 || i > tokens.length - 3) continue;
    if (/^[^\p{L}\p{N}]*[,;:–—][^\p{L}\p{N}]*$/u.test(gap)) {
      const end = tokens[i - 1]!.end + gap.search(/[,;:–—]/u) + 1;
      out.push({ end, next: tokens[i]!.start });
    } else if (
      /^\s+$/.test(gap) &&
      CLAUSE_WORDS.has(text.slice(tokens[i]!.start, tokens[i]!.end))
    ) {
      // "… placed under house arrest a day after the Supreme Court upheld …": a clause that
      // a conjunction starts, unpunctuated.
      out.push({ end: tokens[i - 1]!.end, next: tokens[i]!.start });
    }
  }
  return out;
}
