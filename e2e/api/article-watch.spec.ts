/**
 * Watching an article imported by URL, over HTTP (issue #15): the import remembers the address,
 * Check now finds a changed source and proposes a revision, accept and dismiss decide it. Every
 * route: signed out → 401, bad input → its 4xx with the JSON error body, never a 500. The page
 * comes from a local server on the one port the app allows (FACTMARK_TEST_IMPORT_PORT).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../../server/dev/evidence-fixture-server';
import { renderTestPage } from '../../server/evidence/test-pages';
import { demo, expectJsonError, signInOverHttp } from '../helpers';

const PORT = Number(process.env.FACTMARK_TEST_IMPORT_PORT ?? 0);
const UNKNOWN = 'c0000000000000000000000000';

const P = [
  'The harbour board approved a dredging plan worth 38 million euros on Thursday.',
  'Work will start in October and last about eighteen months, the board said.',
  'Fishermen asked for compensation during the works, which the board refused.',
];

interface Preview {
  text: string;
  rawInput: string;
  source: { kind: string; url: string | null };
  metadata: { title?: string };
}

/** Imports `url` the way the import page does: preview, then save with the fetched address. */
async function importByUrl(request: APIRequestContext, url: string): Promise<string> {
  const previewed = await request.post('/api/import/preview', { data: { kind: 'url', url } });
  expect(previewed.status(), await previewed.text()).toBe(200);
  const { preview } = (await previewed.json()) as { preview: Preview };
  expect(preview.source.url).toBe(url);
  const saved = await request.post('/api/import', {
    data: {
      title: preview.metadata.title ?? 'Harbour',
      text: preview.text,
      rawInput: preview.rawInput,
      allowDuplicate: true,
      fetchedUrl: preview.source.url,
    },
  });
  expect(saved.status(), await saved.text()).toBe(201);
  return ((await saved.json()) as { article: { id: string } }).article.id;
}

test.describe('article source watch API', () => {
  test.skip(!PORT, 'needs FACTMARK_TEST_IMPORT_PORT and the app allowing it (npm test sets both)');
  let server: EvidenceFixtureServer;

  test.beforeAll(async () => {
    server = await startEvidenceFixtureServer(PORT);
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('signed out: every watch route answers 401 with the error body', async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    await expectJsonError(
      await anonymous.get(`/api/articles/${UNKNOWN}/watch`),
      401,
      'unauthorized',
    );
    await expectJsonError(
      await anonymous.post(`/api/articles/${UNKNOWN}/watch`),
      401,
      'unauthorized',
    );
    await expectJsonError(
      await anonymous.put(`/api/articles/${UNKNOWN}/watch`),
      401,
      'unauthorized',
    );
    await expectJsonError(
      await anonymous.post(`/api/articles/${UNKNOWN}/proposals/${UNKNOWN}`, {
        data: { action: 'dismiss' },
      }),
      401,
      'unauthorized',
    );
    await anonymous.dispose();
  });

  test('import by URL, source changes, Check now proposes, accept makes revision 2', async ({
    request,
  }, info) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
    const path = `/harbour-${info.testId}.html`;
    server.set(path, renderTestPage({ title: 'Harbour', paragraphs: P, stamp: 'Mon' }));
    const id = await importByUrl(request, server.url(path));

    const first = await request.get(`/api/articles/${id}/watch`);
    expect(first.status()).toBe(200);
    const { watch } = (await first.json()) as { watch: { url: string; proposal: unknown } };
    expect(watch).toMatchObject({ url: server.url(path), proposal: null });

    // Only the furniture changed: nothing proposed.
    server.set(path, renderTestPage({ title: 'Harbour', paragraphs: P, stamp: 'Tue 11:02' }));
    const same = await request.post(`/api/articles/${id}/watch`);
    expect(await same.json()).toEqual({ outcome: 'unchanged' });

    const revised = [P[0]!.replace('38 million', '41 million'), P[1]!, P[2]!];
    server.set(path, renderTestPage({ title: 'Harbour', paragraphs: revised, stamp: 'Wed' }));
    const checked = await request.post(`/api/articles/${id}/watch`);
    expect(checked.status()).toBe(200);
    const { outcome, proposalId } = (await checked.json()) as {
      outcome: string;
      proposalId: string;
    };
    expect(outcome).toBe('proposed');
    const view = (await (await request.get(`/api/articles/${id}/watch`)).json()) as {
      watch: {
        proposal: {
          id: string;
          baseRevisionId: string;
          parts: { value: string; added?: boolean; removed?: boolean }[];
        };
      };
    };
    const { proposal } = view.watch;
    expect(proposal.id).toBe(proposalId);
    expect(proposal.parts.filter((p) => p.removed).map((p) => p.value.trim())).toContain('38');
    expect(proposal.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('41');

    const decide = (body: unknown, pid = proposalId, aid = id) =>
      request.post(`/api/articles/${aid}/proposals/${pid}`, { data: body as object });
    await expectJsonError(await decide({ action: 'accept' }), 400, 'validation_failed');
    await expectJsonError(await decide({ action: 'merge' }), 400, 'validation_failed');
    await expectJsonError(
      await request.post(`/api/articles/${id}/proposals/${proposalId}`, {
        headers: { 'content-type': 'application/json' },
        data: Buffer.from('{"action":'),
      }),
      400,
      'invalid_json',
    );
    await expectJsonError(
      await decide({ action: 'accept', baseRevisionId: proposal.baseRevisionId }, UNKNOWN),
      404,
      'not_found',
    );
    await expectJsonError(
      await decide(
        { action: 'accept', baseRevisionId: proposal.baseRevisionId },
        proposalId,
        UNKNOWN,
      ),
      404,
      'not_found',
    );
    await expectJsonError(
      await decide({ action: 'accept', baseRevisionId: UNKNOWN }),
      409,
      'conflict',
    );

    const accepted = await decide({ action: 'accept', baseRevisionId: proposal.baseRevisionId });
    expect(accepted.status(), await accepted.text()).toBe(201);
    expect(((await accepted.json()) as { revision: { number: number } }).revision.number).toBe(2);
    await expectJsonError(await decide({ action: 'dismiss' }), 409, 'conflict');
    const after = (await (await request.get(`/api/articles/${id}/watch`)).json()) as {
      watch: { proposal: unknown };
    };
    expect(after.watch.proposal).toBeNull();
  });

  test('unwatched and unknown articles, and a bad fetched address on import', async ({
    request,
  }) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
    await expectJsonError(await request.get(`/api/articles/${UNKNOWN}/watch`), 404, 'not_found');
    await expectJsonError(await request.post(`/api/articles/${UNKNOWN}/watch`), 404, 'not_found');
    await expectJsonError(
      await request.post('/api/import', {
        data: { title: 'x', text: 'Some text.', fetchedUrl: 'ftp://example.org/a' },
      }),
      400,
      'validation_failed',
    );
    // An article saved without a fetched address is not watched.
    const saved = await request.post('/api/import', {
      data: { title: 'Pasted', text: 'A pasted text about the harbour.', allowDuplicate: true },
    });
    expect(saved.status()).toBe(201);
    const { article } = (await saved.json()) as { article: { id: string } };
    const view = await request.get(`/api/articles/${article.id}/watch`);
    expect(await view.json()).toEqual({ watch: null });
  });

  test('an article pasted with its source address is watched on request', async ({
    request,
  }, info) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
    const path = `/pasted-${info.testId}.html`;
    server.set(path, renderTestPage({ title: 'Harbour', paragraphs: P, stamp: 'Mon' }));
    const paste = async (sourceUrl?: string) => {
      const saved = await request.post('/api/import', {
        data: { title: 'Pasted', text: P[0], sourceUrl, allowDuplicate: true },
      });
      expect(saved.status(), await saved.text()).toBe(201);
      return ((await saved.json()) as { article: { id: string } }).article.id;
    };
    const id = await paste(server.url(path));
    expect(await (await request.get(`/api/articles/${id}/watch`)).json()).toEqual({ watch: null });

    const started = await request.put(`/api/articles/${id}/watch`);
    expect(started.status(), await started.text()).toBe(200);
    expect(await started.json()).toMatchObject({
      watch: { url: server.url(path), lastCheckedAt: null, proposal: null },
    });
    // The page says more than the pasted paragraph: the first check proposes its text.
    const checked = await request.post(`/api/articles/${id}/watch`);
    expect(await checked.json()).toMatchObject({ outcome: 'proposed' });

    await expectJsonError(
      await request.put(`/api/articles/${await paste()}/watch`),
      400,
      'bad_request',
    );
    await expectJsonError(await request.put(`/api/articles/${UNKNOWN}/watch`), 404, 'not_found');
  });
});
