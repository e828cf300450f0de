'use client';

/** "Link to existing claim": search every claim and attach the selected passage to one. */
import { useEffect, useState } from 'react';
import { api } from '@/lib/api/client';
import type { ClaimDTO } from '@/lib/api/types';
import { VERDICT_LABELS } from '@/lib/domain';
import { APPROVED_SPAN_NOTICE } from './approved-notice';
import { VerdictSwatch } from './verdict-chip';
import styles from './panels.module.css';

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
      {error && <p className="alert error">{error}</p>}
      <ul className={styles.claimList}>
        {results.map((claim) => (
          <li key={claim.id}>
            <button type="button" className={styles.claimItem} onClick={() => onPick(claim.id)}>
              <VerdictSwatch verdict={claim.verdict} />
              <span className="claim-text">{claim.text}</span>
              <span className="muted small">
                {VERDICT_LABELS[claim.verdict]} · in{' '}
                {[...new Set(claim.appearances.map((a) => a.articleTitle))].join('; ')}
              </span>
            </button>
            {claim.reviewState === 'APPROVED' && (
              <p className="alert small" role="note">
                {APPROVED_SPAN_NOTICE.link}
              </p>
            )}
          </li>
        ))}
        {results.length === 0 && <li className="muted small">No claim matches.</li>}
      </ul>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
