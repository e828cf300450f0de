/** The claims API over HTTP: validation, conflicts and re-anchoring as a client sees them. */
import { expect, test } from '@playwright/test';
import { createArticleOverHttp, createClaimOverHttp, demo, signInOverHttp } from '../helpers';

test.beforeEach(async ({ request }) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
});

test('a claim without text or selection is refused with 400 naming the fields, and nothing is saved', async ({
  request,
}) => {
  const article = await createArticleOverHttp(request, 'Validation article');
  const response = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 10, end: 10 },
      claim: { text: '  ', verdict: 'SORT_OF', evidence: [{ url: 'javascript:alert(1)' }] },
    },
  });
  expect(response.status()).toBe(400);
  const { error } = await response.json();
  expect(error.code).toBe('validation_failed');
  expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
    'claim.evidence.0.url',
    'claim.text',
    'claim.verdict',
    'span.end',
  ]);
  const { claims } = await (await request.get(`/api/articles/${article.id}/annotations`)).json();
  expect(claims).toEqual([]);
});

test('a selection outside the text is a 400; an unknown article a 404', async ({ request }) => {
  const article = await createArticleOverHttp(request, 'Bounds article');
  const outside = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 5, end: 99_999 },
      claim: { text: 'x' },
    },
  });
  expect(outside.status()).toBe(400);
  expect((await outside.json()).error.message).toBe('The selection lies outside the article text.');
  const unknown = await request.post('/api/claims', {
    data: {
      span: { articleId: 'nope', revisionId: 'nope', start: 0, end: 4 },
      claim: { text: 'x' },
    },
  });
  expect(unknown.status()).toBe(404);
});

test('evidence accessed on a date the calendar does not have is a 400 naming it, on create and edit', async ({
  request,
}) => {
  const article = await createArticleOverHttp(request, 'Evidence date article');
  const evidence = (accessedAt: string) => [{ url: 'https://example.org/source', accessedAt }];
  const impossible = [
    '2024-02-30',
    '0000-01-01',
    '+010000-01-01',
    '0000-01-01T00:00:00.000Z',
    '2024-01-01T24:00:00Z',
  ];
  for (const accessedAt of impossible) {
    const response = await request.post('/api/claims', {
      data: {
        span: { articleId: article.id, revisionId: article.revision.id, start: 0, end: 4 },
        claim: { text: 'Dated', evidence: evidence(accessedAt) },
      },
    });
    expect(response.status(), accessedAt).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual([
      'claim.evidence.0.accessedAt',
    ]);
  }
  const { claims } = await (await request.get(`/api/articles/${article.id}/annotations`)).json();
  expect(claims).toEqual([]);

  const { claimId } = await createClaimOverHttp(request, article.id, article.revision.id);
  for (const accessedAt of impossible) {
    const response = await request.patch(`/api/claims/${claimId}`, {
      data: { version: 1, evidence: evidence(accessedAt) },
    });
    expect(response.status(), accessedAt).toBe(400);
    const { error } = await response.json();
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['evidence.0.accessedAt']);
  }
  const saved = await request.patch(`/api/claims/${claimId}`, {
    data: { version: 1, evidence: evidence('0001-01-01') },
  });
  expect(saved.status()).toBe(200);
  const { claim } = await saved.json();
  expect(claim.evidence[0].accessedAt).toBe('0001-01-01T00:00:00.000Z');
});

test('saving a stale version answers 409 with the claim as it is now', async ({ request }) => {
  const article = await createArticleOverHttp(request, 'Version article');
  const { claimId } = await createClaimOverHttp(request, article.id, article.revision.id);
  expect(
    (
      await request.patch(`/api/claims/${claimId}`, { data: { version: 1, verdict: 'TRUE' } })
    ).status(),
  ).toBe(200);
  const stale = await request.patch(`/api/claims/${claimId}`, {
    data: { version: 1, verdict: 'FALSE' },
  });
  expect(stale.status()).toBe(409);
  const { error } = await stale.json();
  expect(error.code).toBe('conflict');
  expect(error.current).toEqual(
    expect.objectContaining({ id: claimId, version: 2, verdict: 'TRUE' }),
  );
});

test('editing the text re-anchors: the answer summarises the states, and a span on the old revision is refused', async ({
  request,
}) => {
  const text = 'Alpha beta gamma.\nDelta epsilon zeta.';
  const article = await createArticleOverHttp(request, 'Revision API article', text);
  await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 18, end: 31 },
      claim: { text: 'Delta epsilon' },
    },
  });
  const revised = await request.post(`/api/articles/${article.id}/revisions`, {
    data: { baseRevisionId: article.revision.id, text: `Intro.\n${text}` },
  });
  expect(revised.status()).toBe(201);
  expect((await revised.json()).summary).toEqual({ EXACT: 0, MOVED: 1, FUZZY: 0, ORPHANED: 0 });

  const view = await (await request.get(`/api/articles/${article.id}/annotations`)).json();
  expect(view.revision.number).toBe(2);
  expect(view.annotations[0]).toEqual(
    expect.objectContaining({ start: 25, end: 38, exact: 'Delta epsilon', anchorState: 'MOVED' }),
  );

  const stale = await request.post(`/api/articles/${article.id}/revisions`, {
    data: { baseRevisionId: article.revision.id, text: 'Another edit.' },
  });
  expect(stale.status()).toBe(409);
  const late = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 0, end: 5 },
      claim: { text: 'late' },
    },
  });
  expect(late.status()).toBe(409);
  expect((await late.json()).error.currentRevisionId).toBe(view.revision.id);
});
