'use client';

/** The small dialog a click on overlapping highlights opens: one button per claim there. */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClaimSummaryDTO } from '@/lib/api/types';
import { VerdictSwatch } from '@/components/verdict/verdict-chip';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

/**
 * Gap between the click and the dialog: more than half a line of the article text (1.1rem type
 * at 1.9 line height, 33 px), so the dialog starts under the clicked line rather than over its words.
 */
const BELOW_CLICK_PX = 20;
/** Least room kept between the dialog and the window's edges. */
const EDGE_PX = 8;

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
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(() => ({ left: at.x, top: at.y + BELOW_CLICK_PX }));
  // Kept inside the window (a click near a phone's right edge cut the dialog off) and below the
  // clicked line, or above it when there is no room below, so the passage stays readable.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const { offsetWidth: width, offsetHeight: height } = element;
    const maxLeft = window.innerWidth - width - EDGE_PX;
    const below = at.y + BELOW_CLICK_PX;
    const top =
      below + height <= window.innerHeight - EDGE_PX
        ? below
        : Math.max(EDGE_PX, at.y - BELOW_CLICK_PX - height);
    setPlace({ left: Math.max(EDGE_PX, Math.min(at.x, maxLeft)), top });
  }, [at.x, at.y]);
  return (
    <div ref={box} className={styles.picker} role="dialog" aria-label="Claims here" style={place}>
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
