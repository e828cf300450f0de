'use client';

/**
 * The panel's default view: the article's claims in text order, with filters and badges. Rows
 * are drawn in blocks as they come near the view (./use-blocks-in-view): an article with
 * thousands of claims opens with one block drawn, not thousands of rows.
 */
import { memo, useEffect, useRef, useState } from 'react';
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
import { VerdictSwatch } from '@/components/verdict/verdict-chip';
import { ANCHOR_LABELS, anchorBadge } from './anchor-labels';
import { BLOCK_ROWS, useBlocksInView } from './use-blocks-in-view';
import { whenIdle } from './when-idle';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

/** Memoised: a change elsewhere in the workspace (the card, the selection) leaves it alone. */
export const ClaimsListPanel = memo(function ClaimsListPanel({
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
  shown = true,
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
  /** False while the list is kept hidden behind another panel (see ArticleWorkspace). */
  shown?: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  const activeIndex = activeClaimId === null ? -1 : claims.findIndex((c) => c.id === activeClaimId);
  // The active claim's block is drawn wherever it is, so J/K always has its row: in the first
  // idle moment after the frames that show the change (a claim just added may sit in a block
  // of 50 rows not drawn yet, out of view). Drawing them takes several milliseconds: on a timer
  // 20 ms after the add's frame it landed among the frames right after it (the new highlight's
  // card, the text's focus) and made them late (bench/editor.bench.ts).
  const [keepIndex, setKeepIndex] = useState(activeIndex);
  useEffect(() => {
    if (keepIndex === activeIndex) return;
    return whenIdle(() => setKeepIndex(activeIndex), KEEP_ACTIVE_WITHIN_MS);
  }, [activeIndex, keepIndex]);
  const isDrawn = useBlocksInView(list, claims.length, keepIndex, shown);
  const blocks = [];
  for (let first = 0; first < claims.length; first += BLOCK_ROWS) {
    const rows = claims.slice(first, first + BLOCK_ROWS);
    if (!isDrawn(first / BLOCK_ROWS)) {
      blocks.push(
        <li
          key={`pending-${first}`}
          className={styles.pendingRows}
          data-block={first / BLOCK_ROWS}
          aria-hidden="true"
          style={{ height: `${rows.length * ROW_ESTIMATE_REM}rem` }}
        />,
      );
      continue;
    }
    const block = first / BLOCK_ROWS;
    rows.forEach((claim, i) =>
      blocks.push(
        <ClaimRow
          key={claim.id}
          firstOf={i === 0 ? block : undefined}
          lastOf={i === rows.length - 1 ? block : undefined}
          claim={claim}
          position={first + i + 1}
          of={claims.length}
          active={claim.id === activeClaimId}
          moved={movedByClaim.get(claim.id)}
          onFocusClaim={onFocusClaim}
          onOpenClaim={onOpenClaim}
        />,
      ),
    );
  }
  return (
    <>
      <h2>Claims ({total})</h2>
      <p className={`${ui.muted} ${ui.small}`} aria-label="Anchor summary">
        Highlights: {ANCHOR_STATES.map((s) => `${anchorCounts[s]} ${ANCHOR_LABELS[s]}`).join(', ')}
      </p>
      <label className={styles.findClaims}>
        Find in claims
        <input
          type="search"
          value={filters.query}
          placeholder="Words of a claim, claimant or author"
          onChange={(e) => onFilter({ query: e.target.value })}
        />
      </label>
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
      <ol className={styles.claimList} aria-label="Claims in text order" ref={list}>
        {blocks}
      </ol>
      {claims.length === 0 && total > 0 && (
        <p className={ui.muted}>No claim matches the filters.</p>
      )}
      {total === 0 && (
        <p className={ui.muted}>
          No claims yet. Select a passage in the text, then choose <strong>Add claim</strong>.
        </p>
      )}
    </>
  );
});

/** The active claim's block is drawn by then even if the page has no idle moment. */
const KEEP_ACTIVE_WITHIN_MS = 500;

/**
 * A row's height before its block is drawn (a claim on one line and its meta line, and the gap
 * to the next row): the placeholder keeps the list's length and scroll bar about right.
 */
const ROW_ESTIMATE_REM = 3.85;

interface RowProps {
  claim: ClaimSummaryDTO;
  active: boolean;
  moved: SpanSummaryDTO[] | undefined;
  onFocusClaim(claimId: string): void;
  onOpenClaim(claimId: string): void;
}

/**
 * One row, with its place in the whole list (not every row is drawn); memoised so moving the
 * active claim re-renders two rows, not a block. A claim added before it changes only the
 * row's place (its content is memoised apart), so adding one stays cheap with thousands.
 */
const ClaimRow = memo(function ClaimRow({
  position,
  of,
  firstOf,
  lastOf,
  ...row
}: RowProps & {
  position: number;
  of: number;
  /** The block this row starts or ends (see useBlocksInView). */
  firstOf?: number;
  lastOf?: number;
}) {
  return (
    <li
      className={row.active ? styles.active : undefined}
      data-claim-id={row.claim.id}
      data-block-first={firstOf}
      data-block-last={lastOf}
      aria-posinset={position}
      aria-setsize={of}
    >
      <ClaimRowContent {...row} />
    </li>
  );
});

const ClaimRowContent = memo(function ClaimRowContent({
  claim,
  active,
  moved,
  onFocusClaim,
  onOpenClaim,
}: RowProps) {
  return (
    <>
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
    </>
  );
});
