import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Server } from 'node:http';
import { createAppServer } from './http-server';

/** What the handler behind the server (Next.js in the app) was given. */
const handed: { method?: string; url?: string; host?: string }[] = [];
let server: Server;
let port: number;

/** Writes `request` on a socket as it is, and reads the whole answer until the server closes. */
function raw(request: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (out += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = out.indexOf('\r\n\r\n');
      resolve({
        status: Number(out.slice(9, 12)),
        head: out.slice(0, split),
        body: out.slice(split + 4),
      });
    });
  });
}

const HOST = 'Host: factmark.test\r\nConnection: close\r\n';

describe('the HTTP server in front of Next.js', () => {
  before(async () => {
    server = createAppServer((request, response) => {
      handed.push({ method: request.method, url: request.url, host: request.headers.host });
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '4' });
      response.end('next');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((closed) => server.close(() => closed())));

  it('hands every request with a method and a path it can answer to the handler', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      handed.length = 0;
      const answer = await raw(`${method} /api/claims?q=1 HTTP/1.1\r\n${HOST}\r\n`);
      assert.equal(answer.status, 200, method);
      assert.deepEqual(handed, [{ method, url: '/api/claims?q=1', host: 'factmark.test' }]);
    }
  });

  it('answers a method no address takes itself: 405, our JSON error, Allow, security headers', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'PURGE', 'CONNECT']) {
      handed.length = 0;
      const target = method === 'CONNECT' ? 'factmark.test:443' : '/api/claims';
      const answer = await raw(`${method} ${target} HTTP/1.1\r\n${HOST}\r\n`);
      assert.equal(answer.status, 405, method);
      assert.deepEqual(handed, [], `${method} reached the handler`);
      assert.match(answer.head, /^Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/im);
      assert.match(answer.head, /^Content-Type: application\/json; charset=utf-8$/im);
      assert.match(answer.head, /^X-Content-Type-Options: nosniff$/im);
      assert.match(answer.head, /^Content-Security-Policy: default-src 'none'/im);
      const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
      assert.equal(error.code, 'method_not_allowed');
      assert.match(error.message, new RegExp(`^${method} is not a method this server answers`));
    }
  });

  it('answers what Node cannot parse with 400 JSON, and oversized headers with 431 JSON', async () => {
    const cases = [
      [`FOO / HTTP/1.1\r\n${HOST}\r\n`, 400, 'bad_request'],
      [`GET / HTTP/1.1\r\nHost: a\r\nBroken header\r\n\r\n`, 400, 'bad_request'],
      [`GET / HTTP/1.1\r\n${HOST}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ] as const;
    for (const [request, status, code] of cases) {
      const answer = await raw(request);
      assert.equal(answer.status, status, request.slice(0, 40));
      assert.equal((JSON.parse(answer.body) as { error: { code: string } }).error.code, code);
    }
  });

  it('answers request lines no browser sends, and serves the absolute form as its path', async () => {
    handed.length = 0;
    const options = await raw(`OPTIONS * HTTP/1.1\r\n${HOST}\r\n`);
    assert.equal(options.status, 204);
    assert.match(options.head, /^Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/im);
    assert.equal(options.body, '');
    for (const request of [
      `GET * HTTP/1.1\r\n${HOST}\r\n`,
      `GET health HTTP/1.1\r\n${HOST}\r\n`,
      'GET / HTTP/1.1\r\nConnection: close\r\n\r\n',
    ]) {
      const answer = await raw(request);
      assert.equal(answer.status, 400, request);
      assert.equal(
        (JSON.parse(answer.body) as { error: { code: string } }).error.code,
        'bad_request',
      );
    }
    assert.deepEqual(handed, []);
    const absolute = await raw(`GET http://other.test:8080/a/b?c=d HTTP/1.1\r\n${HOST}\r\n`);
    assert.equal(absolute.status, 200);
    assert.deepEqual(handed, [{ method: 'GET', url: '/a/b?c=d', host: 'other.test:8080' }]);
    // Behind a proxy that took https: HSTS, as every other answer has it there.
    for (const request of [
      `TRACE / HTTP/1.1\r\n${HOST}X-Forwarded-Proto: https\r\n\r\n`,
      'GET / HTTP/1.1\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n',
    ]) {
      assert.match((await raw(request)).head, /^Strict-Transport-Security: max-age=/im, request);
    }
    assert.doesNotMatch(options.head, /^Strict-Transport-Security/im);
    // HTTP/1.0 needs no Host.
    handed.length = 0;
    assert.equal((await raw('GET / HTTP/1.0\r\n\r\n')).status, 200);
    assert.equal(handed.length, 1);
  });
});
