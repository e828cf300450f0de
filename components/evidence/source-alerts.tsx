/**
 * "Source changed since cited": a claim's open alerts (issue #15), each with the kind of change,
 * the word diff of the quote, and the dates of the cited and the new copy. No hooks: used by the
 * claim page (server) and the review queue (browser).
 */
import Link from 'next/link';
import type { AlertDTO } from '@/lib/evidence/api-types';
import { formatFetchDate } from './format';
import { WordDiff } from './word-diff';
import styles from './evidence-proof.module.css';

export const CHANGE_LABELS = {
  CHANGED: 'Quote changed',
  VANISHED: 'Quote gone',
  MOVED: 'Quote moved',
} as const;

export function SourceAlerts({ alerts }: { alerts: readonly AlertDTO[] }) {
  if (!alerts.length) return null;
  return (
    <section className={styles.flag} role="note" aria-label="Source changed since cited">
      <h3>Source changed since cited</h3>
      <ul>
        {alerts.map((alert) => (
          <li key={alert.id}>
            <strong>{CHANGE_LABELS[alert.change]}</strong> in{' '}
            <a href={alert.url} target="_blank" rel="noopener noreferrer">
              {alert.url}
            </a>
            : <WordDiff parts={alert.diff} />{' '}
            <span className={styles.note}>
              (cited copy {formatFetchDate(alert.citedCapture.fetchedAt)}, new copy{' '}
              {formatFetchDate(alert.newCapture.fetchedAt)})
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.note}>
        <Link href="/evidence/changed">All changed sources</Link>
      </p>
    </section>
  );
}
