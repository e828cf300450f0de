/**
 * How raw reads through the pg pool turn PostgreSQL's text into values, the same way Prisma's
 * adapter does: one rule for every raw read (server/platform/db.ts `queryRows`, server/export).
 */
import pg from 'pg';

const TIMESTAMP_OID = 1114;

/**
 * A `timestamp` column's text as a Date: Prisma's DateTime columns are `timestamp(3)` in UTC,
 * as the adapter reads them. PostgreSQL writes `YYYY-MM-DD HH:MM:SS[.fraction]`; that form is
 * read digit by digit (the Date string parser cost about 20 ms per 10,000-claim export), any
 * other (BC, years before 1000 or after 9999, infinity) by the parser as before.
 */
export function parseTimestamp(value: string): Date {
  const year = digits(value, 0, 4);
  if (
    year >= 1000 &&
    value.length >= 19 &&
    value.length !== 20 &&
    value.charCodeAt(4) === 45 && // -
    value.charCodeAt(7) === 45 &&
    value.charCodeAt(10) === 32 && // space
    value.charCodeAt(13) === 58 && // :
    value.charCodeAt(16) === 58 &&
    (value.length === 19 || value.charCodeAt(19) === 46) // .
  ) {
    // Milliseconds: the fraction's first three digits (padded), the rest cut off as Date does;
    // read in place, since a sliced copy per timestamp cost a third of the parse.
    let fraction = 0;
    for (let i = 20, scale = 100; i < 23 && i < value.length; i++, scale /= 10) {
      const d = value.charCodeAt(i) - 48;
      if (d < 0 || d > 9) {
        fraction = NaN;
        break;
      }
      fraction += d * scale;
    }
    const time = Date.UTC(
      year,
      digits(value, 5, 7) - 1,
      digits(value, 8, 10),
      digits(value, 11, 13),
      digits(value, 14, 16),
      digits(value, 17, 19),
      fraction,
    );
    if (!Number.isNaN(time) && (value.length < 24 || !Number.isNaN(digits(value, 23)))) {
      return new Date(time);
    }
  }
  return new Date(`${value.replace(' ', 'T')}+00:00`);
}

/** The decimal number in `text` from `start` to `end`, NaN unless it is all ASCII digits. */
function digits(text: string, start: number, end = text.length): number {
  if (end > text.length || start >= end) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}
/**
 * pg's type parsers with `timestamp` read as Prisma's adapter reads it: for raw reads through the
 * pool (`queryRows`, the claim exports) that must answer what Prisma would.
 */
export const prismaTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID
      ? parseTimestamp
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
