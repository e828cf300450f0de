'use client';

/**
 * The review side of a claim in the panel: its state, Submit for its author, the discussion
 * (read and post) and the history, and a link to the claim's own page.
 */
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { api } from '@/lib/api/client';
import { describeError } from '@/lib/api/errors';
import type { ClaimDTO, DiscussionDTO, HistoryEntryDTO, WorkspaceUser } from '@/lib/api/types';
import { REVIEW_STATE_LABELS } from '@/lib/domain';
import { canSubmitClaim } from '@/lib/review/permissions';
import { PanelError } from './panel-error';
import type { SubmitRefusal } from './use-workspace';
import styles from './workspace.module.css';
import ui from '@/components/ui/ui.module.css';

const SUBMITTABLE = new Set(['DRAFT', 'CHANGES_REQUESTED']);
const DECISION_LABELS: Record<string, string> = {
  APPROVE: 'Approved',
  REQUEST_CHANGES: 'Changes requested',
  REOPEN: 'Reopened',
};

function when(iso: string) {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function ClaimReview({
  claim,
  user,
  onSubmit,
  onAnnounce,
}: {
  claim: ClaimDTO;
  user: WorkspaceUser;
  /** Resolves to null when submitted, or to the refusal. */
  onSubmit(): Promise<SubmitRefusal | null>;
  onAnnounce(message: string, tone?: 'success' | 'error'): void;
}) {
  // A refused submit is told beside Submit, for the version it refused (a save makes a new one).
  const [refused, setRefused] = useState<{ version: number; refusal: SubmitRefusal } | null>(null);
  const refusal = refused?.version === claim.version ? refused.refusal : null;
  async function submit() {
    const version = claim.version;
    const result = await onSubmit();
    setRefused(result && { version, refusal: result });
  }
  const canSubmit =
    SUBMITTABLE.has(claim.reviewState) &&
    canSubmitClaim(user, { ...claim, lastEditedById: claim.lastEditedBy?.id ?? null, anchors: [] })
      .allowed;
  // When the state changes under the user's eyes (Submit, whose button then goes away), focus
  // moves to this heading, which reads the new state next.
  const heading = useRef<HTMLHeadingElement>(null);
  const seenState = useRef(claim.reviewState);
  useEffect(() => {
    if (seenState.current === claim.reviewState) return;
    seenState.current = claim.reviewState;
    heading.current?.focus();
  }, [claim.reviewState]);

  return (
    <section className={styles.review} aria-labelledby="claim-review-heading">
      <h3 id="claim-review-heading" tabIndex={-1} ref={heading}>
        Review
      </h3>
      <p className={styles.reviewState}>
        <span className={`${ui.chip} ${ui[claim.reviewState]}`}>
          {REVIEW_STATE_LABELS[claim.reviewState]}
        </span>{' '}
        <Link href={`/claims/${claim.id}`} aria-keyshortcuts="o">
          Open claim page
        </Link>
      </p>
      {canSubmit && (
        <button
          type="button"
          data-action="submit"
          aria-keyshortcuts="s"
          onClick={() => void submit()}
        >
          Submit for review
        </button>
      )}
      {/* Brought into view unless the fields it names took focus (the first is in view). */}
      {canSubmit && <PanelError message={refusal?.message} reveal={!refusal?.marked} />}
      <Discussion key={`${claim.id}-${claim.version}`} claimId={claim.id} onAnnounce={onAnnounce} />
      <History key={`h-${claim.id}-${claim.version}`} claimId={claim.id} />
    </section>
  );
}

type ThreadItem =
  | { kind: 'comment'; id: string; at: string; who: string; body: string }
  | { kind: 'decision'; id: string; at: string; who: string; body: string | null; label: string };

function threadOf(discussion: DiscussionDTO): ThreadItem[] {
  return [
    ...discussion.comments.map((c) => ({
      kind: 'comment' as const,
      id: c.id,
      at: c.createdAt,
      who: c.author.name,
      body: c.body,
    })),
    ...discussion.decisions.map((d) => ({
      kind: 'decision' as const,
      id: d.id,
      at: d.createdAt,
      who: d.reviewer.name,
      body: d.comment,
      label: DECISION_LABELS[d.decision] ?? d.decision,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

function Discussion({
  claimId,
  onAnnounce,
}: {
  claimId: string;
  onAnnounce(message: string, tone?: 'success' | 'error'): void;
}) {
  const [thread, setThread] = useState<ThreadItem[] | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.discussion(claimId).then((result) => {
      if (!live) return;
      if (result.ok) setThread(threadOf(result.data));
      else setError(describeError(result.error));
    });
    return () => {
      live = false;
    };
  }, [claimId]);

  async function post() {
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    setBusy(true);
    const result = await api.addComment(claimId, body);
    setBusy(false);
    if (!result.ok) {
      const message = describeError(result.error);
      setError(message);
      onAnnounce(message, 'error');
      return;
    }
    const { comment } = result.data;
    setThread((t) => [
      ...(t ?? []),
      {
        kind: 'comment',
        id: comment.id,
        at: comment.createdAt,
        who: comment.author.name,
        body: comment.body,
      },
    ]);
    setBody('');
    setError(null);
    onAnnounce('Comment posted.');
  }

  return (
    <section className={styles.discussion} aria-labelledby={`discussion-${claimId}`}>
      <h4 id={`discussion-${claimId}`}>Discussion</h4>
      {thread === null && !error && <p className={`${ui.muted} ${ui.small}`}>Loading…</p>}
      {thread !== null && thread.length === 0 && (
        <p className={`${ui.muted} ${ui.small}`}>No comments yet.</p>
      )}
      {thread !== null && thread.length > 0 && (
        <ol className={styles.thread} aria-label="Discussion posts">
          {thread.map((item) => (
            <li key={item.id}>
              <p className={`${ui.muted} ${ui.small}`}>
                {item.who} · {when(item.at)}
                {item.kind === 'decision' && <strong> · {item.label}</strong>}
              </p>
              {item.body && <p className={styles.postBody}>{item.body}</p>}
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void post();
        }}
        aria-label="Add to the discussion"
      >
        <label>
          Add to the discussion
          <textarea
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-action="comment"
            aria-keyshortcuts="c"
          />
        </label>
        {error && <p className={`${ui.alert} ${ui.error}`}>{error}</p>}
        {/* The claim page's words for the same discussion. */}
        <button type="submit" className={`${ui.secondary} ${ui.small}`} disabled={busy}>
          Post comment
        </button>
      </form>
    </section>
  );
}

function History({ claimId }: { claimId: string }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<HistoryEntryDTO[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || entries) return;
    let live = true;
    void api.history(claimId).then((result) => {
      if (!live) return;
      if (result.ok) setEntries(result.data.history);
      else setError(describeError(result.error));
    });
    return () => {
      live = false;
    };
  }, [open, entries, claimId]);

  return (
    <details
      className={styles.history}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary data-action="history" aria-keyshortcuts="h">
        History
      </summary>
      {error && <p className={`${ui.alert} ${ui.error}`}>{error}</p>}
      {open && !entries && !error && <p className={`${ui.muted} ${ui.small}`}>Loading…</p>}
      {entries && (
        <ol className={styles.thread} aria-label="History entries">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <p className={`${ui.muted} ${ui.small}`}>
                {entry.actor?.name ?? 'Factmark'} · {when(entry.at)}
              </p>
              <p className={styles.postBody}>
                <strong>{entry.summary}</strong>
                {entry.changes.length > 0 &&
                  `: ${entry.changes.map((c) => `${c.label} ${c.beforeText ? `“${c.beforeText}” → ` : ''}“${c.afterText}”`).join('; ')}`}
              </p>
              {entry.note && <p className={`${ui.muted} ${ui.small}`}>{entry.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
