/**
 * The one ProseMirror plugin of the article view: claim highlights as inline decorations.
 *
 * Overlapping highlights are drawn as segments: the text is cut at every highlight boundary
 * (lib/export/segments' sweep) and each piece gets one decoration that carries every claim
 * covering it, shaded darker and underlined once per claim. `apply` maps the state through each
 * transaction and runs meta actions through a pure reducer that only recomputes the segments
 * around the highlights that changed, never the whole set.
 *
 * In Revise mode the text changes under the highlights: each highlight's edges are mapped
 * through every step with the server's rule (lib/anchoring's `mapThroughChange`: text typed
 * at an edge stays outside, a replacement straddling an edge joins the highlight), and the
 * segments are recomputed around the changed ranges, so what is drawn is what is saved.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { StepMap } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { splitSegments } from '@/lib/export/segments';
import { whenIdle } from './when-idle';

export interface HighlightSpec {
  annotationId: string;
  claimId: string;
  /** Document positions (already converted from text offsets). */
  from: number;
  to: number;
  color: string;
}

export type HighlightAction =
  /** `focus`: that highlight (one of them) becomes the keyboard's current one too. */
  | { type: 'add'; highlights: HighlightSpec[]; focus?: string }
  | { type: 'remove'; annotationIds: string[] }
  | { type: 'reset'; highlights: HighlightSpec[] }
  /** Marks one highlight as the keyboard's current one (a focus ring), or none. */
  | { type: 'focus'; annotationId: string | null }
  /** Draws the highlights up to document position `to` too (see HighlightState.drawnTo). */
  | { type: 'draw'; to: number };

export interface HighlightState {
  /**
   * The segments of the highlights before `drawnTo`: what is drawn. A long article opens with
   * its first screens highlighted instead of waiting for thousands of highlights it does not
   * show yet; the view draws the rest in idle time (`drawRest`), each step adding only its own
   * segments (building every segment at once cost a DecorationSet.create over all of them, and
   * each step rebuilt the drawn part again).
   */
  set: DecorationSet;
  /** Every highlight, drawn or not (clicks, Tab and the card work on all of them). */
  highlights: ReadonlyMap<string, HighlightSpec>;
  focused: string | null;
  /** Segments exist up to this document position, always between two blocks (or the end). */
  drawnTo: number;
}

/**
 * How much of the text is highlighted when the view is created, in document positions (about
 * characters). Trade-off: more covers a taller screen or a quick scroll on the first draw, but
 * delays a long article's first draw (about 1 ms per thousand characters of a densely
 * annotated text on a fast machine).
 */
export const FIRST_DRAWN = 8_000;
/** How much more each idle-time step highlights (a step should stay well under a frame). */
export const DRAW_STEP = 8_000;

/** `pos`, moved forward to the next boundary between top-level blocks (or the end). */
function blockBoundary(doc: Node, pos: number): number {
  if (pos >= doc.content.size) return doc.content.size;
  const $pos = doc.resolve(Math.max(0, pos));
  return $pos.depth === 0 ? $pos.pos : $pos.after(1);
}

/** The segments of the highlights that overlap [from, to), cut at its edges. */
function segmentsIn(highlights: Iterable<HighlightSpec>, from: number, to: number): Decoration[] {
  if (to <= from) return [];
  const relevant = [...highlights].filter((h) => h.from < to && h.to > from);
  return segmentDecorations(relevant, from, to);
}

export const highlightKey = new PluginKey<HighlightState>('factmark-highlights');

/** Underlines drawn per segment at most; deeper overlaps share the last one. */
const MAX_UNDERLINES = 3;

/** Decorations for the segments of `highlights` within [from, to). */
function segmentDecorations(
  highlights: readonly HighlightSpec[],
  from: number,
  to: number,
): Decoration[] {
  const local = highlights.map((h) => ({
    start: Math.max(h.from, from) - from,
    end: Math.min(h.to, to) - from,
  }));
  return splitSegments(to - from, local)
    .filter((segment) => segment.spans.length > 0)
    .map((segment) => {
      // Innermost (most specific) first: its colour shades the text.
      const covering = segment.spans.map((index) => highlights[index]!).reverse();
      const colors = covering.map((h) => h.color);
      const depth = Math.min(covering.length, MAX_UNDERLINES);
      return Decoration.inline(
        from + segment.start,
        from + segment.end,
        {
          class: `hl depth-${depth}`,
          style: colors
            .slice(0, MAX_UNDERLINES)
            .map((color, i) => `--hl${i === 0 ? '' : i + 1}: ${color}`)
            .join('; '),
          'data-annotation-id': covering.map((h) => h.annotationId).join(' '),
          'data-claim-ids': [...new Set(covering.map((h) => h.claimId))].join(' '),
        },
        {
          annotationIds: covering.map((h) => h.annotationId),
          claimIds: [...new Set(covering.map((h) => h.claimId))],
          // Text typed at an edge stays outside (as on the server); the segments around an
          // edit are recomputed from the highlights anyway.
          inclusiveStart: false,
          inclusiveEnd: false,
        },
      );
    });
}

/** Recomputes the drawn segments around [from, to) after `highlights` changed there. */
function resegment(
  state: HighlightState,
  doc: Node,
  from: number,
  to: number,
  highlights: Map<string, HighlightSpec>,
): HighlightState {
  const focused = state.focused !== null && highlights.has(state.focused) ? state.focused : null;
  // Past the drawn part there are no segments yet: the idle steps will draw them.
  if (from >= state.drawnTo) return { ...state, highlights, focused };
  const stale = state.set.find(from, Math.min(to, state.drawnTo));
  const windowFrom = Math.min(from, ...stale.map((d) => d.from));
  const windowTo = Math.min(state.drawnTo, Math.max(to, ...stale.map((d) => d.to)));
  return {
    set: state.set.remove(stale).add(doc, segmentsIn(highlights.values(), windowFrom, windowTo)),
    highlights,
    focused,
    drawnTo: state.drawnTo,
  };
}

/** The pure reducer: the highlight state after one action. */
export function reduceHighlights(
  state: HighlightState,
  doc: Node,
  action: HighlightAction,
): HighlightState {
  switch (action.type) {
    case 'reset': {
      const highlights = new Map(action.highlights.map((h) => [h.annotationId, h]));
      const drawnTo = blockBoundary(doc, state.drawnTo);
      return {
        set: DecorationSet.create(doc, segmentsIn(action.highlights, 0, drawnTo)),
        highlights,
        focused: state.focused !== null && highlights.has(state.focused) ? state.focused : null,
        drawnTo,
      };
    }
    case 'add': {
      let next = state;
      for (const h of action.highlights) {
        const highlights = new Map(next.highlights).set(h.annotationId, h);
        next = resegment(next, doc, h.from, h.to, highlights);
      }
      return action.focus !== undefined && next.highlights.has(action.focus)
        ? { ...next, focused: action.focus }
        : next;
    }
    case 'remove': {
      let next = state;
      for (const id of action.annotationIds) {
        const gone = next.highlights.get(id);
        if (!gone) continue;
        const highlights = new Map(next.highlights);
        highlights.delete(id);
        next = resegment(next, doc, gone.from, gone.to, highlights);
      }
      return next;
    }
    case 'focus':
      return { ...state, focused: action.annotationId };
    case 'draw': {
      if (action.to <= state.drawnTo) return state;
      const drawnTo = blockBoundary(doc, action.to);
      return {
        ...state,
        set: state.set.add(doc, segmentsIn(state.highlights.values(), state.drawnTo, drawnTo)),
        drawnTo,
      };
    }
  }
}

/**
 * Where a highlight's edge at `pos` stands after one step: text inserted at the edge stays
 * outside; an edge inside a replaced range goes to the replacement's outer side, so the
 * replacement joins the highlight (lib/anchoring's `mapThroughChange`, on positions).
 */
function mapEdge(map: StepMap, pos: number, side: 'start' | 'end'): number {
  const assoc = side === 'start' ? 1 : -1;
  const result = map.mapResult(pos, assoc);
  return result.deletedAcross ? map.map(pos, -assoc) : result.pos;
}

function mapState(state: HighlightState, tr: Transaction, doc: Node): HighlightState {
  if (!tr.docChanged) return state;
  const highlights = new Map<string, HighlightSpec>();
  for (const [id, h] of state.highlights) {
    let { from, to } = h;
    for (const map of tr.mapping.maps) {
      from = mapEdge(map, from, 'start');
      to = Math.max(from, mapEdge(map, to, 'end'));
    }
    highlights.set(id, { ...h, from, to });
  }
  // The mapped segments are right away from the edits; around them, where a segment edge met
  // an edit, they are drawn again from the highlights.
  // Revise mode draws everything; a partly drawn text keeps its edge between two blocks.
  const all = state.drawnTo >= tr.before.content.size;
  let next: HighlightState = {
    set: state.set.map(tr.mapping, doc),
    highlights,
    focused: state.focused,
    drawnTo: all ? doc.content.size : blockBoundary(doc, tr.mapping.map(state.drawnTo, 1)),
  };
  for (const [from, to] of changedRanges(tr)) next = resegment(next, doc, from, to, highlights);
  return next;
}

/** The ranges of the final document that the transaction's steps touched (merged, in order). */
function changedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * The plugin, with `initial` highlights drawn up to position `drawFirst` (all by default); the
 * view draws the rest with `drawRest`.
 */
export function highlightPlugin(initial: HighlightSpec[], drawFirst = Infinity) {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_, state) =>
        reduceHighlights(
          { set: DecorationSet.empty, highlights: new Map(), focused: null, drawnTo: drawFirst },
          state.doc,
          {
            type: 'reset',
            highlights: initial,
          },
        ),
      apply(tr, value) {
        const mapped = mapState(value, tr, tr.doc);
        const action = tr.getMeta(highlightKey) as HighlightAction | undefined;
        return action ? reduceHighlights(mapped, tr.doc, action) : mapped;
      },
    },
    props: {
      decorations(state) {
        const value = highlightKey.getState(state);
        if (!value) return null;
        const focused = value.focused === null ? undefined : value.highlights.get(value.focused);
        if (!focused) return value.set;
        // The focus ring is one extra decoration over the current highlight, added per draw.
        return value.set.add(state.doc, [
          Decoration.inline(focused.from, focused.to, { class: 'hl-focus' }),
        ]);
      },
    },
  });
}

/**
 * The highlights covering document position `pos`, innermost first (as the segments order
 * them), found from the highlights themselves: for the text not drawn yet.
 */
export function highlightsAt(state: EditorState, pos: number): HighlightSpec[] {
  const value = highlightKey.getState(state);
  if (!value) return [];
  return [...value.highlights.values()]
    .filter((h) => h.from <= pos && pos < h.to)
    .sort((a, b) => b.from - a.from || a.to - b.to);
}

/** Whether the highlights at `pos` are drawn yet (see HighlightState.drawnTo). */
export function isDrawnAt(state: EditorState, pos: number): boolean {
  const value = highlightKey.getState(state);
  return !value || pos < value.drawnTo;
}

/** The claim ids of every highlight covering document position `pos`. */
export function claimsAt(state: EditorState, pos: number): string[] {
  const value = highlightKey.getState(state);
  if (!value) return [];
  // Not drawn yet: straight from the highlights.
  if (pos >= value.drawnTo) {
    return [...new Set(highlightsAt(state, pos).map((h) => h.claimId))];
  }
  const ids = value.set
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .flatMap((d) => d.spec.claimIds as string[]);
  return [...new Set(ids)];
}

/** The highlights in text order (by start, the longer first). */
export function highlightsInOrder(state: EditorState): HighlightSpec[] {
  const value = highlightKey.getState(state);
  if (!value) return [];
  return [...value.highlights.values()].sort((a, b) => a.from - b.from || b.to - a.to);
}

/** The keyboard's current highlight, if any. */
export function focusedHighlight(state: EditorState): HighlightSpec | null {
  const value = highlightKey.getState(state);
  return (value?.focused && value.highlights.get(value.focused)) || null;
}

/**
 * Draws the highlights not drawn yet, one DRAW_STEP per idle moment, then marks
 * `factmark:highlights-drawn` (a performance mark). Returns the function that stops it.
 */
export function drawRest(view: EditorView): () => void {
  const later = (step: () => void) => whenIdle(step, 100);
  // Not while a mouse button or finger is down in the text: redrawing a paragraph under a drag
  // in progress would drop the selection being made.
  let pressed = false;
  const press = () => (pressed = true);
  const release = () => (pressed = false);
  view.dom.addEventListener('pointerdown', press);
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
  const stopListening = () => {
    view.dom.removeEventListener('pointerdown', press);
    window.removeEventListener('pointerup', release);
    window.removeEventListener('pointercancel', release);
  };
  let cancel = later(function step() {
    if (pressed) {
      cancel = later(step);
      return;
    }
    const value = highlightKey.getState(view.state);
    if (!value || value.drawnTo >= view.state.doc.content.size) {
      stopListening();
      performance.mark('factmark:highlights-drawn');
      return;
    }
    const action: HighlightAction = { type: 'draw', to: value.drawnTo + DRAW_STEP };
    view.dispatch(view.state.tr.setMeta(highlightKey, action).setMeta('addToHistory', false));
    cancel = later(step);
  });
  return () => {
    cancel();
    stopListening();
  };
}
