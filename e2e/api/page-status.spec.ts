/** Pages a role may not open answer 403 (with the Access denied page), not 200. */
import { expect, test } from '@playwright/test';
import { demo, signInOverHttp } from '../helpers';

test('an editor gets 403 with "Access denied" from the review queue and user management', async ({
  request,
}) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
  for (const [path, why] of [
    ['/review', 'The review queue needs the Reviewer or Admin role.'],
    ['/admin/users', 'User management needs the Admin role.'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(403);
    const html = await response.text();
    expect(html).toContain('Access denied');
    expect(html).toContain(why);
  }
});

test('the claims page drops a date filter the calendar does not have, and takes the widest range', async ({
  request,
}) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
  for (const query of [
    'from=0000-01-01',
    'to=2024-02-30',
    'from=%2B010000-01-01',
    'from=0001-01-01&to=9999-12-31',
  ]) {
    expect((await request.get(`/claims?state=ALL&${query}`)).status(), query).toBe(200);
  }
});

test('a reviewer opens the review queue with 200', async ({ request }) => {
  await signInOverHttp(request, demo('REVIEWER').email, demo('REVIEWER').password);
  expect((await request.get('/review')).status()).toBe(200);
});
