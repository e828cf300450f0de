/**
 * Factmark's exports, as pure functions over plain data (see `types.ts`):
 *
 * - per article (in memory): annotated HTML, Markdown with footnotes, JSON, W3C Web Annotation
 *   JSON-LD;
 * - claim lists (streamed, sync or async iterables in, string chunks out): CSV, JSON, schema.org
 *   ClaimReview JSON-LD;
 * - file names and stream helpers for the routes that serve them.
 */

export type * from './types';
export { DEFAULT_CLAIM_FILTER, isClaimIncluded } from './filter';
export { isPlaceable, type AnnotatedExportOptions } from './annotated-article';
export { toAnnotatedHtml, ANNOTATED_HTML_CSP, type AnnotatedHtmlOptions } from './annotated-html';
export { VERDICT_COLOURS } from './annotated-html-style';
export { toAnnotatedMarkdown, type AnnotatedMarkdownOptions } from './annotated-markdown';
export {
  toAnnotatedJson,
  buildAnnotatedJson,
  ANNOTATED_JSON_FORMAT,
  ANNOTATED_JSON_VERSION,
  type AnnotatedJson,
  type AnnotatedJsonAnnotation,
  type AnnotatedJsonOptions,
} from './annotated-json';
export {
  toWebAnnotationJsonLd,
  buildWebAnnotationCollection,
  webAnnotationMotivation,
  WEB_ANNOTATION_CONTEXT,
  WEB_ANNOTATION_MEDIA_TYPE,
  type WebAnnotation,
  type WebAnnotationCollection,
  type WebAnnotationOptions,
} from './web-annotation';
export { toCsv, toCsvSync, csvField, guardFormula, CSV_COLUMNS, type CsvOptions } from './csv';
export {
  toClaimsJson,
  toClaimsJsonSync,
  claimToJson,
  type ClaimJson,
  type ClaimsJsonOptions,
} from './claims-json';
export {
  toClaimReview,
  toClaimReviewJsonLd,
  toClaimReviewJsonLdSync,
  claimReviewWarnings,
  guessClaimantType,
  CLAIM_REVIEWED_MAX_CHARS,
  type ClaimReviewJsonLd,
  type ClaimReviewOptions,
  type ClaimReviewWarning,
  type ClaimReviewWarningCode,
  type ClaimantType,
} from './claim-review';
export {
  verdictRating,
  VERDICT_RATING_VALUES,
  BEST_RATING,
  WORST_RATING,
  type SchemaOrgRating,
} from './rating';
export { splitSegments, assignLanes, type Segment, type Span } from './segments';
export {
  exportFileName,
  contentDisposition,
  slugify,
  type ExportKind,
  type ExportFileNameInput,
} from './file-name';
export {
  toReadableStream,
  batchChunks,
  collectChunks,
  type Chunk,
  type ChunkSource,
} from './stream';
export { safeHttpUrl } from './urls';
