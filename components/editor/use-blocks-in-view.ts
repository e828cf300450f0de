'use client';

/**
 * Drawing a long list in blocks, each once it comes near the view. A block not drawn yet is
 * one placeholder element carrying `data-block` (its index); when it nears the visible part of
 * the list (the scrolling panel on a wide screen, the window on a phone), its rows are drawn
 * and stay drawn. The first block is drawn from the start (on the server too).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Rows per block. Trade-off: a bigger block fills a tall screen with one draw and needs fewer
 * placeholders, but costs more to draw at once (a few milliseconds per ten rows).
 */
export const BLOCK_ROWS = 50;

/** How far past the visible part of the list blocks are drawn, so scrolling rarely sees a gap. */
const DRAW_AHEAD = '1000px 0px';

/**
 * Whether block `index` is drawn, for the list in `list` with `rows` rows; the block of row
 * `keepRow` (or none for -1) is always drawn. While the list is kept hidden (`shown` false, under
 * `content-visibility: hidden`) nothing is drawn for being near the view: the observer sees
 * nothing intersect there.
 */
export function useBlocksInView(
  list: RefObject<HTMLElement | null>,
  rows: number,
  keepRow: number,
  shown = true,
): (index: number) => boolean {
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set([0]));

  // The scrolling ancestor, found again only when the window's width changed (the list moves
  // between the side panel and the page): finding it reads computed styles and sizes, which
  // would force a layout on every change of the list (adding a claim).
  const root = useRef<{ element: HTMLElement | null; width: number } | null>(null);
  // One observer for the list's life (a new one only on resize): a change of the list (adding
  // a claim) observes the placeholders it does not watch yet and nothing else, instead of
  // computing every placeholder's intersection anew. It stays while the list is kept hidden
  // behind another panel (the observer sees nothing intersect under content-visibility:
  // hidden): a new one each time the list was shown again (a claim just saved) observed every
  // placeholder anew and computed each one's first intersection inside the save's frame. Only
  // one created or re-rooted while hidden (where the scrolling ancestor cannot be told) waits
  // until the list is shown.
  const observer = useRef<IntersectionObserver | null>(null);
  const shownNow = useRef(shown);
  const startWhenShown = useRef<(() => void) | null>(null);
  useEffect(() => {
    shownNow.current = shown;
    if (!shown || !startWhenShown.current) return;
    const start = startWhenShown.current;
    startWhenShown.current = null;
    start();
  }, [shown]);
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const start = () => {
      if (!shownNow.current) {
        startWhenShown.current = start;
        return;
      }
      observer.current?.disconnect();
      if (root.current?.width !== window.innerWidth) {
        root.current = { element: scrollingAncestor(element), width: window.innerWidth };
      }
      observer.current = new IntersectionObserver(
        (entries) => {
          const near = entries
            .filter((entry) => entry.isIntersecting)
            .map((entry) => Number((entry.target as HTMLElement).dataset.block));
          if (near.length === 0) return;
          setDrawn((before) =>
            near.every((index) => before.has(index)) ? before : new Set([...before, ...near]),
          );
        },
        { root: root.current.element, rootMargin: DRAW_AHEAD },
      );
      observePending(element, observer.current);
    };
    start();
    // A resize can move the list between the side panel and the page (phones).
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(start);
    };
    window.addEventListener('resize', onResize);
    return () => {
      observer.current?.disconnect();
      observer.current = null;
      startWhenShown.current = null;
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', onResize);
    };
  }, [list]);
  // Placeholders appear and go as rows are added and blocks drawn (observing one already
  // watched does nothing; a drawn block's placeholder leaves the page and stops counting).
  useEffect(() => {
    if (list.current && observer.current) observePending(list.current, observer.current);
  }, [list, rows, drawn]);

  const keepBlock = keepRow < 0 ? -1 : Math.floor(keepRow / BLOCK_ROWS);
  return useCallback(
    (index: number) => index === keepBlock || drawn.has(index),
    [drawn, keepBlock],
  );
}

/** Watches every placeholder of `list` (again: a no-op for those already watched). */
function observePending(list: HTMLElement, observer: IntersectionObserver): void {
  list
    .querySelectorAll<HTMLElement>('[data-block]')
    .forEach((placeholder) => observer.observe(placeholder));
}

/** The nearest ancestor that scrolls its content (the side panel), or null for the window. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if ((overflowY === 'auto' || overflowY === 'scroll') && at.scrollHeight > at.clientHeight) {
      return at;
    }
  }
  return null;
}
