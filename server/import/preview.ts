/** The preview of an import: the cleaned article, what was removed, and library matches. */
import type { ArticleMetadata, InputFormat, RemovedBlock, Segment } from '@/lib/import';
import type { PrismaClient } from '../platform/db';
import { findLibraryMatches, type LibraryMatch } from './library-matches';
import { prepareImport, type ImportSource, type PrepareOptions } from './prepare';
import type { ImportSettings } from './settings';

/**
 * What the import page shows. The page re-assembles the article for the groups the user keeps
 * with lib/import `applyKeeps` over `segments` and `removed`, so keeping needs no round trip.
 */
export interface ImportPreview {
  source: {
    kind: ImportSource['kind'];
    format: InputFormat;
    name: string | null;
    url: string | null;
  };
  metadata: ArticleMetadata;
  /** The cleaned article with nothing kept back: blocks joined by a blank line. */
  text: string;
  removed: RemovedBlock[];
  segments: Segment[];
  /** Line numbers of `removed` refer to `rawInput` (text input only). */
  linesInRawInput: boolean;
  /** Sentences about how the input was read, shown above the preview (e.g. a fallback). */
  notices: string[];
  /** The input as it arrived; sent back on save and kept with the article. */
  rawInput: string;
  /** Articles already in the library with the same or nearly the same text. */
  libraryMatches: LibraryMatch[];
}

/** Prepares an input and looks for it in the library. Throws as `prepareImport`. */
export async function previewImport(
  prisma: PrismaClient,
  source: ImportSource,
  settings: ImportSettings,
  options: PrepareOptions = {},
): Promise<ImportPreview> {
  const prepared = await prepareImport(source, settings, options);
  return {
    source: prepared.source,
    metadata: prepared.metadata,
    text: prepared.clean.text,
    removed: prepared.clean.removed,
    segments: prepared.clean.segments,
    linesInRawInput: prepared.linesInRawInput,
    notices: prepared.notices,
    rawInput: prepared.rawInput,
    libraryMatches: await findLibraryMatches(prisma, prepared.clean.text),
  };
}
