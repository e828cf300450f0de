/**
 * Every API route with every role and signed out: the status each one gets. New routes add a
 * row here. A row's `setup` runs as the demo EDITOR before the call, so that routes that change
 * a claim act on a fresh one the EDITOR wrote.
 */
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import type { Role } from '../../lib/domain';
import {
  createArticleOverHttp,
  createClaimOverHttp,
  demo,
  signInOverHttp,
  uniqueEmail,
} from '../helpers';

type Who = 'signed out' | Role;
const WHO: Who[] = ['signed out', 'EDITOR', 'REVIEWER', 'ADMIN'];

interface Ids {
  articleId: string;
  revisionId: string;
  userId: string;
  claimId: string;
  annotationId: string;
  version: number;
}

interface RouteCase {
  name: string;
  /** Makes a fresh claim (as the EDITOR) for routes that change or delete one. */
  freshClaim?: boolean;
  call: (request: APIRequestContext, ids: Ids) => Promise<{ status(): number }>;
  expected: Record<Who, number>;
}

const everyone = (status: number, signedOut = 401): Record<Who, number> => ({
  'signed out': signedOut,
  EDITOR: status,
  REVIEWER: status,
  ADMIN: status,
});

const span = (ids: Ids, start = 20, end = 40) => ({
  articleId: ids.articleId,
  revisionId: ids.revisionId,
  start,
  end,
});

/**
 * For the review routes' rows: completes and submits the fresh claim as the demo EDITOR (and
 * approves it as the demo REVIEWER with `approve`), so the caller acts on a claim in the state
 * its route needs. Returns the claim's version.
 */
/** What a claim needs before it can be submitted: a definitive verdict needs a source. */
const COMPLETE = {
  verdict: 'FALSE',
  rationale: 'Access test.',
  evidence: [{ url: 'https://example.org/source', title: 'Source' }],
};

async function prepareForReview(ids: Ids, { approve = false } = {}): Promise<number> {
  const baseURL = test.info().project.use.baseURL;
  const as = async (role: Role) => {
    const context = await playwrightRequest.newContext({ baseURL });
    await signInOverHttp(context, demo(role).email, demo(role).password);
    return context;
  };
  const editor = await as('EDITOR');
  const patched = await editor.patch(`/api/claims/${ids.claimId}`, {
    data: { version: ids.version, ...COMPLETE },
  });
  let { version } = (await patched.json()).claim as { version: number };
  const submitted = await editor.post(`/api/claims/${ids.claimId}/submit`, { data: { version } });
  version = (await submitted.json()).claim.version;
  await editor.dispose();
  if (approve) {
    const reviewer = await as('REVIEWER');
    const approved = await reviewer.post(`/api/claims/${ids.claimId}/approve`, {
      data: { version },
    });
    version = (await approved.json()).claim.version;
    await reviewer.dispose();
  }
  return version;
}

const CASES: RouteCase[] = [
  { name: 'GET /api/health', call: (r) => r.get('/api/health'), expected: everyone(200, 200) },
  { name: 'GET /api/me', call: (r) => r.get('/api/me'), expected: everyone(200) },
  { name: 'GET /api/articles', call: (r) => r.get('/api/articles'), expected: everyone(200) },
  {
    name: 'POST /api/articles',
    call: (r) =>
      r.post('/api/articles', {
        data: { title: 'Access test', text: 'One sentence. Another sentence.' },
      }),
    expected: everyone(201),
  },
  {
    name: 'GET /api/articles/:id',
    call: (r, ids) => r.get(`/api/articles/${ids.articleId}`),
    expected: everyone(200),
  },
  {
    name: 'GET /api/articles/:unknown',
    call: (r) => r.get('/api/articles/no-such-article'),
    expected: everyone(404),
  },
  {
    name: 'GET /api/articles/:id/annotations',
    call: (r, ids) => r.get(`/api/articles/${ids.articleId}/annotations`),
    expected: everyone(200),
  },
  {
    name: 'GET /api/articles/:unknown/annotations',
    call: (r) => r.get('/api/articles/no-such-article/annotations'),
    expected: everyone(404),
  },
  {
    name: 'GET /api/articles/:id/export',
    call: (r, ids) => r.get(`/api/articles/${ids.articleId}/export?format=html`),
    expected: everyone(200),
  },
  {
    name: 'POST /api/articles/:unknown/revisions',
    call: (r) =>
      r.post('/api/articles/no-such-article/revisions', {
        data: { baseRevisionId: 'x', text: 'New text' },
      }),
    expected: everyone(404),
  },
  { name: 'GET /api/claims', call: (r) => r.get('/api/claims?q=access'), expected: everyone(200) },
  {
    name: 'GET /api/claims/export',
    call: (r) => r.get('/api/claims/export?format=csv'),
    expected: everyone(200),
  },
  {
    name: 'POST /api/claims',
    call: (r, ids) =>
      r.post('/api/claims', { data: { span: span(ids), claim: { text: 'Access claim' } } }),
    expected: everyone(201),
  },
  {
    name: 'GET /api/claims/:id',
    call: (r, ids) => r.get(`/api/claims/${ids.claimId}`),
    expected: everyone(200),
  },
  {
    name: 'GET /api/claims/:unknown',
    call: (r) => r.get('/api/claims/no-such-claim'),
    expected: everyone(404),
  },
  {
    name: 'PATCH /api/claims/:id (the EDITOR wrote it)',
    freshClaim: true,
    call: (r, ids) =>
      r.patch(`/api/claims/${ids.claimId}`, {
        data: { version: ids.version, claimant: 'Someone' },
      }),
    expected: { 'signed out': 401, EDITOR: 200, REVIEWER: 403, ADMIN: 200 },
  },
  {
    name: 'PATCH /api/claims/:unknown',
    call: (r) =>
      r.patch('/api/claims/no-such-claim', { data: { version: 1, claimant: 'Someone' } }),
    expected: everyone(404),
  },
  {
    name: 'DELETE /api/claims/:id (the EDITOR wrote it)',
    freshClaim: true,
    call: (r, ids) => r.delete(`/api/claims/${ids.claimId}`),
    expected: { 'signed out': 401, EDITOR: 204, REVIEWER: 403, ADMIN: 204 },
  },
  {
    name: 'POST /api/claims/:id/annotations',
    freshClaim: true,
    call: (r, ids) => r.post(`/api/claims/${ids.claimId}/annotations`, { data: span(ids, 50, 60) }),
    expected: everyone(201),
  },
  {
    name: 'PATCH /api/annotations/:id',
    freshClaim: true,
    call: (r, ids) => r.patch(`/api/annotations/${ids.annotationId}`, { data: span(ids, 5, 15) }),
    expected: everyone(200),
  },
  {
    name: 'DELETE /api/annotations/:id (the EDITOR made it)',
    freshClaim: true,
    call: (r, ids) => r.delete(`/api/annotations/${ids.annotationId}`),
    expected: { 'signed out': 401, EDITOR: 204, REVIEWER: 403, ADMIN: 204 },
  },
  {
    name: 'DELETE /api/annotations/:unknown',
    call: (r) => r.delete('/api/annotations/no-such-annotation'),
    expected: everyone(404),
  },
  // The review workflow (issue #5). Rows that decide a claim first bring a fresh one into the
  // state the route needs (see prepareForReview).
  {
    name: 'POST /api/claims/:id/submit (the EDITOR wrote it; the caller completes it first)',
    freshClaim: true,
    call: async (r, ids) => {
      const patched = await r.patch(`/api/claims/${ids.claimId}`, {
        data: { version: ids.version, ...COMPLETE },
      });
      const version = patched.ok() ? (await patched.json()).claim.version : ids.version;
      return r.post(`/api/claims/${ids.claimId}/submit`, { data: { version } });
    },
    expected: { 'signed out': 401, EDITOR: 200, REVIEWER: 403, ADMIN: 200 },
  },
  {
    name: 'POST /api/claims/:unknown/submit',
    call: (r) => r.post('/api/claims/no-such-claim/submit', { data: { version: 1 } }),
    expected: everyone(404),
  },
  {
    name: 'POST /api/claims/:id/approve (the EDITOR submitted it)',
    freshClaim: true,
    call: async (r, ids) =>
      r.post(`/api/claims/${ids.claimId}/approve`, {
        data: { version: await prepareForReview(ids) },
      }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'POST /api/claims/:unknown/approve',
    call: (r) => r.post('/api/claims/no-such-claim/approve', { data: { version: 1 } }),
    expected: everyone(404),
  },
  {
    name: 'POST /api/claims/:id/request-changes (the EDITOR submitted it)',
    freshClaim: true,
    call: async (r, ids) =>
      r.post(`/api/claims/${ids.claimId}/request-changes`, {
        data: { version: await prepareForReview(ids), comment: 'Access test.' },
      }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'POST /api/claims/:unknown/request-changes',
    call: (r) =>
      r.post('/api/claims/no-such-claim/request-changes', { data: { version: 1, comment: 'x' } }),
    expected: everyone(404),
  },
  {
    name: 'POST /api/claims/:id/reopen (approved)',
    freshClaim: true,
    call: async (r, ids) =>
      r.post(`/api/claims/${ids.claimId}/reopen`, {
        data: { version: await prepareForReview(ids, { approve: true }), reason: 'Access test.' },
      }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'POST /api/claims/:unknown/reopen',
    call: (r) => r.post('/api/claims/no-such-claim/reopen', { data: { version: 1, reason: 'x' } }),
    expected: everyone(404),
  },
  {
    name: 'GET /api/claims/:id/comments',
    call: (r, ids) => r.get(`/api/claims/${ids.claimId}/comments`),
    expected: everyone(200),
  },
  {
    name: 'POST /api/claims/:id/comments',
    call: (r, ids) =>
      r.post(`/api/claims/${ids.claimId}/comments`, { data: { body: 'Access test.' } }),
    expected: everyone(201),
  },
  {
    name: 'GET /api/claims/:unknown/comments',
    call: (r) => r.get('/api/claims/no-such-claim/comments'),
    expected: everyone(404),
  },
  {
    name: 'POST /api/claims/:unknown/comments',
    call: (r) => r.post('/api/claims/no-such-claim/comments', { data: { body: 'x' } }),
    expected: everyone(404),
  },
  {
    name: 'GET /api/claims/:id/history',
    call: (r, ids) => r.get(`/api/claims/${ids.claimId}/history`),
    expected: everyone(200),
  },
  {
    name: 'GET /api/claims/:unknown/history',
    call: (r) => r.get('/api/claims/no-such-claim/history'),
    expected: everyone(404),
  },
  {
    name: 'GET /api/review-queue',
    call: (r) => r.get('/api/review-queue'),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'POST /api/review-queue/approve (the EDITOR submitted it)',
    freshClaim: true,
    call: async (r, ids) =>
      r.post('/api/review-queue/approve', {
        data: { claims: [{ id: ids.claimId, version: await prepareForReview(ids) }] },
      }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'POST /api/articles/:id/submit-all',
    call: (r, ids) => r.post(`/api/articles/${ids.articleId}/submit-all`),
    expected: everyone(200),
  },
  {
    name: 'POST /api/articles/:unknown/submit-all',
    call: (r) => r.post('/api/articles/no-such-article/submit-all'),
    expected: everyone(404),
  },
  { name: 'GET /api/me/claims', call: (r) => r.get('/api/me/claims'), expected: everyone(200) },
  // Importing (issue #7): every signed-in role may preview and save an import.
  {
    name: 'POST /api/import/preview',
    call: (r) =>
      r.post('/api/import/preview', {
        data: { kind: 'text', text: 'One sentence about the budget. Another sentence about it.' },
      }),
    expected: everyone(200),
  },
  {
    name: 'POST /api/import',
    call: (r) =>
      r.post('/api/import', {
        data: {
          title: 'Access import',
          text: 'One sentence about the budget. Another sentence about it.',
          allowDuplicate: true,
        },
      }),
    expected: everyone(201),
  },
  {
    name: 'GET /api/users',
    call: (r) => r.get('/api/users'),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 403, ADMIN: 200 },
  },
  {
    name: 'POST /api/users',
    call: (r) =>
      r.post('/api/users', {
        data: {
          email: uniqueEmail('access'),
          name: 'Access Test',
          role: 'EDITOR',
          password: 'long enough 123',
        },
      }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 403, ADMIN: 201 },
  },
  {
    name: 'PATCH /api/users/:id',
    call: (r, ids) => r.patch(`/api/users/${ids.userId}`, { data: { name: 'Renamed Editor' } }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 403, ADMIN: 200 },
  },
  {
    name: 'PATCH /api/users/:unknown',
    call: (r) => r.patch('/api/users/no-such-user', { data: { name: 'Nobody' } }),
    expected: { 'signed out': 401, EDITOR: 403, REVIEWER: 403, ADMIN: 404 },
  },
];

test.describe('who may call which route', () => {
  const contexts = new Map<Who, APIRequestContext>();
  let base: Omit<Ids, 'claimId' | 'annotationId' | 'version'>;
  let shared: Ids;

  test.beforeAll(async ({ playwright, baseURL }) => {
    for (const who of WHO) {
      const context = await playwright.request.newContext({ baseURL });
      if (who !== 'signed out') await signInOverHttp(context, demo(who).email, demo(who).password);
      contexts.set(who, context);
    }
    const admin = contexts.get('ADMIN')!;
    const editor = contexts.get('EDITOR')!;
    const created = await admin.post('/api/users', {
      data: {
        email: uniqueEmail('target'),
        name: 'Target',
        role: 'EDITOR',
        password: 'long enough 123',
      },
    });
    const article = await createArticleOverHttp(editor, 'Access table article');
    base = {
      articleId: article.id,
      revisionId: article.revision.id,
      userId: (await created.json()).user.id,
    };
    shared = { ...base, ...(await createClaimOverHttp(editor, base.articleId, base.revisionId)) };
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
  });

  for (const routeCase of CASES) {
    for (const who of WHO) {
      test(`${routeCase.name} as ${who} answers ${routeCase.expected[who]}`, async () => {
        const ids = routeCase.freshClaim
          ? {
              ...base,
              ...(await createClaimOverHttp(
                contexts.get('EDITOR')!,
                base.articleId,
                base.revisionId,
              )),
            }
          : shared;
        const response = await routeCase.call(contexts.get(who)!, ids);
        expect(response.status()).toBe(routeCase.expected[who]);
      });
    }
  }
});
