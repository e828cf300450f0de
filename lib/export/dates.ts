/**
 * The date formats the exports share: ISO 8601 in UTC, so files do not depend on the server's
 * time zone or locale.
 */

/** `2026-11-24T09:30:00.000Z`: ISO 8601 / xsd:dateTime in UTC. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

/** `2026-11-24`: the UTC calendar date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, ISO_DATE_LENGTH);
}

const ISO_DATE_LENGTH = 'YYYY-MM-DD'.length;
