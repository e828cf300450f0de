/**
 * A keyed semaphore: at most `perKey` tasks run at once for one key (a host name), the rest
 * wait in arrival order; with `minIntervalMs`, two tasks of one key also start at least that
 * far apart (a rate limit). The fetch jobs use it so that many sources on one site are not
 * fetched all at once, whatever the global concurrency.
 */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now for `key`. */
  active(key: string): number;
}

export interface KeyedLimiterOptions {
  /** Least time between the starts of two tasks of one key; 0 (default): no rate limit. */
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createKeyedLimiter(
  perKey: number,
  { minIntervalMs = 0, now = Date.now, sleep = realSleep }: KeyedLimiterOptions = {},
): KeyedLimiter {
  if (!Number.isInteger(perKey) || perKey < 1) throw new RangeError('perKey must be ≥ 1');
  if (!(minIntervalMs >= 0)) throw new RangeError('minIntervalMs must be ≥ 0');
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  /** The earliest time the next task of a key may start. */
  const nextStart = new Map<string, number>();

  /** Waits for the key's next start slot and books the one after it. */
  const pace = async (key: string) => {
    if (!minIntervalMs) return;
    const at = Math.max(now(), nextStart.get(key) ?? 0);
    nextStart.set(key, at + minIntervalMs);
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };

  const release = (key: string) => {
    const next = waiting.get(key)?.shift();
    if (next) return next();
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
    if (!waiting.get(key)?.length) waiting.delete(key);
    // Forget a key's pace once it is idle and its interval has passed (the map stays small).
    if (!running.has(key) && (nextStart.get(key) ?? 0) <= now()) nextStart.delete(key);
  };

  return {
    async run(key, task) {
      if ((running.get(key) ?? 0) < perKey) running.set(key, (running.get(key) ?? 0) + 1);
      else {
        // The releasing task hands its slot over, so the count stays as it is.
        await new Promise<void>((resolve) => {
          const queue = waiting.get(key) ?? [];
          queue.push(resolve);
          waiting.set(key, queue);
        });
      }
      try {
        await pace(key);
        return await task();
      } finally {
        release(key);
      }
    },
    active: (key) => running.get(key) ?? 0,
  };
}
