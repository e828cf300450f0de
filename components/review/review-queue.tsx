'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { VERDICT_LABELS } from '@/lib/domain';
import type { BatchRefusal } from '@/server/review';
import { MAX_COMMENT_LENGTH } from '@/lib/review/limits';
import { describeError, sendJson } from './api';
import { ActionNote, actionTitle } from './action-note';
import { sentence } from './format';
import type { QueueItem } from './queue-item';
import { AnchorHealth, confirmChangedText } from './anchor-health';
import { SpanInContext } from './span-context';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';
import { LazyEvidenceProof } from '@/components/evidence/lazy-evidence-proof';
import { SourceAlerts } from '@/components/evidence/source-alerts';
import { useOpenAlerts } from '@/components/evidence/use-open-alerts';
import { VerdictChip } from '@/components/verdict/verdict-chip';

type Notice = { kind: 'error' | 'success'; text: string; details?: string[] } | null;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') {
    return true;
  }
  return (
    target.tagName === 'INPUT' &&
    !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type)
  );
}

/**
 * The review queue's list: one card per submitted claim with approve and request-changes,
 * selection for bulk approval (confirmed in a dialog), and keyboard navigation.
 */
export function ReviewQueueList({ items }: { items: QueueItem[] }) {
  const router = useRouter();
  const alertsByClaim = useOpenAlerts();
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [requesting, setRequesting] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const cards = useRef(new Map<string, HTMLElement>());
  const dialog = useRef<HTMLDialogElement>(null);

  const index = Math.max(0, Math.min(current, items.length - 1));
  const chosen = items.filter((item) => selected.has(item.id));

  function focusCard(i: number) {
    const item = items[i];
    if (!item) return;
    setCurrent(i);
    const element = cards.current.get(item.id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'nearest' });
  }

  function toggle(item: QueueItem) {
    if (!item.can.approve.allowed) return;
    const next = new Set(selected);
    if (next.has(item.id)) next.delete(item.id);
    else next.add(item.id);
    setSelected(next);
  }

  async function approveOne(item: QueueItem) {
    if (!item.can.approve.allowed) {
      setNotice({ kind: 'error', text: sentence(item.can.approve.reason) });
      return;
    }
    // A fuzzy or changed passage: the reviewer confirms, knowing which words changed.
    const confirmChanged = item.changedSpans.length > 0;
    if (confirmChanged && !window.confirm(confirmChangedText(item.changedSpans))) return;
    setBusy(true);
    const result = await sendJson(`/api/claims/${item.id}/approve`, 'POST', {
      version: item.version,
      ...(confirmChanged ? { confirmChangedText: true } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'error', text: describeError(result.error) });
      router.refresh();
      return;
    }
    setNotice({ kind: 'success', text: `Approved “${item.text}”.` });
    router.refresh();
  }

  async function requestChanges(event: FormEvent<HTMLFormElement>, item: QueueItem) {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '');
    setBusy(true);
    const result = await sendJson(`/api/claims/${item.id}/request-changes`, 'POST', {
      version: item.version,
      comment,
    });
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'error', text: describeError(result.error) });
      return;
    }
    setRequesting(null);
    setNotice({ kind: 'success', text: `Sent “${item.text}” back to ${item.author.name}.` });
    router.refresh();
  }

  function openConfirm() {
    if (chosen.length === 0) return;
    setConfirming(true);
    dialog.current?.showModal();
  }

  function closeConfirm() {
    setConfirming(false);
    dialog.current?.close();
  }

  async function approveSelected() {
    setBusy(true);
    const result = await sendJson<{ approved: unknown[]; refused: BatchRefusal[] }>(
      '/api/review-queue/approve',
      'POST',
      { claims: chosen.map(({ id, version }) => ({ id, version })) },
    );
    setBusy(false);
    closeConfirm();
    if (!result.ok) {
      setNotice({ kind: 'error', text: describeError(result.error) });
      return;
    }
    const { approved, refused } = result.data;
    const texts = new Map(items.map((i) => [i.id, i.text]));
    setNotice({
      kind: refused.length ? 'error' : 'success',
      text: `Approved ${approved.length} of ${approved.length + refused.length} claims.`,
      details: refused.map((r) => `“${texts.get(r.claimId) ?? r.claimId}”: ${r.message}`),
    });
    setSelected(new Set());
    router.refresh();
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || confirming) return;
      if (event.key === 'Escape') {
        if (requesting) setRequesting(null);
        return;
      }
      if (typingIn(event.target)) return;
      const item = items[index];
      switch (event.key) {
        case 'j':
          focusCard(Math.min(index + 1, items.length - 1));
          break;
        case 'k':
          focusCard(Math.max(index - 1, 0));
          break;
        case 'a':
          if (item && !busy) void approveOne(item);
          break;
        case 'r':
          if (item) setRequesting(item.id);
          break;
        case 'x':
          if (item) toggle(item);
          break;
        case 'o':
          if (item) router.push(`/claims/${item.id}`);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="queue">
      {notice && (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`${ui.alert} ${ui[notice.kind]}`}
        >
          {notice.text}
          {notice.details && notice.details.length > 0 && (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className={reviewStyles.queueToolbar}>
        <button type="button" disabled={chosen.length === 0 || busy} onClick={openConfirm}>
          Approve selected ({chosen.length})
        </button>
        {chosen.length > 0 && (
          <button type="button" className={ui.secondary} onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className={`${ui.panel} ${ui.muted}`}>Nothing waits for review here.</p>
      ) : (
        <ol className={reviewStyles.queueList} aria-label="Claims waiting for review">
          {items.map((item, i) => (
            <li key={item.id}>
              <article
                ref={(element) => {
                  if (element) cards.current.set(item.id, element);
                  else cards.current.delete(item.id);
                }}
                tabIndex={-1}
                aria-labelledby={`claim-${item.id}`}
                aria-current={i === index ? 'true' : undefined}
                className={`${reviewStyles.reviewCard} ${i === index ? reviewStyles.current : ''}`}
                onFocus={() => setCurrent(i)}
              >
                <header className={reviewStyles.reviewCardHead}>
                  <input
                    type="checkbox"
                    aria-label={`Select “${item.text}”`}
                    checked={selected.has(item.id)}
                    disabled={!item.can.approve.allowed}
                    title={actionTitle(item.can.approve)}
                    onChange={() => toggle(item)}
                  />
                  <h2 id={`claim-${item.id}`}>
                    <Link href={`/claims/${item.id}`}>{item.text}</Link>
                  </h2>
                  <VerdictChip verdict={item.verdict} />
                </header>
                {item.appearances.map((a) => (
                  <div key={a.annotationId} className="appearance">
                    <Link href={`/articles/${a.articleId}`} className={reviewStyles.articleLink}>
                      {a.articleTitle}
                    </Link>
                    <SpanInContext context={a.context} />
                    <AnchorHealth passage={a} />
                  </div>
                ))}
                <p className={reviewStyles.rationale}>{item.rationale}</p>
                <SourceAlerts alerts={alertsByClaim.get(item.id) ?? []} />
                {item.evidence.length > 0 && (
                  <ul className={reviewStyles.evidence} aria-label="Evidence">
                    {item.evidence.map((e) => (
                      <li key={e.id}>
                        <a href={e.url} rel="noreferrer noopener" target="_blank">
                          {e.title ?? e.url}
                        </a>
                        {e.quote && <q> {e.quote}</q>}
                        {e.captureId && <LazyEvidenceProof evidenceId={e.id} />}
                      </li>
                    ))}
                  </ul>
                )}
                <p className={`${ui.muted} ${reviewStyles.reviewCardMeta}`}>
                  By {item.author.name}
                  {item.claimant && <> · claimed by {item.claimant}</>} · waiting {item.age}
                </p>
                <div className={ui.formRow}>
                  <button
                    type="button"
                    disabled={busy || !item.can.approve.allowed}
                    title={actionTitle(item.can.approve)}
                    aria-describedby={
                      item.can.approve.allowed ? undefined : `approve-note-${item.id}`
                    }
                    onClick={() => approveOne(item)}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className={ui.secondary}
                    disabled={busy}
                    aria-expanded={requesting === item.id}
                    onClick={() => setRequesting(requesting === item.id ? null : item.id)}
                  >
                    Request changes
                  </button>
                  <ActionNote id={`approve-note-${item.id}`} state={item.can.approve} />
                </div>
                {requesting === item.id && (
                  <form
                    className={reviewStyles.reviewForm}
                    onSubmit={(event) => requestChanges(event, item)}
                  >
                    <label>
                      What should change?
                      <textarea
                        name="comment"
                        rows={3}
                        required
                        maxLength={MAX_COMMENT_LENGTH}
                        autoFocus
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' && !event.shiftKey) {
                            event.preventDefault();
                            event.currentTarget.form?.requestSubmit();
                          }
                        }}
                      />
                    </label>
                    <div className={ui.formRow}>
                      <button type="submit" disabled={busy}>
                        Send back
                      </button>
                      <button
                        type="button"
                        className={ui.secondary}
                        onClick={() => setRequesting(null)}
                      >
                        Cancel
                      </button>
                    </div>
                  </form>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      <dialog
        ref={dialog}
        className={reviewStyles.confirm}
        aria-labelledby="confirm-title"
        onClose={() => setConfirming(false)}
      >
        <h2 id="confirm-title">
          Approve {chosen.length} claim{chosen.length === 1 ? '' : 's'}?
        </h2>
        <p>Each approval is recorded with your name and holds for the claim as it is now:</p>
        <ul>
          {chosen.map((item) => (
            <li key={item.id}>
              {item.text} <span className={ui.muted}>({VERDICT_LABELS[item.verdict]})</span>
            </li>
          ))}
        </ul>
        <div className={ui.formRow}>
          <button type="button" disabled={busy} onClick={approveSelected}>
            Approve {chosen.length} claim{chosen.length === 1 ? '' : 's'}
          </button>
          <button type="button" className={ui.secondary} onClick={closeConfirm}>
            Cancel
          </button>
        </div>
      </dialog>
    </div>
  );
}
