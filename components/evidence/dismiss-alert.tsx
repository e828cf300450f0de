'use client';

/**
 * Dismisses a "source changed" alert once dealt with, then refreshes the page's data. With a
 * `refusal` (the user may not dismiss this one: an approved claim's alert is a reviewer's call)
 * it says why instead of offering the button.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { evidenceApi } from '@/lib/api/evidence-client';
import ui from '@/components/ui/ui.module.css';

export function DismissAlert({ alertId, refusal }: { alertId: string; refusal: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function dismiss() {
    setBusy(true);
    const result = await evidenceApi.dismissAlert(alertId);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else router.refresh();
  }

  if (refusal) {
    return <small className={ui.muted}>{refusal[0]!.toUpperCase() + refusal.slice(1)}.</small>;
  }
  return (
    <>
      <button
        type="button"
        className={`${ui.secondary} ${ui.small}`}
        disabled={busy}
        onClick={dismiss}
      >
        Dismiss
      </button>
      {error && (
        <span className={`${ui.alert} ${ui.error}`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
