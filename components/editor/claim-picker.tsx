'use client';

/** The small dialog a click on overlapping highlights opens: one button per claim there. */
import type { ClaimSummaryDTO } from '@/lib/api/types';
import { VerdictSwatch } from '@/components/verdict/verdict-chip';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function ClaimPicker({
  claimIds,
  at,
  claimsById,
  onPick,
  onClose,
}: {
  claimIds: string[];
  at: { x: number; y: number };
  claimsById: ReadonlyMap<string, ClaimSummaryDTO>;
  onPick(claimId: string): void;
  onClose(): void;
}) {
  return (
    <div
      className={styles.picker}
      role="dialog"
      aria-label="Claims here"
      style={{ left: at.x, top: at.y }}
    >
      <p className={`${ui.muted} ${ui.small}`}>{claimIds.length} claims cover this passage:</p>
      <ul>
        {claimIds.map((id) => {
          const claim = claimsById.get(id);
          return (
            <li key={id}>
              <button type="button" className={ui.link} onClick={() => onPick(id)}>
                {claim && <VerdictSwatch verdict={claim.verdict} />} {claim?.text ?? id}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className={`${ui.secondary} ${ui.small}`} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
