/**
 * A local HTTP server for the URL-import tests (server tests and the Playwright API suite):
 * listens on 127.0.0.1 only and serves the fixtures in lib/import/fixtures plus the failure
 * cases an import must handle (redirects, slow and endless answers, huge and binary bodies,
 * unsupported types). Test code only; nothing in the app imports it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const FIXTURES = new URL('../../lib/import/fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FixtureServer {
  port: number;
  /** Absolute http://127.0.0.1:port URL of a path. */
  url(path: string): string;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  type: string | null,
  body: Buffer | string,
) {
  const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(body) };
  if (type) headers['content-type'] = type;
  response.writeHead(status, headers);
  response.end(body);
}

/**
 * Starts the server on `port` (0: any free port) on 127.0.0.1. Routes:
 * /astana.html, /astana.html.gz (gzip-encoded), /mfa.txt, /notes.md, /water-plan.docx,
 * /latin1.html (Windows-1252 via <meta charset>), /no-type (HTML without a Content-Type),
 * /redirect?to=URL, /redirects/N (N hops, then /astana.html), /loop, /slow (never answers),
 * /huge (6 MB streamed, no length), /huge-declared (Content-Length 6 MB), /image.png,
 * /binary.txt (bytes served as text), /empty.html, /missing (404), /error (500).
 */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const astana = fixture('astana-times-page.html');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const hops = /^\/redirects\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      response.writeHead(301, { location: left > 1 ? `/redirects/${left - 1}` : '/astana.html' });
      return response.end();
    }
    switch (url.pathname) {
      case '/astana.html':
        return send(response, 200, 'text/html; charset=utf-8', astana);
      case '/astana.html.gz': {
        const body = gzipSync(astana);
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-encoding': 'gzip',
          'content-length': body.length,
        });
        return response.end(body);
      }
      case '/mfa.txt':
        return send(response, 200, 'text/plain; charset=utf-8', fixture('mfa-astana-2-talks.txt'));
      case '/notes.md':
        return send(response, 200, 'text/markdown; charset=utf-8', fixture('news-site.txt'));
      case '/water-plan.docx':
        return send(response, 200, DOCX_TYPE, fixture('water-plan.docx'));
      case '/latin1.html':
        return send(
          response,
          200,
          'text/html',
          Buffer.from(
            '<html><head><meta charset="windows-1252"><title>Caf\xe9 prices</title></head><body>' +
              '<h1>Caf\xe9 prices rise again</h1><p>The price of a caf\xe9 au lait rose by 12 percent in the capital last year, the statistics office said on Monday.</p>' +
              '<p>Owners of caf\xe9s blamed the cost of milk and rent, which both rose faster than wages.</p></body></html>',
            'latin1',
          ),
        );
      case '/no-type':
        return send(response, 200, null, astana);
      case '/redirect': {
        response.writeHead(302, { location: url.searchParams.get('to') ?? '/astana.html' });
        return response.end();
      }
      case '/loop':
        response.writeHead(302, { location: '/loop' });
        return response.end();
      case '/slow':
        // Never answers; the importer's time limit must end the wait.
        return;
      case '/huge': {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        const line = Buffer.from(
          `${'The council met again and talked for a long time. '.repeat(20)}\n`,
        );
        let sent = 0;
        const write = () => {
          while (sent < 6_000_000) {
            sent += line.length;
            if (!response.write(line)) return void response.once('drain', write);
          }
          response.end();
        };
        response.on('error', () => {});
        return write();
      }
      case '/huge-declared':
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': 6_000_000 });
        return response.end('<p>cut short</p>');
      case '/image.png':
        return send(response, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      case '/binary.txt':
        return send(
          response,
          200,
          'text/plain',
          Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
        );
      case '/empty.html':
        return send(response, 200, 'text/html', '');
      case '/error':
        return send(response, 500, 'text/plain', 'Internal error');
      default:
        return send(response, 404, 'text/plain', 'Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: (path) => `http://127.0.0.1:${actual}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
