'use client';

/**
 * Revise mode's bar above the text (in place of the toolbar): what the mode does, what saving
 * would do to the highlights, Save and Cancel. Ctrl+S / ⌘S saves; Escape does nothing here
 * (Cancel asks before throwing edits away).
 */
import type { RevisionPreview } from './article-view';
import styles from './workspace.module.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ReviseBar({
  revisionNumber,
  preview,
  saving,
  error,
  onSave,
  onCancel,
}: {
  revisionNumber: number;
  preview: RevisionPreview;
  saving: boolean;
  error: string | null;
  onSave(): void;
  onCancel(): void;
}) {
  const effects = [
    preview.reworded > 0 &&
      `${plural(preview.reworded, 'highlight’s words change', 'highlights’ words change')}: its claim goes back to review`,
    preview.lost > 0 &&
      `${plural(preview.lost, 'highlight loses its words', 'highlights lose their words')}: searched for again, or listed as not found`,
  ].filter(Boolean);
  return (
    <div className={`${styles.toolbar} ${styles.reviseBar}`} role="toolbar" aria-label="Revise">
      <div className={styles.toolbarRow}>
        <strong>Revising revision {revisionNumber}</strong>
        <button
          type="button"
          onClick={onSave}
          disabled={!preview.changed || saving}
          aria-keyshortcuts="Control+S"
        >
          {saving ? 'Saving…' : `Save as revision ${revisionNumber + 1}`}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {!preview.changed
          ? 'Type in the text to change it; the highlights move with it. Undo with Ctrl+Z.'
          : effects.length > 0
            ? `On saving, ${effects.join('; ')}.`
            : 'On saving, every highlight keeps its words.'}
      </p>
      {error && <p className="alert error">{error}</p>}
    </div>
  );
}
