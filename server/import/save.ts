/**
 * Saving an import: the text as the preview left it, checked against the library first (409
 * duplicate_article with the matches, unless the user chose to save anyway), then created like
 * any article, with the raw input kept, and, imported from a web address, watched there (the
 * article and its watch in one transaction: never one without the other).
 */
import {
  duplicateMessage,
  suggestTitle,
  normalizeArticleText,
  saveImportSchema,
  type SaveImport,
} from '@/lib/import';
import { createArticleIn } from '../articles-create';
import type { PrismaClient } from '../platform/db';
import { AppError } from '../platform/errors';
import type { SessionUser } from '../users';
import { watchArticleIn } from '../evidence/article-watch';
import { evidenceSettings } from '../evidence/settings';
import { findLibraryMatches, type LibraryMatch } from './library-matches';
import { prepareImport, type ImportSource, type PrepareOptions } from './prepare';
import type { ImportSettings } from './settings';

export interface SavedImport {
  article: { id: string; title: string; revision: { id: string; number: number } };
}

/**
 * The 409 duplicate_article naming the closest match in the preview's words (the same text, a
 * nearly identical article, an article with much of the same text), every match in `matches`.
 */
function duplicateError(matches: LibraryMatch[]): AppError {
  return new AppError('duplicate_article', duplicateMessage(matches[0]!), { matches });
}

/** Saves a previewed import (input parsed by saveImportSchema). */
export async function saveImport(
  prisma: PrismaClient,
  user: SessionUser,
  input: SaveImport,
): Promise<SavedImport> {
  const { allowDuplicate, fetchedUrl, ...article } = input;
  if (!allowDuplicate) {
    const matches = await findLibraryMatches(prisma, article.text);
    if (matches.length) throw duplicateError(matches);
  }
  const { watchIntervalHours } = evidenceSettings();
  const created = await prisma.$transaction(async (tx) => {
    const saved = await createArticleIn(tx, user, article);
    if (fetchedUrl) {
      await watchArticleIn(tx, user.id, saved.id, fetchedUrl, article.text, watchIntervalHours);
    }
    return saved;
  });
  return { article: created };
}

export interface ImportOptions extends PrepareOptions {
  allowDuplicate?: boolean;
}

/**
 * Imports in one go, without a preview (command line, batch): cleans with the default choices,
 * takes the metadata found, and falls back to the first line for a missing title.
 */
export async function importArticle(
  prisma: PrismaClient,
  user: SessionUser,
  source: ImportSource,
  settings: ImportSettings,
  options: ImportOptions = {},
): Promise<SavedImport & { removed: number; format: string }> {
  const prepared = await prepareImport(source, settings, options);
  const text = normalizeArticleText(prepared.clean.text);
  if (!text) throw new AppError('no_text', 'Cleaning left no article text.');
  const { metadata } = prepared;
  const input = saveImportSchema.parse({
    title: metadata.title ?? suggestTitle(text) ?? 'Untitled import',
    text,
    rawInput: prepared.rawInput,
    byline: metadata.byline ?? null,
    sourceName: metadata.sourceName ?? null,
    sourceUrl: metadata.sourceUrl ?? null,
    publishedAt: metadata.publishedAt ?? null,
    allowDuplicate: options.allowDuplicate ?? false,
    fetchedUrl: source.kind === 'url' ? prepared.source.url : null,
  });
  const saved = await saveImport(prisma, user, input);
  return { ...saved, removed: prepared.clean.removed.length, format: prepared.source.format };
}
