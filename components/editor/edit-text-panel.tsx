'use client';

/** "Edit text": the article's text in a textarea; saving makes a new revision. */
import { useState } from 'react';
import { PanelError } from './panel-error';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function EditTextPanel({
  text,
  onSave,
  onCancel,
  error,
}: {
  text: string;
  onSave(text: string): void;
  onCancel(): void;
  error: string | null;
}) {
  const [value, setValue] = useState(text);
  return (
    <form
      className={styles.editText}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value);
      }}
    >
      <label>
        Text of the new revision
        <textarea value={value} onChange={(e) => setValue(e.target.value)} rows={24} />
      </label>
      <p className={`${ui.muted} ${ui.small}`}>
        Saving creates a new revision. Every highlight is re-anchored; none is dropped or moved
        silently.
      </p>
      <PanelError message={error} />
      <div className={ui.formRow}>
        <button type="submit">Save new revision</button>
        <button type="button" className={ui.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
