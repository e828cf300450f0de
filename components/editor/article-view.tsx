'use client';

/**
 * The article text in a ProseMirror view: one paragraph node per paragraph. The document can
 * be selected with mouse and keyboard but never changed (a transaction filter refuses every
 * change), so nothing is typed into it by accident; text edits go through "Edit text".
 * This is the only place that converts between ProseMirror positions and text offsets.
 */
import { Schema, type Node } from 'prosemirror-model';
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import {
  buildParagraphMap,
  offsetToPos,
  posToOffset,
  type ParagraphMap,
} from '@/lib/paragraph-map';
import type { Paragraph } from '@/lib/text';
import {
  claimsAt,
  focusedHighlight,
  highlightKey,
  highlightPlugin,
  highlightsInOrder,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';
import styles from './article-view.module.css';

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
});

/** A highlight in text offsets; the view converts it to positions. */
export interface TextHighlight extends Omit<HighlightSpec, 'from' | 'to'> {
  start: number;
  end: number;
}

export interface ArticleViewHandle {
  /** The selected text range in offsets, or null when nothing is selected. */
  selection(): { start: number; end: number } | null;
  dispatchHighlights(
    action:
      | { type: 'add' | 'reset'; highlights: TextHighlight[] }
      | { type: 'remove'; annotationIds: string[] },
  ): void;
  scrollToOffset(offset: number): void;
  /** Focuses the text with this span as the keyboard's current highlight; false if not drawn. */
  focusHighlight(annotationId: string): boolean;
  /** Scrolls to a span and flashes its highlight. */
  revealAnnotation(annotationId: string, start: number): void;
  focus(): void;
}

/** Where something is on screen (viewport coordinates). */
export interface ScreenBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Props {
  paragraphs: Paragraph[];
  highlights: TextHighlight[];
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

/** The screen box of a range of the text (its first line's start to its end). */
function rangeBox(view: EditorView, from: number, to: number): ScreenBox {
  const start = view.coordsAtPos(from);
  const end = view.coordsAtPos(to);
  return { top: start.top, bottom: end.bottom, left: start.left, right: end.right };
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

function buildDoc(paragraphs: Paragraph[]): Node {
  const nodes = (paragraphs.length ? paragraphs : [{ text: '' } as Paragraph]).map((p) =>
    schema.node('paragraph', null, p.text ? [schema.text(p.text)] : []),
  );
  return schema.node('doc', null, nodes);
}

function toSpec(map: ParagraphMap, h: TextHighlight): HighlightSpec | null {
  const from = offsetToPos(map, h.start, 'start');
  const to = offsetToPos(map, h.end, 'end');
  if (to <= from) return null;
  const { start: _s, end: _e, ...rest } = h;
  return { ...rest, from, to };
}

export const ArticleView = forwardRef<ArticleViewHandle, Props>(function ArticleView(
  { paragraphs, highlights, onHighlightClick, onSelectionChange, onHighlightFocus },
  ref,
) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const map = useRef<ParagraphMap>(buildParagraphMap(paragraphs));
  const callbacks = useRef({ onHighlightClick, onSelectionChange, onHighlightFocus });
  useEffect(() => {
    callbacks.current = { onHighlightClick, onSelectionChange, onHighlightFocus };
  });

  // The view is created once per text; highlights change through transactions afterwards.
  useEffect(() => {
    map.current = buildParagraphMap(paragraphs);
    const specs = highlights
      .map((h) => toSpec(map.current, h))
      .filter((s): s is HighlightSpec => s !== null);
    const state = EditorState.create({
      doc: buildDoc(paragraphs),
      plugins: [readOnlyText, highlightPlugin(specs)],
    });
    const editor = new EditorView(mount.current!, {
      state,
      attributes: {
        class: 'article-text',
        'aria-label': 'Article text',
        role: 'textbox',
        'aria-readonly': 'true',
        spellcheck: 'false',
      },
      dispatchTransaction(tr) {
        const next = editor.state.apply(tr);
        editor.updateState(next);
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
        mouseout: (_v, event) => {
          const from = (event.target as Element).closest?.('.hl');
          const to = (event.relatedTarget as Element | null)?.closest?.('.hl');
          if (from && !to) callbacks.current.onHighlightFocus?.(null);
          return false;
        },
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
        drop: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handlePaste: () => true,
      handleTextInput: () => true,
      handleClick(v, pos, event) {
        const ids = claimsAt(v.state, pos);
        if (ids.length > 0)
          callbacks.current.onHighlightClick(ids, { x: event.clientX, y: event.clientY });
        return false;
      },
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- highlights only seed the first state
  }, [paragraphs]);

  useImperativeHandle(ref, () => ({
    selection() {
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
      if (empty) return null;
      const start = posToOffset(map.current, from);
      const end = posToOffset(map.current, to);
      return end > start ? { start, end } : null;
    },
    dispatchHighlights(action) {
      const editor = view.current;
      if (!editor) return;
      let meta: HighlightAction;
      if (action.type === 'remove') meta = action;
      else {
        const specs = action.highlights
          .map((h) => toSpec(map.current, h))
          .filter((s): s is HighlightSpec => s !== null);
        meta = { type: action.type, highlights: specs };
      }
      editor.dispatch(editor.state.tr.setMeta(highlightKey, meta).setMeta('addToHistory', false));
    },
    scrollToOffset(offset) {
      const editor = view.current;
      if (!editor) return;
      const pos = offsetToPos(map.current, offset, 'start');
      const { node } = editor.domAtPos(pos);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    focusHighlight(annotationId) {
      const editor = view.current;
      if (!editor) return false;
      const target = highlightKey.getState(editor.state)?.highlights.get(annotationId);
      if (!target) return false;
      editor.focus();
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
  }));

  return <div ref={mount} className={`article-view ${styles.view}`} />;
});
