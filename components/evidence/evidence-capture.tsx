'use client';

/**
 * One evidence source's stored copy inside the claim form (issue #15): archive the URL, see the
 * capture's date and status, read the stored text and select the quoted passage in it (which
 * sets the quote and its place), check a pasted quote against the copy, and re-check the source
 * now. Talks to the evidence API only through lib/api/evidence-client.
 */
import { useEffect, useRef, useState } from 'react';
import { captureLinks, evidenceApi, uploadCopy } from '@/lib/api/evidence-client';
import type { EvidenceDTO } from '@/lib/api/types';
import type { CaptureDTO, RecheckDTO } from '@/lib/evidence/api-types';
import type { QuoteAnchorState } from '@/lib/evidence/quote';
import { formatFetchDate } from './format';
import styles from './evidence-capture.module.css';
import ui from '@/components/ui/ui.module.css';

interface Props {
  evidence: EvidenceDTO;
  /** 1-based, for labels ("Stored text of evidence 2"). */
  number: number;
  disabled?: boolean;
  onChange(patch: Partial<EvidenceDTO>): void;
}

const ANCHOR_TEXT: Record<QuoteAnchorState, string> = {
  EXACT: 'Quote found word for word in the stored copy.',
  FUZZY: 'Quote found with small differences in the stored copy.',
  NOT_FOUND: 'Quote not found in the stored copy.',
};

/** How long typing must pause before a typed quote is looked up in the copy. */
const QUOTE_PAUSE_MS = 700;

export function EvidenceCapture({ evidence, number, disabled, onChange }: Props) {
  const captureId = evidence.captureId ?? null;
  // The copy last loaded; shown only while it is the one the evidence names.
  const [stored, setStored] = useState<{ capture: CaptureDTO; text: string } | null>(null);
  const capture = stored && stored.capture.id === captureId ? stored.capture : null;
  const text = capture ? stored!.text : null;
  const [showText, setShowText] = useState(false);
  const [busy, setBusy] = useState<null | 'archive' | 'check' | 'quote'>(null);
  const [error, setError] = useState<string | null>(null);
  const [recheck, setRecheck] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ start: number; text: string } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!captureId) return;
    let live = true;
    void evidenceApi.capture(captureId).then((result) => {
      if (!live) return;
      if (result.ok) setStored(result.data);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [captureId]);

  // A pasted or typed quote is anchored in the copy once typing pauses, and reported.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const typedQuote = evidence.quote?.trim() ?? '';
  const unplaced = Boolean(captureId && typedQuote && !evidence.quoteAnchor);
  useEffect(() => {
    if (!unplaced || !captureId) return;
    let live = true;
    const timer = setTimeout(() => {
      void evidenceApi.anchorQuote(captureId, typedQuote).then((result) => {
        if (!live || !result.ok) return;
        const { state, anchor } = result.data;
        onChangeRef.current({
          quoteAnchor: state,
          quoteStart: anchor?.start ?? null,
          quoteEnd: anchor?.end ?? null,
        });
      });
    }, QUOTE_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [unplaced, captureId, typedQuote]);

  async function archive() {
    setBusy('archive');
    setError(null);
    setRecheck(null);
    const result = await evidenceApi.archive(evidence.url.trim());
    setBusy(null);
    if (!result.ok) {
      setError(
        `${result.error.message} The evidence is kept without a stored copy; archive again to retry.`,
      );
      return;
    }
    if (result.data.capture) attachStoredCopy(result.data.capture);
  }

  /** Links the evidence to a new stored copy (its old quote position no longer applies). */
  function attachStoredCopy(copy: { id: string; title: string | null }) {
    onChange({
      captureId: copy.id,
      quoteStart: null,
      quoteEnd: null,
      quoteAnchor: null,
      title: evidence.title ?? copy.title,
    });
    setShowText(true);
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy('archive');
    setError(null);
    setRecheck(null);
    const result = await uploadCopy(file);
    setBusy(null);
    if (!result.ok) {
      setError(`${result.error.message} The evidence is kept without a stored copy.`);
      return;
    }
    if (result.data.capture) attachStoredCopy(result.data.capture);
  }

  async function checkNow() {
    if (!capture?.sourceId) return;
    setBusy('check');
    setRecheck(null);
    const result = await evidenceApi.recheck(capture.sourceId);
    setBusy(null);
    if (!result.ok) {
      setRecheck(result.error.message);
      return;
    }
    setRecheck(describeRecheck(result.data));
  }

  async function findQuote() {
    if (!captureId || !evidence.quote?.trim()) return;
    setBusy('quote');
    const result = await evidenceApi.anchorQuote(captureId, evidence.quote);
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const { state, anchor } = result.data;
    onChange({
      quoteAnchor: state,
      quoteStart: anchor?.start ?? null,
      quoteEnd: anchor?.end ?? null,
    });
  }

  /** The selected part of the stored text, as offsets into `text`. */
  function readSelection() {
    const root = textRef.current;
    const selected = window.getSelection();
    if (!root || !selected || selected.rangeCount === 0 || selected.isCollapsed) {
      setSelection(null);
      return;
    }
    const range = selected.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
      setSelection(null);
      return;
    }
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    setSelection(quote ? { start: before.toString().length + lead, text: quote } : null);
  }

  function quoteSelection() {
    if (!selection) return;
    onChange({
      quote: selection.text,
      quoteStart: selection.start,
      quoteEnd: selection.start + selection.text.length,
      quoteAnchor: 'EXACT',
    });
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }

  const start = evidence.quoteStart ?? null;
  const end =
    evidence.quoteEnd ?? (start !== null && evidence.quote ? start + evidence.quote.length : null);
  const marked =
    text !== null &&
    start !== null &&
    end !== null &&
    end <= text.length &&
    evidence.quoteAnchor !== 'NOT_FOUND';

  return (
    <div className={styles.capture} aria-label={`Stored copy of evidence ${number}`} role="group">
      {capture ? (
        <p className={styles.meta}>
          <span className={styles.badge}>Stored copy</span> fetched{' '}
          <time dateTime={capture.fetchedAt}>{formatFetchDate(capture.fetchedAt)}</time>
          {capture.status ? ` · HTTP ${capture.status}` : ''}
          {capture.kind === 'UPLOAD' ? ' · uploaded file' : ''}
          {' · '}
          <a href={captureLinks(capture.id).copy} target="_blank" rel="noopener noreferrer">
            Open stored copy
          </a>
          {' · '}
          <a href={captureLinks(capture.id).warc} download>
            WARC
          </a>
        </p>
      ) : captureId ? (
        <p className={styles.meta}>Loading the stored copy…</p>
      ) : (
        <p className={styles.meta}>Not archived yet.</p>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${ui.secondary} ${ui.small}`}
          disabled={disabled || busy !== null || !/^https?:\/\/\S+$/i.test(evidence.url.trim())}
          onClick={archive}
        >
          {busy === 'archive' ? 'Archiving…' : captureId ? 'Archive again' : 'Archive source'}
        </button>
        <label className={styles.upload}>
          <span>Attach a file as the copy</span>
          <input
            type="file"
            accept=".html,.htm,.txt,.md,.docx,.pdf,text/html,text/plain,text/markdown,application/pdf"
            disabled={disabled || busy !== null}
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        {capture?.sourceId && (
          <button
            type="button"
            className={`${ui.secondary} ${ui.small}`}
            disabled={busy !== null}
            onClick={checkNow}
          >
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>
        )}
        {text !== null && (
          <button
            type="button"
            className={`${ui.secondary} ${ui.small}`}
            aria-expanded={showText}
            onClick={() => setShowText((v) => !v)}
          >
            {showText ? 'Hide stored text' : 'Show stored text'}
          </button>
        )}
        {captureId && evidence.quote?.trim() && (
          <button
            type="button"
            className={`${ui.secondary} ${ui.small}`}
            disabled={disabled || busy !== null}
            onClick={findQuote}
          >
            {busy === 'quote' ? 'Finding…' : 'Find quote in copy'}
          </button>
        )}
      </div>
      {error && (
        <p className={`${ui.alert} ${ui.error}`} role="alert">
          {error}
        </p>
      )}
      {recheck && (
        <p className={styles.status} aria-live="polite">
          {recheck}
        </p>
      )}
      {captureId && evidence.quote && evidence.quoteAnchor && (
        <p
          className={evidence.quoteAnchor === 'NOT_FOUND' ? styles.warn : styles.status}
          aria-live="polite"
        >
          {ANCHOR_TEXT[evidence.quoteAnchor]}
        </p>
      )}
      {showText && text !== null && (
        <>
          <p className={`${ui.muted} ${ui.small}`}>
            Select the quoted passage in the stored text, then use it as the quote.
          </p>
          <div
            ref={textRef}
            className={styles.text}
            role="region"
            aria-label={`Stored text of evidence ${number}`}
            tabIndex={0}
            onMouseUp={readSelection}
            onKeyUp={readSelection}
          >
            {marked ? (
              <>
                {text.slice(0, start)}
                <mark>{text.slice(start, end)}</mark>
                {text.slice(end)}
              </>
            ) : (
              text
            )}
          </div>
          <button
            type="button"
            className={ui.small}
            disabled={disabled || !selection}
            onClick={quoteSelection}
          >
            Use selection as quote
          </button>
        </>
      )}
    </div>
  );
}

function describeRecheck(result: RecheckDTO): string {
  if (result.outcome === 'unchanged') return 'Checked just now: the source has not changed.';
  if (result.outcome === 'changed') {
    const n = result.alerts ?? 0;
    return n
      ? `The source changed: a new copy was stored and ${n} cited quote${n === 1 ? '' : 's'} flagged.`
      : 'The source changed: a new copy was stored; the cited quotes still stand.';
  }
  return `The source could not be fetched: ${result.error?.message ?? 'unknown error'} The stored copy is kept.`;
}
