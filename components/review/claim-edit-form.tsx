'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '@/lib/domain';
import type { MissingField } from '@/lib/review/validation';
import { describeError, sendJson } from './api';
import { useMissingFields } from './missing-fields';
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
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const { marked, reason } = useMissingFields(missing, focusRequest, form);

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
