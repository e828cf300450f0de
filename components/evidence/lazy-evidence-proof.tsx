'use client';

/** The reviewer's "in the stored copy" view of one evidence quote, loaded when first opened. */
import { useState } from 'react';
import { evidenceApi } from '@/lib/api/evidence-client';
import type { QuoteProofDTO } from '@/lib/evidence/api-types';
import { EvidenceProof } from './evidence-proof';
import ui from '@/components/ui/ui.module.css';

export function LazyEvidenceProof({ evidenceId }: { evidenceId: string }) {
  const [proof, setProof] = useState<QuoteProofDTO | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onToggle(event: React.SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || proof) return;
    const result = await evidenceApi.quoteProof(evidenceId);
    if (result.ok) setProof(result.data);
    else setError(result.error.message);
  }

  return (
    <details onToggle={onToggle}>
      <summary>In the stored copy</summary>
      {proof ? (
        <EvidenceProof proof={proof} />
      ) : error ? (
        <p className={`${ui.alert} ${ui.error}`}>{error}</p>
      ) : (
        <p className={`${ui.muted} ${ui.small}`}>Loading…</p>
      )}
    </details>
  );
}
