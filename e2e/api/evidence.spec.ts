/**
 * The evidence API over HTTP (issue #15): archiving a source, reading its stored copy, anchoring
 * a quote in it, the sandboxed copy, WARC downloads, re-checks and the alerts they raise, and the
 * admins' failed-work list. Every route: signed out → 401, bad input → its 4xx with the JSON
 * error body, never a 500. The pages come from a local server on the one port the app allows
 * (FACTMARK_TEST_IMPORT_PORT, set by npm test; the import-url suite uses it too, one at a time).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../../server/dev/evidence-fixture-server';
import { renderTestPage } from '../../server/evidence/test-pages';
import {
  createArticleOverHttp,
  createClaimOverHttp,
  createUserAsAdmin,
  demo,
  expectJsonError,
  signInOverHttp,
  TEST_PASSWORD,
} from '../helpers';

const PORT = Number(process.env.FACTMARK_TEST_IMPORT_PORT ?? 0);
const UNKNOWN = 'c0000000000000000000000000';

const P = [
  'The port authority handled 1.2 million containers in the first half of the year, a record.',
  'Rail freight to the port grew by a fifth, the authority said in its report.',
  'A second terminal is due to open in 2028, three years later than first planned.',
];

interface Capture {
  id: string;
  sourceId: string;
  url: string;
  fetchedAt: string;
  sha256: string;
  warcRecordId: string;
}

test.describe('evidence API', () => {
  test.skip(!PORT, 'needs FACTMARK_TEST_IMPORT_PORT and the app allowing it (npm test sets both)');
  let server: EvidenceFixtureServer;
  let path = '';

  test.beforeAll(async () => {
    server = await startEvidenceFixtureServer(PORT);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  test.beforeEach(async ({ request }, info) => {
    // A page of its own per test, so no test sees another's captures.
    path = `/port-${info.testId}.html`;
    server.set(path, renderTestPage({ title: 'Port report', paragraphs: P, stamp: 'Mon' }));
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
  });

  const archive = async (request: APIRequestContext, url = server.url(path)) => {
    const response = await request.post('/api/evidence/captures', { data: { url } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { capture: Capture; source: { id: string; state: string } };
  };

  test('signed out: every evidence route answers 401 with the error body', async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const calls: [string, string, object?][] = [
      ['post', '/api/evidence/captures', { url: 'https://example.org/' }],
      ['get', `/api/evidence/captures/${UNKNOWN}`],
      ['post', `/api/evidence/captures/${UNKNOWN}/quote`, { quote: 'x' }],
      ['get', `/api/evidence/captures/${UNKNOWN}/copy`],
      ['get', `/api/evidence/captures/${UNKNOWN}/warc`],
      ['post', `/api/evidence/sources/${UNKNOWN}/recheck`],
      ['get', '/api/evidence/alerts'],
      ['delete', `/api/evidence/alerts/${UNKNOWN}`],
      ['get', `/api/claims/${UNKNOWN}/evidence-package`],
      ['get', '/api/admin/jobs'],
      ['get', `/api/evidence/quotes/${UNKNOWN}`],
    ];
    for (const [method, url, data] of calls) {
      const response = await anonymous.fetch(url, { method, ...(data ? { data } : {}) });
      await expectJsonError(response, 401, 'unauthorized');
    }
    await anonymous.dispose();
  });

  test('archives a page: 201 with the capture, 200 and the same capture for the same bytes', async ({
    request,
  }) => {
    const { capture, source } = await archive(request);
    expect(source.state).toBe('ARCHIVED');
    expect(capture).toMatchObject({
      url: server.url(path),
      status: 200,
      mediaType: 'text/html',
      title: 'Port report',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      warcRecordId: expect.stringMatching(/^<urn:uuid:/),
    });
    expect(Date.parse(capture.fetchedAt)).toBeGreaterThan(Date.now() - 60_000);

    const again = await request.post('/api/evidence/captures', { data: { url: server.url(path) } });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { capture: Capture }).capture.id).toBe(capture.id);

    const stored = await request.get(`/api/evidence/captures/${capture.id}`);
    expect(stored.status()).toBe(200);
    const { text } = (await stored.json()) as { text: string };
    for (const paragraph of P) expect(text).toContain(paragraph);
    // The stored text is what a reader sees, furniture included: any of it can be quoted.
    expect(text).toContain('Page generated Mon');
    expect(text).toContain('All rights reserved');
  });

  test('archive: bad input is a 4xx with the reason, refused addresses keep their code', async ({
    request,
  }) => {
    const post = (data: unknown) => request.post('/api/evidence/captures', { data });
    const invalid = await expectJsonError(
      await post({ url: 'not a url' }),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(invalid)).toContain('url');
    await expectJsonError(await post({ url: 'ftp://example.org/x' }), 400, 'validation_failed');
    await expectJsonError(await post({}), 400, 'validation_failed');
    await expectJsonError(
      await request.post('/api/evidence/captures', {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from('{"url":'),
      }),
      400,
      'invalid_json',
    );
    await expectJsonError(await post({ url: 'http://10.0.0.1/' }), 422, 'address_not_allowed');
    await expectJsonError(
      await post({ url: 'http://169.254.169.254/latest/meta-data/' }),
      422,
      'address_not_allowed',
    );
    // A multipart body without a file.
    await expectJsonError(
      await request.post('/api/evidence/captures', { multipart: { note: 'nothing' } }),
      400,
      'validation_failed',
    );
  });

  test('a failed fetch is reported with the source kept as FAILED, and can be retried', async ({
    request,
  }) => {
    const gone = `/gone-${Date.now()}.html`;
    const response = await request.post('/api/evidence/captures', {
      data: { url: server.url(gone) },
    });
    const error = await expectJsonError(response, 502, 'fetch_failed');
    expect(error).toMatchObject({ source: { state: 'FAILED', lastError: expect.any(String) } });

    server.set(gone, renderTestPage({ title: 'Back', paragraphs: P }));
    const { source } = await archive(request, server.url(gone));
    expect(source.state).toBe('ARCHIVED');
  });

  test('uploads a file as the stored copy', async ({ request }) => {
    const response = await request.post('/api/evidence/captures', {
      multipart: {
        file: {
          name: 'statement.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(`${P.join('\n\n')}\n`),
        },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { capture } = (await response.json()) as { capture: Capture & { kind: string } };
    expect(capture.kind).toBe('UPLOAD');
    const quote = await request.post(`/api/evidence/captures/${capture.id}/quote`, {
      data: { quote: P[1] },
    });
    expect(((await quote.json()) as { state: string }).state).toBe('EXACT');
  });

  test('takes an upload up to its own 5 MB limit (a report’s PDF is often 2 MB), refuses more with 413', async ({
    request,
  }) => {
    // 2.5 MB of text: over the API's default 1 MB body limit, under the upload's 5 MB.
    const long = `${P.join('\n\n')}\n\n${'Appendix line with figures 1 2 3.\n'.repeat(75_000)}`;
    const response = await request.post('/api/evidence/captures', {
      multipart: {
        file: { name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(long) },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const tooLarge = await request.post('/api/evidence/captures', {
      multipart: {
        file: {
          name: 'huge.txt',
          mimeType: 'text/plain',
          buffer: Buffer.alloc(5_200_000, 'a'),
        },
      },
    });
    const error = await expectJsonError(tooLarge, 413, 'too_large');
    expect(JSON.stringify(error)).toContain('5 MB');
  });

  test('anchors a quote: exact, fuzzy and not found, with W3C-style selectors', async ({
    request,
  }) => {
    const { capture } = await archive(request);
    const quote = (data: unknown) =>
      request.post(`/api/evidence/captures/${capture.id}/quote`, { data });

    const exact = await quote({ quote: 'Rail freight to the port grew by a fifth' });
    expect(exact.status()).toBe(200);
    const found = (await exact.json()) as {
      state: string;
      anchor: { start: number; end: number; exact: string; prefix: string; suffix: string };
    };
    expect(found.state).toBe('EXACT');
    expect(found.anchor.exact).toBe('Rail freight to the port grew by a fifth');
    expect(found.anchor.end - found.anchor.start).toBe(found.anchor.exact.length);
    expect(found.anchor.suffix.startsWith(', the authority said')).toBe(true);

    // Typography and a slip of the keyboard: still found, reported as fuzzy.
    const fuzzy = (await (
      await quote({
        quote: 'A second terminal is due to open in 2028, three years later then planned',
      })
    ).json()) as { state: string; anchor: { exact: string } | null };
    expect(fuzzy.state).toBe('FUZZY');
    expect(fuzzy.anchor?.exact).toContain('three years later than first planned');

    const missing = (await (
      await quote({ quote: 'The minister resigned over the delays to the new terminal.' })
    ).json()) as { state: string; anchor: unknown };
    expect(missing).toMatchObject({ state: 'NOT_FOUND', anchor: null });

    await expectJsonError(await quote({ quote: '   ' }), 400, 'validation_failed');
    await expectJsonError(await quote({ quote: 'x', start: -1 }), 400, 'validation_failed');
    await expectJsonError(await quote({ quote: 'x'.repeat(5001) }), 400, 'validation_failed');
    await expectJsonError(
      await request.post(`/api/evidence/captures/${UNKNOWN}/quote`, { data: { quote: 'x' } }),
      404,
      'not_found',
    );
  });

  test('unknown or malformed ids are 404 or 400, never 500', async ({ request }) => {
    for (const url of [
      `/api/evidence/captures/${UNKNOWN}`,
      `/api/evidence/captures/${UNKNOWN}/copy`,
      `/api/evidence/captures/${UNKNOWN}/warc`,
      `/api/claims/${UNKNOWN}/evidence-package`,
      `/api/evidence/quotes/${UNKNOWN}`,
    ]) {
      await expectJsonError(await request.get(url), 404, 'not_found');
    }
    await expectJsonError(
      await request.post(`/api/evidence/sources/${UNKNOWN}/recheck`),
      404,
      'not_found',
    );
    await expectJsonError(
      await request.delete(`/api/evidence/alerts/${UNKNOWN}`),
      404,
      'not_found',
    );
    const long = 'x'.repeat(65);
    const tooLong = await request.get(`/api/evidence/captures/${long}`);
    expect([400, 404]).toContain(tooLong.status());
    expect(((await tooLong.json()) as { error: { code: string } }).error.code).toEqual(
      expect.any(String),
    );
  });

  test('the stored copy is served under a CSP that lets nothing run or load', async ({
    request,
  }) => {
    const { capture } = await archive(request);
    const copy = await request.get(`/api/evidence/captures/${capture.id}/copy`);
    expect(copy.status()).toBe(200);
    const headers = copy.headers();
    expect(headers['content-type']).toContain('text/html');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain('sandbox');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const html = await copy.text();
    // As it arrived: the page's own script is kept (and cannot run under the policy).
    expect(html).toContain('<script>window.tracker = 1;</script>');
  });

  test('WARC downloads: one record, and a claim evidence package', async ({ request }) => {
    const { capture } = await archive(request);
    const warc = await request.get(`/api/evidence/captures/${capture.id}/warc`);
    expect(warc.status()).toBe(200);
    expect(warc.headers()['content-type']).toBe('application/warc');
    expect(warc.headers()['content-disposition']).toContain('.warc.gz');
    const bytes = await warc.body();
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);

    const article = await createArticleOverHttp(request, `Evidence package ${Date.now()}`);
    const { claimId, version } = await createClaimOverHttp(
      request,
      article.id,
      article.revision.id,
    );
    const patch = await request.patch(`/api/claims/${claimId}`, {
      data: {
        version,
        evidence: [{ url: capture.url, quote: P[0]!.slice(0, 60), captureId: capture.id }],
      },
    });
    expect(patch.status(), await patch.text()).toBe(200);
    const pack = await request.get(`/api/claims/${claimId}/evidence-package`);
    expect(pack.status()).toBe(200);
    expect(pack.headers()['content-disposition']).toContain(`claim-${claimId}-evidence.warc.gz`);
    expect((await pack.body()).length).toBeGreaterThan(bytes.length);
  });

  test('claim evidence naming an unknown stored copy is refused with the field named', async ({
    request,
  }) => {
    const article = await createArticleOverHttp(request, `Unknown copy ${Date.now()}`);
    const { claimId, version } = await createClaimOverHttp(
      request,
      article.id,
      article.revision.id,
    );
    const response = await request.patch(`/api/claims/${claimId}`, {
      data: { version, evidence: [{ url: 'https://example.org/', captureId: UNKNOWN }] },
    });
    const error = await expectJsonError(response, 400, 'validation_failed');
    expect(JSON.stringify(error)).toContain('evidence.0.captureId');
  });

  test("evidence cannot pass off another address's stored copy as its own; an upload says it is one", async ({
    request,
  }) => {
    // The reviewer approves on the quote "in the stored copy" of the cited address: a copy
    // fetched from any other page (one the editor wrote) must not stand in for it.
    const { capture } = await archive(request);
    const article = await createArticleOverHttp(request, `Borrowed copy ${Date.now()}`);
    const claim = await createClaimOverHttp(request, article.id, article.revision.id);
    const cite = (url: string, captureId: string, version: number) =>
      request.patch(`/api/claims/${claim.claimId}`, {
        data: { version, evidence: [{ url, quote: P[0]!.slice(0, 60), captureId }] },
      });
    const borrowed = await cite('https://www.who.int/reports/port', capture.id, claim.version);
    const error = await expectJsonError(borrowed, 400, 'validation_failed');
    expect(JSON.stringify(error)).toContain('evidence.0.captureId');
    // Its own address, as typed (a fragment is no other page), is fine.
    const own = await cite(`${server.url(path)}#top`, capture.id, claim.version);
    expect(own.status(), await own.text()).toBe(200);
    const { claim: saved } = (await own.json()) as { claim: { version: number } };

    // A file the editor uploads may back any address, but the reviewer is told it is a file.
    const upload = await request.post('/api/evidence/captures', {
      multipart: {
        file: {
          name: 'who-report.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(`${P.join('\n\n')}\n`),
        },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const uploaded = ((await upload.json()) as { capture: Capture }).capture;
    const cited = await cite('https://www.who.int/reports/port', uploaded.id, saved.version);
    expect(cited.status(), await cited.text()).toBe(200);
    const page = await (await request.get(`/claims/${claim.claimId}`)).text();
    expect(page).toContain('Uploaded file');
    expect(page).toContain('who-report.txt');
    expect(page).not.toContain('Stored copy fetched');
  });

  test('re-check: unchanged, then changed with an alert on the citing claim, then dismissed', async ({
    request,
  }) => {
    const { capture, source } = await archive(request);
    const article = await createArticleOverHttp(request, `Recheck ${Date.now()}`);
    const { claimId, version } = await createClaimOverHttp(
      request,
      article.id,
      article.revision.id,
    );
    const patch = await request.patch(`/api/claims/${claimId}`, {
      data: {
        version,
        evidence: [
          {
            url: capture.url,
            quote: 'Rail freight to the port grew by a fifth',
            captureId: capture.id,
          },
        ],
      },
    });
    expect(patch.status(), await patch.text()).toBe(200);
    const saved = (await patch.json()) as {
      claim: { evidence: { captureId: string; quoteStart: number; quoteAnchor: string }[] };
    };
    expect(saved.claim.evidence[0]).toMatchObject({ captureId: capture.id, quoteAnchor: 'EXACT' });
    const evidenceId = (saved.claim.evidence[0] as unknown as { id: string }).id;
    const proof = await request.get(`/api/evidence/quotes/${evidenceId}`);
    expect(proof.status()).toBe(200);
    expect(await proof.json()).toMatchObject({
      quoteAnchor: 'EXACT',
      capture: { id: capture.id, fetchedAt: capture.fetchedAt },
      passage: {
        before: '',
        quote: 'Rail freight to the port grew by a fifth',
        after: ', the authority said in its report.',
      },
    });

    // Only the furniture changed: no alert.
    server.set(path, renderTestPage({ title: 'Port report', paragraphs: P, stamp: 'Tue' }));
    const unchanged = await request.post(`/api/evidence/sources/${source.id}/recheck`);
    expect(unchanged.status()).toBe(200);
    expect(((await unchanged.json()) as { outcome: string }).outcome).toBe('unchanged');

    server.set(
      path,
      renderTestPage({
        title: 'Port report',
        paragraphs: [P[0]!, P[1]!.replace('by a fifth', 'by a quarter'), P[2]!],
        stamp: 'Wed',
      }),
    );
    const changed = await request.post(`/api/evidence/sources/${source.id}/recheck`);
    expect(changed.status()).toBe(200);
    expect(((await changed.json()) as { outcome: string }).outcome).toBe('changed');

    const list = await request.get(`/api/evidence/alerts?claim=${claimId}`);
    expect(list.status()).toBe(200);
    const { alerts } = (await list.json()) as {
      alerts: { id: string; change: string; quote: string; claim: { id: string } }[];
    };
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      change: 'CHANGED',
      quote: 'Rail freight to the port grew by a fifth',
      claim: { id: claimId },
    });
    expect((await request.delete(`/api/evidence/alerts/${alerts[0]!.id}`)).status()).toBe(204);
    await expectJsonError(
      await request.delete(`/api/evidence/alerts/${alerts[0]!.id}`),
      404,
      'not_found',
    );
    const after = (await (await request.get(`/api/evidence/alerts?claim=${claimId}`)).json()) as {
      alerts: unknown[];
    };
    expect(after.alerts).toHaveLength(0);
    // The claim's history says who dismissed it (once), and what the alert was.
    const history = await request.get(`/api/claims/${claimId}/history`);
    expect(history.status()).toBe(200);
    const entries = (
      (await history.json()) as {
        history: {
          action: string;
          summary: string;
          actor: { name: string } | null;
          changes: { label: string; beforeText: string }[];
        }[];
      }
    ).history.filter((h) => h.action === 'evidence_alert.dismiss');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      summary: 'Dismissed a “source changed since cited” alert',
      actor: { name: demo('EDITOR').name },
      changes: [
        {
          label: 'Source changed since cited',
          beforeText: expect.stringContaining('“Rail freight to the port grew by a fifth”'),
        },
      ],
    });
  });

  test('exports list the capture and the quote selectors; W3C adds an evidence annotation', async ({
    request,
  }) => {
    const { capture } = await archive(request);
    const article = await createArticleOverHttp(request, `Exported evidence ${Date.now()}`);
    const { claimId, version } = await createClaimOverHttp(
      request,
      article.id,
      article.revision.id,
    );
    const quote = 'Rail freight to the port grew by a fifth';
    const patch = await request.patch(`/api/claims/${claimId}`, {
      data: { version, evidence: [{ url: capture.url, quote, captureId: capture.id }] },
    });
    expect(patch.status(), await patch.text()).toBe(200);

    const list = await request.get(
      `/api/claims/export?format=json&article=${article.id}&state=ALL`,
    );
    expect(list.status()).toBe(200);
    const [claim] = (await list.json()) as {
      evidence: { capture: Record<string, unknown>; selector: unknown[]; quoteMatch: string }[];
    }[];
    expect(claim!.evidence[0]!.capture).toEqual({
      id: capture.id,
      kind: 'FETCH',
      url: capture.url,
      fetchedAt: capture.fetchedAt,
      sha256: capture.sha256,
      warcRecordId: capture.warcRecordId,
    });
    const { text } = (await (await request.get(`/api/evidence/captures/${capture.id}`)).json()) as {
      text: string;
    };
    const start = text.indexOf(quote);
    expect(claim!.evidence[0]!.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: quote }),
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ]);
    expect(claim!.evidence[0]!.quoteMatch).toBe('EXACT');

    const w3c = await request.get(`/api/articles/${article.id}/export?format=w3c&scope=all`);
    expect(w3c.status()).toBe(200);
    const items = ((await w3c.json()) as { first: { items: Record<string, unknown>[] } }).first
      .items;
    const evidence = items.find((i) => i.motivation === 'linking') as {
      body: { source?: string }[];
      target: { source: string; state: { cachedAt?: string; sourceDate: string } };
    };
    expect(evidence.target.source).toBe(capture.url);
    expect(evidence.target.state.sourceDate).toBe(capture.fetchedAt);
    expect(evidence.body[0]!.source).toBe(items[0]!.id);
  });

  test('failed work is for admins only', async ({ request, playwright, baseURL }) => {
    await expectJsonError(await request.get('/api/admin/jobs'), 403, 'forbidden');
    const admin = await playwright.request.newContext({ baseURL });
    await signInOverHttp(admin, demo('ADMIN').email, demo('ADMIN').password);
    const response = await admin.get('/api/admin/jobs');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { jobs: unknown[]; sources: { state: string }[] };
    expect(Array.isArray(body.jobs)).toBe(true);
    expect(body.sources.every((s) => s.state === 'FAILED')).toBe(true);
    await admin.dispose();
  });

  test('a reviewer can read stored copies too (any signed-in role)', async ({
    playwright,
    baseURL,
  }) => {
    const ctx = await playwright.request.newContext({ baseURL });
    const reviewer = await createUserAsAdmin(ctx, 'REVIEWER');
    await ctx.dispose();
    const own = await playwright.request.newContext({ baseURL });
    await signInOverHttp(own, reviewer.email, TEST_PASSWORD);
    const { capture } = await archive(own);
    expect((await own.get(`/api/evidence/captures/${capture.id}`)).status()).toBe(200);
    await own.dispose();
  });
});
