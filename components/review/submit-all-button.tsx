'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError, sendJson } from './api';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

type Outcome = {
  submitted: { id: string; text: string }[];
  refused: { claimId: string; text: string; message: string }[];
};

/** "Submit all my drafts of this article": one request, then what went and what did not. */
export function SubmitAllButton({
  articleId,
  articleTitle,
  count,
}: {
  articleId: string;
  articleTitle: string;
  count: number;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function onConfirm() {
    setConfirming(false);
    setBusy(true);
    const result = await sendJson<Outcome>(`/api/articles/${articleId}/submit-all`, 'POST');
    setBusy(false);
    if (!result.ok) {
      setError(describeError(result.error));
      return;
    }
    setError(null);
    setOutcome(result.data);
    router.refresh();
  }

  return (
    <div className={reviewStyles.submitAll}>
      {confirming ? (
        <div role="group" aria-label="Confirm submitting" className={ui.formRow}>
          <span>
            Send {count} claim{count === 1 ? '' : 's'} to reviewers? You cannot edit them while they
            wait.
          </span>
          <button type="button" onClick={onConfirm}>
            Submit {count} claim{count === 1 ? '' : 's'}
          </button>
          <button type="button" className={ui.secondary} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={ui.secondary}
          disabled={busy}
          onClick={() => setConfirming(true)}
          aria-label={`Submit all my claims in ${articleTitle}`}
        >
          Submit all ({count})
        </button>
      )}
      {error && (
        <p role="alert" className={`${ui.alert} ${ui.error}`}>
          {error}
        </p>
      )}
      {outcome && (
        <div
          role="status"
          className={`${ui.alert} ${outcome.refused.length ? ui.error : ui.success}`}
        >
          Submitted {outcome.submitted.length} of{' '}
          {outcome.submitted.length + outcome.refused.length}.
          {outcome.refused.length > 0 && (
            <ul>
              {outcome.refused.map((r) => (
                <li key={r.claimId}>
                  “{r.text}”: {r.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
