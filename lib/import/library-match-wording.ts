/**
 * How the app tells the user that an import is already in the library, one wording for the
 * import preview and the save's 409 refusal. The classification is the match's relation
 * (`comparePrepared`): the same words are this article; a near copy (Jaccard over the bar) is a
 * nearly identical article, with its share of the same text; an overlap (one text contains
 * most of the other) is an article with much of the same text, never "nearly the same".
 */
import type { ArticleRelation } from './fingerprint';

/** A library match as the wording needs it. */
export interface MatchForWording {
  relation: Exclude<ArticleRelation, 'distinct'>;
  /** Jaccard similarity of the two texts' word shingles, 0..1. */
  similarity: number;
}

/**
 * The share of the same text in whole percent. Only an identical text says 100: a near copy
 * that rounds up to 100 says 99, so the number never claims the texts are the same.
 */
export function sharePercent(match: MatchForWording): number {
  const percent = Math.round(match.similarity * 100);
  return match.relation === 'identical' ? percent : Math.min(percent, 99);
}

/**
 * What the library has, as the object of "already has": "the same text", "a nearly identical
 * article (91% the same text)", "an article with much of the same text".
 */
function whatTheLibraryHas(match: MatchForWording): string {
  switch (match.relation) {
    case 'identical':
      return 'the same text';
    case 'near-duplicate':
      return `a nearly identical article (${sharePercent(match)}% the same text)`;
    case 'contains':
      return 'an article with much of the same text';
  }
}

/** The preview's line above the matches, by the closest one (the matches follow it). */
export function matchesHeading(closest: MatchForWording): string {
  if (closest.relation === 'identical') return 'This article is already in the library:';
  const what = whatTheLibraryHas(closest);
  return `${what[0]!.toUpperCase()}${what.slice(1)} is already in the library:`;
}

/** The save's refusal (409 duplicate_article), naming the closest match. */
export function duplicateMessage(closest: MatchForWording & { title: string }): string {
  return `The library already has ${whatTheLibraryHas(closest)}: “${closest.title}”. Save anyway to import it again.`;
}

const RELATION_LABELS: Record<MatchForWording['relation'], string> = {
  identical: 'the same text',
  'near-duplicate': 'nearly the same text',
  contains: 'much of the same text',
};

/** One listed match's note after its title: "nearly the same text, 91% alike". */
export function matchLabel(match: MatchForWording): string {
  return `${RELATION_LABELS[match.relation]}, ${sharePercent(match)}% alike`;
}
