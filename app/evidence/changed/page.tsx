import type { Metadata } from 'next';
import Link from 'next/link';
import { DismissAlert } from '@/components/evidence/dismiss-alert';
import { CHANGE_LABELS } from '@/components/evidence/source-alerts';
import { formatFetchDate } from '@/components/evidence/format';
import { WordDiff } from '@/components/evidence/word-diff';
import styles from '@/components/evidence/changed-sources.module.css';
import { listOpenProposals } from '@/server/evidence/article-watch';
import { listOpenAlerts } from '@/server/evidence/service';
import { db } from '@/server/platform/db';
import { requirePageUser } from '@/server/platform/session';
import { canDismissSourceAlert, type Permission } from '@/lib/review/permissions';

const refusalOf = (permission: Permission) => (permission.allowed ? null : permission.reason);
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Changed sources' };

/**
 * Changed sources: every open "source changed since cited" alert, newest first, then every
 * article whose page changed at its source since its latest revision (an open proposal).
 */
export default async function ChangedSourcesPage() {
  const user = await requirePageUser('/evidence/changed');
  const [alerts, proposals] = await Promise.all([listOpenAlerts(db()), listOpenProposals(db())]);
  return (
    <div className="claims-page">
      {/* Focus comes here when the last alert is dismissed. */}
      <h1 id="changed-sources-heading" tabIndex={-1}>
        Changed sources
      </h1>
      <p className={ui.muted}>
        Cited pages are re-checked on a schedule. A quote that changed, moved or vanished since it
        was cited is listed here until it is dismissed.
      </p>
      {alerts.length === 0 ? (
        <p>No cited source has changed.</p>
      ) : (
        <table className={styles.table} aria-label="Quotes changed since cited">
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
                    <a
                      href={`/api/evidence/captures/${alert.citedCapture.id}/copy`}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      cited copy {formatFetchDate(alert.citedCapture.fetchedAt)}
                    </a>{' '}
                    ·{' '}
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
                  <DismissAlert
                    alertId={alert.id}
                    claimText={alert.claim.text}
                    fallbackFocusId="changed-sources-heading"
                    refusal={refusalOf(canDismissSourceAlert(user, alert.claim))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Articles changed at their source</h2>
      <p className={ui.muted}>
        Articles imported from a web address are re-checked too. When the page’s text changed, the
        article offers the new text as a revision to accept or dismiss.
      </p>
      {proposals.length === 0 ? (
        <p>No watched article has changed.</p>
      ) : (
        <table className={styles.table} aria-label="Articles changed at their source">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Source</th>
              <th scope="col">Changed text fetched</th>
            </tr>
          </thead>
          <tbody>
            {proposals.map((proposal) => (
              <tr key={proposal.id}>
                <td data-label="Article">
                  <Link href={`/articles/${proposal.articleId}`}>{proposal.articleTitle}</Link>
                </td>
                <td data-label="Source">
                  <a href={proposal.url} rel="noreferrer noopener" target="_blank">
                    {proposal.url}
                  </a>
                </td>
                <td data-label="Fetched">{formatFetchDate(proposal.fetchedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
