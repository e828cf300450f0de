'use client';

/** "Link to existing claim": search every claim and attach the selected passage to one. */
import { useEffect, useState } from 'react';
import { api } from '@/lib/api/client';
import type { ClaimDTO } from '@/lib/api/types';
import { VERDICT_LABELS } from '@/lib/domain';
import { APPROVED_SPAN_NOTICE } from './approved-notice';
import { VerdictSwatch } from '@/components/verdict/verdict-chip';
import { PanelError } from './panel-error';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function LinkClaimPanel({
  quote,
  onPick,
  onCancel,
  error,
}: {
  quote: string;
  onPick(id: string): void;
  onCancel(): void;
  error: string | null;
}) {
  const [query, setQuery] = useState(quote.slice(0, 40));
  const [results, setResults] = useState<ClaimDTO[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const pickedShown = picked !== null && results.some((c) => c.id === picked);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await api.searchClaims(query);
      if (result.ok) setResults(result.data.claims);
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <section aria-label="Link to existing claim">
      <h2>Link to existing claim</h2>
      <blockquote className={styles.quote}>{quote}</blockquote>
      <label>
        Search claims
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      </label>
      {/* A refusal shows under the claim just picked (where the user is looking). */}
      {!pickedShown && <PanelError message={error} />}
      <ul className={styles.claimList}>
        {results.map((claim) => (
          <li key={claim.id} className={claim.id === picked ? styles.picked : undefined}>
            <button
              type="button"
              className={styles.claimItem}
              onClick={() => {
                setPicked(claim.id);
                onPick(claim.id);
              }}
            >
              <VerdictSwatch verdict={claim.verdict} />
              <span className="claim-text">{claim.text}</span>
              <span className={`${ui.muted} ${ui.small} ${styles.itemMeta}`}>
                {VERDICT_LABELS[claim.verdict]} · in{' '}
                {[...new Set(claim.appearances.map((a) => a.articleTitle))].join('; ')}
              </span>
            </button>
            {claim.id === picked && <PanelError message={error} />}
            {claim.reviewState === 'APPROVED' && (
              <p className={`${ui.alert} ${ui.small}`} role="note">
                {APPROVED_SPAN_NOTICE.link}
              </p>
            )}
          </li>
        ))}
        {results.length === 0 && <li className={`${ui.muted} ${ui.small}`}>No claim matches.</li>}
      </ul>
      <button type="button" className={ui.secondary} onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
