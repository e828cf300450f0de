/**
 * What the per-article exports (HTML, Markdown, JSON, Web Annotation) share: which annotations
 * are shown (their claim passes the filter), which can be placed in the revision's text, and the
 * note number of each claim (numbered in order of first appearance in the text).
 */

import { isoDate } from './dates';
import { DEFAULT_CLAIM_FILTER, isClaimIncluded } from './filter';
import type {
  AnnotatedArticle,
  ClaimFilter,
  ExportAnnotation,
  ExportArticle,
  ExportClaim,
} from './types';

/** Options every per-article export accepts. */
export type AnnotatedExportOptions = {
  /** Approved claims only (default) or all claims, each labelled with its review state. */
  readonly filter?: ClaimFilter;
  /** When the export is made (shown in the document); defaults to now. */
  readonly now?: Date;
};

/** An annotation whose offsets can be trusted, with its claim's note number. */
export type PlacedAnnotation = {
  readonly annotation: ExportAnnotation;
  readonly claim: ExportClaim;
  readonly number: number;
};

/** One claim's note: its number, the claim, and where it is (or could not be) placed. */
export type ClaimNote = {
  readonly number: number;
  readonly claim: ExportClaim;
  /** Placed annotations of the claim, in text order. */
  readonly placed: readonly PlacedAnnotation[];
  /** Annotations that could not be placed (ORPHANED or offsets outside the text). */
  readonly unplaced: readonly ExportAnnotation[];
};

/** An article ready to render. */
export type PreparedArticle = {
  readonly article: ExportArticle;
  readonly text: string;
  readonly filter: ClaimFilter;
  /** Placed annotations ordered by start, then longest first (outermost first). */
  readonly placed: readonly PlacedAnnotation[];
  /** Notes ordered by number (1, 2, ...). */
  readonly notes: readonly ClaimNote[];
};

/**
 * Whether an annotation can be highlighted: not ORPHANED, and integer offsets with
 * `0 <= start < end <= text.length`. (MOVED and FUZZY annotations were re-anchored onto this
 * revision, so their offsets are current.)
 */
export function isPlaceable(annotation: ExportAnnotation, text: string): boolean {
  const { start, end } = annotation;
  return (
    annotation.anchorState !== 'ORPHANED' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < end &&
    end <= text.length
  );
}

/**
 * Selects, places and numbers the annotations of an article. Annotations whose claim is missing
 * or filtered out are dropped; claims are numbered by their first placed annotation, then claims
 * that could not be placed at all, in input order.
 */
export function prepareAnnotatedArticle(
  input: AnnotatedArticle,
  filter: ClaimFilter = DEFAULT_CLAIM_FILTER,
): PreparedArticle {
  const text = input.article.revision.text;
  const claims = new Map(input.claims.map((claim) => [claim.id, claim]));
  const shown = input.annotations.filter((annotation) => {
    const claim = claims.get(annotation.claimId);
    return claim !== undefined && isClaimIncluded(claim, filter);
  });
  const placeable = shown
    .filter((annotation) => isPlaceable(annotation, text))
    .sort((a, b) => a.start - b.start || b.end - a.end || compareIds(a.id, b.id));
  const unplaceable = shown.filter((annotation) => !isPlaceable(annotation, text));

  const numbers = new Map<string, number>();
  for (const annotation of [...placeable, ...unplaceable]) {
    if (!numbers.has(annotation.claimId)) numbers.set(annotation.claimId, numbers.size + 1);
  }
  const numberOf = (annotation: ExportAnnotation) => numbers.get(annotation.claimId) ?? 0;
  const claimOf = (annotation: ExportAnnotation) => claims.get(annotation.claimId) as ExportClaim;

  const placed: PlacedAnnotation[] = placeable.map((annotation) => ({
    annotation,
    claim: claimOf(annotation),
    number: numberOf(annotation),
  }));
  const groups = new Map<string, { placed: PlacedAnnotation[]; unplaced: ExportAnnotation[] }>();
  for (const claimId of numbers.keys()) groups.set(claimId, { placed: [], unplaced: [] });
  for (const p of placed) groups.get(p.annotation.claimId)?.placed.push(p);
  for (const a of unplaceable) groups.get(a.claimId)?.unplaced.push(a);
  const notes: ClaimNote[] = [...numbers].map(([claimId, number]) => ({
    number,
    claim: claims.get(claimId) as ExportClaim,
    placed: groups.get(claimId)?.placed ?? [],
    unplaced: groups.get(claimId)?.unplaced ?? [],
  }));
  return { article: input.article, text, filter, placed, notes };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a document format writes a link and plain text (the HTML and Markdown exports). */
export type HeaderWriter = {
  link(url: string | null, label: string | null): string;
  text(value: string): string;
};

/**
 * The header line naming where the article comes from (source, byline, publication day), each
 * part written by the format; empty when the article says none of them.
 */
export function sourceParts(article: ExportArticle, write: HeaderWriter): string[] {
  return [
    article.sourceName || article.sourceUrl
      ? write.link(article.sourceUrl, article.sourceName ?? article.sourceUrl)
      : '',
    article.byline ? `by ${write.text(article.byline)}` : '',
    article.publishedAt ? `published ${isoDate(article.publishedAt)}` : '',
  ].filter(Boolean);
}

/** What a document holds, as its header says it. */
export function scopeLabel(filter: ClaimFilter): string {
  return filter === 'all' ? 'All claims, with their review state' : 'Approved fact-checks only';
}
