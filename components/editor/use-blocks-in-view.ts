'use client';

/**
 * Drawing a long list in blocks, each while it is near the view. A block not drawn is one
 * placeholder element carrying `data-block` (its index); when it nears the visible part of the
 * list (the scrolling panel on a wide screen, the window on a phone), its rows are drawn, and
 * when it is far from it again they go back to the placeholder (the browser's scroll anchoring
 * keeps what is shown in place). The first block is drawn from the start (on the server too).
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
 * How far past the visible part a drawn block goes back to its placeholder (further than
 * DRAW_AHEAD, so a block at the edge is not drawn and dropped in turn). Rows drawn stay a few
 * blocks whatever has been scrolled through: each change of the list (adding a claim) costs in
 * proportion to the rows drawn, about 50 ms with all 2,000 of a long article's drawn.
 */
const KEEP_WITHIN = '3000px 0px';

/**
 * Whether block `index` is drawn, for the list in `list` with `rows` rows; the block of row
 * `keepRow` (or none for -1) is always drawn. A drawn block marks its first row with
 * `data-block-first` and its last with `data-block-last` (the block's index): once the whole
 * block is further than KEEP_WITHIN from the view it goes back to its placeholder, if it has been
 * within KEEP_WITHIN since drawn and does not hold the focus. While the list is kept hidden
 * (`shown` false, under `content-visibility: hidden`) nothing is drawn or dropped for where it
 * is: the observers see no row in view there, and no row far either (a row without a box is not
 * far from anything).
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
  const farObserver = useRef<IntersectionObserver | null>(null);
  // Blocks seen within KEEP_WITHIN of the view since drawn: only those go back to placeholders
  // when far. The first block, drawn from the start, may never have been near (a phone opens at
  // the text, the list thousands of pixels below it): dropping it there would leave an empty list
  // to a screen reader and to the browser's find, to save one block's drawing.
  const seen = useRef(new Set<number>());
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
      farObserver.current?.disconnect();
      // Seen from another place (the side panel before a resize put the list below the text).
      seen.current.clear();
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
      farObserver.current = new IntersectionObserver(
        (entries) => {
          const far = new Set<number>();
          for (const entry of entries) {
            const row = entry.target as HTMLElement;
            const bounds = entry.rootBounds;
            if (!row.isConnected) {
              farObserver.current?.unobserve(row); // its block went back to a placeholder
              continue;
            }
            // Hidden behind another panel, every row reads as out of view (it has no box at
            // all) and none is far: the rows stay as they are, to be shown again at once.
            if (!shownNow.current || !bounds) continue;
            const { blockFirst, blockLast } = row.dataset;
            if (entry.isIntersecting) {
              if (blockFirst !== undefined) seen.current.add(Number(blockFirst));
              if (blockLast !== undefined) seen.current.add(Number(blockLast));
              continue;
            }
            // The block's first row beyond the lower edge, or its last above the upper one.
            if (blockFirst !== undefined && entry.boundingClientRect.top >= bounds.bottom) {
              far.add(Number(blockFirst));
            }
            if (blockLast !== undefined && entry.boundingClientRect.bottom <= bounds.top) {
              far.add(Number(blockLast));
            }
          }
          const focused = focusedBlock(element);
          if (focused !== null) far.delete(focused);
          for (const index of far) {
            if (seen.current.has(index)) seen.current.delete(index);
            else far.delete(index);
          }
          if (far.size === 0) return;
          setDrawn((before) => {
            if (![...far].some((index) => before.has(index))) return before;
            const after = new Set(before);
            far.forEach((index) => after.delete(index));
            return after;
          });
        },
        { root: root.current.element, rootMargin: KEEP_WITHIN },
      );
      observePending(element, observer.current, farObserver.current);
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
      farObserver.current?.disconnect();
      farObserver.current = null;
      startWhenShown.current = null;
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', onResize);
    };
  }, [list]);
  // Placeholders appear and go as rows are added and blocks drawn (observing one already
  // watched does nothing; a drawn block's placeholder leaves the page and stops counting).
  useEffect(() => {
    if (list.current && observer.current && farObserver.current) {
      observePending(list.current, observer.current, farObserver.current);
    }
  }, [list, rows, drawn, keepRow]);

  const keepBlock = keepRow < 0 ? -1 : Math.floor(keepRow / BLOCK_ROWS);
  return useCallback(
    (index: number) => index === keepBlock || drawn.has(index),
    [drawn, keepBlock],
  );
}

/**
 * Watches every placeholder of `list` for coming near, and the first and last row of every drawn
 * block for going far (again: a no-op for those already watched).
 */
function observePending(
  list: HTMLElement,
  near: IntersectionObserver,
  far: IntersectionObserver,
): void {
  list.querySelectorAll<HTMLElement>('[data-block]').forEach((placeholder) => {
    near.observe(placeholder);
  });
  list.querySelectorAll<HTMLElement>('[data-block-first], [data-block-last]').forEach((row) => {
    far.observe(row);
  });
}

/** The block of `list` holding the focus, if any: the one block never dropped. */
function focusedBlock(list: HTMLElement): number | null {
  const active = document.activeElement;
  if (!active || !list.contains(active)) return null;
  for (let row = active.closest('li'); row; row = row.previousElementSibling as HTMLLIElement) {
    if (row.dataset.blockFirst !== undefined) return Number(row.dataset.blockFirst);
  }
  return null;
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
