'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '@/lib/domain';
import type { SubmissionField } from '@/lib/review/validation';
import { describeError, sendJson } from './api';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

export type EvidenceItem = {
  url: string;
  title: string | null;
  quote: string | null;
  accessedAt: string | null;
  captureId?: string | null;
  quoteStart?: number | null;
};

/** A field a refused submit named, with the reason the API gave for it. */
export type MissingField = { field: SubmissionField; reason: string };

/**
 * The author's quick fix on the claim page: verdict, rationale and one more evidence source
 * (PATCH /api/claims/:id with the version shown). The full claim editor is the article page.
 * The evidence is sent back as it is, plus the new source when one was given.
 *
 * `missing` marks the fields a refused submit named, each with its reason beside it; a new
 * `focusRequest` moves focus to the first of them.
 */
export function ClaimEditForm({
  claimId,
  version,
  verdict,
  rationale,
  evidence,
  missing = [],
  focusRequest = 0,
  onSaved,
}: {
  claimId: string;
  version: number;
  verdict: Verdict;
  rationale: string;
  evidence: EvidenceItem[];
  missing?: readonly MissingField[];
  focusRequest?: number;
  onSaved?: () => void;
}) {
  const router = useRouter();
  const ids = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // Only a new request moves focus, not a re-render with the same fields. The fields are in
  // the order a refusal names them, so the first marked one is the first missing.
  useEffect(() => {
    const field = focusRequest > 0 && form.current?.querySelector<HTMLElement>('[aria-invalid]');
    if (!field) return;
    field.focus({ preventScroll: true });
    // The whole form in view when it fits (every reason shows), the focused field in any case.
    form.current?.scrollIntoView({ block: 'nearest' });
    field.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);

  const reasonOf = (field: SubmissionField) => missing.find((m) => m.field === field)?.reason;
  /** The attributes tying a field to the reason it is missing, when it is. */
  const marked = (field: SubmissionField) =>
    reasonOf(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-${field}` } : {};
  const reason = (field: SubmissionField) => {
    const text = reasonOf(field);
    return text ? (
      <span id={`${ids}-${field}`} className={reviewStyles.fieldReason}>
        {text}
      </span>
    ) : null;
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const added = String(data.get('newEvidence') ?? '').trim();
    setBusy(true);
    const result = await sendJson(`/api/claims/${claimId}`, 'PATCH', {
      version,
      verdict: String(data.get('verdict')),
      rationale: String(data.get('rationale')),
      evidence: [
        ...evidence.map(({ url, title, quote, accessedAt, captureId, quoteStart }) => ({
          url,
          title,
          quote,
          accessedAt,
          // Keeps the stored copy linked (issue #15).
          captureId: captureId ?? null,
          quoteStart: quoteStart ?? null,
        })),
        ...(added ? [{ url: added, title: null, quote: null, accessedAt: null }] : []),
      ],
    });
    setBusy(false);
    if (!result.ok) {
      setSaved(false);
      setError(describeError(result.error));
      return;
    }
    setError(null);
    setSaved(true);
    onSaved?.();
    router.refresh();
  }

  return (
    <form
      ref={form}
      className={reviewStyles.reviewForm}
      onSubmit={onSubmit}
      aria-label="Edit verdict, rationale and evidence"
    >
      {error && (
        <p role="alert" className={`${ui.alert} ${ui.error}`}>
          {error}
        </p>
      )}
      {saved && !error && missing.length === 0 && (
        <p role="status" className={`${ui.alert} ${ui.success}`}>
          Saved.
        </p>
      )}
      <div className={reviewStyles.field}>
        <label>
          Verdict
          <select name="verdict" defaultValue={verdict} key={`v-${version}`} {...marked('verdict')}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        {reason('verdict')}
      </div>
      <div className={reviewStyles.field}>
        <label>
          Rationale
          <textarea
            name="rationale"
            rows={4}
            defaultValue={rationale}
            key={`r-${version}`}
            {...marked('rationale')}
          />
        </label>
        {reason('rationale')}
      </div>
      <div className={reviewStyles.field}>
        <label>
          Add an evidence source (web address)
          <input
            name="newEvidence"
            type="url"
            placeholder="https://"
            key={`e-${version}`}
            {...marked('evidence')}
          />
        </label>
        {reason('evidence')}
      </div>
      <div className={ui.formRow}>
        <button type="submit" disabled={busy}>
          Save changes
        </button>
      </div>
    </form>
  );
}
