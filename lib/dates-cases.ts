/** Dates the API takes or refuses: days and times that exist, in years 1-9999. */

export interface TimestampCase {
  text: string;
  /** The instant as toISOString writes it, or null when refused. */
  iso: string | null;
  why?: string;
}

export const CALENDAR_DATE_CASES: readonly TimestampCase[] = [
  { text: '2024-02-29', iso: '2024-02-29T00:00:00.000Z', why: 'a leap day' },
  { text: '2000-02-29', iso: '2000-02-29T00:00:00.000Z', why: 'a leap day in a 400th year' },
  { text: '0001-01-01', iso: '0001-01-01T00:00:00.000Z', why: 'the first year' },
  { text: '0099-12-31', iso: '0099-12-31T00:00:00.000Z', why: 'not read as 1999' },
  { text: '9999-12-31', iso: '9999-12-31T00:00:00.000Z', why: 'the last year' },
  { text: '2024-02-30', iso: null, why: 'no 30 February (Date.parse rolls it to 1 March)' },
  { text: '2023-02-29', iso: null, why: 'no leap day in 2023' },
  { text: '1900-02-29', iso: null, why: 'no leap day in a 100th year' },
  { text: '2024-04-31', iso: null, why: 'April has 30 days' },
  { text: '2024-13-01', iso: null, why: 'no month 13' },
  { text: '2024-00-10', iso: null, why: 'no month 0' },
  { text: '2024-01-00', iso: null, why: 'no day 0' },
  { text: '0000-01-01', iso: null, why: 'no year 0 in PostgreSQL' },
  { text: '10000-01-01', iso: null, why: 'five-digit year' },
  { text: '+010000-01-01', iso: null, why: 'signed six-digit year' },
  { text: '-000001-01-01', iso: null, why: 'a year BC' },
  { text: '2024-1-5', iso: null, why: 'not zero-padded' },
  { text: '2024/01/05', iso: null, why: 'not ISO' },
  { text: 'March 5, 2024', iso: null, why: 'not ISO' },
  { text: '', iso: null },
];

/** parseTimestamp takes the calendar dates above and these date-times. */
export const DATE_TIME_CASES: readonly TimestampCase[] = [
  { text: '2024-05-01T09:30:00Z', iso: '2024-05-01T09:30:00.000Z' },
  { text: '2024-05-01T09:30:00.123Z', iso: '2024-05-01T09:30:00.123Z' },
  { text: '2024-05-01T09:30:00.123456Z', iso: '2024-05-01T09:30:00.123Z', why: 'to ms' },
  { text: '2024-05-01T09:30Z', iso: '2024-05-01T09:30:00.000Z', why: 'no seconds' },
  { text: '2024-05-01T09:30:00+02:00', iso: '2024-05-01T07:30:00.000Z' },
  { text: '2024-05-01T09:30:00+0200', iso: '2024-05-01T07:30:00.000Z' },
  { text: '2024-05-01T09:30:00-05', iso: '2024-05-01T14:30:00.000Z' },
  { text: '2024-12-31T23:30:00-01:00', iso: '2025-01-01T00:30:00.000Z', why: 'next year in UTC' },
  { text: '9999-12-31T23:59:59.999Z', iso: '9999-12-31T23:59:59.999Z' },
  { text: '0001-01-01T00:00:00.000Z', iso: '0001-01-01T00:00:00.000Z' },
  { text: '0001-01-01T00:30:00+01:00', iso: null, why: 'year 0 in UTC' },
  { text: '9999-12-31T23:30:00-01:00', iso: null, why: 'year 10000 in UTC' },
  { text: '0000-01-01T00:00:00.000Z', iso: null, why: 'year 0' },
  { text: '+010000-01-01T00:00:00.000Z', iso: null, why: 'what toISOString writes for 10000' },
  { text: '-000001-01-01T00:00:00.000Z', iso: null, why: 'a year BC' },
  { text: '2024-02-30T00:00:00Z', iso: null, why: 'no 30 February' },
  { text: '2024-01-01T24:00:00Z', iso: null, why: 'no hour 24 (Date.parse takes it)' },
  { text: '2024-01-01T23:60:00Z', iso: null, why: 'no minute 60' },
  { text: '2024-01-01T23:59:60Z', iso: null, why: 'no leap second in Date' },
  { text: '2024-01-01T10:00:00+24:00', iso: null, why: 'no such offset' },
  { text: '2024-01-01T10:00:00', iso: null, why: 'no zone: would depend on the server' },
  { text: '2024-01-01 10:00:00Z', iso: null, why: 'not ISO (a space)' },
  { text: 'Mon, 01 Jan 2024 10:00:00 GMT', iso: null, why: 'not ISO' },
];

/** PostgreSQL's text of a timestamp, as in a library page cursor. */
export const SQL_TIMESTAMP_CASES: readonly { text: string; ok: boolean; why?: string }[] = [
  { text: '2024-05-01 09:30:00', ok: true },
  { text: '2024-05-01 09:30:00.123', ok: true },
  { text: '2024-05-01 09:30:00.123456', ok: true },
  { text: '0001-01-01 00:00:00', ok: true },
  { text: '2024-13-45 00:00:00', ok: false, why: 'no month 13, no day 45' },
  { text: '2023-02-29 00:00:00', ok: false, why: 'no leap day in 2023' },
  { text: '2024-01-01 24:00:00', ok: false, why: 'no hour 24' },
  { text: '0000-01-01 00:00:00', ok: false, why: 'no year 0' },
  { text: '2024-05-01 09:30:00.1234567', ok: false, why: 'beyond microseconds' },
  { text: '2024-05-01T09:30:00', ok: false, why: 'not how PostgreSQL prints it' },
  { text: '2024-05-01 09:30:00+00', ok: false, why: 'a timestamp has no zone' },
];
