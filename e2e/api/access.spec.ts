/**
 * Every API route with every role and signed out: the status each one gets. New routes add a
 * row here.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Role } from '../../lib/domain';
import { demo, signInOverHttp, uniqueEmail } from '../helpers';

type Who = 'signed out' | Role;
const WHO: Who[] = ['signed out', 'EDITOR', 'REVIEWER', 'ADMIN'];

interface RouteCase {
  name: string;
  call: (
    request: APIRequestContext,
    ids: { articleId: string; userId: string },
  ) => Promise<{ status(): number }>;
  expected: Record<Who, number>;
}

const CASES: RouteCase[] = [
  {
    name: 'GET /api/health',
    call: (r) => r.get('/api/health'),
    expected: { 'signed out': 200, EDITOR: 200, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'GET /api/me',
    call: (r) => r.get('/api/me'),
    expected: { 'signed out': 401, EDITOR: 200, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'GET /api/articles',
    call: (r) => r.get('/api/articles'),
    expected: { 'signed out': 401, EDITOR: 200, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'GET /api/articles/:id',
    call: (r, ids) => r.get(`/api/articles/${ids.articleId}`),
    expected: { 'signed out': 401, EDITOR: 200, REVIEWER: 200, ADMIN: 200 },
  },
  {
    name: 'GET /api/articles/:unknown',
    call: (r) => r.get('/api/articles/no-such-article'),
    expected: { 'signed out': 401, EDITOR: 404, REVIEWER: 404, ADMIN: 404 },
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
  let ids: { articleId: string; userId: string };

  test.beforeAll(async ({ playwright, baseURL }) => {
    for (const who of WHO) {
      const context = await playwright.request.newContext({ baseURL });
      if (who !== 'signed out') await signInOverHttp(context, demo(who).email, demo(who).password);
      contexts.set(who, context);
    }
    const admin = contexts.get('ADMIN')!;
    const { articles } = await (await admin.get('/api/articles')).json();
    const created = await admin.post('/api/users', {
      data: {
        email: uniqueEmail('target'),
        name: 'Target',
        role: 'EDITOR',
        password: 'long enough 123',
      },
    });
    ids = { articleId: articles[0].id, userId: (await created.json()).user.id };
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.dispose();
  });

  for (const routeCase of CASES) {
    for (const who of WHO) {
      test(`${routeCase.name} as ${who} answers ${routeCase.expected[who]}`, async () => {
        const response = await routeCase.call(contexts.get(who)!, ids);
        expect(response.status()).toBe(routeCase.expected[who]);
      });
    }
  }
});
