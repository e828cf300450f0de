/**
 * A local HTTP server for the evidence tests and benchmarks: listens on 127.0.0.1 only and
 * serves pages the test sets and changes while it runs (`set`), so a source can be archived,
 * revised and re-checked. Counts the requests per path. Test code only.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EvidenceFixtureServer {
  port: number;
  url(path: string): string;
  /** Serves `body` at `path` from now on (status 200 unless given). */
  set(path: string, body: string | Uint8Array, type?: string, status?: number): void;
  /** The next `times` requests of `path` get no answer at all (a stuck fetch). */
  hang(path: string, times?: number): void;
  /** The body served at `path`, if any. */
  body(path: string): Buffer | undefined;
  /** Requests received per path. */
  hits(path: string): number;
  /** Every answer from now on is sent `ms` after its request arrived (a slow site). */
  delay(ms: number): void;
  /** The most requests that were in progress at once since the server started. */
  mostAtOnce(): number;
  close(): Promise<void>;
}

/** Starts the server on `port` (0: any free port) on 127.0.0.1. */
export async function startEvidenceFixtureServer(port = 0): Promise<EvidenceFixtureServer> {
  const pages = new Map<string, { body: Buffer; type: string; status: number }>();
  const counts = new Map<string, number>();
  const hangs = new Map<string, number>();
  let atOnce = 0;
  let mostAtOnce = 0;
  let delayMs = 0;
  const server = createServer((request, response) => {
    atOnce++;
    mostAtOnce = Math.max(mostAtOnce, atOnce);
    response.once('close', () => atOnce--);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const hang = hangs.get(path) ?? 0;
    if (hang > 0) {
      hangs.set(path, hang - 1);
      return;
    }
    if (delayMs) {
      setTimeout(() => answer(path, response), delayMs);
      return;
    }
    answer(path, response);
  });
  const answer = (path: string, response: ServerResponse) => {
    const page = pages.get(path);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      return response.end('Not found');
    }
    response.writeHead(page.status, {
      'content-type': page.type,
      'content-length': page.body.length,
      date: new Date().toUTCString(),
    });
    response.end(page.body);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: (path) => `http://127.0.0.1:${actual}${path}`,
    set: (path, body, type = 'text/html; charset=utf-8', status = 200) =>
      pages.set(path, { body: Buffer.from(body), type, status }),
    hang: (path, times = 1) => hangs.set(path, times),
    body: (path) => pages.get(path)?.body,
    hits: (path) => counts.get(path) ?? 0,
    delay: (ms) => {
      delayMs = ms;
    },
    mostAtOnce: () => mostAtOnce,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
