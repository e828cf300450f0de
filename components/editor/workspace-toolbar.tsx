'use client';

/**
 * The toolbar above the text (it stays in view): Revise (edit the text in place), Edit text
 * (paste a whole new version), the legend, the key sheet.
 */
import { VerdictLegend } from './verdict-legend';
import styles from './workspace.module.css';

export function WorkspaceToolbar({
  revisionNumber,
  onRevise,
  onEditText,
  onShortcuts,
}: {
  revisionNumber: number;
  /** Null while the pasted-text form is open. */
  onRevise: (() => void) | null;
  onEditText(): void;
  onShortcuts(): void;
}) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Annotate">
      <div className={styles.toolbarRow}>
        <button
          type="button"
          className="secondary"
          onClick={onRevise ?? undefined}
          disabled={!onRevise}
          aria-keyshortcuts="r"
          title="Edit the article text in place; highlights move with it"
        >
          Revise
        </button>
        <button
          type="button"
          className="secondary"
          onClick={onEditText}
          aria-keyshortcuts="e"
          title="Paste a whole new version of the text"
        >
          Edit text
        </button>
        <button type="button" className="secondary" onClick={onShortcuts} aria-keyshortcuts="?">
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
        <span className="muted small">
          Revision {revisionNumber} · Select text to add a claim (<kbd>A</kbd>)
        </span>
      </div>
      <VerdictLegend />
    </div>
  );
}
