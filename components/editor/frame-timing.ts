/**
 * How long a change keeps the page busy until the frame that shows it is painted, recorded as a
 * performance measure (read by bench/editor.bench.ts).
 *
 * The work counted is the synchronous part (from the `startMark` to the call: script, React's
 * render and commit, forced layouts) plus the rendering of the frame that shows it (from the
 * frame's start to the first task after it: animation-frame callbacks, style, layout, paint).
 * Waiting for the display's next frame is not work and is not counted (with no work at all it
 * would read 0–16 ms at random); `detail.wall` keeps the time until painted with that wait
 * included.
 *
 * Called from an animation-frame callback (`inAnimationFrame`), the change is drawn in the frame
 * being run, right after the callbacks: asking for another frame there would time the frame
 * after it instead (whose callbacks, by the standard, are the ones asked for meanwhile).
 */
export function measureUntilPainted(
  name: string,
  startMark: string,
  options: { inAnimationFrame?: boolean } = {},
): void {
  const start = performance.getEntriesByName(startMark, 'mark').at(-1)?.startTime;
  if (start === undefined) return;
  const scriptEnd = performance.now();
  const afterPaint = (frame: number) => {
    nextTask(() => {
      const painted = performance.now();
      const script = scriptEnd - start;
      const render = painted - frame;
      performance.measure(name, {
        start,
        duration: script + render,
        detail: { script, render, wall: painted - start },
      });
    });
  };
  // In a frame's callbacks its rendering starts once they have run (the script just timed
  // included); otherwise at the next frame's time, or after the script if that ran past it.
  if (options.inAnimationFrame) afterPaint(scriptEnd);
  else requestAnimationFrame((frameTime) => afterPaint(Math.max(frameTime, scriptEnd)));
}

/**
 * Runs `step` in a task of its own right after the next frame is painted, before the frame after
 * it (work that need not be in that frame, and must not wait for an idle moment). Tasks asked
 * for this way run in the order asked, after a measure begun before them has ended.
 */
export function afterNextPaint(step: () => void): void {
  requestAnimationFrame(() => nextTask(step));
}

/** `step` in a new task: after the frame's rendering when asked from its callbacks. */
function nextTask(step: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    step();
  };
  channel.port2.postMessage(null);
}
