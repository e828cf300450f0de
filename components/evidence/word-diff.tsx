import type { DiffPart } from '@/lib/evidence/quote';
import styles from './word-diff.module.css';

/** A word diff: removed words struck through, added words underlined, the rest as is. */
export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span className={styles.diff}>
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index}>{part.value}</ins>
        ) : part.removed ? (
          <del key={index}>{part.value}</del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </span>
  );
}
