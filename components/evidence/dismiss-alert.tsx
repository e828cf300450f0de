'use client';

/**
 * Dismisses a "source changed" alert once dealt with, then refreshes the page's data. With a
 * `refusal` (the user may not dismiss this one: an approved claim's alert is a reviewer's call)
 * it says why instead of offering the button. The button names the claim (a list of alerts is
 * not a list of identical "Dismiss" buttons); once its alert is gone, focus moves to the next
 * alert's button, the previous one's, or the element `fallbackFocusId` names.
 */
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { evidenceApi } from '@/lib/api/evidence-client';
import ui from '@/components/ui/ui.module.css';

export function DismissAlert({
  alertId,
  claimText,
  refusal,
  fallbackFocusId,
}: {
  alertId: string;
  claimText: string;
  refusal: string | null;
  fallbackFocusId: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  async function dismiss() {
    // Read now: the button gives up focus while it is disabled.
    const hadFocus = document.activeElement === button.current;
    setBusy(true);
    const result = await evidenceApi.dismissAlert(alertId);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    // Before the refresh takes this button away with its row; the others stay as they are.
    const active = document.activeElement;
    if (hadFocus && (active === button.current || !active || active === document.body)) {
      nextFocus()?.focus();
    }
    router.refresh();
  }

  function nextFocus(): HTMLElement | null {
    const all = [...document.querySelectorAll<HTMLElement>('[data-dismiss-alert]')];
    const at = all.indexOf(button.current!);
    return all[at + 1] ?? all[at - 1] ?? document.getElementById(fallbackFocusId);
  }

  if (refusal) {
    return <small className={ui.muted}>{refusal[0]!.toUpperCase() + refusal.slice(1)}.</small>;
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`${ui.secondary} ${ui.small}`}
        disabled={busy}
        onClick={dismiss}
        data-dismiss-alert=""
      >
        Dismiss<span className={ui.visuallyHidden}> the change to “{claimText}”</span>
      </button>
      {error && (
        <span className={`${ui.alert} ${ui.error}`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
