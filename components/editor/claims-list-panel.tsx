'use client';

/** The panel's default view: the article's claims in text order, with filters and badges. */
import { memo } from 'react';
import type { SpanSummaryDTO, ClaimSummaryDTO } from '@/lib/api/types';
import {
  ANCHOR_STATES,
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  VERDICTS,
  VERDICT_LABELS,
  type AnchorState,
  type ReviewState,
  type Verdict,
} from '@/lib/domain';
import type { Filters } from '@/lib/workspace/state';
import { VerdictSwatch } from './verdict-chip';
import { ANCHOR_LABELS, anchorBadge } from './anchor-labels';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

export function ClaimsListPanel({
  total,
  claims,
  filters,
  anchorCounts,
  movedByClaim,
  activeClaimId,
  error,
  onFilter,
  onFocusClaim,
  onOpenClaim,
}: {
  total: number;
  claims: ClaimSummaryDTO[];
  filters: Filters;
  anchorCounts: Record<AnchorState, number>;
  movedByClaim: ReadonlyMap<string, SpanSummaryDTO[]>;
  activeClaimId: string | null;
  error: string | null;
  onFilter(filters: Partial<Filters>): void;
  onFocusClaim(claimId: string): void;
  onOpenClaim(claimId: string): void;
}) {
  return (
    <>
      <h2>Claims ({total})</h2>
      <p className={`${ui.muted} ${ui.small}`} aria-label="Anchor summary">
        Highlights: {ANCHOR_STATES.map((s) => `${anchorCounts[s]} ${ANCHOR_LABELS[s]}`).join(', ')}
      </p>
      <div className={`${ui.formRow} ${styles.filters}`}>
        <label>
          Verdict
          <select
            value={filters.verdict}
            onChange={(e) => onFilter({ verdict: e.target.value as Verdict | '' })}
          >
            <option value="">All</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Review state
          <select
            value={filters.reviewState}
            onChange={(e) => onFilter({ reviewState: e.target.value as ReviewState | '' })}
          >
            <option value="">All</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {REVIEW_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p className={`${ui.alert} ${ui.error}`}>{error}</p>}
      <ol className={styles.claimList} aria-label="Claims in text order">
        {claims.map((claim) => (
          <ClaimRow
            key={claim.id}
            claim={claim}
            active={claim.id === activeClaimId}
            moved={movedByClaim.get(claim.id)}
            onFocusClaim={onFocusClaim}
            onOpenClaim={onOpenClaim}
          />
        ))}
      </ol>
    </>
  );
}

/** One row; memoised so moving the active claim re-renders two rows, not thousands. */
const ClaimRow = memo(function ClaimRow({
  claim,
  active,
  moved,
  onFocusClaim,
  onOpenClaim,
}: {
  claim: ClaimSummaryDTO;
  active: boolean;
  moved: SpanSummaryDTO[] | undefined;
  onFocusClaim(claimId: string): void;
  onOpenClaim(claimId: string): void;
}) {
  return (
    <li className={active ? styles.active : undefined} data-claim-id={claim.id}>
      <button
        type="button"
        className={styles.claimItem}
        aria-current={active}
        onClick={() => onFocusClaim(claim.id)}
      >
        <VerdictSwatch verdict={claim.verdict} />
        <span className="claim-text">{claim.text}</span>
        <span className={`${ui.muted} ${ui.small} ${styles.itemMeta}`}>
          {VERDICT_LABELS[claim.verdict]} · {REVIEW_STATE_LABELS[claim.reviewState]} ·{' '}
          {claim.author.name}
          {(moved ?? []).map((a) => ` · ${anchorBadge(a)}`).join('')}
        </span>
      </button>
      <button
        type="button"
        className={`${ui.secondary} ${ui.small}`}
        onClick={() => onOpenClaim(claim.id)}
      >
        Open
      </button>
    </li>
  );
});
