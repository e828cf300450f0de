/**
 * Strict reading of the dates the API takes: calendar dates (yyyy-mm-dd), ISO 8601 date-times
 * with a zone, and PostgreSQL's own timestamp text (the library's page cursors). `Date.parse`
 * is not enough: it rolls 30 February over to 1 March, takes hour 24, and takes years 0 and
 * 10000+, which PostgreSQL refuses as `toISOString` writes them ("date/time field value out of
 * range") after the request was accepted: a 500, or a 200 export cut short.
 * Every schema that takes a date goes through here (./date-schemas wraps these checks for zod),
 * so what passes is a date the database stores. No zod here: the command-line cleaner's date
 * reading (lib/import/parse-date) uses these checks and would load zod for nothing.
 */
/**
 * The years accepted: those `toISOString` writes with four digits and PostgreSQL takes in ISO
 * form (it refuses year 0 and a signed six-digit year; it would take 10000+, but nobody means it).
 */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** Days in `month` (1-12) of `year` in the proleptic Gregorian calendar, as PostgreSQL counts. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month and day name a day that exists, in years MIN_YEAR..MAX_YEAR. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds and fractions optional; a zone is required (a local time would depend on the server).
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
// How PostgreSQL prints a `timestamp` (no zone), fractions up to microseconds.
const SQL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/** `yyyy-mm-dd` as midnight UTC, or null when it is not that form or not a real day. */
export function parseCalendarDate(text: string): Date | null {
  const m = CALENDAR_DATE.exec(text);
  return m ? toDate(m, 'Z') : null;
}

/**
 * A calendar date (midnight UTC) or an ISO 8601 date-time with `Z` or an offset, as a Date; null
 * when it is neither, names a day or time that does not exist (24:00, 30 February), or falls,
 * in its own zone or in UTC, outside years MIN_YEAR..MAX_YEAR.
 */
export function parseTimestamp(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text);
  return m ? toDate(m, m[8]!) : parseCalendarDate(text);
}

/** True for PostgreSQL's text of a real `timestamp` (`2024-05-01 09:30:00.123`). */
export function isSqlTimestamp(text: string): boolean {
  const m = SQL_TIMESTAMP.exec(text);
  return m !== null && toDate(m, 'Z') !== null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The last millisecond of year MAX_YEAR. */
const LAST_INSTANT = Date.UTC(MAX_YEAR, 11, 31, 23, 59, 59, 999);

/**
 * The end (exclusive) of the UTC day that `date` starts: midnight after it, or for 9999-12-31
 * the year's last millisecond (year 10000 is written `+010000-…`, which PostgreSQL does not
 * read; the bound then leaves out only that millisecond).
 */
export function endOfDay(date: Date): Date {
  return new Date(Math.min(date.getTime() + DAY_MS, LAST_INSTANT));
}

/** The Date of matched fields [, y, mo, d, h?, mi?, s?, fraction?] in `zone`, or null. */
function toDate(m: RegExpExecArray, zone: string): Date | null {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offset = offsetMinutes(zone);
  if (offset === null) return null;
  // Milliseconds, the precision of Date and of the columns (timestamp(3)); finer digits drop.
  const ms = Number((m[7] ?? '.').slice(1, 4).padEnd(3, '0'));
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offset, second, ms);
  const utcYear = date.getUTCFullYear();
  return utcYear >= MIN_YEAR && utcYear <= MAX_YEAR ? date : null;
}

/** Minutes east of UTC for `Z`, `±hh`, `±hhmm` or `±hh:mm`; null beyond ±23:59. */
function offsetMinutes(zone: string): number | null {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
