/** Input rules for articles created through the API. */
import { z } from 'zod';
import { calendarDateSchema, timestampSchema } from './date-schemas';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** True for an http(s) address: the only kind an article's source address may be. */
export function isHttpAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const newArticleSchema = z.object({
  title: z.string().trim().min(1, 'Give the article a title.').max(500),
  text: z
    .string()
    .max(5_000_000)
    .refine((t) => t.trim().length > 0, 'The text cannot be empty.'),
  /** The input as it arrived, before any cleaning; defaults to `text`. */
  rawInput: z.string().max(5_000_000).nullish(),
  sourceName: optionalText(300),
  sourceUrl: optionalText(2000).refine(
    (v) => v === null || isHttpAddress(v),
    'Use an http(s) address.',
  ),
  byline: optionalText(300),
  /** A calendar date or an ISO 8601 date-time with a zone (then rewritten in UTC). */
  publishedAt: optionalText(40).pipe(timestampSchema.nullable()),
});
export type NewArticle = z.input<typeof newArticleSchema>;

/**
 * A correction of an article's details (not its text): any subset of the fields; an empty
 * string clears an optional one. The source address must be http(s); the published date is a
 * calendar date (yyyy-mm-dd) that exists.
 */
export const articleDetailsSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the article a title.').max(500),
    byline: optionalText(300),
    sourceName: optionalText(300),
    sourceUrl: optionalText(2000).refine(
      (v) => v === null || isHttpAddress(v),
      'Use a full http(s) address, like https://example.org/story.',
    ),
    publishedAt: optionalText(10).pipe(calendarDateSchema.nullable()),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Change at least one detail.');
export type ArticleDetailsInput = z.input<typeof articleDetailsSchema>;
export type ArticleDetails = z.infer<typeof articleDetailsSchema>;

export interface ArticleDetailValues {
  title: string;
  byline: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  /** yyyy-mm-dd, or null. */
  publishedAt: string | null;
}

/**
 * The fields of `update` that differ from `current`, as `{ before, after }` halves for the audit
 * row; null when nothing changes.
 */
export function diffDetails(
  current: ArticleDetailValues,
  update: ArticleDetails,
): { before: Partial<ArticleDetailValues>; after: Partial<ArticleDetailValues> } | null {
  const before: Partial<ArticleDetailValues> = {};
  const after: Partial<ArticleDetailValues> = {};
  for (const key of Object.keys(update) as (keyof ArticleDetails)[]) {
    const next = update[key];
    if (next === undefined || next === current[key]) continue;
    Object.assign(before, { [key]: current[key] });
    Object.assign(after, { [key]: next });
  }
  return Object.keys(after).length ? { before, after } : null;
}
