/** Input rules of the import API (preview and save), shared by the routes and the page. */
import { z } from 'zod';
import { newArticleSchema } from '../articles';
import { normalizeArticleText } from './article-text';

/** Longest URL accepted. */
export const MAX_URL_LENGTH = 2000;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** POST /api/import/preview with a JSON body: pasted text/HTML, or an address to fetch. */
export const previewJsonSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('text'),
      text: z.string().refine((t) => t.trim().length > 0, 'Paste some text or HTML.'),
    }),
    z.object({
      kind: z.literal('url'),
      url: z
        .string()
        .trim()
        .min(1, 'Enter an address.')
        .max(MAX_URL_LENGTH)
        .refine(isHttpUrl, 'Enter a full http:// or https:// address.'),
    }),
  ],
  { error: 'Say what to import: kind "text" or "url".' },
);
export type PreviewJson = z.infer<typeof previewJsonSchema>;

/**
 * POST /api/import: the article as the preview left it (text possibly edited), its metadata,
 * the raw input to keep, and whether to save although the library has it already.
 */
export const saveImportSchema = newArticleSchema.extend({
  text: z
    .string()
    .max(5_000_000)
    .transform(normalizeArticleText)
    .refine((t) => t.length > 0, 'The article text cannot be empty.'),
  allowDuplicate: z.boolean().default(false),
  /**
   * The address the preview fetched, for an import by URL: the article is then watched there
   * and a changed source proposes a revision (issue #15).
   */
  fetchedUrl: z
    .string()
    .max(MAX_URL_LENGTH)
    .refine(isHttpUrl, 'Only http and https addresses are allowed.')
    .nullish(),
});
export type SaveImport = z.infer<typeof saveImportSchema>;
