/**
 * Every API route with every role and signed out: the status each one gets. New routes add a
 * row here. A row's `setup` runs as the demo EDITOR before the call, so that routes that change
 * a claim act on a fresh one the EDITOR wrote.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
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
    name: 'POST /api/articles/:unknown/revisions',
    call: (r) =>
      r.post('/api/articles/no-such-article/revisions', {
        data: { baseRevisionId: 'x', text: 'New text' },
      }),
    expected: everyone(404),
  },
  { name: 'GET /api/claims', call: (r) => r.get('/api/claims?q=access'), expected: everyone(200) },
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
