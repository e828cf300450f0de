'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { MAX_COMMENT_LENGTH } from '@/lib/review/limits';
import { describeError, sendJson } from './api';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

/** Posts to a claim's discussion, then shows the thread again with the new post. */
export function CommentForm({ claimId }: { claimId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = String(new FormData(formElement).get('body') ?? '');
    setBusy(true);
    const result = await sendJson(`/api/claims/${claimId}/comments`, 'POST', { body });
    setBusy(false);
    if (!result.ok) {
      setError(describeError(result.error));
      return;
    }
    setError(null);
    formElement.reset();
    router.refresh();
  }

  return (
    <form className={reviewStyles.reviewForm} onSubmit={onSubmit}>
      {error && (
        <p role="alert" className={`${ui.alert} ${ui.error}`}>
          {error}
        </p>
      )}
      <label>
        Add to the discussion
        <textarea name="body" rows={3} required maxLength={MAX_COMMENT_LENGTH} />
      </label>
      <div className={ui.formRow}>
        <button type="submit" disabled={busy}>
          Post comment
        </button>
      </div>
    </form>
  );
}
