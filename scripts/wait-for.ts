/** Waits for a freshly started server to answer its health check. */
import type { ChildProcess } from 'node:child_process';

/**
 * Resolves once `url` answers 2xx; rejects after `timeoutMs`, or at once when `server` (the
 * process that should answer) has exited.
 */
export async function waitForHealth(
  url: string,
  server?: ChildProcess,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null)
      throw new Error('The Next.js server exited before it was ready.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}
