'use client';

/** The small bar at the selection: add a claim on it, or link it to an existing claim. */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ScreenBox } from './article-view';
import styles from './workspace.module.css';
import ui from '@/components/ui/ui.module.css';

export function SelectionBar({
  box,
  container,
  onAddClaim,
  onLink,
}: {
  box: ScreenBox;
  /** The positioned element the bar is placed in (its viewport box). */
  container: ScreenBox;
  /** `exact` when Alt was held: keep the selection's exact characters, not whole words. */
  onAddClaim(exact: boolean): void;
  onLink(exact: boolean): void;
}) {
  // Kept inside the text column: a bar past the edge would widen a phone's page.
  const bar = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(260);
  useLayoutEffect(() => {
    if (bar.current) setWidth(bar.current.offsetWidth);
  }, []);
  const top = Math.max(0, box.top - container.top - 44);
  const left = Math.max(
    0,
    Math.min(box.left - container.left, container.right - container.left - width),
  );
  return (
    <div
      ref={bar}
      className={styles.selectionBar}
      role="toolbar"
      aria-label="Selection"
      style={{ top, left }}
      // Keep the text selection: a mouse press on the bar must not clear it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button
        type="button"
        onClick={(event) => onAddClaim(event.altKey)}
        aria-keyshortcuts="a Alt+a"
        title="Add a claim on the selected words (Alt keeps the exact characters)"
      >
        Add claim <kbd aria-hidden="true">A</kbd>
      </button>
      <button
        type="button"
        className={ui.secondary}
        onClick={(event) => onLink(event.altKey)}
        aria-keyshortcuts="l"
      >
        Link to claim <kbd aria-hidden="true">L</kbd>
      </button>
    </div>
  );
}
