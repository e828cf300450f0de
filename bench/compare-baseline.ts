/**
 * The naive baseline the comparison benchmark measures beside ours: sentences split at
 * ". ", "! ", "? " and line breaks, each A sentence matched to its most similar B sentence by
 * edit ratio (Levenshtein) when the ratio reaches 0.6, greedily in A's order; differences are
 * the changed words of a word diff, typed by their look (digits: number; a month name: date;
 * capitalised: name; else other).
 */
import { diffWordsWithSpace } from 'diff';
import { distance } from 'fastest-levenshtein';
import type { Comparison, Difference, DifferenceType, Span } from '../lib/compare/types';

const RATIO_MIN = 0.6;
const MONTH = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

function sentences(text: string): Span[] {
  const out: Span[] = [];
  const pattern = /[^\n.!?]+(?:[.!?]+["”’]?|$)/g;
  for (const m of text.matchAll(pattern)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) {
      out.push({ start: (m.index ?? 0) + lead, end: (m.index ?? 0) + lead + trimmed.length });
    }
  }
  return out;
}

export function baselineCompare(a: string, b: string): Comparison {
  const sa = sentences(a);
  const sb = sentences(b);
  const usedB = new Set<number>();
  const pairs: Comparison['pairs'] = [];
  const onlyA: Span[] = [];
  for (const x of sa) {
    const tx = a.slice(x.start, x.end);
    let best = -1;
    let bestRatio = 0;
    sb.forEach((y, j) => {
      if (usedB.has(j)) return;
      const ty = b.slice(y.start, y.end);
      const longest = Math.max(tx.length, ty.length);
      // Cheap bound first: lengths too far apart cannot reach the ratio.
      if (Math.min(tx.length, ty.length) / longest < RATIO_MIN) return;
      const ratio = 1 - distance(tx, ty) / longest;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = j;
      }
    });
    if (best < 0 || bestRatio < RATIO_MIN) {
      onlyA.push(x);
      continue;
    }
    usedB.add(best);
    const y = sb[best]!;
    const differences = wordDifferences(a, x, b, y);
    pairs.push({
      a: x,
      b: y,
      kind: bestRatio === 1 ? 'same' : differences.length ? 'differs' : 'reworded',
      differences,
      similarity: bestRatio,
    });
  }
  return { pairs, onlyA, onlyB: sb.filter((_, j) => !usedB.has(j)) };
}

function wordDifferences(a: string, x: Span, b: string, y: Span): Difference[] {
  const out: Difference[] = [];
  let i = x.start;
  let j = y.start;
  let pending: { a: Span | null; b: Span | null; words: string } | null = null;
  const flush = () => {
    if (!pending) return;
    out.push({
      type: typeOf(pending.words),
      a: pending.a ?? x,
      b: pending.b ?? y,
      ...(pending.a ? {} : { absent: 'a' as const }),
      ...(pending.b ? {} : { absent: 'b' as const }),
    });
    pending = null;
  };
  for (const part of diffWordsWithSpace(a.slice(x.start, x.end), b.slice(y.start, y.end))) {
    const n = part.value.length;
    if (!part.added && !part.removed) {
      flush();
      i += n;
      j += n;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(part.value)) {
      if (part.removed) i += n;
      else j += n;
      continue;
    }
    pending ??= { a: null, b: null, words: '' };
    pending.words += ` ${part.value}`;
    if (part.removed) {
      pending.a = { start: i, end: i + n };
      i += n;
    } else {
      pending.b = { start: j, end: j + n };
      j += n;
    }
  }
  flush();
  return out;
}

function typeOf(words: string): DifferenceType {
  if (/\d/.test(words)) return 'number';
  if (words.split(/\s+/).some((w) => MONTH.test(w))) return 'date';
  if (/(^|\s)\p{Lu}/u.test(words.trim())) return 'name';
  return 'other';
}
