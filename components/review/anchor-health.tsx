import type { ChangedSpan } from '@/lib/review/results';
import styles from './anchor-health.module.css';

/** What a reviewer must know about one passage: orphaned, fuzzy, or changed since submission. */
export interface PassageHealth {
  anchorState: string;
  exact: string;
  submittedExact: string | null;
}

/**
 * A flag beside a passage whose placement a reviewer should check, or nothing when it is placed
 * exactly as submitted. Changed passages show the text before and after.
 */
export function AnchorHealth({ passage }: { passage: PassageHealth }) {
  const changed = passage.submittedExact !== null && passage.submittedExact !== passage.exact;
  if (passage.anchorState === 'ORPHANED') {
    return (
      <p className={`${styles.flag} ${styles.orphaned}`} role="note">
        <strong>Orphaned:</strong> this passage is no longer in the article’s current text. The
        claim cannot be submitted or approved until it is re-attached.
      </p>
    );
  }
  if (!changed && passage.anchorState !== 'FUZZY') return null;
  return (
    <p className={`${styles.flag} ${styles.changed}`} role="note">
      <strong>{changed ? 'Changed since submission:' : 'Fuzzy match:'}</strong>{' '}
      {changed ? (
        <>
          was <del>{passage.submittedExact}</del>, now <ins>{passage.exact}</ins>
        </>
      ) : (
        'placed by approximate matching after a text edit; check the wording.'
      )}
    </p>
  );
}

/** The confirmation question before approving changed passages, naming the changed words. */
export function confirmChangedText(changes: readonly ChangedSpan[]): string {
  return (
    `The passage changed since it was submitted (${changes.map((c) => c.words).join('; ')}). ` +
    'Approve the verdict for the text as it reads now?'
  );
}
