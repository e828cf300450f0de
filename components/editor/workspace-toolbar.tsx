'use client';

/** The toolbar above the text (it stays in view): edit text, the legend, the key sheet. */
import { VerdictLegend } from './verdict-legend';
import styles from './workspace.module.css';
import ui from '@/components/ui/ui.module.css';

export function WorkspaceToolbar({
  revisionNumber,
  onEditText,
  onShortcuts,
}: {
  revisionNumber: number;
  onEditText(): void;
  onShortcuts(): void;
}) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Annotate">
      <div className={styles.toolbarRow}>
        <button type="button" className={ui.secondary} onClick={onEditText} aria-keyshortcuts="e">
          Edit text
        </button>
        <button type="button" className={ui.secondary} onClick={onShortcuts} aria-keyshortcuts="?">
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
        <span className={`${ui.muted} ${ui.small}`}>
          Revision {revisionNumber} · Select text to add a claim (<kbd>A</kbd>)
        </span>
      </div>
      <VerdictLegend />
    </div>
  );
}
