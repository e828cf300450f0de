'use client';

/**
 * The article page's working area: the text with its highlights beside the side panel. State
 * and API actions live in useWorkspace (a pure reducer underneath); this file lays out the
 * panels, binds the keys (listed in ./shortcuts) and moves focus after each action.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PackedWorkspaceDTO } from '@/lib/api/packed-workspace';
import type { ClaimDTO, WorkspaceUser } from '@/lib/api/types';
import { MAX_TEXT_EDITS } from '@/lib/anchoring/text-edits';
import { newDraft } from '@/lib/workspace/claim-draft';
import {
  claimsInTextOrder,
  countAnchors,
  filterClaims,
  isFullClaim,
  movedSpansByClaim,
  stepClaim,
  type Announcement,
  type Filters,
  type Panel,
} from '@/lib/workspace/state';
import {
  ArticleView,
  type ArticleViewHandle,
  type RevisionPreview,
  type ScreenBox,
} from './article-view';
import { ClaimForm } from './claim-form';
import { ClaimPanel } from './claim-panel';
import { ClaimPicker } from './claim-picker';
import { ClaimsListPanel } from './claims-list-panel';
import { EditTextPanel } from './edit-text-panel';
import { createCardStore, HighlightCardLayer } from './highlight-card';
import { LinkClaimPanel } from './link-claim-panel';
import { OrphansPanel } from './orphans-panel';
import { PanelError } from './panel-error';
import { ReviseBar } from './revise-bar';
import { SelectionBar } from './selection-bar';
import { ShortcutSheet } from './shortcut-sheet';
import { highlightsOf, useWorkspace } from './use-workspace';
import { WorkspaceToolbar } from './workspace-toolbar';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

/** Keys typed into a field, or into the text in Revise mode, are text, except these. */
function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    Boolean(target.closest('input, textarea, select, [data-revising]'))
  );
}

const UNCHANGED: RevisionPreview = { changed: false, reworded: 0, lost: 0 };

export function ArticleWorkspace({
  articleId,
  initial,
  user,
}: {
  articleId: string;
  /** The page's data, packed (lib/api/packed-workspace); read once, when the view starts. */
  initial: PackedWorkspaceDTO;
  user: WorkspaceUser;
}) {
  const view = useRef<ArticleViewHandle>(null);
  const textColumn = useRef<HTMLDivElement>(null);
  const sidePanel = useRef<HTMLElement>(null);
  const [state, actions] = useWorkspace(articleId, initial, view);
  const { data, panel, error, announcement, hasSelection, picker, filters, activeClaimId } = state;
  // The card over a highlight keeps its own state (see CardStore): it changes often.
  const [cardStore] = useState(createCardStore);
  const setCard = cardStore.set;
  const [selection, setSelection] = useState<{ box: ScreenBox; container: ScreenBox } | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  // Revise mode: the text is edited in place (null: reading); what saving would do; saving.
  const [revise, setRevise] = useState<{ preview: RevisionPreview; saving: boolean } | null>(null);

  const claimsById = useMemo(() => new Map(data.claims.map((c) => [c.id, c])), [data.claims]);
  // Only seed the view when it is created (per text and mode), from the latest data: not
  // worked out again on every change (later changes go through transactions).
  const latestData = useRef(data);
  useLayoutEffect(() => {
    latestData.current = data;
  }, [data]);
  const highlights = useCallback(() => highlightsOf(latestData.current), []);
  const ordered = useMemo(() => claimsInTextOrder(data), [data]);
  const visible = useMemo(() => filterClaims(ordered, filters), [ordered, filters]);
  const movedByClaim = useMemo(() => movedSpansByClaim(data), [data]);
  const anchorCounts = useMemo(() => countAnchors(data), [data]);

  // Read first, then edit: focus lands on the panel's heading once the full claim is drawn.
  const headingFocusFor = useRef<string | null>(null);
  const openClaim = useCallback(
    (claimId: string) => {
      setCard(null);
      headingFocusFor.current = claimId;
      actions.open({ kind: 'claim', claimId, conflict: null, draft: null });
    },
    [actions, setCard],
  );

  const closePanel = useCallback(() => {
    actions.close();
    // After the panel is gone, focus goes back where the user was reading.
    requestAnimationFrame(() => actions.returnToText(activeClaimId));
  }, [actions, activeClaimId]);
  const focusClaim = actions.focusClaim;
  const filter = useCallback(
    (f: Partial<Filters>) => actions.dispatch({ type: 'filtered', filters: f }),
    [actions],
  );

  // The keys of ./shortcuts. Read through a ref so the listener is bound once.
  // The card goes with the text view Revise mode replaces (ArticleView clears it).
  const startRevising = useCallback(() => {
    actions.dispatch({ type: 'selectionChanged', hasSelection: false });
    setRevise({ preview: UNCHANGED, saving: false });
    requestAnimationFrame(() => view.current?.focus());
  }, [actions]);

  const saveRevision = useCallback(async () => {
    const revision = view.current?.revision();
    if (!revision) return;
    setRevise((r) => r && { ...r, saving: true });
    // Past the server's cap on edits (a very long session), the text goes alone and the server
    // maps the spans through its diff, as for a pasted text.
    const edits = revision.edits.length <= MAX_TEXT_EDITS ? revision.edits : undefined;
    const saved = await actions.saveText(revision.text, edits);
    setRevise((r) => (saved ? null : r && { ...r, saving: false }));
  }, [actions]);

  const cancelRevising = useCallback(() => {
    if (revise?.preview.changed && !window.confirm('Discard your changes to the text?')) return;
    setRevise(null);
  }, [revise]);

  // Leaving the page (reload, another address, closing the tab) with unsaved edits asks first.
  const unsaved = revise?.preview.changed === true;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // What the key handler reads: the latest render's values, without re-binding the listener.
  const latest = {
    visible,
    activeClaimId,
    panel,
    picker,
    closePanel,
    focusClaim,
    revising: revise !== null,
    startRevising,
    saveRevision,
  };
  const keys = useRef(latest);
  useLayoutEffect(() => {
    keys.current = latest;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (keys.current.revising) {
        // Revise mode: the text takes every key but Ctrl+S / ⌘S (save).
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          void keys.current.saveRevision();
        }
        return;
      }
      // ProseMirror cancels Escape's default in the text it edits, as for Enter; ours is to
      // close the card or the panel, from the text too.
      const escapeInText =
        event.key === 'Escape' && Boolean((event.target as Element).closest?.('.ProseMirror'));
      if (event.ctrlKey || event.metaKey || (event.defaultPrevented && !escapeInText)) return;
      // Alt+A adds a claim on the exact characters selected, not snapped to words (by key
      // position: Alt changes the letter on some layouts).
      if (event.altKey) {
        if (event.code === 'KeyA' && !event.shiftKey && !isTyping(event.target)) {
          event.preventDefault();
          actions.startNewClaim({ exact: true });
        }
        return;
      }
      const now = keys.current;
      if (event.key === 'Escape') {
        if (document.querySelector('dialog[open]')) return; // the sheet closes itself
        event.preventDefault();
        if (now.picker) actions.dispatch({ type: 'pickerClosed' });
        else if (cardStore.get()) setCard(null);
        else if (now.panel.kind !== 'list') now.closePanel();
        return;
      }
      if (isTyping(event.target)) return;
      const inPanel = (event.target as HTMLElement).closest?.('aside');
      const click = (selector: string) =>
        document.querySelector<HTMLElement>(`aside ${selector}`)?.click();
      switch (event.key) {
        case '?':
          setSheetOpen(true);
          break;
        case 'a':
          actions.startNewClaim();
          break;
        case 'l':
          actions.startLink();
          break;
        case 'e':
          actions.open({ kind: 'editText' });
          break;
        case 'r':
          if (now.panel.kind === 'editText') return;
          now.startRevising();
          break;
        case 'j':
        case 'k': {
          const next = stepClaim(now.visible, now.activeClaimId, event.key === 'j' ? 1 : -1);
          if (next) now.focusClaim(next);
          break;
        }
        case 'Enter':
          // Buttons and links in the panel keep their own Enter.
          if (inPanel || (event.target as HTMLElement).closest?.('button, a, summary')) return;
          if (now.activeClaimId) openClaim(now.activeClaimId);
          else return;
          break;
        case 's':
          click('[data-action="submit"]');
          break;
        case 'c':
          document.querySelector<HTMLElement>('aside [data-action="comment"]')?.focus();
          break;
        case 'h':
          click('[data-action="history"]');
          break;
        case 'o':
          click('a[aria-keyshortcuts="o"]');
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, openClaim, cardStore, setCard]);

  const onSelectionChange = useCallback(
    (box: ScreenBox | null) => {
      actions.dispatch({ type: 'selectionChanged', hasSelection: box !== null });
      const container = box && textColumn.current?.getBoundingClientRect();
      setSelection(box && container ? { box, container } : null);
    },
    [actions],
  );

  async function saveClaim(
    claim: ClaimDTO,
    draft: Parameters<typeof actions.saveClaim>[1],
    version: number,
  ) {
    if (await actions.saveClaim(claim, draft, version)) {
      requestAnimationFrame(() => actions.returnToText(claim.id));
    }
  }

  const openedSummary = panel.kind === 'claim' ? claimsById.get(panel.claimId) : undefined;
  // The page lists summaries; the panel shows the full claim, fetched when first opened.
  const openedClaim = openedSummary && isFullClaim(openedSummary) ? openedSummary : undefined;
  const loadClaim = actions.loadClaim;
  useEffect(() => {
    if (openedSummary && !openedClaim) void loadClaim(openedSummary.id);
  }, [openedSummary, openedClaim, loadClaim]);
  useEffect(() => {
    if (!openedClaim || headingFocusFor.current !== openedClaim.id) return;
    headingFocusFor.current = null;
    document.querySelector<HTMLElement>('aside form[aria-label="Edit claim"] h2')?.focus();
  }, [openedClaim]);

  // On a phone or tablet every panel but the list opens as a sheet over the text.
  const asSheet = panel.kind !== 'list' && panel.kind !== 'editText';
  const listShown = !asSheet;
  // There, the passage a new claim or a link is made from would sit under the sheet (it covers
  // the lower 62 % of the screen): it is scrolled into the room above it, before the first paint.
  const panelSpan = panel.kind === 'new' || panel.kind === 'link' ? panel.span : null;
  useLayoutEffect(() => {
    const sheet = sidePanel.current;
    if (!panelSpan || !sheet || getComputedStyle(sheet).position !== 'fixed') return;
    const box = view.current?.boxOf(panelSpan.start, panelSpan.end);
    if (!box) return;
    const room = sheet.getBoundingClientRect().top;
    const margin = 16;
    if (box.top >= margin && box.bottom <= room - margin) return;
    const top = Math.max(margin, (room - (box.bottom - box.top)) / 2);
    window.scrollBy({ top: box.top - top, behavior: 'instant' });
  }, [panelSpan]);

  return (
    <div className={`workspace ${styles.workspace} ${asSheet ? styles.withSheet : ''}`}>
      <div className={styles.workspaceText} ref={textColumn}>
        {revise ? (
          <ReviseBar
            revisionNumber={data.revision.number}
            preview={revise.preview}
            saving={revise.saving}
            error={error}
            onSave={() => void saveRevision()}
            onCancel={cancelRevising}
          />
        ) : (
          <WorkspaceToolbar
            revisionNumber={data.revision.number}
            onRevise={panel.kind === 'editText' ? null : startRevising}
            onEditText={() => actions.open({ kind: 'editText' })}
            onShortcuts={() => setSheetOpen(true)}
          />
        )}
        {panel.kind === 'editText' ? (
          <EditTextPanel
            text={data.revision.text}
            onSave={(text) => void actions.saveText(text)}
            onCancel={closePanel}
            error={error}
          />
        ) : (
          <ArticleView
            ref={view}
            text={data.revision.text}
            highlights={highlights}
            revising={revise !== null}
            onRevise={(preview) => setRevise((r) => r && { ...r, preview })}
            onSelectionChange={onSelectionChange}
            onHighlightFocus={setCard}
            onHighlightClick={(claimIds, at) => {
              if (revise) return;
              if (claimIds.length === 1) openClaim(claimIds[0]!);
              else actions.dispatch({ type: 'pickerOpened', claimIds, x: at.x, y: at.y });
            }}
          />
        )}
        {/* Not while the selection is in a new claim's or a link's form: the bar would repeat
            what the panel does, over the text the user reads while filling it in. */}
        {selection && hasSelection && !usesSelection(panel.kind) && !revise && (
          <SelectionBar
            box={selection.box}
            container={selection.container}
            onAddClaim={(exact) => actions.startNewClaim({ exact })}
            onLink={(exact) => actions.startLink({ exact })}
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
        <HighlightCardLayer store={cardStore} claimsById={claimsById} hidden={picker !== null} />
      </div>

      <aside
        ref={sidePanel}
        className={`${styles.sidePanel} ${asSheet ? styles.sheet : ''}`}
        aria-label="Claims panel"
      >
        <div className={`${styles.sheetBar} ${asSheet ? styles.sheetBarShown : ''}`}>
          {/* Results in a note over the page (the text being read never moves), or on a phone
              in the sheet's bar beside Close panel while a sheet is open; a success fades after
              a few seconds (counted again from each one), a failure stays. Always mounted here,
              so it stays the one live region whatever the panel. */}
          <StatusNote announcement={announcement} />
          {asSheet && (
            <button
              type="button"
              className={`${ui.secondary} ${ui.small}`}
              onClick={closePanel}
              aria-keyshortcuts="Escape"
            >
              Close panel
            </button>
          )}
        </div>
        {panel.kind === 'new' && (
          <ClaimForm
            key={`new-${panel.span.start}-${panel.span.end}`}
            heading="New claim"
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            initial={newDraft(data.revision.text.slice(panel.span.start, panel.span.end))}
            error={error}
            onSave={(draft) => void actions.createClaim(panel.span, draft)}
            onCancel={closePanel}
          />
        )}
        {panel.kind === 'claim' && openedClaim && (
          <ClaimPanel
            claim={openedClaim}
            user={user}
            articleId={articleId}
            annotations={data.annotations}
            conflict={panel.conflict}
            draft={panel.draft}
            error={error}
            onSave={(draft, version) => void saveClaim(openedClaim, draft, version)}
            onUseTheirs={() => {
              actions.close();
              void actions.reload();
            }}
            onCancel={closePanel}
            onDelete={() => void actions.deleteClaim(openedClaim)}
            onRemoveHighlight={(id) => void actions.removeHighlight(id)}
            onSubmit={(onMissing) => actions.submitClaim(openedClaim, onMissing)}
            onAnnounce={(message, tone) => actions.dispatch({ type: 'announced', message, tone })}
          />
        )}
        {panel.kind === 'claim' && openedSummary && !openedClaim && (
          <>
            <p className={ui.muted}>Loading the claim “{openedSummary.text}”…</p>
            <PanelError message={error} />
          </>
        )}
        {panel.kind === 'link' && (
          <LinkClaimPanel
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            onPick={(id) => void actions.linkToClaim(id, panel.span)}
            onCancel={closePanel}
            error={error}
          />
        )}
        {/* The list stays mounted behind the other panels, kept hidden with its drawn rows,
            so closing a panel (saving a claim) shows it again instead of drawing it anew: its
            heading and filters within the frame, the rows in view one frame later (their
            `content-visibility: auto` is decided again once the list is shown; without it on
            the rows the save's frame costs more, bench/editor.bench.ts). */}
        <div className={listShown ? undefined : styles.keptHidden}>
          <ClaimsListPanel
            total={data.claims.length}
            claims={visible}
            filters={filters}
            anchorCounts={anchorCounts}
            movedByClaim={movedByClaim}
            activeClaimId={activeClaimId}
            error={error}
            onFilter={filter}
            onFocusClaim={focusClaim}
            onOpenClaim={openClaim}
            shown={listShown}
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
        </div>
      </aside>
      <ShortcutSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </div>
  );
}

/** How long a success stays before it fades (the fade itself is in panels.module.css). */
const SUCCESS_SHOWN_MS = 5_170;

/**
 * The workspace's live region. A success fades once SUCCESS_SHOWN_MS are up: the fade's class is
 * set then, by a timer, instead of one long animation started with each result (each saved claim
 * restarted a running animation, and put a new one on the compositor, in the frame showing it).
 */
function StatusNote({ announcement }: { announcement: Announcement | null }) {
  const [fadedSeq, setFadedSeq] = useState<number | null>(null);
  const fadingSeq = announcement?.tone === 'success' ? announcement.seq : null;
  useEffect(() => {
    if (fadingSeq === null) return;
    const timer = window.setTimeout(() => setFadedSeq(fadingSeq), SUCCESS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [fadingSeq]);
  const faded = announcement !== null && announcement.seq === fadedSeq;
  return (
    <p
      className={
        announcement
          ? `${ui.alert} ${ui[announcement.tone]} ${styles.toast} ${faded ? styles.faded : ''}`
          : ui.visuallyHidden
      }
      role="status"
      aria-live="polite"
    >
      {announcement?.message}
      {/* The same words again (a second claim saved) must still change the region, or screen
          readers stay silent: every other announcement ends in a no-break space. */}
      {announcement && announcement.seq % 2 === 0 ? '\u00a0' : null}
    </p>
  );
}

/** Panels that work on the selected text (or replace the text view): no selection bar then. */
function usesSelection(kind: Panel['kind']): boolean {
  return kind === 'new' || kind === 'link' || kind === 'editText';
}
