'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '@/lib/domain';
import { describeError, sendJson } from './api';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

type EvidenceItem = {
  url: string;
  title: string | null;
  quote: string | null;
  accessedAt: string | null;
  captureId?: string | null;
  quoteStart?: number | null;
};

/**
 * The author's quick fix on the claim page: verdict and rationale (PATCH /api/claims/:id with
 * the version shown). The full claim editor is the article page. The evidence is sent back
 * unchanged: the claim update schema fills left-out fields with their defaults.
 */
export function ClaimEditForm({
  claimId,
  version,
  verdict,
  rationale,
  evidence,
}: {
  claimId: string;
  version: number;
  verdict: Verdict;
  rationale: string;
  evidence: EvidenceItem[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await sendJson(`/api/claims/${claimId}`, 'PATCH', {
      version,
      verdict: String(form.get('verdict')),
      rationale: String(form.get('rationale')),
      evidence: evidence.map(({ url, title, quote, accessedAt, captureId, quoteStart }) => ({
        url,
        title,
        quote,
        accessedAt,
        // Keeps the stored copy linked (issue #15).
        captureId: captureId ?? null,
        quoteStart: quoteStart ?? null,
      })),
    });
    setBusy(false);
    if (!result.ok) {
      setSaved(false);
      setError(describeError(result.error));
      return;
    }
    setError(null);
    setSaved(true);
    router.refresh();
  }

  return (
    <form
      className={reviewStyles.reviewForm}
      onSubmit={onSubmit}
      aria-label="Edit verdict and rationale"
    >
      {error && (
        <p role="alert" className={`${ui.alert} ${ui.error}`}>
          {error}
        </p>
      )}
      {saved && !error && (
        <p role="status" className={`${ui.alert} ${ui.success}`}>
          Saved.
        </p>
      )}
      <label>
        Verdict
        <select name="verdict" defaultValue={verdict} key={`v-${version}`}>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rationale
        <textarea name="rationale" rows={4} defaultValue={rationale} key={`r-${version}`} />
      </label>
      <div className={ui.formRow}>
        <button type="submit" disabled={busy}>
          Save changes
        </button>
      </div>
    </form>
  );
}
