/** The verdict colours with their marks and labels. */
import { VERDICTS, VERDICT_LABELS } from '@/lib/domain';
import { VerdictSwatch } from '@/components/verdict/verdict-chip';
import styles from './workspace.module.css';

export function VerdictLegend() {
  return (
    <ul className={styles.legend} aria-label="Verdict colours">
      {VERDICTS.map((v) => (
        <li key={v}>
          <VerdictSwatch verdict={v} /> {VERDICT_LABELS[v]}
        </li>
      ))}
    </ul>
  );
}
