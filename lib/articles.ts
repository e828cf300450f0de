/** Input rules for articles created through the API. */
import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

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
    (v) => v === null || /^https?:\/\//i.test(v),
    'Use an http(s) address.',
  ),
  byline: optionalText(300),
  publishedAt: optionalText(40).refine(
    (v) => v === null || !Number.isNaN(Date.parse(v)),
    'Enter a valid date.',
  ),
});
export type NewArticle = z.input<typeof newArticleSchema>;
