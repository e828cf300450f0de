/**
 * Article metadata from a pasted page: title, byline, source name, publication date and source
 * URL. The title is the article heading (not the site masthead); byline, date, source and URL
 * come from the metadata lines around the article (which the cleaner removes with reason
 * "metadata"); a wire dateline and the masthead fill in the source when nothing better exists.
 */
import { classifyBlocks, type PageAnalysis } from './classify-blocks';
import { matchDateline, type MetadataLine } from './metadata-lines';
import type { DateOptions } from './parse-date';
import { splitBlocks } from './split-blocks';
import type { ArticleMetadata } from './types';

/**
 * Builds the metadata of an analysed page. Precedence: for the source name, an explicit
 * "Source   date" header, then the agency of a wire dateline ("(Reuters)"), then the masthead;
 * for the date, the first metadata line before the article, then the dateline, then lines after
 * the article.
 */
export function metadataFromAnalysis(
  analysis: PageAnalysis,
  options: DateOptions = {},
): ArticleMetadata {
  const { blocks, verdicts, titleIndex, firstAnchor } = analysis;
  const lines: { line: MetadataLine; leading: boolean }[] = [];
  verdicts.forEach((v, i) => {
    if (v.metadata) lines.push({ line: v.metadata, leading: firstAnchor < 0 || i < firstAnchor });
  });
  const first = <K extends keyof MetadataLine>(key: K, leading?: boolean) =>
    lines.find((l) => l.line[key] !== undefined && (leading === undefined || l.leading === leading))
      ?.line[key];

  const dateline = firstAnchor >= 0 ? matchDateline(blocks[firstAnchor]!.text, options) : null;

  const title = titleIndex >= 0 ? blocks[titleIndex]!.text : undefined;
  const byline = first('byline', true) ?? first('byline');
  const sourceName =
    lines.find((l) => l.line.kind === 'source-date')?.line.sourceName ??
    dateline?.agency ??
    analysis.siteName ??
    undefined;
  const publishedAt =
    first('publishedAt', true) ?? dateline?.publishedAt ?? first('publishedAt', false);
  const sourceUrl = first('sourceUrl');

  const metadata: ArticleMetadata = {};
  if (title) metadata.title = title;
  if (byline) metadata.byline = byline as string;
  if (sourceName) metadata.sourceName = sourceName;
  if (publishedAt) metadata.publishedAt = publishedAt as string;
  if (sourceUrl) metadata.sourceUrl = sourceUrl as string;
  return metadata;
}

/**
 * Extracts title, byline, source name, publication date (yyyy-mm-dd) and source URL from raw
 * pasted text. Fields that cannot be found are absent.
 */
export function extractMetadata(raw: string, options: DateOptions = {}): ArticleMetadata {
  return metadataFromAnalysis(classifyBlocks(splitBlocks(raw), options), options);
}
