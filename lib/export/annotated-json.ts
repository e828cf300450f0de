/**
 * An article's revision as JSON that another program can rebuild the highlights from exactly:
 * the revision text and its sha256, and every annotation with its offsets, W3C quote and
 * position selectors, and its claim.
 *
 * Offsets: `start`/`end` are UTF-16 code unit indices (JavaScript string indices, as Factmark
 * stores them), so `revision.text.slice(start, end) === exact` for every placed annotation; the
 * TextPositionSelector in `selector` counts Unicode code points, as the W3C model requires (the
 * two differ after emoji and other astral characters). Annotations that could not be placed in
 * this revision (ORPHANED) have `placed: false`, null offsets and only their stored quote.
 */

import { claimToJson, type ClaimJson } from './claims-json';
import { codePointIndex } from './code-points';
import { prepareAnnotatedArticle, type AnnotatedExportOptions } from './annotated-article';
import { DEFAULT_CLAIM_FILTER } from './filter';
import { isoDateTime } from './dates';
import {
  placedSelectors,
  storedQuoteSelector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
import type { AnchorState } from '../domain';
import type {
  AnnotatedArticle,
  ClaimFilter,
  ExportAnnotation,
  ExportConfig,
  ExportPerson,
} from './types';
import { appUrls, exportedUrl } from './urls';

/** Identifies the document format. */
export const ANNOTATED_JSON_FORMAT = 'factmark.annotated-article';
/** Bumped on incompatible changes to the document shape. */
export const ANNOTATED_JSON_VERSION = 1;

/** Options for the annotated JSON export. */
export type AnnotatedJsonOptions = AnnotatedExportOptions & {
  /** Indentation passed to JSON.stringify (default 2; 0 for compact output). */
  readonly indent?: number;
};

/** One annotation of the JSON document. */
export type AnnotatedJsonAnnotation = {
  readonly id: string;
  readonly claimId: string;
  /** The claim's note number (as in the HTML and Markdown exports). */
  readonly number: number;
  readonly anchorState: AnchorState;
  readonly placed: boolean;
  /** UTF-16 offsets into `revision.text`; null when not placed. */
  readonly start: number | null;
  readonly end: number | null;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** W3C selectors: a TextQuoteSelector and, when placed, a code point TextPositionSelector. */
  readonly selector: readonly (TextQuoteSelector | TextPositionSelector)[];
  readonly createdAt: string;
  readonly creator: ExportPerson;
  readonly claim: ClaimJson;
};

/** The JSON document. */
export type AnnotatedJson = {
  readonly format: typeof ANNOTATED_JSON_FORMAT;
  readonly version: typeof ANNOTATED_JSON_VERSION;
  readonly generatedAt: string;
  readonly claimFilter: ClaimFilter;
  readonly offsets: { readonly startEnd: 'utf-16'; readonly textPositionSelector: 'code-point' };
  readonly article: {
    readonly id: string;
    readonly url: string;
    readonly title: string;
    readonly sourceName: string | null;
    readonly sourceUrl: string | null;
    readonly byline: string | null;
    readonly publishedAt: string | null;
  };
  readonly revision: {
    readonly id: string;
    readonly number: number;
    readonly createdAt: string;
    readonly sha256: string;
    readonly text: string;
  };
  readonly annotations: readonly AnnotatedJsonAnnotation[];
};

/** Builds the JSON document (placed annotations in text order, then the unplaced ones). */
export function buildAnnotatedJson(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: AnnotatedExportOptions = {},
): AnnotatedJson {
  const prepared = prepareAnnotatedArticle(input, options.filter ?? DEFAULT_CLAIM_FILTER);
  const { article, text } = prepared;
  const toCodePoint = codePointIndex(text);
  const person = (annotation: ExportAnnotation): ExportPerson => ({
    id: annotation.creator.id,
    name: annotation.creator.name,
  });
  const placed = prepared.placed.map(({ annotation, claim, number }): AnnotatedJsonAnnotation => {
    const selector = placedSelectors(text, annotation, toCodePoint);
    return {
      id: annotation.id,
      claimId: annotation.claimId,
      number,
      anchorState: annotation.anchorState,
      placed: true,
      start: annotation.start,
      end: annotation.end,
      exact: selector[0].exact,
      prefix: selector[0].prefix,
      suffix: selector[0].suffix,
      selector,
      createdAt: isoDateTime(annotation.createdAt),
      creator: person(annotation),
      claim: claimToJson(claim),
    };
  });
  const unplaced = prepared.notes.flatMap((note) =>
    note.unplaced.map((annotation): AnnotatedJsonAnnotation => ({
      id: annotation.id,
      claimId: annotation.claimId,
      number: note.number,
      anchorState: annotation.anchorState,
      placed: false,
      start: null,
      end: null,
      exact: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      selector: [storedQuoteSelector(annotation)],
      createdAt: isoDateTime(annotation.createdAt),
      creator: person(annotation),
      claim: claimToJson(note.claim),
    })),
  );
  return {
    format: ANNOTATED_JSON_FORMAT,
    version: ANNOTATED_JSON_VERSION,
    generatedAt: isoDateTime(options.now ?? new Date()),
    claimFilter: prepared.filter,
    offsets: { startEnd: 'utf-16', textPositionSelector: 'code-point' },
    article: {
      id: article.id,
      url: appUrls(config.appBaseUrl).article(article.id),
      title: article.title,
      sourceName: article.sourceName,
      sourceUrl: exportedUrl(article.sourceUrl),
      byline: article.byline,
      publishedAt: article.publishedAt ? isoDateTime(article.publishedAt) : null,
    },
    revision: {
      id: article.revision.id,
      number: article.revision.number,
      createdAt: isoDateTime(article.revision.createdAt),
      sha256: article.revision.sha256,
      text,
    },
    annotations: [...placed, ...unplaced],
  };
}

/** The JSON document as text. */
export function toAnnotatedJson(
  input: AnnotatedArticle,
  config: ExportConfig,
  options: AnnotatedJsonOptions = {},
): string {
  return `${JSON.stringify(buildAnnotatedJson(input, config, options), null, options.indent ?? 2)}\n`;
}
