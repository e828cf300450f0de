/**
 * The zod schemas of the strict date checks in ./dates (apart, so that code using only the
 * checks does not load zod: the command-line cleaner).
 */
import { z } from 'zod';
import { CALENDAR_DATE, parseCalendarDate, parseTimestamp } from './dates';

/** zod: a trimmed calendar date (yyyy-mm-dd) that exists; stays a string. */
export const calendarDateSchema = z
  .string()
  .trim()
  .refine((v) => parseCalendarDate(v) !== null, 'Use a real calendar date (yyyy-mm-dd).');

const TIMESTAMP_MESSAGE = 'Use a real date (yyyy-mm-dd) or an ISO 8601 date-time with a zone.';

/**
 * zod: a trimmed calendar date, kept as it is, or an ISO 8601 date-time with a zone, rewritten
 * in UTC as `toISOString` writes it (so `new Date` reads it the same everywhere: it does not
 * take every offset form ISO allows); a day or time that does not exist is refused.
 */
export const timestampSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const date = parseTimestamp(v);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: TIMESTAMP_MESSAGE });
      return z.NEVER;
    }
    return CALENDAR_DATE.test(v) ? v : date.toISOString();
  });
