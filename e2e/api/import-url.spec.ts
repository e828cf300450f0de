/**
 * Importing from an address, against a local test server on 127.0.0.1 that the app server
 * allows explicitly (FACTMARK_IMPORT_ALLOW_HOSTS=127.0.0.1:PORT, set by npm test): fetching,
 * redirects, and each failure's exact status. Every other private address stays refused, on
 * this same app server (see also import.spec.ts).
 */
import { expect, test } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../../server/dev/fixture-server';
import { demo, signInOverHttp } from '../helpers';

const PORT = Number(process.env.FACTMARK_TEST_IMPORT_PORT ?? 0);

test.describe('import from an address', () => {
  test.skip(!PORT, 'needs FACTMARK_TEST_IMPORT_PORT and the app allowing it (npm test sets both)');
  let server: FixtureServer;

  test.beforeAll(async () => {
    server = await startFixtureServer(PORT);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  test.beforeEach(async ({ request }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
  });

  const previewOf = (request: import('@playwright/test').APIRequestContext, path: string) =>
    request.post('/api/import/preview', { data: { kind: 'url', url: server.url(path) } });

  test('fetches a page through redirects and cleans it', async ({ request }) => {
    const response = await previewOf(request, '/redirects/3');
    expect(response.status()).toBe(200);
    const { preview } = await response.json();
    expect(preview.source).toEqual({
      kind: 'url',
      format: 'html',
      name: null,
      url: server.url('/astana.html'),
    });
    expect(preview.metadata.title).toBe('Representatives of Syrian Opposition Meet in Astana');
    expect(preview.text).toContain('Kassis added.');
    expect(preview.rawInput).toMatch(/^<!DOCTYPE html>/);
  });

  test('fetches text, gzip-encoded HTML and .docx', async ({ request }) => {
    for (const [path, format] of [
      ['/mfa.txt', 'text'],
      ['/astana.html.gz', 'html'],
      ['/water-plan.docx', 'docx'],
    ]) {
      const response = await previewOf(request, path!);
      expect(response.status(), path).toBe(200);
      expect((await response.json()).preview.source.format).toBe(format);
    }
  });

  test('refuses a redirect to an inner address, and a loopback port not allowed', async ({
    request,
  }) => {
    for (const target of [
      'http://127.0.0.1:9/',
      'http://10.0.0.1/',
      'http://[::1]:9/',
      `http://localhost:${PORT + 1}/`,
    ]) {
      const response = await previewOf(request, `/redirect?to=${encodeURIComponent(target)}`);
      expect(response.status(), target).toBe(422);
      expect((await response.json()).error.code).toBe('address_not_allowed');
    }
    const direct = await request.post('/api/import/preview', {
      data: { kind: 'url', url: `http://127.0.0.1:${PORT + 1}/astana.html` },
    });
    expect(direct.status()).toBe(422);
  });

  test('each failure of the site: its own status and code', async ({ request }) => {
    const cases: [string, number, string][] = [
      ['/missing', 502, 'fetch_failed'],
      ['/error', 502, 'fetch_failed'],
      ['/loop', 502, 'fetch_failed'],
      ['/huge', 413, 'too_large'],
      ['/huge-declared', 413, 'too_large'],
      ['/image.png', 415, 'unsupported_type'],
      ['/binary.txt', 422, 'unreadable_input'],
      ['/empty.html', 422, 'no_text'],
      ['/slow', 504, 'fetch_timeout'],
    ];
    for (const [path, status, code] of cases) {
      const response = await previewOf(request, path);
      expect(response.status(), path).toBe(status);
      const { error } = await response.json();
      expect(error.code, path).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
    }
  });
});
