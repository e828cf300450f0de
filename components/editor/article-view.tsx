'use client';

/**
 * The article text in a ProseMirror view: one paragraph node per paragraph (./article-doc).
 * Read mode: the document can be selected with mouse and keyboard but never changed (a
 * transaction filter refuses every change), so nothing is typed into it by accident. Revise
 * mode (`revising`): the user edits the prose in place, with undo; the highlights stay drawn
 * and move with the text (./highlight-plugin), and every step is recorded as a text edit for
 * the revision the workspace saves. The pasted-text fallback is "Edit text".
 * This is the only place that converts between ProseMirror positions and text offsets.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { flushSync } from 'react-dom';
import { CONFIDENCE_FLOOR, scoreTextQuoteMatch } from '@/lib/anchoring/match-quote';
import { describeTextQuote } from '@/lib/anchoring/describe';
import type { TextAnchor } from '@/lib/anchoring/selectors';
import { snapToWords } from '@/lib/anchoring/snap-to-words';
import { mapSpanThroughEdits, type TextEdit } from '@/lib/anchoring/text-edits';
import { offsetToPos, posToOffset, type ParagraphMap } from '@/lib/paragraph-map';
import { docOf, editsOf, mapOf, textOf } from './article-doc';
import {
  claimsAt,
  drawRest,
  FIRST_DRAWN,
  focusedHighlight,
  highlightKey,
  highlightPlugin,
  highlightsAt,
  highlightsInOrder,
  isDrawnAt,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';
import { measureUntilPainted } from './frame-timing';
import styles from './article-view.module.css';

/** A highlight in text offsets; the view converts it to positions. */
export interface TextHighlight extends Omit<HighlightSpec, 'from' | 'to'> {
  start: number;
  end: number;
}

export interface ArticleViewHandle {
  /**
   * The selected text range in offsets, or null when nothing is selected. The range is snapped
   * to whole words (and the view's selection with it) unless `exact` is asked for or Alt was
   * held when the selection was made (the end of the drag, or the Shift+arrow key).
   */
  selection(options?: { exact?: boolean }): { start: number; end: number } | null;
  /**
   * Adds, removes or replaces highlights. An add with `current` also makes that one the
   * keyboard's current highlight: its ring and the caret at once, so a caller inside `flushSync`
   * draws them with its own changes; its card (`onHighlightFocus`), a scroll to it when it is
   * out of view and, with `focus`, the text's focus come in the frame after that one.
   */
  dispatchHighlights(
    action:
      | { type: 'add'; highlights: TextHighlight[]; current?: string; focus?: boolean }
      | { type: 'reset'; highlights: TextHighlight[] }
      | { type: 'remove'; annotationIds: string[] },
  ): void;
  scrollToOffset(offset: number): void;
  /** Where a range of the text (offsets) is on screen; null before the view exists. */
  boxOf(start: number, end: number): ScreenBox | null;
  /**
   * Focuses the text with this span as the keyboard's current highlight; false if not drawn.
   * With `focus: false` the highlight becomes current (ring, caret, card) but focus stays where
   * it is, for a caller that moves it after drawing its own changes.
   */
  focusHighlight(annotationId: string, options?: { focus?: boolean }): boolean;
  /** Scrolls to a span and flashes its highlight. */
  revealAnnotation(annotationId: string, start: number): void;
  focus(): void;
  /** Revise mode: the text as edited and the edits that made it from the shown revision. */
  revision(): { text: string; edits: TextEdit[] } | null;
}

/** Revise mode's running account of what saving would do to the highlights. */
export interface RevisionPreview {
  /** Whether the text differs from the revision it started from. */
  changed: boolean;
  /** Highlights whose words changed: saved FUZZY, their claims go back to review. */
  reworded: number;
  /** Highlights whose words are deleted or mostly rewritten: searched for again on save. */
  lost: number;
}

/** Where something is on screen (viewport coordinates). */
export interface ScreenBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Props {
  text: string;
  /** The highlights the view starts with, asked for when it is created (per text and mode). */
  highlights(): TextHighlight[];
  /** Revise mode: the text is editable (see the module comment). */
  revising?: boolean;
  /** Revise mode: called after every change of the text. */
  onRevise?(preview: RevisionPreview): void;
  /** Called with the claims under a click or Enter (several where highlights overlap). */
  onHighlightClick(claimIds: string[], at: { x: number; y: number }): void;
  /** The selection changed: where it ends on screen, or null when nothing is selected. */
  onSelectionChange?(selection: ScreenBox | null): void;
  /**
   * The claims under the pointer or the keyboard's current highlight, with the highlight's
   * box; null when there is none any more.
   */
  onHighlightFocus?(
    target: { claimIds: string[]; box: ScreenBox; by: 'pointer' | 'keyboard' } | null,
  ): void;
}

function boxOf(rect: DOMRect | ScreenBox): ScreenBox {
  return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
}

/**
 * Makes ProseMirror read the next press as a first click. Its click history is internal
 * (`view.input.lastClick`, prosemirror-view 1.x); if a later version moves it, this does nothing
 * and the panel's re-open test (e2e/browser/workspace.spec.ts) fails.
 */
function forgetLastClick(view: EditorView) {
  const input = (view as unknown as { input?: { lastClick?: { time: number } } }).input;
  if (input?.lastClick) input.lastClick.time = 0;
}

/** The screen box of a range of the text (its first line's start to its end). */
function rangeBox(view: EditorView, from: number, to: number): ScreenBox {
  const start = view.coordsAtPos(from);
  const end = view.coordsAtPos(to);
  return { top: start.top, bottom: end.bottom, left: start.left, right: end.right };
}

/** Runs `step` at the start of the frame after the next one: after the next frame is painted. */
function afterNextFrame(step: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(step));
}

/** The highlight after (or before) position `pos` in text order, or null past the last. */
function stepHighlight(state: EditorState, pos: number, step: 1 | -1): HighlightSpec | null {
  const all = highlightsInOrder(state);
  const current = focusedHighlight(state);
  if (step === 1) {
    return all.find((h) => (current ? compareTo(h, current) > 0 : h.from >= pos)) ?? null;
  }
  return (
    [...all].reverse().find((h) => (current ? compareTo(h, current) < 0 : h.from < pos)) ?? null
  );
}

function compareTo(a: HighlightSpec, b: HighlightSpec): number {
  return (
    a.from - b.from ||
    b.to - a.to ||
    (a.annotationId < b.annotationId ? -1 : a.annotationId > b.annotationId ? 1 : 0)
  );
}

/** Whatever the browser tries (typing, IME, cut, drop), no change to the document is applied. */
const readOnlyText = new Plugin({ filterTransaction: (tr) => !tr.docChanged });

/** Revise mode's keys: undo and redo, then ProseMirror's usual editing keys (Enter splits). */
const revisePlugins = () => [
  history(),
  keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
  keymap(baseKeymap),
];

/** What saving would do to each highlight of `original`, with the text now in `state`. */
function previewOf(
  state: EditorState,
  original: ReadonlyMap<string, TextAnchor>,
  changed: boolean,
): RevisionPreview {
  const value = highlightKey.getState(state);
  const map = mapOf(state.doc);
  const text = textOf(state.doc);
  let reworded = 0;
  let lost = 0;
  for (const [id, anchor] of original) {
    const h = value?.highlights.get(id);
    const span = h ? { start: posToOffset(map, h.from), end: posToOffset(map, h.to) } : null;
    if (!span || span.end <= span.start) lost += 1;
    else if (text.slice(span.start, span.end) !== anchor.exact) {
      // The server's floor decides whether the edited words still hold the highlight.
      if (scoreTextQuoteMatch(text, anchor, span) < CONFIDENCE_FLOOR) lost += 1;
      else reworded += 1;
    }
  }
  return { changed, reworded, lost };
}

function toSpec(map: ParagraphMap, h: TextHighlight): HighlightSpec | null {
  const from = offsetToPos(map, h.start, 'start');
  const to = offsetToPos(map, h.end, 'end');
  if (to <= from) return null;
  const { start: _s, end: _e, ...rest } = h;
  return { ...rest, from, to };
}

export const ArticleView = forwardRef<ArticleViewHandle, Props>(function ArticleView(
  {
    text: articleText,
    highlights,
    revising = false,
    onRevise,
    onHighlightClick,
    onSelectionChange,
    onHighlightFocus,
  },
  ref,
) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const map = useRef<ParagraphMap | null>(null);
  const text = useRef(articleText);
  // Revise mode: the edits since the shown revision, in order.
  const edits = useRef<TextEdit[]>([]);
  // Whether Alt was held when the current selection was made: keep its exact characters.
  const exactGesture = useRef(false);
  const callbacks = useRef({
    onHighlightClick,
    onSelectionChange,
    onHighlightFocus,
    onRevise,
  });
  useEffect(() => {
    callbacks.current = {
      onHighlightClick,
      onSelectionChange,
      onHighlightFocus,
      onRevise,
    };
  });

  // The view is created once per text and mode; highlights change through transactions after.
  useEffect(() => {
    const doc = docOf(articleText);
    const docMap = mapOf(doc);
    map.current = docMap;
    text.current = articleText;
    edits.current = [];
    const initial = highlights();
    const specs = initial
      .map((h) => toSpec(docMap, h))
      .filter((s): s is HighlightSpec => s !== null);
    // Revise mode: each highlight's quote as saved, to tell what an edit does to it.
    const original = new Map(
      revising
        ? initial.map((h) => [
            h.annotationId,
            describeTextQuote(articleText, { start: h.start, end: h.end }),
          ])
        : [],
    );
    // Highlights past the drawn part (while the rest is drawn in idle time) have no element to
    // hover yet: the pointer's position finds them instead, once per frame, so their card shows
    // at once like any other's.
    let hoverFrame = 0;
    let hoveredByPosition: string | null = null;
    const hoverAt = (x: number, y: number) => {
      hoverFrame = 0;
      const at = editor.posAtCoords({ left: x, top: y });
      const covering =
        at && !isDrawnAt(editor.state, at.pos) ? highlightsAt(editor.state, at.pos) : [];
      const key = covering.map((h) => h.annotationId).join(' ') || null;
      if (key === hoveredByPosition) return;
      hoveredByPosition = key;
      const innermost = covering[0];
      callbacks.current.onHighlightFocus?.(
        innermost
          ? {
              claimIds: [...new Set(covering.map((h) => h.claimId))],
              box: rangeBox(editor, innermost.from, innermost.to),
              by: 'pointer',
            }
          : null,
      );
    };
    const state = EditorState.create({
      doc,
      plugins: revising
        ? [highlightPlugin(specs), ...revisePlugins()]
        : [readOnlyText, highlightPlugin(specs, FIRST_DRAWN)],
    });
    const editor = new EditorView(mount.current!, {
      state,
      attributes: revising
        ? {
            class: 'article-text revising',
            'aria-label': 'Article text, being revised',
            role: 'textbox',
            'aria-multiline': 'true',
            'data-revising': 'true',
            spellcheck: 'true',
          }
        : {
            class: 'article-text',
            'aria-label': 'Article text',
            role: 'textbox',
            'aria-readonly': 'true',
            spellcheck: 'false',
          },
      dispatchTransaction(tr) {
        const next = editor.state.apply(tr);
        editor.updateState(next);
        if (revising) {
          if (tr.docChanged) {
            edits.current.push(...editsOf(tr));
            const changed = textOf(next.doc) !== articleText;
            callbacks.current.onRevise?.(previewOf(next, original, changed));
          }
          return;
        }
        if (tr.selectionSet) {
          const { from, to, empty } = next.selection;
          callbacks.current.onSelectionChange?.(empty ? null : rangeBox(editor, from, to));
          // A click or an arrow key ends the keyboard's walk through the highlights.
          if (!tr.getMeta(highlightKey) && focusedHighlight(next)) {
            editor.dispatch(
              editor.state.tr.setMeta(highlightKey, { type: 'focus', annotationId: null }),
            );
            callbacks.current.onHighlightFocus?.(null);
          }
        }
      },
      // Tab and Shift+Tab walk the highlights in text order; Enter opens the current one's claim.
      handleKeyDown(v, event) {
        if (revising) return false;
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === 'Tab') {
          const target = stepHighlight(v.state, v.state.selection.head, event.shiftKey ? -1 : 1);
          if (!target) {
            if (focusedHighlight(v.state)) {
              v.dispatch(v.state.tr.setMeta(highlightKey, { type: 'focus', annotationId: null }));
              callbacks.current.onHighlightFocus?.(null);
            }
            return false; // past the last (or first) highlight, Tab leaves the text
          }
          v.dispatch(
            v.state.tr
              .setSelection(TextSelection.create(v.state.doc, target.from))
              .setMeta(highlightKey, { type: 'focus', annotationId: target.annotationId })
              .scrollIntoView(),
          );
          callbacks.current.onHighlightFocus?.({
            claimIds: claimsAt(v.state, target.from),
            box: rangeBox(v, target.from, target.to),
            by: 'keyboard',
          });
          return true;
        }
        if (event.key === 'Enter') {
          const current = focusedHighlight(v.state);
          if (!current) return false;
          const box = rangeBox(v, current.from, current.to);
          callbacks.current.onHighlightClick(claimsAt(v.state, current.from), {
            x: box.left,
            y: box.bottom,
          });
          return true;
        }
        return false;
      },
      // Read-only text that can still be selected with the keyboard: refuse every change.
      handleDOMEvents: {
        ...(!revising && {
          beforeinput: (_view: EditorView, event: Event) => {
            event.preventDefault();
            return true;
          },
          drop: (_view: EditorView, event: Event) => {
            event.preventDefault();
            return true;
          },
        }),
        // ProseMirror counts a click within 500 ms of its last one in the text, at the same
        // place, as a double click (it selects a word, and never calls handleClick), even when
        // the user clicked elsewhere in between (Save in the panel, then the highlight again).
        // The browser's own count says whether this press is a first one.
        mousedown: (v, event) => {
          if (event.detail === 1) forgetLastClick(v);
          return false;
        },
        mouseup: (_view, event) => {
          exactGesture.current = event.altKey;
          return false;
        },
        keyup: (_view, event) => {
          if (event.shiftKey) exactGesture.current = event.altKey;
          return false;
        },
        mouseover: (v, event) => {
          const element = (event.target as Element).closest?.('.hl');
          if (!element) return false;
          const claimIds = (element.getAttribute('data-claim-ids') ?? '')
            .split(' ')
            .filter(Boolean);
          callbacks.current.onHighlightFocus?.({
            claimIds,
            box: boxOf(element.getBoundingClientRect()),
            by: 'pointer',
          });
          return false;
        },
        mouseout: (v, event) => {
          const from = (event.target as Element).closest?.('.hl');
          const to = (event.relatedTarget as Element | null)?.closest?.('.hl');
          if (from && !to) callbacks.current.onHighlightFocus?.(null);
          const related = event.relatedTarget as Node | null;
          if (hoveredByPosition && !(related && v.dom.contains(related))) {
            cancelAnimationFrame(hoverFrame);
            hoverFrame = 0;
            hoveredByPosition = null;
            callbacks.current.onHighlightFocus?.(null);
          }
          return false;
        },
        mousemove: (v, event) => {
          // Only while some text is not highlighted yet, and not over a drawn highlight.
          if (isDrawnAt(v.state, v.state.doc.content.size - 1)) return false;
          if ((event.target as Element).closest?.('.hl')) {
            hoveredByPosition = null;
            return false;
          }
          const { clientX, clientY } = event;
          cancelAnimationFrame(hoverFrame);
          hoverFrame = requestAnimationFrame(() => hoverAt(clientX, clientY));
          return false;
        },
      },
      handlePaste: () => !revising,
      handleTextInput: () => !revising,
      handleClick(v, pos, event) {
        // Revising: a click places the caret, it does not open claims.
        if (revising) return false;
        const ids = claimsAt(v.state, pos);
        if (ids.length > 0)
          callbacks.current.onHighlightClick(ids, { x: event.clientX, y: event.clientY });
        return false;
      },
    });
    view.current = editor;
    const stopDrawing = drawRest(editor);
    return () => {
      stopDrawing();
      cancelAnimationFrame(hoverFrame);
      editor.destroy();
      view.current = null;
      // The card shows one of this view's highlights: it goes with them (Edit text replaces the
      // view, a new revision or Revise mode makes another), or it would float over the next
      // text for a highlight that may not be there.
      callbacks.current.onHighlightFocus?.(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- highlights only seed the first state
  }, [articleText, revising]);

  useImperativeHandle(ref, () => ({
    selection(options) {
      const editor = view.current;
      if (!editor) return null;
      let { from, to, empty } = editor.state.selection;
      // The DOM selection can be a keystroke ahead of the editor state (it syncs on the
      // browser's selectionchange event), so read it directly when it lies in the text.
      const dom = window.getSelection();
      if (
        dom &&
        dom.rangeCount > 0 &&
        editor.dom.contains(dom.anchorNode) &&
        editor.dom.contains(dom.focusNode)
      ) {
        const range = dom.getRangeAt(0);
        from = editor.posAtDOM(range.startContainer, range.startOffset);
        to = editor.posAtDOM(range.endContainer, range.endOffset);
        empty = range.collapsed;
      }
      if (empty || !map.current) return null;
      const start = posToOffset(map.current, from);
      const end = posToOffset(map.current, to);
      if (end <= start) return null;
      if (options?.exact || exactGesture.current) return { start, end };
      const snapped = snapToWords(text.current, { start, end });
      if (!snapped) return null;
      if (snapped.start !== start || snapped.end !== end) {
        // Show the words that will be annotated.
        const selection = TextSelection.create(
          editor.state.doc,
          offsetToPos(map.current, snapped.start, 'start'),
          offsetToPos(map.current, snapped.end, 'end'),
        );
        editor.dispatch(editor.state.tr.setSelection(selection));
      }
      return snapped;
    },
    dispatchHighlights(action) {
      const editor = view.current;
      if (!editor || !map.current) return;
      // Revising: the highlights come in offsets of the shown revision; the text has moved on
      // since, so they go through the edits made so far (the rule the server applies on save).
      const docMap = revising ? mapOf(editor.state.doc) : map.current;
      const place = (h: TextHighlight): TextHighlight =>
        revising ? { ...h, ...mapSpanThroughEdits(edits.current, h) } : h;
      if (action.type === 'remove') {
        editor.dispatch(
          editor.state.tr.setMeta(highlightKey, action).setMeta('addToHistory', false),
        );
        return;
      }
      const specs = action.highlights
        .map((h) => toSpec(docMap, place(h)))
        .filter((s): s is HighlightSpec => s !== null);
      const current =
        action.type === 'add' ? specs.find((s) => s.annotationId === action.current) : undefined;
      const meta: HighlightAction =
        action.type === 'add'
          ? { type: 'add', highlights: specs, focus: current?.annotationId }
          : { type: 'reset', highlights: specs };
      const tr = editor.state.tr.setMeta(highlightKey, meta).setMeta('addToHistory', false);
      if (current) tr.setSelection(TextSelection.create(tr.doc, current.from));
      editor.dispatch(tr);
      if (!current) return;
      const takeFocus = action.type === 'add' && action.focus === true;
      // The frame that draws the change shows the highlight with its ring; its card and the
      // text's focus come in the frame after (measured on their own: factmark:highlight-shown),
      // so neither frame carries all of it. By then the page is laid out: where the highlight
      // is (and whether to scroll to it) is read without laying it out again. The card is drawn
      // there first, while the text does not have focus yet (a React commit with the text
      // focused walks the whole text to save its selection), then the text takes focus.
      afterNextFrame(() => {
        const now = view.current === editor ? focusedHighlight(editor.state) : null;
        if (now?.annotationId !== current.annotationId) return; // moved on meanwhile
        performance.mark('factmark:highlight-shown:start');
        let box = rangeBox(editor, now.from, now.to);
        if (box.bottom < 0 || box.top > window.innerHeight) {
          editor.dispatch(editor.state.tr.scrollIntoView());
          box = rangeBox(editor, now.from, now.to);
        }
        flushSync(() =>
          callbacks.current.onHighlightFocus?.({
            claimIds: claimsAt(editor.state, now.from),
            box,
            by: 'keyboard',
          }),
        );
        if (takeFocus) {
          // The browser's caret goes to the highlight first: focusing the text with the
          // selection outside it puts the caret at the text's start, and ProseMirror then moves
          // it (measured: the frame's script 1.7 → 1.0 ms, a 20,000-word article).
          const { selection } = editor.state;
          if (selection.empty) {
            const { node, offset } = editor.domAtPos(selection.head);
            editor.dom.ownerDocument.getSelection()?.collapse(node, offset);
          }
          editor.focus();
        }
        measureUntilPainted('factmark:highlight-shown', 'factmark:highlight-shown:start', {
          inAnimationFrame: true,
        });
      });
    },
    scrollToOffset(offset) {
      const editor = view.current;
      if (!editor || !map.current) return;
      const pos = offsetToPos(map.current, offset, 'start');
      const { node } = editor.domAtPos(pos);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    boxOf(start, end) {
      const editor = view.current;
      if (!editor || !map.current) return null;
      const docMap = revising ? mapOf(editor.state.doc) : map.current;
      return rangeBox(editor, offsetToPos(docMap, start, 'start'), offsetToPos(docMap, end, 'end'));
    },
    focusHighlight(annotationId, options) {
      const editor = view.current;
      if (!editor) return false;
      const target = highlightKey.getState(editor.state)?.highlights.get(annotationId);
      if (!target) return false;
      if (options?.focus !== false) editor.focus();
      editor.dispatch(
        editor.state.tr
          .setSelection(TextSelection.create(editor.state.doc, target.from))
          .setMeta(highlightKey, { type: 'focus', annotationId })
          .scrollIntoView(),
      );
      callbacks.current.onHighlightFocus?.({
        claimIds: claimsAt(editor.state, target.from),
        box: rangeBox(editor, target.from, target.to),
        by: 'keyboard',
      });
      return true;
    },
    revealAnnotation(annotationId, start) {
      this.scrollToOffset(start);
      const root = view.current?.dom;
      if (!root) return;
      for (const element of root.querySelectorAll(`[data-annotation-id~="${annotationId}"]`)) {
        element.classList.remove('flash');
        void (element as HTMLElement).offsetWidth; // restart the animation
        element.classList.add('flash');
      }
    },
    focus() {
      view.current?.focus();
    },
    revision() {
      const editor = view.current;
      if (!editor || !revising) return null;
      return { text: textOf(editor.state.doc), edits: [...edits.current] };
    },
  }));

  return (
    <div ref={mount} className={`article-view ${styles.view} ${revising ? styles.revising : ''}`} />
  );
});
