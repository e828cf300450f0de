import { formatDateTime } from '@/lib/format';

/** "1 Dec 2026, 09:15 UTC": a stored copy's fetch time, the same for every reader. */
export function formatFetchDate(iso: string | null): string {
  if (!iso) return 'unknown date';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown date';
  return formatDateTime(date);
}
