import Link from 'next/link';
import type { RevisionComparison, RevisionOutcome } from '@/server/queries/revisions';
import { OUTCOME_LABELS } from './anchor-outcomes';
import styles from './revisions.module.css';

/**
 * Two revisions compared: the newer text with the words the revisions between them inserted
 * and deleted marked, and beside it the highlights they moved, changed or orphaned.
 */
export function RevisionDiff({ comparison }: { comparison: RevisionComparison }) {
  const { runs, outcomes, from, to } = comparison;
  const inserted = runs.filter((run) => run.kind === 'insert').length;
  const deleted = runs.filter((run) => run.kind === 'delete').length;
  return (
    <div className={styles.layout}>
      <section aria-label={`Changes from revision ${from.number} to ${to.number}`}>
        <p className={styles.legend}>
          <span>
            <ins className={styles.diff}>Inserted</ins>: {inserted}
          </span>
          <span>
            <del className={styles.diff}>Deleted</del>: {deleted}
          </span>
        </p>
        {runs.length === 0 ? (
          <p className={styles.muted}>The two revisions have the same text.</p>
        ) : (
          <div className={styles.diff} aria-label="Word-level differences">
            {runs.map((run, index) =>
              run.kind === 'insert' ? (
                <ins key={index} aria-label={`Inserted: ${run.text}`}>
                  {run.text}
                </ins>
              ) : run.kind === 'delete' ? (
                <del key={index} aria-label={`Deleted: ${run.text}`}>
                  {run.text}
                </del>
              ) : (
                <span key={index}>{run.text}</span>
              ),
            )}
          </div>
        )}
      </section>
      <aside aria-label="Highlights affected">
        <h2>Highlights affected</h2>
        {outcomes.length === 0 ? (
          <p className={styles.muted}>No highlight moved, changed or was orphaned.</p>
        ) : (
          <ul className={styles.outcomes}>
            {outcomes.map((outcome) => (
              <OutcomeItem key={`${outcome.annotationId}-${outcome.revisionNumber}`} {...outcome} />
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}

function OutcomeItem({
  claimId,
  claimText,
  revisionNumber,
  state,
  score,
  before,
  after,
}: RevisionOutcome) {
  const label = OUTCOME_LABELS[state];
  return (
    <li className={styles.outcome} data-state={state}>
      <strong>{label[0]!.toUpperCase() + label.slice(1)}</strong> in revision {revisionNumber}
      {score !== null && state === 'FUZZY' && <> (score {score.toFixed(2)})</>}
      {': '}
      <Link href={`/claims/${claimId}`}>{claimText ?? 'a claim'}</Link>
      <br />
      {state === 'FUZZY' ? (
        <>
          <span className={styles.quote}>“{before.exact}”</span> →{' '}
          <span className={styles.quote}>“{after.exact}”</span>
        </>
      ) : (
        <span className={styles.quote}>“{before.exact}”</span>
      )}
      <br />
      <span className={styles.muted}>
        {state === 'ORPHANED'
          ? `was at ${before.start}–${before.end}; not found in the new text`
          : `${before.start}–${before.end} → ${after.start}–${after.end}`}
      </span>
    </li>
  );
}
