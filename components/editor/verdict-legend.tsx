/** The verdict colours under the toolbar, each with its label. */
import { VERDICTS, VERDICT_LABELS } from '@/lib/domain';
import { VERDICT_COLORS } from '@/lib/verdict-style';

export function VerdictLegend() {
  return (
    <ul className="legend" aria-label="Verdict colours">
      {VERDICTS.map((v) => (
        <li key={v}>
          <span className="swatch" style={{ background: VERDICT_COLORS[v] }} /> {VERDICT_LABELS[v]}
        </li>
      ))}
    </ul>
  );
}
