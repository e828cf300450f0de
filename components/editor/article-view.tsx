'use client';

/**
 * The article text in a ProseMirror view: one paragraph node per paragraph. The document can
 * be selected with mouse and keyboard but never changed (a transaction filter refuses every
 * change), so nothing is typed into it by accident; text edits go through "Edit text".
 * This is the only place that converts between ProseMirror positions and text offsets.
 */
import { Schema, type Node } from 'prosemirror-model';
import { EditorState, Plugin } from 'prosemirror-state';
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
  highlightKey,
  highlightPlugin,
  type HighlightAction,
  type HighlightSpec,
} from './highlight-plugin';

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
  /** Scrolls to a span and flashes its highlight. */
  revealAnnotation(annotationId: string, start: number): void;
  focus(): void;
}

interface Props {
  paragraphs: Paragraph[];
  highlights: TextHighlight[];
  /** Called with the claims under a click (several where highlights overlap). */
  onHighlightClick(claimIds: string[], at: { x: number; y: number }): void;
  onSelectionChange?(hasSelection: boolean): void;
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
  { paragraphs, highlights, onHighlightClick, onSelectionChange },
  ref,
) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const map = useRef<ParagraphMap>(buildParagraphMap(paragraphs));
  const callbacks = useRef({ onHighlightClick, onSelectionChange });
  callbacks.current = { onHighlightClick, onSelectionChange };

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
        if (tr.selectionSet) callbacks.current.onSelectionChange?.(!next.selection.empty);
      },
      // Read-only text that can still be selected with the keyboard: refuse every change.
      handleDOMEvents: {
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

  return <div ref={mount} className="article-view" />;
});
