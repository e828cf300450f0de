/**
 * The article workspace's state as a pure reducer: what the page shows (claims, spans, which
 * panel is open, the active claim, filters, the one announcement) and how each event changes
 * it. The React hook (components/editor/use-workspace.ts) performs the API calls and
 * dispatches these events; nothing here knows about the view, fetch or ProseMirror.
 */
import type {
  AnnotationDTO,
  ClaimDTO,
  ClaimSummaryDTO,
  SpanSummaryDTO,
  WorkspaceDataDTO,
} from '@/lib/api/types';
import { ANCHOR_STATES, type AnchorState, type ReviewState, type Verdict } from '@/lib/domain';
import type { ClaimDraft } from './claim-draft';

export interface Span {
  start: number;
  end: number;
}

export type Panel =
  | { kind: 'list' }
  | { kind: 'new'; span: Span }
  | { kind: 'claim'; claimId: string; conflict: ClaimDTO | null; draft: ClaimDraft | null }
  | { kind: 'link'; span: Span }
  | { kind: 'editText' };

export interface Filters {
  verdict: Verdict | '';
  reviewState: ReviewState | '';
  /**
   * Words the claim's text, claimant or author must contain (any case, in any order); '' for
   * all. The list draws its rows as they are scrolled to, so the browser's own find cannot
   * see every row: this can.
   */
  query: string;
}

export interface Announcement {
  message: string;
  tone: 'success' | 'error';
  /** Bumped on every announcement, so the same words are announced again. */
  seq: number;
}

export interface WorkspaceState {
  data: WorkspaceDataDTO;
  panel: Panel;
  /** The last failure of the open panel's action, shown beside it. */
  error: string | null;
  announcement: Announcement | null;
  hasSelection: boolean;
  picker: { claimIds: string[]; x: number; y: number } | null;
  filters: Filters;
  activeClaimId: string | null;
}

export type WorkspaceEvent =
  | { type: 'loaded'; data: WorkspaceDataDTO }
  /** A new claim was saved: its form closes (the claim itself follows in `claimCreated`). */
  | { type: 'newClaimSaved' }
  | { type: 'claimCreated'; claim: ClaimDTO; annotation: AnnotationDTO }
  | { type: 'spanLinked'; claim: ClaimDTO; annotation: AnnotationDTO | null }
  | { type: 'claimChanged'; claim: ClaimDTO }
  | { type: 'panelOpened'; panel: Panel }
  | { type: 'panelClosed' }
  | { type: 'conflicted'; claimId: string; current: ClaimDTO; draft: ClaimDraft }
  | { type: 'failed'; message: string }
  | { type: 'announced'; message: string; tone?: Announcement['tone'] }
  | { type: 'selectionChanged'; hasSelection: boolean }
  | { type: 'pickerOpened'; claimIds: string[]; x: number; y: number }
  | { type: 'pickerClosed' }
  | { type: 'filtered'; filters: Partial<Filters> }
  | { type: 'activated'; claimId: string | null };

export function initialState(data: WorkspaceDataDTO): WorkspaceState {
  return {
    data,
    panel: { kind: 'list' },
    error: null,
    announcement: null,
    hasSelection: false,
    picker: null,
    filters: { verdict: '', reviewState: '', query: '' },
    activeClaimId: null,
  };
}

/** Spans in text order: by start, the longer first where two start together. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

function insertSorted(annotations: SpanSummaryDTO[], annotation: SpanSummaryDTO): SpanSummaryDTO[] {
  // Binary search: adding one span to thousands must stay well within a frame.
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareSpans(annotations[mid]!, annotation) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...annotations.slice(0, lo), annotation, ...annotations.slice(lo)];
}

function upsertClaim(claims: ClaimSummaryDTO[], claim: ClaimDTO): ClaimSummaryDTO[] {
  const index = claims.findIndex((c) => c.id === claim.id);
  if (index === -1) return [...claims, claim];
  return claims.map((c, i) => (i === index ? claim : c));
}

function announce(
  state: WorkspaceState,
  message: string,
  tone: Announcement['tone'] = 'success',
): Announcement {
  return { message, tone, seq: (state.announcement?.seq ?? 0) + 1 };
}

/** The workspace after one event. */
export function reduceWorkspace(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  switch (event.type) {
    case 'loaded': {
      const ids = new Set(event.data.claims.map((c) => c.id));
      const panel =
        state.panel.kind === 'claim' && !ids.has(state.panel.claimId)
          ? { kind: 'list' as const }
          : state.panel;
      const activeClaimId =
        state.activeClaimId && ids.has(state.activeClaimId) ? state.activeClaimId : null;
      return { ...state, data: event.data, panel, activeClaimId };
    }
    case 'newClaimSaved':
      return state.panel.kind === 'new'
        ? { ...state, panel: { kind: 'list' }, error: null }
        : state;
    case 'claimCreated': {
      // Already here when a reload answered between the save's frame and this event (see
      // useWorkspace's createClaim): it is not added twice.
      const known = state.data.annotations.some((a) => a.id === event.annotation.id);
      return {
        ...state,
        data: {
          ...state.data,
          // A new claim is appended (the one walk over thousands, above, runs in the task
          // after the save's frame).
          claims: known
            ? upsertClaim(state.data.claims, event.claim)
            : [...state.data.claims, event.claim],
          annotations: known
            ? state.data.annotations
            : insertSorted(state.data.annotations, event.annotation),
        },
        // The form closes; a panel the user opened meanwhile stays.
        panel: closing(state.panel, 'new'),
        error: null,
        activeClaimId: event.claim.id,
        announcement: announce(state, 'Claim saved.'),
      };
    }
    case 'spanLinked': {
      const here =
        event.annotation && event.annotation.revisionId === state.data.revision.id
          ? insertSorted(state.data.annotations, event.annotation)
          : state.data.annotations;
      return {
        ...state,
        data: {
          ...state.data,
          claims: upsertClaim(state.data.claims, event.claim),
          annotations: here,
        },
        panel: closing(state.panel, 'link'),
        error: null,
        activeClaimId: event.claim.id,
        announcement: announce(state, 'Passage linked to the claim.'),
      };
    }
    case 'claimChanged':
      return {
        ...state,
        data: { ...state.data, claims: upsertClaim(state.data.claims, event.claim) },
      };
    case 'panelOpened':
      return {
        ...state,
        panel: event.panel,
        error: null,
        picker: null,
        activeClaimId: event.panel.kind === 'claim' ? event.panel.claimId : state.activeClaimId,
      };
    case 'panelClosed':
      return { ...state, panel: { kind: 'list' }, error: null, picker: null };
    case 'conflicted':
      return {
        ...state,
        panel: {
          kind: 'claim',
          claimId: event.claimId,
          conflict: event.current,
          draft: event.draft,
        },
        error: null,
      };
    case 'failed':
      return {
        ...state,
        error: event.message,
        announcement: announce(state, event.message, 'error'),
      };
    case 'announced':
      return { ...state, announcement: announce(state, event.message, event.tone) };
    case 'selectionChanged':
      return state.hasSelection === event.hasSelection
        ? state
        : { ...state, hasSelection: event.hasSelection };
    case 'pickerOpened':
      return { ...state, picker: { claimIds: event.claimIds, x: event.x, y: event.y } };
    case 'pickerClosed':
      return { ...state, picker: null };
    case 'filtered':
      return { ...state, filters: { ...state.filters, ...event.filters } };
    case 'activated':
      return { ...state, activeClaimId: event.claimId };
  }
}

/** Whether `claim` is the full claim (evidence, appearances), not the list's summary. */
export function isFullClaim(claim: ClaimSummaryDTO): claim is ClaimDTO {
  return 'evidence' in claim && 'appearances' in claim;
}

/**
 * The article's claims in text order: by their first placed span (spans ordered by start, the
 * longer first: `compareSpans`); claims with no span here last, in their given order.
 */
export function claimsInTextOrder(data: WorkspaceDataDTO): ClaimSummaryDTO[] {
  const { annotations } = data;
  // The spans come sorted (the server's order, kept by every event): one walk, no sort, as this
  // runs on every change of the claims (adding one to thousands stays within a frame).
  let sorted = true;
  for (let i = 1; i < annotations.length && sorted; i++) {
    sorted = compareSpans(annotations[i - 1]!, annotations[i]!) <= 0;
  }
  const spans = sorted ? annotations : [...annotations].sort(compareSpans);
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  const ordered: ClaimSummaryDTO[] = [];
  for (const a of spans) {
    const claim = byId.get(a.claimId);
    if (!claim) continue;
    ordered.push(claim);
    byId.delete(a.claimId);
  }
  // Claims without a placed span keep their order, after the others.
  for (const c of data.claims) if (byId.has(c.id)) ordered.push(c);
  return ordered;
}

/** `claims` that pass the verdict, review-state and words filters. */
export function filterClaims<C extends ClaimSummaryDTO>(claims: C[], filters: Filters): C[] {
  const words = filters.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!filters.verdict && !filters.reviewState && words.length === 0) return claims;
  return claims.filter((c) => {
    if (filters.verdict && c.verdict !== filters.verdict) return false;
    if (filters.reviewState && c.reviewState !== filters.reviewState) return false;
    if (words.length === 0) return true;
    const haystack = `${c.text} ${c.claimant ?? ''} ${c.author.name}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The claim after (`step` 1) or before (-1) the active one in `claims`; the first if none. */
export function stepClaim(
  claims: ClaimSummaryDTO[],
  activeClaimId: string | null,
  step: 1 | -1,
): string | null {
  if (claims.length === 0) return null;
  const index = claims.findIndex((c) => c.id === activeClaimId);
  if (index === -1) return claims[0]!.id;
  return claims[Math.min(Math.max(index + step, 0), claims.length - 1)]!.id;
}

/** How many spans are in each anchor state (orphans included). */
export function countAnchors(data: WorkspaceDataDTO): Record<AnchorState, number> {
  const counts = Object.fromEntries(ANCHOR_STATES.map((s) => [s, 0])) as Record<
    AnchorState,
    number
  >;
  for (const a of data.annotations) counts[a.anchorState]++;
  counts.ORPHANED += data.orphans.length;
  return counts;
}

/** Per claim, its spans that are not at their original place (for the list's badges). */
export function movedSpansByClaim(data: WorkspaceDataDTO): Map<string, SpanSummaryDTO[]> {
  const map = new Map<string, SpanSummaryDTO[]>();
  for (const a of data.annotations) {
    if (a.anchorState === 'EXACT') continue;
    const list = map.get(a.claimId);
    if (list) list.push(a);
    else map.set(a.claimId, [a]);
  }
  return map;
}

/** The list in place of a panel of `kind` that has done its work; any other panel stays. */
function closing(panel: Panel, kind: Panel['kind']): Panel {
  return panel.kind === kind ? { kind: 'list' } : panel;
}
