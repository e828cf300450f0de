/**
 * Shared types of the import cleaner: the blocks cut out of a pasted page, the reasons a block
 * is removed, and the result the UI renders. Offsets are JavaScript string indices (UTF-16 code
 * units) into the raw input exactly as given (before line endings are normalised); lines are
 * 1-based and count `\r\n`, `\r` and `\n` as one break each.
 */

/** Why the cleaner removed a block. Every code has a human label in REMOVAL_REASON_LABELS. */
export const REMOVAL_REASONS = [
  'site-header',
  'navigation',
  'related',
  'subscribe',
  'social',
  'cookie',
  'comments',
  'footer',
  'credits',
  'boilerplate',
  'duplicate',
  'metadata',
  'outside-article',
  'headline',
  'author',
  'caption',
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  'site-header': 'Site header / branding',
  navigation: 'Navigation',
  related: 'Related-stories list',
  subscribe: 'Call to subscribe / newsletter',
  social: 'Share / social links',
  cookie: 'Cookie / consent banner',
  comments: 'Reader comments',
  footer: 'Footer',
  credits: 'Reporting / editing credits',
  boilerplate: 'Page boilerplate',
  duplicate: 'Duplicate paragraph',
  metadata: 'Metadata line (byline / date / source)',
  'outside-article': 'Outside the main article',
  headline: 'Headline (used as the title)',
  author: 'About the author',
  caption: 'Figure caption',
};

/** A range of the raw input. */
export interface SourceRange {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line of `start`. */
  startLine: number;
  /** 1-based line of the last character. */
  endLine: number;
}

/** Enclosing HTML landmark element of a block, when the input was HTML-ish. */
export type Landmark = 'header' | 'nav' | 'footer' | 'aside';

/** One structural block of the raw page: a heading, a paragraph or a list item. */
export interface SourceBlock extends SourceRange {
  /** Position in the block list. */
  index: number;
  kind: 'heading' | 'paragraph';
  /** Heading level 1-6; 0 for paragraphs. */
  level: number;
  /** The block was a Markdown/HTML list item (its marker is stripped from `text`). */
  listItem: boolean;
  /** Source of the block with block markers removed but inline markup and spacing intact. */
  source: string;
  /** Plain text: inline markup stripped, entities decoded, whitespace collapsed. */
  text: string;
  /** Characters of `text` that were link text. */
  linkChars: number;
  /** Number of links in the block. */
  linkCount: number;
  /** The whole block was wrapped in bold/italic markup. */
  emphasized: boolean;
  /** Layout gaps inside the line: runs of 2+ spaces / no-break spaces not after punctuation. */
  gapCount: number;
  /** Enclosing HTML landmark, if any. */
  landmark: Landmark | null;
  /**
   * An HTML article extractor (Readability, in server/import) left the block out of the
   * article. Absent for text input.
   */
  outsideArticle?: boolean;
}

/** What the cleaner could tell about the article. Absent fields were not found. */
export interface ArticleMetadata {
  title?: string;
  byline?: string;
  sourceName?: string;
  /** ISO calendar date, yyyy-mm-dd. */
  publishedAt?: string;
  sourceUrl?: string;
}

/** A block of the cleaned article. */
export interface CleanBlock {
  kind: 'heading' | 'paragraph';
  /** Heading level 1-6; 0 for paragraphs. */
  level: number;
  text: string;
  /** Raw ranges the block was assembled from (several when a cut sentence was rejoined). */
  sources: SourceRange[];
  /**
   * Offsets in `text` where a sentence cut by a removed block or a line break was rejoined (the
   * start of each later piece), for the preview to mark. Absent when nothing was rejoined.
   */
  joins?: number[];
}

/** A group of adjacent source blocks removed for one reason; the unit the UI can keep. */
export interface RemovedBlock extends SourceRange {
  /** Stable id: the same raw input always yields the same ids. */
  id: string;
  reason: RemovalReason;
  label: string;
  /** Plain text of the removed blocks, one block a line. */
  text: string;
  /** Range of each removed block (the group may skip over kept blocks for duplicates). */
  ranges: SourceRange[];
  /** For a duplicate: the text of the longer copy it repeats, which stays in the article. */
  duplicateOf?: string;
}

/** Every source block in order with its fate; what `applyKeeps` re-assembles from. */
export interface Segment extends SourceRange {
  kind: 'heading' | 'paragraph';
  level: number;
  listItem: boolean;
  text: string;
  /** Id of the removed group this block belongs to, or null when the block is content. */
  removedId: string | null;
}

/** Result of `cleanText`. */
export interface CleanResult {
  /** The article: block texts joined by a blank line ("\n\n"), headings as their own block. */
  text: string;
  blocks: CleanBlock[];
  /** Groups still removed, in input order. */
  removed: RemovedBlock[];
  /** Groups the cleaner removed but the caller asked to keep, in input order. */
  kept: RemovedBlock[];
  metadata: ArticleMetadata;
  segments: Segment[];
}
