'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { ReviewState } from '@/lib/domain';
import type { ChangedSpan } from '@/lib/review/results';
import type { ActionState, CardAction } from '@/server/queries/review-queue';
import { MAX_COMMENT_LENGTH } from '@/lib/review/limits';
import { describeError, sendJson, type ApiError } from './api';
import { ActionNote, actionTitle } from './action-note';
import { confirmChangedText } from './anchor-health';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

type Notice = { kind: 'error' | 'success'; text: string } | null;

export type ReviewActionsProps = {
  claimId: string;
  version: number;
  reviewState: ReviewState;
  /** Passages fuzzy or changed since submission: approving asks for confirmation first. */
  changedSpans?: readonly ChangedSpan[];
  can: Record<CardAction, ActionState>;
  isReviewer: boolean;
  /**
   * A submit refused for what the claim lacks: the fields the API named, with their reasons.
   * True when they are shown beside the fields (the notice then gives the message alone).
   */
  onSubmitRefused?: (issues: NonNullable<ApiError['issues']>) => boolean;
};

/**
 * The review buttons of the claim page: submit (author or admin), approve and request changes
 * (reviewers, on a submitted claim), reopen (reviewers, on an approved one). A button the
 * viewer may not use for a reason they should know (four-eyes, not their claim) is shown
 * disabled with that reason; one their role never has is left out.
 */
export function ReviewActions({
  claimId,
  version,
  reviewState,
  can,
  isReviewer,
  changedSpans = [],
  onSubmitRefused,
}: ReviewActionsProps) {
  const router = useRouter();
  const ids = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<'requestChanges' | 'reopen' | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function act(path: string, body: Record<string, unknown>, done: string) {
    setBusy(true);
    const result = await sendJson(`/api/claims/${claimId}/${path}`, 'POST', { version, ...body });
    setBusy(false);
    if (!result.ok) {
      const { issues } = result.error;
      const besideFields = path === 'submit' && !!issues?.length && !!onSubmitRefused?.(issues);
      setNotice({
        kind: 'error',
        text: besideFields ? result.error.message : describeError(result.error),
      });
      return;
    }
    setNotice({ kind: 'success', text: done });
    setForm(null);
    router.refresh();
  }

  function onText(event: FormEvent<HTMLFormElement>, kind: 'requestChanges' | 'reopen') {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '');
    if (kind === 'requestChanges') {
      void act('request-changes', { comment: text }, 'Sent back to the author.');
    } else {
      void act('reopen', { reason: text }, 'Reopened: the claim is back with its author.');
    }
  }

  const open = reviewState === 'DRAFT' || reviewState === 'CHANGES_REQUESTED';
  const showSubmit = open && (can.submit.allowed || can.submit.rule !== 'ownership');
  const showDecide = reviewState === 'SUBMITTED' && isReviewer;
  const showReopen = reviewState === 'APPROVED' && isReviewer;

  return (
    <div className="review-actions">
      {notice && (
        <p
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`${ui.alert} ${ui[notice.kind]}`}
        >
          {notice.text}
        </p>
      )}
      <div className={ui.formRow}>
        {showSubmit && (
          <button
            type="button"
            disabled={busy || !can.submit.allowed}
            title={actionTitle(can.submit)}
            onClick={() => act('submit', {}, 'Submitted for review.')}
          >
            Submit for review
          </button>
        )}
        {showDecide && (
          <>
            <button
              type="button"
              disabled={busy || !can.approve.allowed}
              title={actionTitle(can.approve)}
              aria-describedby={can.approve.allowed ? undefined : `${ids}-approve`}
              onClick={() =>
                changedSpans.length > 0 ? setConfirming(true) : act('approve', {}, 'Approved.')
              }
            >
              Approve
            </button>
            <button
              type="button"
              className={ui.secondary}
              disabled={busy || !can.requestChanges.allowed}
              title={actionTitle(can.requestChanges)}
              aria-expanded={form === 'requestChanges'}
              onClick={() => setForm(form === 'requestChanges' ? null : 'requestChanges')}
            >
              Request changes
            </button>
            <ActionNote id={`${ids}-approve`} state={can.approve} />
          </>
        )}
        {showReopen && (
          <button
            type="button"
            className={ui.secondary}
            disabled={busy || !can.reopen.allowed}
            title={actionTitle(can.reopen)}
            aria-expanded={form === 'reopen'}
            onClick={() => setForm(form === 'reopen' ? null : 'reopen')}
          >
            Reopen
          </button>
        )}
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-confirm`}
          className={reviewStyles.reviewForm}
        >
          <p id={`${ids}-confirm`}>{confirmChangedText(changedSpans)}</p>
          <div className={ui.formRow}>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                void act('approve', { confirmChangedText: true }, 'Approved.');
              }}
            >
              Approve anyway
            </button>
            <button type="button" className={ui.secondary} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {form && (
        <form className={reviewStyles.reviewForm} onSubmit={(event) => onText(event, form)}>
          <label>
            {form === 'requestChanges' ? 'What should change?' : 'Why reopen it?'}
            <textarea name="text" required rows={3} maxLength={MAX_COMMENT_LENGTH} autoFocus />
          </label>
          <div className={ui.formRow}>
            <button type="submit" disabled={busy}>
              {form === 'requestChanges' ? 'Send back' : 'Reopen claim'}
            </button>
            <button type="button" className={ui.secondary} onClick={() => setForm(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
