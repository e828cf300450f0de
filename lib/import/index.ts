/**
 * Import cleaner: turns text copied from a web page into the article alone, with what was
 * removed and why, and the article's metadata. Pure functions over strings.
 */
export { cleanText, cleanBlocks, applyKeeps, type CleanOptions } from './clean-text';
export { toSourceBlocks, type StructuredBlock, type LayoutText } from './structured';
export { normalizeArticleText, suggestTitle } from './article-text';
export { extractMetadata, metadataFromAnalysis } from './extract-metadata';
export {
  findDuplicateParagraphs,
  type DuplicateMatch,
  type DuplicateOptions,
} from './find-duplicates';
export {
  textFingerprint,
  textSimilarity,
  compareArticles,
  prepareComparison,
  comparePrepared,
  type PreparedText,
  minHashSignature,
  estimateSimilarity,
  type ArticleRelation,
} from './fingerprint';
export {
  duplicateMessage,
  matchesHeading,
  matchLabel,
  sharePercent,
  type MatchForWording,
} from './library-match-wording';
export { extractFeatures, type BlockFeatures, type FeatureInput } from './features';
export { classifyBlocks, type PageAnalysis, type BlockVerdict } from './classify-blocks';
export { scoreShape, scoreFamilies, SHAPE_WEIGHTS, NOISE_THRESHOLD } from './score-blocks';
export { splitBlocks } from './split-blocks';
export { stripInlineMarkdown, parseLineMarker, decodeEntities } from './markdown';
export { shouldJoinFragments, joinFragments } from './join-fragments';
export { parseDate, findDate, type DateOptions } from './parse-date';
export { matchMetadataLine, matchDateline } from './metadata-lines';
export * from './types';
export {
  looksLikeHtml,
  formatOfFile,
  formatOfMediaType,
  extensionOf,
  IMPORT_EXTENSIONS,
  DOCX_MEDIA_TYPE,
  type InputFormat,
} from './input-format';
export { previewJsonSchema, saveImportSchema, type PreviewJson, type SaveImport } from './schemas';
