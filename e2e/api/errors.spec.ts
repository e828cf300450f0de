import { createHash } from 'node:crypto';
/** Bad input gets a clear JSON error with the exact status, and loses nothing. */
import { expect, test } from '@playwright/test';
import { demo, signInOverHttp, TEST_PASSWORD, uniqueEmail, DEMO_ARTICLES } from '../helpers';

test.describe('errors are JSON with a code and a message', () => {
  test('signed out: 401 unauthorized', async ({ request }) => {
    const response = await request.get(DEMO_ARTICLES);
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthorized', message: 'Sign in to continue.' },
    });
  });

  test('wrong role: 403 forbidden naming the role needed', async ({ request }) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
    const response = await request.get('/api/users');
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'This needs the ADMIN role.' },
    });
  });

  test('unknown article: 404 not_found', async ({ request }) => {
    await signInOverHttp(request, demo('REVIEWER').email, demo('REVIEWER').password);
    const response = await request.get('/api/articles/does-not-exist');
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'Article was not found.' },
    });
  });

  test('invalid fields: 400 naming each bad field, and nothing is created', async ({ request }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const before = (await (await request.get('/api/users')).json()).users.length;
    const response = await request.post('/api/users', {
      data: { email: 'not-an-email', name: '', role: 'BOSS', password: 'short' },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'role',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /); // no stack trace
    expect((await (await request.get('/api/users')).json()).users.length).toBe(before);
  });

  test('a new user: every field checked first, the password strength only once they pass', async ({
    request,
  }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const post = (data: Record<string, string>) => request.post('/api/users', { data });
    const weak = 'password1234'; // long enough: only the strength check refuses it
    const fields = await post({ email: 'not-an-email', name: 'Ada', role: 'BOSS', password: weak });
    expect(fields.status()).toBe(400);
    expect((await fields.json()).error).toEqual({
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      issues: [
        { path: 'email', message: 'Enter a valid email address.' },
        { path: 'role', message: 'Role must be one of EDITOR, REVIEWER, ADMIN.' },
      ],
    });
    const email = uniqueEmail('weak-password');
    const strength = await post({ email, name: 'Ada', role: 'EDITOR', password: weak });
    expect(strength.status()).toBe(400);
    const { issues } = (await strength.json()).error;
    expect(issues.map((i: { path: string }) => i.path)).toEqual(['password']);
    expect(issues[0].message).not.toMatch(/characters/);
  });

  test('a body that is not JSON: 400 invalid_json', async ({ request }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const response = await request.post('/api/users', {
      headers: { 'content-type': 'application/json' },
      data: Buffer.from('{"email":'),
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toEqual({
      code: 'invalid_json',
      message: 'The request body must be valid JSON.',
    });
  });

  test('an email that is taken: 409 conflict', async ({ request }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const response = await request.post('/api/users', {
      data: { email: demo('EDITOR').email, name: 'Copy', role: 'EDITOR', password: TEST_PASSWORD },
    });
    expect(response.status()).toBe(409);
    expect((await response.json()).error.code).toBe('conflict');
  });
});

test.describe('user administration over HTTP', () => {
  test('an admin promotes and demotes another user; the change applies to that user at once', async ({
    request,
    playwright,
    baseURL,
  }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const email = uniqueEmail('promoted');
    const created = await request.post('/api/users', {
      data: { email, name: 'Promoted', role: 'EDITOR', password: TEST_PASSWORD },
    });
    const { user } = await created.json();
    expect(user).toEqual(expect.objectContaining({ email, role: 'EDITOR' }));
    expect(user.passwordHash).toBeUndefined();

    const other = await playwright.request.newContext({ baseURL });
    await signInOverHttp(other, email, TEST_PASSWORD);
    expect((await other.get('/api/users')).status()).toBe(403);

    const promoted = await request.patch(`/api/users/${user.id}`, { data: { role: 'ADMIN' } });
    expect((await promoted.json()).user.role).toBe('ADMIN');
    // A role change ends the user's sessions (issue #11); signed in again, the new role applies.
    expect((await other.get('/api/users')).status()).toBe(401);
    await signInOverHttp(other, email, TEST_PASSWORD);
    expect((await other.get('/api/users')).status()).toBe(200);

    const demoted = await request.patch(`/api/users/${user.id}`, { data: { role: 'REVIEWER' } });
    expect(demoted.status()).toBe(200);
    expect((await other.get('/api/users')).status()).toBe(401);
    await signInOverHttp(other, email, TEST_PASSWORD);
    expect((await other.get('/api/users')).status()).toBe(403);
    await other.dispose();
  });

  test('a password reset takes effect: the old password fails, the new one works', async ({
    request,
    playwright,
    baseURL,
  }) => {
    await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
    const email = uniqueEmail('reset');
    const { user } = await (
      await request.post('/api/users', {
        data: { email, name: 'Reset', role: 'EDITOR', password: TEST_PASSWORD },
      })
    ).json();
    const reset = await request.patch(`/api/users/${user.id}`, {
      data: { password: 'a completely new one' },
    });
    expect(reset.status()).toBe(200);

    const context = await playwright.request.newContext({ baseURL });
    await signInOverHttp(context, email, 'a completely new one');
    await context.dispose();
    const stale = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await stale.get('/api/auth/csrf')).json();
    await stale.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: TEST_PASSWORD, json: 'true' },
    });
    expect((await stale.get('/api/me')).status()).toBe(401);
    await stale.dispose();
  });

  test('the article API returns the current revision text with paragraph offsets', async ({
    request,
  }) => {
    await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
    const { articles } = await (await request.get(DEMO_ARTICLES)).json();
    const titles = articles.map((a: { title: string }) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Representatives of Syrian Opposition Meet in Astana',
        'Syrian opposition holds second round of consultations in Astana',
      ]),
    );
    const mfa = articles.find((a: { sourceName: string }) => a.sourceName === 'MFA Government');
    const { DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, total } = mfa.claimCounts;
    expect(DRAFT + SUBMITTED + CHANGES_REQUESTED + APPROVED).toBe(total);
    expect(APPROVED).toBeGreaterThanOrEqual(2); // demo claims
    const { article } = await (await request.get(`/api/articles/${mfa.id}`)).json();
    expect(article.revision.number).toBe(1);
    expect(article.revision.sha256).toBe(
      createHash('sha256').update(article.revision.text).digest('hex'),
    );
    for (const paragraph of article.paragraphs) {
      expect(article.revision.text.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
    }
  });
});
