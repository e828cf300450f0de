'use client';

/** The card shown over a highlight under the pointer or reached with Tab: its claims at a glance. */
import type { ClaimSummaryDTO } from '@/lib/api/types';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import type { ScreenBox } from './article-view';
import { VerdictChip } from './verdict-chip';
import styles from './workspace.module.css';

export const HIGHLIGHT_CARD_ID = 'highlight-card';

export function HighlightCard({
  claims,
  box,
  byKeyboard,
}: {
  claims: ClaimSummaryDTO[];
  box: ScreenBox;
  byKeyboard: boolean;
}) {
  if (claims.length === 0) return null;
  // Below the highlight, or above it when too close to the bottom of the window.
  const below = box.bottom + 8 + 160 < window.innerHeight;
  const style = below
    ? { top: box.bottom + 6, left: Math.max(8, Math.min(box.left, window.innerWidth - 340)) }
    : {
        bottom: window.innerHeight - box.top + 6,
        left: Math.max(8, Math.min(box.left, window.innerWidth - 340)),
      };
  return (
    <div id={HIGHLIGHT_CARD_ID} role="tooltip" className={styles.card} style={style}>
      {claims.map((claim) => (
        <div key={claim.id} className={styles.cardClaim}>
          <p className={styles.cardText}>{claim.text}</p>
          <p className={styles.cardMeta}>
            <VerdictChip verdict={claim.verdict} /> · {REVIEW_STATE_LABELS[claim.reviewState]} ·{' '}
            {claim.author.name}
          </p>
        </div>
      ))}
      {byKeyboard && (
        <p className={styles.cardHint}>
          <kbd>Enter</kbd> opens · <kbd>Tab</kbd> next highlight
        </p>
      )}
    </div>
  );
}
