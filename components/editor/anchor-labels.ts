/** How the workspace names a span's anchor state (the list's and the panel's badges). */
import type { AnnotationDTO } from '@/lib/api/types';
import type { AnchorState } from '@/lib/domain';

export const ANCHOR_LABELS: Record<AnchorState, string> = {
  EXACT: 'exact',
  MOVED: 'moved',
  FUZZY: 'fuzzy',
  ORPHANED: 'orphaned',
};

/** "moved", or "fuzzy 0.82" with its score. */
export function anchorBadge(annotation: Pick<AnnotationDTO, 'anchorState' | 'anchorScore'>) {
  const label = ANCHOR_LABELS[annotation.anchorState];
  return annotation.anchorState === 'FUZZY' && annotation.anchorScore !== null
    ? `${label} ${annotation.anchorScore.toFixed(2)}`
    : label;
}
