/**
 * How long a change keeps the page busy until the frame that shows it is painted, recorded as a
 * performance measure (read by bench/editor.bench.ts).
 *
 * The work counted is the synchronous part (from the `startMark` to the call: script, React's
 * render and commit, forced layouts) plus the rendering of the next frame (from the frame's start
 * to the first task after it: animation-frame callbacks, style, layout, paint). Waiting for the
 * display's next frame is not work and is not counted (with no work at all it would read 0–16 ms
 * at random); `detail.wall` keeps the time until painted with that wait included.
 */
export function measureUntilPainted(name: string, startMark: string): void {
  const start = performance.getEntriesByName(startMark, 'mark').at(-1)?.startTime;
  if (start === undefined) return;
  const scriptEnd = performance.now();
  requestAnimationFrame((frameTime) => {
    // The frame's rendering starts at its time, or after the script if that ran past it.
    const frame = Math.max(frameTime, scriptEnd);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      const painted = performance.now();
      const script = scriptEnd - start;
      const render = painted - frame;
      performance.measure(name, {
        start,
        duration: script + render,
        detail: { script, render, wall: painted - start },
      });
    };
    channel.port2.postMessage(null);
  });
}
