/**
 * The zod schemas of the strict date checks in ./dates (apart, so that code using only the
 * checks does not load zod: the command-line cleaner).
 */
import { z } from 'zod';
import { CALENDAR_DATE, endOfDay, parseCalendarDate, parseTimestamp } from './dates';

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

/**
 * zod: one end of a date-range filter, as a Date: a calendar date (UTC) or an ISO 8601 date-time
 * with a zone that exists in years 1-9999 (checked before a streamed export starts: a date the
 * database refused would cut its 200 short); `end` moves a calendar date to the end of its day.
 */
export const dateBoundSchema = (end: boolean) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const date = parseTimestamp(value);
      if (!date) {
        ctx.addIssue({
          code: 'custom',
          message: 'Expected a real date (YYYY-MM-DD) or an ISO 8601 date-time with a zone.',
        });
        return z.NEVER;
      }
      return end && parseCalendarDate(value) ? endOfDay(date) : date;
    });
