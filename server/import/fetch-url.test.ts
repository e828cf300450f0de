import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../platform/errors';
import { parseAllowHosts } from './address-policy';
import { fetchUrl, type FetchOptions, type Resolver } from './fetch-url';
import { startFixtureServer, type FixtureServer } from '../dev/fixture-server';

/** The error code a promise rejects with (fails the test when it resolves). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    return `${error.status} ${error.code}`;
  }
  assert.fail('expected the fetch to fail');
}

describe('fetchUrl against a local server', () => {
  let server: FixtureServer;
  let other: FixtureServer;
  let options: FetchOptions;
  /** A resolver standing in for DNS: names that point inward, outward, or both. */
  const resolve: Resolver = async (hostname) => {
    const table: Record<string, { address: string; family: number }[]> = {
      'inward.example': [{ address: '10.0.0.7', family: 4 }],
      'metadata.example': [{ address: '169.254.169.254', family: 4 }],
      'mixed.example': [
        { address: '93.184.215.14', family: 4 },
        { address: 'fd00::1', family: 6 },
      ],
      'test-server.example': [{ address: '127.0.0.1', family: 4 }],
      localhost: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    };
    const found = table[hostname];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  };

  before(async () => {
    server = await startFixtureServer();
    other = await startFixtureServer();
    options = {
      allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`),
      timeoutMs: 1500,
      maxBytes: 5_000_000,
      maxRedirects: 5,
      resolve,
    };
  });
  after(async () => {
    await server.close();
    await other.close();
  });

  it('fetches an allowed page with its media type and charset', async () => {
    const page = await fetchUrl(server.url('/astana.html'), options);
    assert.equal(page.url, server.url('/astana.html'));
    assert.equal(page.mediaType, 'text/html');
    assert.equal(page.charset, 'utf-8');
    assert.match(page.bytes.toString('utf8'), /Representatives of Syrian Opposition/);
  });

  it('decompresses a gzip-encoded page', async () => {
    const page = await fetchUrl(server.url('/astana.html.gz'), options);
    assert.match(page.bytes.toString('utf8'), /^<!DOCTYPE html>/);
  });

  it('follows redirects, up to the limit, and names the final address', async () => {
    const page = await fetchUrl(server.url('/redirects/5'), options);
    assert.equal(page.url, server.url('/astana.html'));
    assert.equal(await codeOf(fetchUrl(server.url('/redirects/6'), options)), '502 fetch_failed');
    assert.equal(await codeOf(fetchUrl(server.url('/loop'), options)), '502 fetch_failed');
  });

  it('refuses private, loopback and link-local addresses given directly', async () => {
    for (const url of [
      other.url('/astana.html'), // loopback, but not the allowed port
      `http://localhost:${other.port}/astana.html`,
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://[::1]/',
      `http://[::ffff:127.0.0.1]:${server.port}/astana.html`,
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
    ]) {
      assert.equal(await codeOf(fetchUrl(url, options)), '422 address_not_allowed', url);
    }
  });

  it('refuses a host name that resolves inward, even partly', async () => {
    for (const host of ['inward.example', 'metadata.example', 'mixed.example']) {
      assert.equal(
        await codeOf(fetchUrl(`http://${host}/`, options)),
        '422 address_not_allowed',
        host,
      );
    }
  });

  it('checks every redirect hop: no way in through a redirect', async () => {
    for (const target of [
      other.url('/astana.html'),
      'http://10.0.0.1/admin',
      'http://inward.example/',
      `http://[::1]:${server.port}/astana.html`,
      'file:///etc/passwd',
    ]) {
      const url = server.url(`/redirect?to=${encodeURIComponent(target)}`);
      assert.equal(await codeOf(fetchUrl(url, options)), '422 address_not_allowed', target);
    }
  });

  it('allows a name only when the allow list names it or its address with the port', async () => {
    const byAddress = await fetchUrl(`http://test-server.example:${server.port}/mfa.txt`, options);
    assert.equal(byAddress.mediaType, 'text/plain');
    const byName = { ...options, allowHosts: parseAllowHosts(`test-server.example:${other.port}`) };
    assert.equal(
      (await fetchUrl(`http://test-server.example:${other.port}/mfa.txt`, byName)).mediaType,
      'text/plain',
    );
    assert.equal(
      await codeOf(fetchUrl(`http://test-server.example:${server.port}/mfa.txt`, byName)),
      '422 address_not_allowed',
    );
  });

  it('refuses other schemes and credentials in the address', async () => {
    assert.equal(await codeOf(fetchUrl('ftp://example.org/x', options)), '422 address_not_allowed');
    assert.equal(
      await codeOf(fetchUrl(`http://user:pw@127.0.0.1:${server.port}/mfa.txt`, options)),
      '422 address_not_allowed',
    );
  });

  it('stops at the size limit, declared or streamed', async () => {
    assert.equal(await codeOf(fetchUrl(server.url('/huge-declared'), options)), '413 too_large');
    assert.equal(await codeOf(fetchUrl(server.url('/huge'), options)), '413 too_large');
  });

  it('gives up after the time limit', async () => {
    const started = Date.now();
    assert.equal(await codeOf(fetchUrl(server.url('/slow'), options)), '504 fetch_timeout');
    assert.ok(Date.now() - started < 4000);
  });

  it('reports error statuses and unknown hosts as 502', async () => {
    assert.equal(await codeOf(fetchUrl(server.url('/missing'), options)), '502 fetch_failed');
    assert.equal(await codeOf(fetchUrl(server.url('/error'), options)), '502 fetch_failed');
    assert.equal(await codeOf(fetchUrl('http://nowhere.example/', options)), '502 fetch_failed');
  });

  it('reports a refused connection as 502', async () => {
    const closed = await startFixtureServer();
    const port = closed.port;
    await closed.close();
    const allow = { ...options, allowHosts: parseAllowHosts(`127.0.0.1:${port}`) };
    assert.equal(await codeOf(fetchUrl(`http://127.0.0.1:${port}/`, allow)), '502 fetch_failed');
  });
});
