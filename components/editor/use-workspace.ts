'use client';

/**
 * The article workspace's controller: the pure reducer of lib/workspace/state plus the API
 * actions. Each action calls lib/api/client, dispatches what happened, and keeps the text view's
 * highlights in step (one added span is drawn by itself; a reload redraws all).
 */
import { useLayoutEffect, useMemo, useReducer, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { api } from '@/lib/api/client';
import { describeError } from '@/lib/api/errors';
import { unpackWorkspace, type PackedWorkspaceDTO } from '@/lib/api/packed-workspace';
import type { TextEdit } from '@/lib/anchoring/text-edits';
import type { ClaimDTO, ClaimSummaryDTO, SpanSummaryDTO, WorkspaceDataDTO } from '@/lib/api/types';
import { toClaimFields, type ClaimDraft } from '@/lib/workspace/claim-draft';
import { missingFields, type MissingField } from '@/lib/review/validation';
import {
  initialState,
  reduceWorkspace,
  type Panel,
  type Span,
  type WorkspaceEvent,
  type WorkspaceState,
} from '@/lib/workspace/state';
import { VERDICT_COLORS } from '@/lib/verdict-style';
import type { ArticleViewHandle, TextHighlight } from './article-view';
import { afterNextPaint, measureUntilPainted } from './frame-timing';

/** A span as the view draws it, with what its card and cue show. */
export function highlightOf(
  annotation: SpanSummaryDTO,
  claim: ClaimSummaryDTO | undefined,
): TextHighlight {
  const verdict = claim?.verdict ?? 'UNVERIFIED';
  return {
    annotationId: annotation.id,
    claimId: annotation.claimId,
    start: annotation.start,
    end: annotation.end,
    color: VERDICT_COLORS[verdict],
  };
}

export function highlightsOf(data: WorkspaceDataDTO): TextHighlight[] {
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  return data.annotations.map((a) => highlightOf(a, byId.get(a.claimId)));
}

/** Why a submit was refused; `marked`: each missing field shows its reason beside it. */
export interface SubmitRefusal {
  message: string;
  marked: boolean;
}

export interface WorkspaceActions {
  dispatch(event: WorkspaceEvent): void;
  reload(): Promise<void>;
  /** Fetches the full claim (evidence, appearances) the list only summarises. */
  loadClaim(claimId: string): Promise<void>;
  open(panel: Panel): void;
  close(): void;
  /** Starts a claim on the selection, snapped to words unless `exact` (see ArticleView). */
  startNewClaim(options?: { exact?: boolean }): void;
  startLink(options?: { exact?: boolean }): void;
  /** Resolves to the new span's id, or null when the save failed. */
  createClaim(span: Span, draft: ClaimDraft): Promise<string | null>;
  saveClaim(claim: ClaimDTO, draft: ClaimDraft, version: number): Promise<boolean>;
  deleteClaim(claim: ClaimDTO): Promise<void>;
  removeHighlight(annotationId: string): Promise<void>;
  linkToClaim(claimId: string, span: Span): Promise<boolean>;
  reattach(annotationId: string, span: Span): Promise<void>;
  /**
   * Saves the text as a new revision (with the editor's edits when it was revised in place);
   * resolves to whether it was saved.
   */
  saveText(text: string, edits?: TextEdit[]): Promise<boolean>;
  /**
   * Submits the claim for review; resolves to null when it was submitted, or to the refusal,
   * whose message the caller shows beside Submit (it is announced too, and left out of the
   * form's own error above Save). A refusal that names what the claim lacks hands those fields
   * to `onMissing`, which answers true when it shows each reason beside its field (the message
   * then goes without them, and `marked` is true).
   */
  submitClaim(
    claim: ClaimDTO,
    onMissing?: (missing: MissingField[]) => boolean,
  ): Promise<SubmitRefusal | null>;
  /** Makes the claim active and moves the text to its first highlight. */
  focusClaim(claimId: string): void;
  /** Focuses the text, at the claim's highlight when it has one here. */
  returnToText(claimId: string | null): void;
}

export function useWorkspace(
  articleId: string,
  initial: PackedWorkspaceDTO,
  view: RefObject<ArticleViewHandle | null>,
): [WorkspaceState, WorkspaceActions] {
  const [state, dispatch] = useReducer(reduceWorkspace, initial, (packed) =>
    initialState(unpackWorkspace(packed)),
  );
  // Actions read the latest state through a ref, so their identities stay stable.
  const current = useRef(state);
  useLayoutEffect(() => {
    current.current = state;
  }, [state]);

  const actions = useMemo<WorkspaceActions>(() => {
    const fail = (message: string) => dispatch({ type: 'failed', message });

    async function reload() {
      const result = await api.articleAnnotations(articleId);
      if (!result.ok) return fail(describeError(result.error));
      const next = result.data;
      const sameText = next.revision.id === current.current.data.revision.id;
      dispatch({ type: 'loaded', data: next });
      if (sameText)
        view.current?.dispatchHighlights({ type: 'reset', highlights: highlightsOf(next) });
    }

    function selectionOrSay(options?: { exact?: boolean }): Span | null {
      const span = view.current?.selection(options) ?? null;
      if (!span) dispatch({ type: 'announced', message: 'Select a passage of the article first.' });
      return span;
    }

    async function loadClaim(claimId: string) {
      const result = await api.getClaim(claimId);
      if (!result.ok) return fail(describeError(result.error));
      dispatch({ type: 'claimChanged', claim: result.data.claim });
    }

    return {
      dispatch,
      reload,
      loadClaim,
      open: (panel) => dispatch({ type: 'panelOpened', panel }),
      close: () => dispatch({ type: 'panelClosed' }),
      startNewClaim(options) {
        const span = selectionOrSay(options);
        if (span) dispatch({ type: 'panelOpened', panel: { kind: 'new', span } });
      },
      startLink(options) {
        const span = selectionOrSay(options);
        if (span) dispatch({ type: 'panelOpened', panel: { kind: 'link', span } });
      },
      async createClaim(span, draft) {
        const { revision } = current.current.data;
        const result = await api.createClaim({
          span: { articleId, revisionId: revision.id, ...span },
          claim: toClaimFields(draft),
        });
        if (!result.ok) {
          if (result.error.status === 409) await reload();
          fail(describeError(result.error));
          return null;
        }
        const { claim, annotation } = result.data;
        // What the user sees of the save is one frame's work (bench/editor.bench.ts times it):
        // the form closes and the new highlight is drawn in the text as the current one (its
        // ring). The form's field gives up focus first, while nothing waits to be drawn
        // (removing a focused field lays the page out on its own); then just this highlight
        // is added (the view maps its decoration set instead of rebuilding it).
        performance.mark('factmark:claim-add:start');
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        flushSync(() => {
          dispatch({ type: 'newClaimSaved' });
          view.current?.dispatchHighlights({
            type: 'add',
            highlights: [highlightOf(annotation, claim)],
            current: annotation.id,
            focus: true,
          });
        });
        measureUntilPainted('factmark:claim-add', 'factmark:claim-add:start');
        // The claim joins the workspace's data (the list's new row, its count and every row's
        // place, the active row, the announcement) in a task of its own once that frame is
        // painted: with thousands of claims it is several milliseconds of React work that
        // would double the save's frame. It comes before the next frame, which draws the new
        // highlight's card from it and moves focus to the text (ArticleViewHandle.
        // dispatchHighlights), so nothing is drawn without it but the frame just painted.
        afterNextPaint(() => {
          performance.mark('factmark:claim-add:data:start');
          flushSync(() => dispatch({ type: 'claimCreated', claim, annotation }));
          performance.measure('factmark:claim-add:data', 'factmark:claim-add:data:start');
        });
        return annotation.id;
      },
      async saveClaim(claim, draft, version) {
        const result = await api.updateClaim(claim.id, { version, ...toClaimFields(draft) });
        if (!result.ok) {
          const theirs = result.error.details.current as ClaimDTO | undefined;
          if (result.error.status === 409 && theirs) {
            dispatch({ type: 'conflicted', claimId: claim.id, current: theirs, draft });
          } else fail(describeError(result.error));
          return false;
        }
        dispatch({ type: 'panelClosed' });
        dispatch({ type: 'announced', message: 'Claim saved.' });
        await reload();
        return true;
      },
      async deleteClaim(claim) {
        const question = `Delete the claim “${claim.text}” and its ${claim.appearances.length} highlight${claim.appearances.length === 1 ? '' : 's'}? This cannot be undone.`;
        if (!window.confirm(question)) return;
        const result = await api.deleteClaim(claim.id);
        if (!result.ok) return fail(describeError(result.error));
        dispatch({ type: 'panelClosed' });
        dispatch({ type: 'announced', message: 'Claim deleted.' });
        await reload();
      },
      async removeHighlight(annotationId) {
        if (!window.confirm('Remove this highlight from its claim? The claim itself stays.'))
          return;
        const result = await api.removeSpan(annotationId);
        if (!result.ok) return fail(describeError(result.error));
        dispatch({ type: 'announced', message: 'Highlight removed.' });
        await reload();
      },
      async linkToClaim(claimId, span) {
        const { revision } = current.current.data;
        const result = await api.linkSpan(claimId, {
          articleId,
          revisionId: revision.id,
          ...span,
        });
        if (!result.ok) {
          fail(describeError(result.error));
          return false;
        }
        const { claim, annotation } = result.data;
        if (annotation) {
          view.current?.dispatchHighlights({
            type: 'add',
            highlights: [highlightOf(annotation, claim)],
          });
        }
        dispatch({ type: 'spanLinked', claim, annotation: annotation ?? null });
        return true;
      },
      async reattach(annotationId, span) {
        const { revision } = current.current.data;
        const result = await api.reattachSpan(annotationId, {
          articleId,
          revisionId: revision.id,
          ...span,
        });
        if (!result.ok) return fail(describeError(result.error));
        dispatch({ type: 'announced', message: 'Highlight attached.' });
        await reload();
      },
      async saveText(text, edits) {
        const result = await api.reviseArticle(articleId, {
          baseRevisionId: current.current.data.revision.id,
          text,
          ...(edits && { edits }),
        });
        if (!result.ok) {
          fail(describeError(result.error));
          return false;
        }
        const { revision, summary } = result.data;
        dispatch({ type: 'panelClosed' });
        dispatch({
          type: 'announced',
          message: `Revision ${revision.number} saved. Highlights: ${summary.EXACT} exact, ${summary.MOVED} moved, ${summary.FUZZY} fuzzy, ${summary.ORPHANED} orphaned.`,
        });
        await reload();
        return true;
      },
      async submitClaim(claim, onMissing) {
        const result = await api.submitClaim(claim.id, claim.version);
        if (!result.ok) {
          const missing = missingFields(result.error.issues);
          const marked = missing.length > 0 && (onMissing?.(missing) ?? false);
          const message = marked ? result.error.message : describeError(result.error);
          dispatch({ type: 'announced', message, tone: 'error' });
          return { message, marked };
        }
        dispatch({ type: 'announced', message: 'Claim submitted for review.' });
        await reload();
        return null;
      },
      focusClaim(claimId) {
        dispatch({ type: 'activated', claimId });
        const annotation = current.current.data.annotations.find((a) => a.claimId === claimId);
        if (!annotation) return;
        // The text follows: its highlight becomes the keyboard's current one, flashed.
        view.current?.focusHighlight(annotation.id);
        view.current?.revealAnnotation(annotation.id, annotation.start);
      },
      returnToText(claimId) {
        const { annotations } = current.current.data;
        const annotation = claimId ? annotations.find((a) => a.claimId === claimId) : undefined;
        if (!annotation || !view.current?.focusHighlight(annotation.id)) view.current?.focus();
      },
    };
  }, [articleId, view]);

  return [state, actions];
}
