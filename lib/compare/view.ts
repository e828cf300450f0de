/**
 * What the compare view and the HTML report show: rows of aligned statements with their
 * differences and existing claim spans cut into marked segments, and the only-in-one lists.
 */
import type { Comparison, Difference, DifferenceType, PairKind, Span } from './types';

export interface ClaimSpan extends Span {
  claimId: string;
  text: string;
}

export interface Segment {
  text: string;
  /** The difference types marked on this stretch (several when they overlap). */
  types: DifferenceType[];
  /** Claims whose span covers this stretch. */
  claimIds: string[];
}

export interface SideView {
  span: Span;
  segments: Segment[];
}

export interface RowView {
  kind: PairKind;
  a: SideView;
  b: SideView;
  differences: DifferenceView[];
}

export interface DifferenceView extends Difference {
  /** The words on each side, or null where that side does not state the detail. */
  aText: string | null;
  bText: string | null;
  /** A claim text to start from: what A says against what B says. */
  suggestion: string;
}

export interface OnlyView {
  side: 'a' | 'b';
  span: Span;
  text: string;
  segments: Segment[];
}

export interface ComparisonView {
  rows: RowView[];
  onlyA: OnlyView[];
  onlyB: OnlyView[];
  counts: Record<PairKind, number> & { onlyA: number; onlyB: number; differences: number };
}

export const DIFFERENCE_LABELS: Record<DifferenceType, string> = {
  number: 'Number',
  date: 'Date',
  name: 'Name',
  quote: 'Quote',
  attribution: 'Attribution',
  other: 'Other detail',
};

/** Builds the view of a comparison of `textA` and `textB` with the claims on each. */
export function toComparisonView(
  comparison: Comparison,
  textA: string,
  textB: string,
  claims: { a: ClaimSpan[]; b: ClaimSpan[] } = { a: [], b: [] },
): ComparisonView {
  const rows = comparison.pairs.map((pair) => ({
    kind: pair.kind,
    a: side(
      textA,
      pair.a,
      pair.differences.filter((d) => d.absent !== 'a').map((d) => ({ ...d.a, type: d.type })),
      claims.a,
    ),
    b: side(
      textB,
      pair.b,
      pair.differences.filter((d) => d.absent !== 'b').map((d) => ({ ...d.b, type: d.type })),
      claims.b,
    ),
    differences: pair.differences.map((d) => describe(d, textA, textB)),
  }));
  const only = (
    s: 'a' | 'b',
    spans: Span[],
    text: string,
    spansOfClaims: ClaimSpan[],
  ): OnlyView[] =>
    spans.map((span) => ({
      side: s,
      span,
      text: text.slice(span.start, span.end),
      segments: side(text, span, [], spansOfClaims).segments,
    }));
  const counts = {
    same: 0,
    reworded: 0,
    differs: 0,
    onlyA: comparison.onlyA.length,
    onlyB: comparison.onlyB.length,
    differences: 0,
  };
  for (const pair of comparison.pairs) {
    counts[pair.kind]++;
    counts.differences += pair.differences.length;
  }
  return {
    rows,
    onlyA: only('a', comparison.onlyA, textA, claims.a),
    onlyB: only('b', comparison.onlyB, textB, claims.b),
    counts,
  };
}

function describe(d: Difference, textA: string, textB: string): DifferenceView {
  const aText = d.absent === 'a' ? null : textA.slice(d.a.start, d.a.end);
  const bText = d.absent === 'b' ? null : textB.slice(d.b.start, d.b.end);
  const label = DIFFERENCE_LABELS[d.type].toLowerCase();
  const suggestion =
    aText === null
      ? `Only report B states this ${label}: “${bText}”`
      : bText === null
        ? `Only report A states this ${label}: “${aText}”`
        : `Reports differ on the ${label}: “${aText}” (A) against “${bText}” (B)`;
  return { ...d, aText, bText, suggestion };
}

/** Cuts a statement into segments at every difference and claim boundary. */
function side(
  text: string,
  span: Span,
  marks: (Span & { type: DifferenceType })[],
  claims: ClaimSpan[],
): SideView {
  const inside = (x: Span) => x.start < span.end && span.start < x.end;
  const ownClaims = claims.filter(inside);
  const ownMarks = marks.filter(inside);
  const cuts = new Set([span.start, span.end]);
  for (const x of [...ownMarks, ...ownClaims]) {
    cuts.add(Math.max(span.start, x.start));
    cuts.add(Math.min(span.end, x.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covers = (x: Span) => x.start <= start && end <= x.end;
    segments.push({
      text: text.slice(start, end),
      types: [...new Set(ownMarks.filter(covers).map((m) => m.type))],
      claimIds: [...new Set(ownClaims.filter(covers).map((c) => c.claimId))],
    });
  }
  return { span, segments };
}
