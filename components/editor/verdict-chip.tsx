/** A verdict as colour, mark and words: never colour alone. */
import { VERDICT_LABELS, type Verdict } from '@/lib/domain';
import { VERDICT_COLORS, VERDICT_MARKS } from '@/lib/verdict-style';
import styles from './workspace.module.css';

export function VerdictChip({ verdict }: { verdict: Verdict }) {
  return (
    <span className={styles.verdictChip} style={{ color: VERDICT_COLORS[verdict] }}>
      <span className={styles.verdictMark} aria-hidden="true">
        {VERDICT_MARKS[verdict]}
      </span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

/** The colour swatch with the verdict's mark on it (lists and legends). */
export function VerdictSwatch({ verdict }: { verdict: Verdict }) {
  return (
    <span
      className={styles.swatch}
      style={{ background: VERDICT_COLORS[verdict] }}
      aria-hidden="true"
    >
      {VERDICT_MARKS[verdict]}
    </span>
  );
}
