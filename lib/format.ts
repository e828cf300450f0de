/** Display formatting shared by pages and exports. */

/** A calendar date as "6 Oct 2015" (UTC, since article dates carry no time of day). */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '';
  const value = typeof date === 'string' ? new Date(date) : date;
  return value.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
