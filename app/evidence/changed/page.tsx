import type { Metadata } from 'next';
import Link from 'next/link';
import { DismissAlert } from '@/components/evidence/dismiss-alert';
import { CHANGE_LABELS } from '@/components/evidence/source-alerts';
import { formatFetchDate } from '@/components/evidence/format';
import { WordDiff } from '@/components/evidence/word-diff';
import styles from '@/components/evidence/changed-sources.module.css';
import { listOpenAlerts } from '@/server/evidence/service';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Changed sources' };

/** Changed sources: every open "source changed since cited" alert, newest first. */
export default async function ChangedSourcesPage() {
  await requirePageUser('/evidence/changed');
  const alerts = await listOpenAlerts(db());
  return (
    <div className="claims-page">
      <h1>Changed sources</h1>
      <p className={ui.muted}>
        Cited pages are re-checked on a schedule. A quote that changed, moved or vanished since it
        was cited is listed here until it is dismissed.
      </p>
      {alerts.length === 0 ? (
        <p>No cited source has changed.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Source</th>
              <th scope="col">Change</th>
              <th scope="col">Quote, cited → now</th>
              <th scope="col">
                <span className={ui.visuallyHidden}>Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <tr key={alert.id}>
                <td data-label="Claim">
                  <Link href={`/claims/${alert.claim.id}`}>{alert.claim.text}</Link>
                </td>
                <td data-label="Source">
                  <a href={alert.url} rel="noreferrer noopener" target="_blank">
                    {alert.url}
                  </a>
                  <br />
                  <small>
                    cited copy {formatFetchDate(alert.citedCapture.fetchedAt)} ·{' '}
                    <a
                      href={`/api/evidence/captures/${alert.newCapture.id}/copy`}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      new copy {formatFetchDate(alert.newCapture.fetchedAt)}
                    </a>
                  </small>
                </td>
                <td data-label="Change">{CHANGE_LABELS[alert.change]}</td>
                <td data-label="Quote">
                  <WordDiff parts={alert.diff} />
                </td>
                <td>
                  <DismissAlert alertId={alert.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
