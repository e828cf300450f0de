/**
 * Exports over HTTP (issue #6): per-article documents and streamed claim lists, on the demo
 * data. The MFA demo report has two APPROVED claims and some DRAFT ones (prisma/demo).
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { CSV_COLUMNS } from '../../lib/export';
import { demo, signInOverHttp, DEMO_ARTICLES } from '../helpers';

interface ArticleRow {
  id: string;
  title: string;
  sourceName: string | null;
  claimCounts: Record<string, number>;
}

/** A minimal RFC 4180 reader: records of fields (quoted fields may hold commas and newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function expectAttachment(response: APIResponse, extension: string, contains: string) {
  const disposition = response.headers()['content-disposition'] ?? '';
  expect(disposition).toMatch(/^attachment;/);
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? '';
  expect(name).toMatch(new RegExp(`^[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
  expect(name).toContain(contains);
}

async function mfaArticle(request: APIRequestContext): Promise<ArticleRow> {
  const { articles } = (await (await request.get(DEMO_ARTICLES)).json()) as {
    articles: ArticleRow[];
  };
  const mfa = articles.find((a) => a.sourceName === 'MFA Government');
  expect(mfa, 'the demo MFA article').toBeTruthy();
  return mfa!;
}

/** The texts of the claims on the MFA article, by review state. */
async function mfaClaims(request: APIRequestContext, articleId: string) {
  const response = await request.get(`/api/articles/${articleId}/annotations`);
  expect(response.status()).toBe(200);
  const { claims } = (await response.json()) as {
    claims: { text: string; reviewState: string }[];
  };
  return {
    approved: claims.filter((c) => c.reviewState === 'APPROVED').map((c) => c.text),
    draft: claims.filter((c) => c.reviewState === 'DRAFT').map((c) => c.text),
  };
}

test.describe('exports', () => {
  test.beforeEach(async ({ request }) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
  });

  test('each article format answers with its content type and an attachment name', async ({
    request,
  }) => {
    const mfa = await mfaArticle(request);
    const cases: [string, string, string, string][] = [
      ['html', 'text/html; charset=utf-8', 'html', '-annotated-'],
      ['md', 'text/markdown', 'md', '-annotated-'],
      ['json', 'application/json', 'json', '-annotated-'],
      ['w3c', 'application/ld+json', 'jsonld', '-annotations-'],
    ];
    for (const [format, type, extension, kind] of cases) {
      const response = await request.get(`/api/articles/${mfa.id}/export?format=${format}`);
      expect(response.status(), format).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expectAttachment(response, extension, kind);
      expect((await response.body()).length).toBeGreaterThan(0);
    }
  });

  test('the HTML export has no scripts and shows the approved claims', async ({ request }) => {
    const mfa = await mfaArticle(request);
    const { approved, draft } = await mfaClaims(request, mfa.id);
    expect(approved.length).toBeGreaterThanOrEqual(2);
    const response = await request.get(`/api/articles/${mfa.id}/export?format=html`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<!DOCTYPE html>');
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    for (const text of approved) expect(html).toContain(escaped(text));
    for (const text of draft) expect(html).not.toContain(escaped(text));
  });

  test('scope=all includes DRAFT claims', async ({ request }) => {
    const mfa = await mfaArticle(request);
    const { draft } = await mfaClaims(request, mfa.id);
    expect(draft.length).toBeGreaterThan(0);
    const approvedOnly = await (
      await request.get(`/api/articles/${mfa.id}/export?format=md`)
    ).text();
    for (const text of draft) expect(approvedOnly).not.toContain(text);
    const response = await request.get(`/api/articles/${mfa.id}/export?format=md&scope=all`);
    expect(response.status()).toBe(200);
    expectAttachment(response, 'md', '-annotated-all-');
    const all = await response.text();
    for (const text of draft) expect(all).toContain(text);
    const json = await (
      await request.get(`/api/articles/${mfa.id}/export?format=json&scope=all`)
    ).text();
    for (const text of draft) expect(json).toContain(JSON.stringify(text));
  });

  test('the W3C export is an AnnotationCollection with quote and position selectors', async ({
    request,
  }) => {
    const mfa = await mfaArticle(request);
    const response = await request.get(`/api/articles/${mfa.id}/export?format=w3c`);
    expect(response.status()).toBe(200);
    const collection = (await response.json()) as {
      type: string | string[];
      first?: { items: { type: string; target: { selector: { type: string }[] | object } }[] };
      items?: unknown[];
    };
    expect([collection.type].flat()).toContain('AnnotationCollection');
    const items = collection.first?.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const annotation of items) {
      expect(annotation.type).toBe('Annotation');
      const selectors = [annotation.target.selector].flat() as { type: string }[];
      const types = selectors.map((s) => s.type);
      expect(types).toContain('TextQuoteSelector');
      expect(types).toContain('TextPositionSelector');
    }
  });

  test('the claims CSV has the header and one row per approved claim', async ({ request }) => {
    const mfa = await mfaArticle(request);
    const { approved } = await mfaClaims(request, mfa.id);
    const response = await request.get(`/api/claims/export?format=csv&article=${mfa.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expectAttachment(response, 'csv', 'factmark-claims-');
    const text = (await response.body()).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(approved.length);
    for (const claim of approved) expect(rows.some((row) => row.includes(claim))).toBe(true);
  });

  test('the claims CSV takes the first and the last day there is as its date range', async ({
    request,
  }) => {
    const mfa = await mfaArticle(request);
    const { approved } = await mfaClaims(request, mfa.id);
    const response = await request.get(
      `/api/claims/export?format=csv&article=${mfa.id}&from=0001-01-01&to=9999-12-31`,
    );
    expect(response.status()).toBe(200);
    const [, ...rows] = parseCsv((await response.body()).toString('utf8').slice(1));
    expect(rows).toHaveLength(approved.length);
  });

  test('the claims JSON lists the approved claims; state=ALL adds the others', async ({
    request,
  }) => {
    const mfa = await mfaArticle(request);
    const { approved, draft } = await mfaClaims(request, mfa.id);
    const response = await request.get(`/api/claims/export?format=json&article=${mfa.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expectAttachment(response, 'json', 'factmark-claims-');
    const claims = (await response.json()) as { text: string }[];
    expect(claims.map((c) => c.text).sort()).toEqual([...approved].sort());
    const all = await request.get(`/api/claims/export?format=json&article=${mfa.id}&state=ALL`);
    expect(all.status()).toBe(200);
    expectAttachment(all, 'json', 'factmark-claims-all-');
    const allTexts = ((await all.json()) as { text: string }[]).map((c) => c.text);
    for (const text of [...approved, ...draft]) expect(allTexts).toContain(text);
  });

  test('the ClaimReview export rates each approved claim', async ({ request }) => {
    const mfa = await mfaArticle(request);
    const response = await request.get(`/api/claims/export?format=claimreview&article=${mfa.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/ld+json');
    expectAttachment(response, 'jsonld', 'factmark-claimreview-');
    const reviews = (await response.json()) as {
      '@type': string;
      reviewRating: { alternateName: string };
      author: { name: string };
    }[];
    expect(reviews.length).toBeGreaterThanOrEqual(1);
    for (const review of reviews) {
      expect(review['@type']).toBe('ClaimReview');
      expect(review.reviewRating.alternateName).toBeTruthy();
      expect(review.author.name).toBeTruthy();
    }
  });

  test('bad requests: unknown article 404, bad format or filter 400', async ({ request }) => {
    const mfa = await mfaArticle(request);
    expect((await request.get('/api/articles/no-such-article/export?format=html')).status()).toBe(
      404,
    );
    for (const url of [
      `/api/articles/${mfa.id}/export?format=pdf`,
      `/api/articles/${mfa.id}/export`,
      `/api/articles/${mfa.id}/export?format=html&scope=some`,
      '/api/claims/export?format=xlsx',
      '/api/claims/export?format=csv&state=PUBLISHED',
      '/api/claims/export?format=csv&verdict=MAYBE',
      '/api/claims/export?format=csv&from=yesterday',
      '/api/claims/export?format=csv&from=2026-02-01&to=2026-01-01',
      // Dates the calendar or PostgreSQL does not have: refused before the stream starts.
      '/api/claims/export?format=csv&from=0000-01-01',
      '/api/claims/export?format=json&to=0000-12-31T23:00:00Z',
      '/api/claims/export?format=csv&from=2024-02-30',
      '/api/claims/export?format=csv&to=%2B010000-01-01T00:00:00Z',
      '/api/claims/export?format=csv&from=2024-01-01T24:00:00Z',
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      expect((await response.json()).error.code).toBe('validation_failed');
    }
  });
});

test('signed out, exports answer 401', async ({ request }) => {
  const mfa = '/api/articles/any-article/export?format=html';
  expect((await request.get(mfa)).status()).toBe(401);
  expect((await request.get('/api/claims/export?format=csv')).status()).toBe(401);
});
