'use client';

/**
 * The article page's working area: the text with its highlights beside the side panel. State
 * and API actions live in useWorkspace (a pure reducer underneath); this file lays out the
 * panels and binds the keys.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ArticleAnnotationsDTO, WorkspaceUser } from '@/lib/api/types';
import { splitParagraphs } from '@/lib/text';
import { newDraft } from '@/lib/workspace/claim-draft';
import {
  claimsInTextOrder,
  countAnchors,
  filterClaims,
  movedSpansByClaim,
  stepClaim,
} from '@/lib/workspace/state';
import { ArticleView, type ArticleViewHandle } from './article-view';
import { ClaimForm } from './claim-form';
import { ClaimPanel } from './claim-panel';
import { ClaimPicker } from './claim-picker';
import { ClaimsListPanel } from './claims-list-panel';
import { EditTextPanel } from './edit-text-panel';
import { LinkClaimPanel } from './link-claim-panel';
import { OrphansPanel } from './orphans-panel';
import { highlightsOf, useWorkspace } from './use-workspace';
import { VerdictLegend } from './verdict-legend';
import { WorkspaceToolbar } from './workspace-toolbar';

export function ArticleWorkspace({
  articleId,
  initial,
  user,
}: {
  articleId: string;
  initial: ArticleAnnotationsDTO;
  user: WorkspaceUser;
}) {
  const view = useRef<ArticleViewHandle>(null);
  const [state, actions] = useWorkspace(articleId, initial, view);
  const { data, panel, error, announcement, hasSelection, picker, filters, activeClaimId } = state;

  const paragraphs = useMemo(() => splitParagraphs(data.revision.text), [data.revision.text]);
  const claimsById = useMemo(() => new Map(data.claims.map((c) => [c.id, c])), [data.claims]);
  // Only seeds the view when it is created (per text); later changes go through transactions.
  const highlights = useMemo(() => highlightsOf(data), [data]);
  const ordered = useMemo(() => claimsInTextOrder(data), [data]);
  const visible = useMemo(() => filterClaims(ordered, filters), [ordered, filters]);
  const movedByClaim = useMemo(() => movedSpansByClaim(data), [data]);
  const anchorCounts = useMemo(() => countAnchors(data), [data]);

  // Keyboard: A adds a claim on the selection, J/K move between claims, Escape closes the panel.
  const keyState = useRef({ visible, activeClaimId });
  useLayoutEffect(() => {
    keyState.current = { visible, activeClaimId };
  }, [visible, activeClaimId]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, form, [role="dialog"]')) return;
      if (event.key === 'a') {
        event.preventDefault();
        actions.startNewClaim();
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const { visible: claims, activeClaimId: active } = keyState.current;
        const next = stepClaim(claims, active, event.key === 'j' ? 1 : -1);
        if (next) actions.focusClaim(next);
      } else if (event.key === 'Escape') {
        actions.close();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  const openClaim = useCallback(
    (claimId: string) => actions.open({ kind: 'claim', claimId, conflict: null, draft: null }),
    [actions],
  );
  const openClaimPanel = panel.kind === 'claim' ? claimsById.get(panel.claimId) : undefined;

  return (
    <div className="workspace">
      <div className="workspace-text">
        <WorkspaceToolbar
          revisionNumber={data.revision.number}
          hasSelection={hasSelection}
          onAddClaim={actions.startNewClaim}
          onLink={actions.startLink}
          onEditText={() => actions.open({ kind: 'editText' })}
        />
        <VerdictLegend />
        <p
          className={announcement ? `alert ${announcement.tone}` : 'visually-hidden'}
          role="status"
          aria-live="polite"
        >
          {announcement?.message}
        </p>
        {panel.kind === 'editText' ? (
          <EditTextPanel
            text={data.revision.text}
            onSave={(text) => void actions.saveText(text)}
            onCancel={actions.close}
            error={error}
          />
        ) : (
          <ArticleView
            ref={view}
            paragraphs={paragraphs}
            highlights={highlights}
            onSelectionChange={(has) =>
              actions.dispatch({ type: 'selectionChanged', hasSelection: has })
            }
            onHighlightClick={(claimIds, at) => {
              if (claimIds.length === 1) openClaim(claimIds[0]!);
              else actions.dispatch({ type: 'pickerOpened', claimIds, x: at.x, y: at.y });
            }}
          />
        )}
        {picker && (
          <ClaimPicker
            claimIds={picker.claimIds}
            at={picker}
            claimsById={claimsById}
            onPick={openClaim}
            onClose={() => actions.dispatch({ type: 'pickerClosed' })}
          />
        )}
      </div>

      <aside className="side-panel" aria-label="Claims panel">
        {panel.kind === 'new' && (
          <ClaimForm
            key={`new-${panel.span.start}-${panel.span.end}`}
            heading="New claim"
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            initial={newDraft(data.revision.text.slice(panel.span.start, panel.span.end))}
            error={error}
            onSave={(draft) => void actions.createClaim(panel.span, draft)}
            onCancel={actions.close}
          />
        )}
        {panel.kind === 'claim' && openClaimPanel && (
          <ClaimPanel
            claim={openClaimPanel}
            user={user}
            articleId={articleId}
            annotations={data.annotations}
            conflict={panel.conflict}
            draft={panel.draft}
            error={error}
            onSave={(draft, version) => void actions.saveClaim(openClaimPanel, draft, version)}
            onUseTheirs={() => {
              actions.close();
              void actions.reload();
            }}
            onCancel={actions.close}
            onDelete={() => void actions.deleteClaim(openClaimPanel)}
            onRemoveHighlight={(id) => void actions.removeHighlight(id)}
          />
        )}
        {panel.kind === 'link' && (
          <LinkClaimPanel
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            onPick={(id) => void actions.linkToClaim(id, panel.span)}
            onCancel={actions.close}
            error={error}
          />
        )}
        {(panel.kind === 'list' || panel.kind === 'editText') && (
          <>
            <ClaimsListPanel
              total={data.claims.length}
              claims={visible}
              filters={filters}
              anchorCounts={anchorCounts}
              movedByClaim={movedByClaim}
              activeClaimId={activeClaimId}
              error={error}
              onFilter={(f) => actions.dispatch({ type: 'filtered', filters: f })}
              onFocusClaim={actions.focusClaim}
              onOpenClaim={openClaim}
            />
            <OrphansPanel
              orphans={data.orphans}
              claimsById={claimsById}
              hasSelection={hasSelection}
              onAttach={(id, span) => void actions.reattach(id, span)}
              onAttachToSelection={(id) => {
                const span = view.current?.selection();
                if (span) void actions.reattach(id, span);
              }}
            />
          </>
        )}
      </aside>
    </div>
  );
}
