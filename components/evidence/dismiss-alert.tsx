'use client';

/** Dismisses a "source changed" alert once dealt with, then refreshes the page's data. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { evidenceApi } from '@/lib/api/evidence-client';
import ui from '@/components/ui/ui.module.css';

export function DismissAlert({ alertId }: { alertId: string }) {
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
