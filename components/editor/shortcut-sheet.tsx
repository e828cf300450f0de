'use client';

/** The `?` sheet: every key of the workspace, in a modal dialog (Esc closes it). */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';
import styles from './workspace.module.css';
import ui from '@/components/ui/ui.module.css';

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className={styles.sheet}
      aria-labelledby="shortcut-sheet-heading"
      onClose={onClose}
    >
      <h2 id="shortcut-sheet-heading">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.action}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className={ui.secondary}>
          Close
        </button>
      </form>
    </dialog>
  );
}
