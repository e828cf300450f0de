/**
 * The library's query: filters, sort and keyset cursor, parsed with zod at the route and the
 * page alike. A cursor is the sort key and id of the last row shown, so a page costs the same
 * however deep it is, and rows added meanwhile neither repeat nor vanish.
 */
import { z } from 'zod';
import { calendarDateSchema } from './date-schemas';
import { isSqlTimestamp } from './dates';
import { REVIEW_STATES } from './domain';

export const LIBRARY_SORTS = ['imported', 'published', 'title', 'open'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  imported: 'Newest imported',
  published: 'Newest published',
  title: 'Title A–Z',
  open: 'Most open claims',
};

export const LIBRARY_PAGE_SIZE = 50;
export const LIBRARY_MAX_PAGE_SIZE = 200;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** What a cursor carries: the sort it was made for, the last row's sort key (as text) and id. */
const cursorSchema = z
  .object({
    s: z.enum(LIBRARY_SORTS),
    k: z.string().max(2000),
    id: z.string().min(1).max(64),
  })
  .refine(({ s, k }) => {
    if (s === 'open') return /^\d{1,9}$/.test(k);
    if (s === 'title') return true;
    // The key is cast to a timestamp in SQL: a forged one that is no real time must stop here.
    return k === '-infinity' || isSqlTimestamp(k);
  });
export type LibraryCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: LibraryCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor in `value`, or null when it is not one of ours. */
export function decodeCursor(value: string): LibraryCursor | null {
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const libraryQuerySchema = z
  .object({
    q: optionalText(200),
    source: optionalText(300),
    author: optionalText(300),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    /** Articles with at least one claim in any of these states. */
    states: z
      .union([z.enum(REVIEW_STATES), z.array(z.enum(REVIEW_STATES))])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    sort: z.enum(LIBRARY_SORTS).default('imported'),
    after: z
      .string()
      .max(4000)
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined;
        const cursor = decodeCursor(v);
        if (!cursor) {
          ctx.addIssue({ code: 'custom', message: 'This page link is not valid any more.' });
          return z.NEVER;
        }
        return cursor;
      }),
    limit: z.coerce.number().int().min(1).max(LIBRARY_MAX_PAGE_SIZE).default(LIBRARY_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The start date must not be after the end date.',
    path: ['to'],
  });
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

/** Search params (repeated keys as arrays) as the schema takes them. */
export function fromSearchParams(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = key === 'states' ? all : all[0]!;
  }
  return out;
}

/** The library filters that pick a known value: the source name and the author (byline). */
export const LIBRARY_VALUE_FIELDS = ['source', 'author'] as const;
export type LibraryValueField = (typeof LIBRARY_VALUE_FIELDS)[number];

/** GET /api/library/values?field=&q=: the values of a field containing or resembling `q`. */
export const libraryValuesQuerySchema = z.object({
  field: z.enum(LIBRARY_VALUE_FIELDS),
  q: z.string().trim().min(1, 'Type part of a name.').max(200, 'Type at most 200 characters.'),
});
export type LibraryValuesQuery = z.infer<typeof libraryValuesQuerySchema>;

/** Its answer: at most 20 values, with how many articles have each, best match first. */
export interface LibraryValues {
  values: { value: string; count: number }[];
}
