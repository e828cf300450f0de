'use client';

/** The small bar at the selection: add a claim on it, or link it to an existing claim. */
import type { ScreenBox } from './article-view';
import styles from './workspace.module.css';

export function SelectionBar({
  box,
  container,
  onAddClaim,
  onLink,
}: {
  box: ScreenBox;
  /** The positioned element the bar is placed in (its viewport box). */
  container: ScreenBox;
  onAddClaim(): void;
  onLink(): void;
}) {
  const top = Math.max(0, box.top - container.top - 44);
  const left = Math.max(
    0,
    Math.min(box.left - container.left, container.right - container.left - 260),
  );
  return (
    <div
      className={styles.selectionBar}
      role="toolbar"
      aria-label="Selection"
      style={{ top, left }}
      // Keep the text selection: a mouse press on the bar must not clear it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" onClick={onAddClaim} aria-keyshortcuts="a">
        Add claim <kbd aria-hidden="true">A</kbd>
      </button>
      <button type="button" className="secondary" onClick={onLink} aria-keyshortcuts="l">
        Link to claim <kbd aria-hidden="true">L</kbd>
      </button>
    </div>
  );
}
