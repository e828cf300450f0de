/**
 * A keyed semaphore: at most `perKey` tasks run at once for one key (a host name), the rest
 * wait in arrival order. The fetch jobs use it so that many sources on one site are not
 * fetched all at once, whatever the global concurrency.
 */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now for `key`. */
  active(key: string): number;
}

export function createKeyedLimiter(perKey: number): KeyedLimiter {
  if (!Number.isInteger(perKey) || perKey < 1) throw new RangeError('perKey must be ≥ 1');
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const release = (key: string) => {
    const next = waiting.get(key)?.shift();
    if (next) return next();
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
    if (!waiting.get(key)?.length) waiting.delete(key);
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
        return await task();
      } finally {
        release(key);
      }
    },
    active: (key) => running.get(key) ?? 0,
  };
}
