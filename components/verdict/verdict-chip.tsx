/**
 * A verdict as colour, mark and words: never colour alone. One look for the workspace, the
 * claim page, the review queue and the claim lists (the palette and marks: lib/verdict-style).
 */
import { VERDICT_LABELS, type Verdict } from '@/lib/domain';
import { VERDICT_COLORS, VERDICT_MARKS } from '@/lib/verdict-style';
import styles from './verdict-chip.module.css';

/**
 * The verdict's words in its colour after its mark. The mark is drawn by CSS from `data-mark`
 * with an empty spoken alternative, so the chip's text and accessible name are the words alone.
 */
export function VerdictChip({ verdict }: { verdict: Verdict }) {
  return (
    <span
      className={styles.verdictChip}
      data-mark={VERDICT_MARKS[verdict]}
      style={{ color: VERDICT_COLORS[verdict] }}
    >
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
