/**
 * The record of re-anchoring: one `annotation.reanchor` audit event per span each time a text
 * revision re-anchors it, whatever the outcome, with the span before (revision, offsets, quote,
 * state) and after (the same on the new revision, plus the score). The claim history lists them
 * with the span's other events, and the revisions page reads them to say which highlights each
 * revision moved, changed or orphaned: the one record of what re-anchoring did.
 */
import type { ReanchorResult } from '@/lib/anchoring';
import type { AnchorState } from '@/lib/domain';
import type { Prisma } from './generated/prisma/client';

export const REANCHOR_ACTION = 'annotation.reanchor';

/** What a span was before a revision re-anchored it. */
export interface ReanchoredSpan {
  id: string;
  claimId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  anchorState: AnchorState;
}

/** The JSON of one event's `after`, as `readReanchorEvent` returns it. */
export interface ReanchorAfter {
  claimId: string;
  articleId: string;
  revisionId: string;
  revisionNumber: number;
  start: number;
  end: number;
  exact: string;
  anchorState: AnchorState;
  anchorScore: number | null;
  note: string;
}

const STATE_WORDS: Record<AnchorState, string> = {
  EXACT: 'kept in place',
  MOVED: 'moved',
  FUZZY: 'found with changes',
  ORPHANED: 'orphaned (not found)',
};

/**
 * Records the re-anchoring of `spans` (as they were on the base revision) onto `revision`, one
 * event per span, `results` in the same order. Orphans keep their old place and quote.
 */
export async function recordReanchoring(
  tx: Prisma.TransactionClient,
  {
    actorId,
    articleId,
    revision,
    spans,
    results,
  }: {
    actorId: string;
    articleId: string;
    revision: { id: string; number: number };
    spans: readonly ReanchoredSpan[];
    results: readonly ReanchorResult[];
  },
): Promise<void> {
  const data = spans.map((span, index) => {
    const result = results[index]!;
    const placed = result.state === 'ORPHANED' ? span : result.anchor;
    const score = result.state === 'ORPHANED' ? null : Number(result.score.toFixed(4));
    const after: ReanchorAfter = {
      claimId: span.claimId,
      articleId,
      revisionId: revision.id,
      revisionNumber: revision.number,
      start: placed.start,
      end: placed.end,
      exact: placed.exact,
      anchorState: result.state,
      anchorScore: score,
      note:
        `Revision ${revision.number}: ${STATE_WORDS[result.state]}` +
        (score === null ? '.' : `, score ${score.toFixed(2)}.`),
    };
    return {
      actorId,
      action: REANCHOR_ACTION,
      entityType: 'Annotation',
      entityId: span.id,
      before: {
        claimId: span.claimId,
        articleId,
        revisionId: span.revisionId,
        start: span.start,
        end: span.end,
        exact: span.exact,
        anchorState: span.anchorState,
      },
      after: { ...after },
    };
  });
  if (data.length > 0) await tx.auditEvent.createMany({ data });
}
