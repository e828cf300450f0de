/**
 * Statement alignment: each statement becomes a weighted bag of normalised tokens (IDF over
 * both texts); identical statements are paired first, the rest by an optimal global
 * assignment (Hungarian algorithm) on weighted Dice similarity, so order does not matter and a
 * moved paragraph still pairs. Then neighbours are merged where one long sentence covers two
 * (many-to-one), and a long sentence covering two far-apart statements is split at a clause
 * boundary.
 */
import computeMunkres from 'munkres-js';
import type { Statement } from './segment';
import { tokenize, type Token } from './normalise';
import type { Span } from './types';

/** Below this similarity two statements are not the same statement (measured on our labelled pairs: reworded pairs sit above 0.35, unrelated ones below 0.2). */
export const PAIR_MIN = 0.3;
/**
 * A short statement restated inside a longer one ("Two U.S. soldiers were killed Saturday." in a
 * sentence that goes on about two more deaths) has a low Dice score however much of it the long
 * one covers. For the pairing, the share of the shorter statement's weight that the longer one
 * covers counts too, scaled down by COVER_WEIGHT so that covering the short one entirely (1.0 →
 * 0.6) still ranks below a close rewording; and only for statements of at least COVER_MIN_WORDS
 * content words, since two or three words are covered by chance. Measured on the real pairs
 * (lib/compare/fixtures/real-pairs): true pairs of unequal length cover 0.5–1.0, chance
 * neighbours mostly below 0.5.
 */
const COVER_WEIGHT = 0.6;
const COVER_MIN_WORDS = 4;
/** A merge or split must gain this much similarity: small gains are chance overlap. */
const MERGE_GAIN = 0.04;
/** Past this many unanchored statements per side, a greedy assignment replaces the cubic one. */
const HUNGARIAN_LIMIT = 220;

export interface Unit extends Span {
  paragraph: number;
  tokens: Token[];
  bag: Map<string, number>;
  weight: number;
  /** Key of the whole token sequence, for exact matches. */
  exact: string;
}

export interface Alignment {
  units: { a: Unit[]; b: Unit[] };
  /** The IDF weight of a token key over both texts. */
  idf: (key: string) => number;
  /** Index lists into the units: one or more adjacent units on each side. */
  pairs: { a: number[]; b: number[]; similarity: number }[];
}

export function toUnits(text: string, statements: Statement[], locale: string): Unit[] {
  return statements.map((s) => {
    const tokens = tokenize(text, s, locale);
    return { ...s, tokens, bag: new Map(), weight: 0, exact: tokens.map((t) => t.key).join(' ') };
  });
}

/** Aligns the units of A and B; unpaired units are the only-in-one statements. */
export function align(a: Unit[], b: Unit[]): Alignment {
  const idf = weigh(a, b);
  const partnerOfA = new Array<number>(a.length).fill(-1);
  const partnerOfB = new Array<number>(b.length).fill(-1);
  anchorExact(a, b, partnerOfA, partnerOfB);
  assignRest(a, b, partnerOfA, partnerOfB, unitDice);
  // Then what is left, with the cover of short statements: a first pass with it let short
  // headlines take the partners of the sentences they summarise.
  assignRest(a, b, partnerOfA, partnerOfB, pairScore);
  fillGaps(a, b, partnerOfA, partnerOfB);
  let pairs = partnerOfA.flatMap((j, i) =>
    j < 0
      ? []
      : [{ a: [i], b: [j], similarity: dice(a[i]!.bag, b[j]!.bag, a[i]!.weight, b[j]!.weight) }],
  );
  pairs = mergeNeighbours(a, b, pairs, partnerOfA, partnerOfB);
  return { units: { a, b }, idf, pairs };
}

/** IDF weights over all statements of both texts, stop words at zero. */
function weigh(a: Unit[], b: Unit[]) {
  const df = new Map<string, number>();
  const all = [...a, ...b];
  for (const unit of all) {
    for (const key of new Set(unit.tokens.filter((t) => !t.stop).map((t) => t.key))) {
      df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  for (const unit of all) {
    unit.bag = bagOf(unit.tokens, df, all.length);
    unit.weight = sum(unit.bag);
  }
  return (key: string) => Math.log(1 + all.length / (df.get(key) ?? 1));
}

function bagOf(tokens: Token[], df: Map<string, number>, n: number): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of tokens) {
    if (t.stop) continue;
    bag.set(t.key, (bag.get(t.key) ?? 0) + Math.log(1 + n / (df.get(t.key) ?? 1)));
  }
  return bag;
}

function sum(bag: Map<string, number>): number {
  let total = 0;
  for (const w of bag.values()) total += w;
  return total;
}

function shared(x: Map<string, number>, y: Map<string, number>): number {
  let total = 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const [key, w] of small) {
    const other = large.get(key);
    if (other !== undefined) total += Math.min(w, other);
  }
  return total;
}

/** Weighted Dice similarity of two bags. */
export function dice(x: Map<string, number>, y: Map<string, number>, wx = sum(x), wy = sum(y)) {
  return wx + wy === 0 ? 0 : (2 * shared(x, y)) / (wx + wy);
}

/**
 * Statements left over between two pairs that follow each other in both texts stand at the same
 * place in the story; there a rewording that shares less (GAP_MIN, with GAP_MIN_WORDS content
 * words in common) still pairs, in order. Only small gaps (GAP_MAX statements a side): in a
 * long stretch of unpaired text, order alone says little.
 */
const GAP_MIN = 0.12;
const GAP_MIN_WORDS = 2;
const GAP_MAX = 3;

function fillGaps(a: Unit[], b: Unit[], partnerOfA: number[], partnerOfB: number[]) {
  // Pairs in A's order whose partners also go forward in B: the anchors around each gap.
  const anchors: [number, number][] = [[-1, -1]];
  partnerOfA.forEach((j, i) => {
    if (j >= 0 && j > anchors[anchors.length - 1]![1]) anchors.push([i, j]);
  });
  anchors.push([a.length, b.length]);
  for (let k = 1; k < anchors.length; k++) {
    const [i0, j0] = anchors[k - 1]!;
    const [i1, j1] = anchors[k]!;
    const gapA = range(i0 + 1, i1).filter((i) => partnerOfA[i]! < 0);
    const gapB = range(j0 + 1, j1).filter((j) => partnerOfB[j]! < 0);
    if (gapA.length === 0 || gapB.length === 0) continue;
    if (gapA.length > GAP_MAX || gapB.length > GAP_MAX) continue;
    for (const [i, j] of orderedPairs(gapA, gapB, (i, j) => gapScore(a[i]!, b[j]!))) {
      partnerOfA[i] = j;
      partnerOfB[j] = i;
    }
  }
}

function gapScore(x: Unit, y: Unit): number {
  let common = 0;
  for (const key of x.bag.keys()) if (y.bag.has(key)) common++;
  return common < GAP_MIN_WORDS ? 0 : unitDice(x, y);
}

/** The order-keeping pairs of xs and ys with the highest total score, each at least GAP_MIN. */
function orderedPairs(
  xs: number[],
  ys: number[],
  score: (x: number, y: number) => number,
): [number, number][] {
  // best[p][q]: the best total for xs[p..] and ys[q..].
  const best = Array.from({ length: xs.length + 1 }, () =>
    new Array<number>(ys.length + 1).fill(0),
  );
  for (let p = xs.length - 1; p >= 0; p--) {
    for (let q = ys.length - 1; q >= 0; q--) {
      const s = score(xs[p]!, ys[q]!);
      const take = s >= GAP_MIN ? s + best[p + 1]![q + 1]! : 0;
      best[p]![q] = Math.max(take, best[p + 1]![q]!, best[p]![q + 1]!);
    }
  }
  const out: [number, number][] = [];
  let p = 0;
  let q = 0;
  while (p < xs.length && q < ys.length) {
    const s = score(xs[p]!, ys[q]!);
    if (s >= GAP_MIN && best[p]![q] === s + best[p + 1]![q + 1]!) {
      out.push([xs[p]!, ys[q]!]);
      p++;
      q++;
    } else if (best[p]![q] === best[p + 1]![q]) p++;
    else q++;
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function unitDice(x: Unit, y: Unit): number {
  return dice(x.bag, y.bag, x.weight, y.weight);
}

/** How well two statements pair: Dice, or the cover of the shorter one (see COVER_WEIGHT). */
function pairScore(x: Unit, y: Unit): number {
  const common = shared(x.bag, y.bag);
  const total = x.weight + y.weight;
  const similarity = total === 0 ? 0 : (2 * common) / total;
  if (Math.min(x.bag.size, y.bag.size) < COVER_MIN_WORDS) return similarity;
  return Math.max(similarity, (COVER_WEIGHT * common) / Math.min(x.weight, y.weight));
}

function anchorExact(a: Unit[], b: Unit[], partnerOfA: number[], partnerOfB: number[]) {
  const byKey = new Map<string, number[]>();
  b.forEach((unit, j) => {
    const list = byKey.get(unit.exact) ?? [];
    list.push(j);
    byKey.set(unit.exact, list);
  });
  a.forEach((unit, i) => {
    const j = byKey.get(unit.exact)?.shift();
    if (j !== undefined && unit.tokens.length > 0) {
      partnerOfA[i] = j;
      partnerOfB[j] = i;
    }
  });
}

function assignRest(
  a: Unit[],
  b: Unit[],
  partnerOfA: number[],
  partnerOfB: number[],
  score: (x: Unit, y: Unit) => number,
) {
  const rows = a.flatMap((_, i) => (partnerOfA[i]! < 0 ? [i] : []));
  const cols = b.flatMap((_, j) => (partnerOfB[j]! < 0 ? [j] : []));
  if (rows.length === 0 || cols.length === 0) return;
  // Similarities through an inverted index: only statements sharing a token are compared.
  const index = new Map<string, number[]>();
  cols.forEach((j, c) => {
    for (const key of b[j]!.bag.keys()) {
      const list = index.get(key) ?? [];
      list.push(c);
      index.set(key, list);
    }
  });
  const sim: number[][] = rows.map(() => new Array<number>(cols.length).fill(0));
  rows.forEach((i, r) => {
    const seen = new Set<number>();
    for (const key of a[i]!.bag.keys()) for (const c of index.get(key) ?? []) seen.add(c);
    for (const c of seen) {
      const j = cols[c]!;
      sim[r]![c] = score(a[i]!, b[j]!);
    }
  });
  const chosen: [number, number][] =
    rows.length <= HUNGARIAN_LIMIT && cols.length <= HUNGARIAN_LIMIT ? hungarian(sim) : greedy(sim);
  for (const [r, c] of chosen) {
    if ((sim[r]?.[c] ?? 0) < PAIR_MIN) continue;
    partnerOfA[rows[r]!] = cols[c]!;
    partnerOfB[cols[c]!] = rows[r]!;
  }
}

function hungarian(sim: number[][]): [number, number][] {
  const n = Math.max(sim.length, sim[0]?.length ?? 0);
  // Similarities under the pairing bar cost as much as no pair, so they never distort the rest.
  const cost = Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => {
      const s = sim[r]?.[c] ?? 0;
      return s >= PAIR_MIN ? 1 - s : 1;
    }),
  );
  return computeMunkres(cost).filter(([r, c]) => r < sim.length && c < (sim[0]?.length ?? 0));
}

function greedy(sim: number[][]): [number, number][] {
  const cells: [number, number, number][] = [];
  sim.forEach((row, r) => row.forEach((s, c) => s >= PAIR_MIN && cells.push([r, c, s])));
  cells.sort((x, y) => y[2] - x[2]);
  const usedR = new Set<number>();
  const usedC = new Set<number>();
  const chosen: [number, number][] = [];
  for (const [r, c] of cells) {
    if (usedR.has(r) || usedC.has(c)) continue;
    usedR.add(r);
    usedC.add(c);
    chosen.push([r, c]);
  }
  return chosen;
}

type PairIdx = { a: number[]; b: number[]; similarity: number };

/** Many-to-one: an unpaired neighbour joins a pair when the joined statement matches better. */
function mergeNeighbours(
  a: Unit[],
  b: Unit[],
  pairs: PairIdx[],
  partnerOfA: number[],
  partnerOfB: number[],
): PairIdx[] {
  for (const pair of pairs) {
    for (const side of ['a', 'b'] as const) {
      const units = side === 'a' ? a : b;
      const partners = side === 'a' ? partnerOfA : partnerOfB;
      let grown = true;
      while (grown) {
        grown = false;
        const list = pair[side];
        for (const candidate of [list[0]! - 1, list[list.length - 1]! + 1]) {
          const unit = units[candidate];
          if (!unit || partners[candidate]! >= 0) {
            continue;
          }
          const next = [...list, candidate].sort((x, y) => x - y);
          const similarity = groupSimilarity(
            side === 'a' ? next : pair.a,
            side === 'b' ? next : pair.b,
            a,
            b,
          );
          if (similarity > pair.similarity + MERGE_GAIN) {
            pair[side] = next;
            pair.similarity = similarity;
            partners[candidate] = -2;
            grown = true;
            break;
          }
        }
      }
    }
  }
  return pairs;
}

function merged(units: Unit[], indices: number[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const i of indices) {
    for (const [k, w] of units[i]!.bag) bag.set(k, (bag.get(k) ?? 0) + w);
  }
  return bag;
}

export function groupSimilarity(ia: number[], ib: number[], a: Unit[], b: Unit[]): number {
  return dice(merged(a, ia), merged(b, ib));
}

/** Re-weighs a sub-span's tokens with the same IDF (used when a statement is split). */
export function subUnit(unit: Unit, span: Span, idf: (key: string) => number): Unit {
  const tokens = unit.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  const bag = new Map<string, number>();
  for (const t of tokens) if (!t.stop) bag.set(t.key, (bag.get(t.key) ?? 0) + idf(t.key));
  return {
    ...span,
    paragraph: unit.paragraph,
    tokens,
    bag,
    weight: sum(bag),
    exact: tokens.map((t) => t.key).join(' '),
  };
}
