'use client';

/** The card shown over a highlight under the pointer or reached with Tab: its claims at a glance. */
import { memo, useCallback, useSyncExternalStore, type Ref } from 'react';
import type { ClaimSummaryDTO } from '@/lib/api/types';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import type { ScreenBox } from './article-view';
import { VerdictChip } from '@/components/verdict/verdict-chip';
import styles from './workspace.module.css';

export const HIGHLIGHT_CARD_ID = 'highlight-card';

/**
 * What the card shows: the claims under a highlight, where the highlight is (null: not known yet,
 * the card is drawn hidden and placed with `CardStore.place`), and how it was reached.
 */
export type Card = { claimIds: string[]; box: ScreenBox | null; by: 'pointer' | 'keyboard' };

/**
 * The card's state, kept outside the workspace's so showing, moving or hiding it re-renders the
 * card alone (hovering and Tab change it often).
 *
 * A claim just added shows its card in the frame that shows the claim: the card is drawn with
 * the add (its place unknown until the page is laid out), then placed at the frame's start by
 * writing its position straight to the element (`place`), so no React commit runs there. Any
 * React commit while the article text has focus walks the whole text to save its selection
 * (about a millisecond with a 20,000-word article), and the text takes focus in that frame.
 */
export interface CardStore {
  get(): Card | null;
  set(card: Card | null): void;
  /** Places the shown card at `box` without re-rendering it. */
  place(box: ScreenBox): void;
  subscribe(listener: () => void): () => void;
  /** The drawn card's element (a ref callback). */
  attach(element: HTMLElement | null): void;
}

export function createCardStore(): CardStore {
  let card: Card | null = null;
  let element: HTMLElement | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => card,
    set(next) {
      if (next === card) return;
      card = next;
      listeners.forEach((listener) => listener());
    },
    place(box) {
      if (!card) return;
      // The next render draws the same place from the state: React and the element agree.
      card = { ...card, box };
      if (!element) return;
      const { top, bottom, left } = cardPlace(box);
      element.style.top = top === undefined ? '' : `${top}px`;
      element.style.bottom = bottom === undefined ? '' : `${bottom}px`;
      element.style.left = `${left}px`;
      element.style.visibility = '';
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach(next) {
      element = next;
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
  const attach = useCallback((element: HTMLElement | null) => store.attach(element), [store]);
  if (!card || hidden) return null;
  const claims = card.claimIds
    .map((id) => claimsById.get(id))
    .filter((c): c is ClaimSummaryDTO => Boolean(c));
  return (
    <HighlightCard
      ref={attach}
      claims={claims}
      box={card.box}
      byKeyboard={card.by === 'keyboard'}
    />
  );
});

export function HighlightCard({
  claims,
  box,
  byKeyboard,
  ref,
}: {
  claims: ClaimSummaryDTO[];
  /** Where the highlight is; null: drawn hidden, to be placed (CardStore.place). */
  box: ScreenBox | null;
  byKeyboard: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  if (claims.length === 0) return null;
  const style = box ? cardPlace(box) : { top: 0, left: 0, visibility: 'hidden' as const };
  return (
    <div id={HIGHLIGHT_CARD_ID} role="tooltip" className={styles.card} style={style} ref={ref}>
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
