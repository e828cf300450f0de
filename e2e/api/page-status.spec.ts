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

test('a reviewer opens the review queue with 200', async ({ request }) => {
  await signInOverHttp(request, demo('REVIEWER').email, demo('REVIEWER').password);
  expect((await request.get('/review')).status()).toBe(200);
});
