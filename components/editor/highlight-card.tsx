'use client';

/** The card shown over a highlight under the pointer or reached with Tab: its claims at a glance. */
import { memo, useSyncExternalStore } from 'react';
import type { ClaimSummaryDTO } from '@/lib/api/types';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import type { ScreenBox } from './article-view';
import { VerdictChip } from '@/components/verdict/verdict-chip';
import styles from './workspace.module.css';

export const HIGHLIGHT_CARD_ID = 'highlight-card';

/** What the card shows: the claims under a highlight, where the highlight is, how it was reached. */
export type Card = { claimIds: string[]; box: ScreenBox; by: 'pointer' | 'keyboard' };

/**
 * The card's state, kept outside the workspace's so showing, moving or hiding it re-renders the
 * card alone (hovering and Tab change it often).
 */
export interface CardStore {
  get(): Card | null;
  set(card: Card | null): void;
  subscribe(listener: () => void): () => void;
}

export function createCardStore(): CardStore {
  let card: Card | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => card,
    set(next) {
      if (next === card) return;
      card = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Below the highlight, or above it when too close to the bottom of the window. */
function cardPlace(box: ScreenBox): { top?: number; bottom?: number; left: number } {
  const left = Math.max(8, Math.min(box.left, window.innerWidth - 340));
  return box.bottom + 8 + 160 < window.innerHeight
    ? { top: box.bottom + 6, left }
    : { bottom: window.innerHeight - box.top + 6, left };
}

const noCard = () => null;

/** The card of `store`'s highlight, if any and not `hidden` (while the claim picker is open). */
export const HighlightCardLayer = memo(function HighlightCardLayer({
  store,
  claimsById,
  hidden,
}: {
  store: CardStore;
  claimsById: ReadonlyMap<string, ClaimSummaryDTO>;
  hidden: boolean;
}) {
  const card = useSyncExternalStore(store.subscribe, store.get, noCard);
  if (!card || hidden) return null;
  const claims = card.claimIds
    .map((id) => claimsById.get(id))
    .filter((c): c is ClaimSummaryDTO => Boolean(c));
  return <HighlightCard claims={claims} box={card.box} byKeyboard={card.by === 'keyboard'} />;
});

export function HighlightCard({
  claims,
  box,
  byKeyboard,
}: {
  claims: ClaimSummaryDTO[];
  /** Where the highlight is. */
  box: ScreenBox;
  byKeyboard: boolean;
}) {
  if (claims.length === 0) return null;
  return (
    <div id={HIGHLIGHT_CARD_ID} role="tooltip" className={styles.card} style={cardPlace(box)}>
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
