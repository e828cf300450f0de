'use client';

/** Orphaned highlights after a text edit: confirm a suggested place or attach to the selection. */
import type { ClaimSummaryDTO, OrphanDTO } from '@/lib/api/types';
import type { Span } from '@/lib/workspace/state';
import { APPROVED_SPAN_NOTICE } from './approved-notice';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function OrphansPanel({
  orphans,
  claimsById,
  hasSelection,
  onAttach,
  onAttachToSelection,
}: {
  orphans: OrphanDTO[];
  claimsById: ReadonlyMap<string, ClaimSummaryDTO>;
  hasSelection: boolean;
  onAttach(annotationId: string, span: Span): void;
  onAttachToSelection(annotationId: string): void;
}) {
  if (orphans.length === 0) return null;
  return (
    <section aria-labelledby="orphans">
      <h2 id="orphans">Orphaned highlights ({orphans.length})</h2>
      <p className={`${ui.muted} ${ui.small}`}>
        Their text was not found with enough confidence after an edit. Confirm a place or select
        text and attach.
      </p>
      <ul className={styles.orphans}>
        {orphans.map((orphan) => (
          <li key={orphan.id}>
            <p>
              <strong>{claimsById.get(orphan.claimId)?.text}</strong>
            </p>
            <blockquote className={styles.quote}>{orphan.exact}</blockquote>
            {claimsById.get(orphan.claimId)?.reviewState === 'APPROVED' && (
              <p className={`${ui.alert} ${ui.small}`} role="note">
                {APPROVED_SPAN_NOTICE.reattach}
              </p>
            )}
            {orphan.candidates.length === 0 && (
              <p className={`${ui.muted} ${ui.small}`}>No similar passage found.</p>
            )}
            {orphan.candidates.map((c) => (
              <button
                key={`${c.start}-${c.end}`}
                type="button"
                className={`${ui.secondary} ${ui.small}`}
                onClick={() => onAttach(orphan.id, c)}
              >
                Attach to “{c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}” (
                {Math.round(c.score * 100)}%)
              </button>
            ))}
            <button
              type="button"
              className={`${ui.secondary} ${ui.small}`}
              disabled={!hasSelection}
              onClick={() => onAttachToSelection(orphan.id)}
            >
              Attach to selection
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
