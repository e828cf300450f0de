'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError, sendJson } from './api';

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
    <div className="submit-all">
      {confirming ? (
        <div role="group" aria-label="Confirm submitting" className="form-row">
          <span>
            Send {count} claim{count === 1 ? '' : 's'} to reviewers? You cannot edit them while they
            wait.
          </span>
          <button type="button" onClick={onConfirm}>
            Submit {count} claim{count === 1 ? '' : 's'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => setConfirming(true)}
          aria-label={`Submit all my claims in ${articleTitle}`}
        >
          Submit all ({count})
        </button>
      )}
      {error && (
        <p role="alert" className="alert error">
          {error}
        </p>
      )}
      {outcome && (
        <div role="status" className={`alert ${outcome.refused.length ? 'error' : 'success'}`}>
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
