import type { AnchorState } from '@/lib/domain';

/** How each re-anchoring outcome is named to a reader. */
export const OUTCOME_LABELS: Record<AnchorState, string> = {
  EXACT: 'kept',
  MOVED: 'moved',
  FUZZY: 'changed',
  ORPHANED: 'orphaned',
};

/** "3 kept · 1 moved · 1 orphaned" (outcomes with none are left out); "—" for none at all. */
export function describeOutcomes(outcomes: Record<AnchorState, number> | null): string {
  if (!outcomes) return 'First revision';
  const parts = (Object.keys(OUTCOME_LABELS) as AnchorState[])
    .filter((state) => outcomes[state] > 0)
    .map((state) => `${outcomes[state]} ${OUTCOME_LABELS[state]}`);
  return parts.length > 0 ? parts.join(' · ') : 'No highlights';
}
