/**
 * The comparison as the JSON the CLI prints and the app exports: offsets only (JavaScript
 * string indices into each text), the contract of issue #14.
 */
import type { Comparison, Difference, Span } from './types';

export interface ComparisonJson {
  pairs: {
    a: Span;
    b: Span;
    kind: string;
    differences: Difference[];
  }[];
  onlyA: Span[];
  onlyB: Span[];
}

/** The comparison without its internal scores, keys in the documented order. */
export function toComparisonJson(comparison: Comparison): ComparisonJson {
  const span = (s: Span): Span => ({ start: s.start, end: s.end });
  return {
    pairs: comparison.pairs.map((p) => ({
      a: span(p.a),
      b: span(p.b),
      kind: p.kind,
      differences: p.differences.map((d) => ({
        type: d.type,
        a: span(d.a),
        b: span(d.b),
        ...(d.absent ? { absent: d.absent } : {}),
      })),
    })),
    onlyA: comparison.onlyA.map(span),
    onlyB: comparison.onlyB.map(span),
  };
}
