/**
 * Runs `step` in the browser's next idle moment, after the frames due have been drawn (at the
 * latest after `timeout` ms), or a frame's time later where the browser has no idle callbacks
 * (Safari). Returns the function that cancels it.
 */
export function whenIdle(step: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(step, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(step, 16);
  return () => clearTimeout(id);
}
