'use client';

/**
 * The source watch of an article imported from an address (issue #15): where it is watched,
 * when it was last checked, Check now, and a revision proposal when the source changed: its
 * word diff against the current text, Accept (a new revision; highlights re-anchored) or
 * Dismiss (the article stays as it is).
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ArticleWatchDTO } from '@/lib/evidence/api-types';
import { evidenceApi } from '@/lib/api/evidence-client';
import ui from '@/components/ui/ui.module.css';
import { formatFetchDate } from './format';
import { WordDiff } from './word-diff';
import styles from './article-source-watch.module.css';

export function ArticleSourceWatch({
  articleId,
  watch,
  canEdit,
}: {
  articleId: string;
  watch: ArticleWatchDTO;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<'check' | 'accept' | 'dismiss' | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const { proposal } = watch;

  async function check() {
    setBusy('check');
    setMessage(null);
    const result = await evidenceApi.recheckArticle(articleId);
    setBusy(null);
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    const outcome = result.data;
    if (outcome.outcome === 'failed') setMessage({ kind: 'error', text: outcome.error.message });
    else if (outcome.outcome === 'unchanged') {
      setMessage({ kind: 'success', text: 'Checked just now: the source has not changed.' });
    }
    router.refresh();
  }

  async function decide(action: 'accept' | 'dismiss') {
    if (!proposal) return;
    setBusy(action);
    setMessage(null);
    const result =
      action === 'accept'
        ? await evidenceApi.acceptProposal(articleId, proposal.id, proposal.baseRevisionId)
        : await evidenceApi.dismissProposal(articleId, proposal.id);
    setBusy(null);
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    setMessage({
      kind: 'success',
      text:
        action === 'accept'
          ? 'The source’s text is now the article’s latest revision; highlights were re-anchored.'
          : 'Proposal dismissed: the article stays as it is.',
    });
    router.refresh();
  }

  return (
    <section className={styles.watch} aria-label="Source watch">
      <p className={`${styles.line} ${ui.small}`}>
        <span>
          Watching the source{' '}
          <a className={styles.url} href={watch.url} rel="noreferrer noopener" target="_blank">
            {watch.url}
          </a>
        </span>
        <span className={ui.muted}>
          {watch.lastCheckedAt
            ? `last checked ${formatFetchDate(watch.lastCheckedAt)}`
            : 'not checked since the import'}
        </span>
        <button
          type="button"
          className={`${ui.secondary} ${ui.small}`}
          disabled={busy !== null}
          onClick={check}
        >
          {busy === 'check' ? 'Checking…' : 'Check source now'}
        </button>
      </p>
      {watch.lastError && (
        <p className={`${ui.alert} ${ui.warning}`}>Last check failed: {watch.lastError}</p>
      )}
      {proposal && (
        <div className={`${ui.alert} ${ui.warning}`} role="region" aria-label="Source changed">
          <p>
            <strong>The source changed</strong> (fetched {formatFetchDate(proposal.fetchedAt)}):{' '}
            {proposal.added} {proposal.added === 1 ? 'word' : 'words'} added, {proposal.removed}{' '}
            removed against revision {proposal.baseRevisionNumber}. Accept it as a new revision to
            re-anchor the highlights, or dismiss it.
          </p>
          <div className={styles.diff} aria-label="Changes at the source">
            <WordDiff parts={proposal.parts} />
          </div>
          {canEdit && (
            <div className={styles.actions}>
              <button
                type="button"
                className={ui.button}
                disabled={busy !== null}
                onClick={() => decide('accept')}
              >
                {busy === 'accept' ? 'Accepting…' : 'Accept as new revision'}
              </button>
              <button
                type="button"
                className={ui.secondary}
                disabled={busy !== null}
                onClick={() => decide('dismiss')}
              >
                Dismiss
              </button>
            </div>
          )}
        </div>
      )}
      {message && (
        <p
          className={`${ui.alert} ${ui[message.kind]}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

/**
 * For an article with a source address that is not watched (imported before watching existed,
 * or pasted with its address): starts watching it.
 */
export function StartSourceWatch({ articleId, url }: { articleId: string; url: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const result = await evidenceApi.watchArticle(articleId);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <section className={styles.watch} aria-label="Source watch">
      <p className={`${styles.line} ${ui.small}`}>
        <span className={ui.muted}>
          The source{' '}
          <a className={styles.url} href={url} rel="noreferrer noopener" target="_blank">
            {url}
          </a>{' '}
          is not watched for changes.
        </span>
        <button
          type="button"
          className={`${ui.secondary} ${ui.small}`}
          disabled={busy}
          onClick={start}
        >
          {busy ? 'Starting…' : 'Watch the source'}
        </button>
      </p>
      {error && (
        <p className={`${ui.alert} ${ui.error}`} role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
