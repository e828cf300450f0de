/**
 * "Compare with…" suggestions: the library's articles ranked by how much they share with one
 * article (cosine of IDF-weighted content-word counts over the library).
 */
import { tokenize } from './normalise';

export interface Candidate {
  id: string;
  text: string;
}

export interface Ranked {
  id: string;
  /** Cosine similarity, 0..1. */
  score: number;
}

/** Below this score an article has nothing but common words in common: not suggested. */
const SUGGEST_MIN = 0.05;

/** The candidates most similar to `target`, best first, at most `limit`. */
export function rankSimilar(target: Candidate, candidates: Candidate[], limit = 10): Ranked[] {
  const others = candidates.filter((c) => c.id !== target.id);
  const counts = [target, ...others].map((c) => countWords(c.text));
  const df = new Map<string, number>();
  for (const bag of counts) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = counts.length;
  const vector = (bag: Map<string, number>) => {
    const v = new Map<string, number>();
    for (const [key, count] of bag)
      v.set(key, (1 + Math.log(count)) * Math.log(1 + n / (df.get(key) ?? 1)));
    return v;
  };
  const [targetVector, ...vectors] = counts.map(vector);
  return others
    .map((c, i) => ({
      id: c.id,
      score: Math.round(cosine(targetVector!, vectors[i]!) * 1000) / 1000,
    }))
    .filter((r) => r.score >= SUGGEST_MIN)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

function countWords(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of tokenize(text, { start: 0, end: text.length }, 'und')) {
    if (!t.stop) bag.set(t.key, (bag.get(t.key) ?? 0) + 1);
  }
  return bag;
}

function cosine(x: Map<string, number>, y: Map<string, number>): number {
  let dot = 0;
  for (const [k, w] of x) dot += w * (y.get(k) ?? 0);
  const norm = (v: Map<string, number>) =>
    Math.sqrt([...v.values()].reduce((t, w) => t + w * w, 0));
  const d = norm(x) * norm(y);
  return d === 0 ? 0 : dot / d;
}
