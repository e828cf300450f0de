/**
 * The Claims page tells which approved claims' ClaimReview lacks what, and links to where it is
 * fixed (issue #13, "publishing that validates"): an article without a source address, fixed
 * from its page, leaves the list.
 */
import { expect, test } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

test('an approved claim on an article without a source URL is listed until the URL is added', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const title = `Gaps ${Math.random().toString(36).slice(2)}`;
  const article = await createArticleOverHttp(page.request, title);
  const created = await page.request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 23, end: 49 },
      claim: { text: 'Exports grew by 12 percent', claimant: 'The minister' },
    },
  });
  expect(created.status()).toBe(201);
  const draft = (await created.json()).claim as { id: string; version: number };
  const patched = await page.request.patch(`/api/claims/${draft.id}`, {
    data: {
      version: draft.version,
      verdict: 'FALSE',
      rationale: 'Nominal, not real growth.',
      evidence: [{ url: 'https://stats.example.org/exports' }],
    },
  });
  expect(patched.status()).toBe(200);
  const submitted = await page.request.post(`/api/claims/${draft.id}/submit`, {
    data: { version: (await patched.json()).claim.version },
  });
  expect(submitted.status()).toBe(200);
  const reviewer = await playwright.request.newContext({ baseURL });
  await signInOverHttp(reviewer, demo('REVIEWER').email, demo('REVIEWER').password);
  const approved = await reviewer.post(`/api/claims/${draft.id}/approve`, {
    data: { version: (await submitted.json()).claim.version },
  });
  expect(approved.status()).toBe(200);
  await reviewer.dispose();

  await page.goto('/claims');
  const box = page.getByRole('region', { name: 'ClaimReview: missing data' });
  const line = box.getByRole('listitem').filter({ hasText: `“${title}” has no source URL` });
  await expect(line).toContainText('1 approved claim:');
  await expect(line).toContainText('has no source URL, so its ClaimReview has no appearance');
  // The box's heading starts at its padding, not a heading's margin below it.
  const top = async (locator: import('@playwright/test').Locator) =>
    (await locator.boundingBox())!.y;
  expect((await top(box.getByRole('heading'))) - (await top(box))).toBeLessThan(20);
  // The list stays one screen of advice however many articles lack data.
  expect(await box.getByRole('listitem').count()).toBeLessThanOrEqual(3 * 21);

  await line.getByRole('link', { name: 'add it' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // No source name, byline or date: the details line starts with its links, not a separator.
  await expect(page.getByRole('link', { name: 'View original' }).locator('..')).toHaveText(
    'View original · Compare with…',
  );
  await page.getByText('Edit details').click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.getByLabel('Source address (URL)').fill('https://news.example.org/exports');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form.getByRole('status')).toBeVisible();

  await page.goto('/claims');
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await expect(page.getByText(`“${title}” has no source URL`)).toHaveCount(0);
});
