/** Display helpers of the review pages (plain functions: server and client components share them). */

const UNITS: [number, string][] = [
  [365 * 24 * 3600, 'year'],
  [30 * 24 * 3600, 'month'],
  [7 * 24 * 3600, 'week'],
  [24 * 3600, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
];

/** How long ago `from` was at `now`, e.g. "3 days", "1 hour", "under a minute". */
export function formatAge(from: Date | string, now: Date | string): string {
  const seconds = Math.max(0, (new Date(now).getTime() - new Date(from).getTime()) / 1000);
  for (const [size, unit] of UNITS) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return 'under a minute';
}

/** A moment as "6 Oct 2015, 14:03 UTC" (UTC, so server and browser render the same text). */
export function formatWhen(date: Date | string): string {
  const value = new Date(date);
  const day = value.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = value.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${day}, ${time} UTC`;
}

/** A lib/review reason ("you cannot approve a claim you wrote") as a sentence. */
export function sentence(reason: string): string {
  const text = reason.trim();
  if (!text) return text;
  const first = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
