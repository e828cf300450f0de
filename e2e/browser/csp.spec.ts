/**
 * Every page works under the Content-Security-Policy (issue #11): no violation is reported in the
 * console or as a securitypolicyviolation event, and each page's own scripts ran (it hydrated).
 */
import { expect, test, type Page } from '@playwright/test';
import { createArticleOverHttp, createClaimOverHttp, demo, signInOverHttp } from '../helpers';

/** Collects CSP violations from the console and from the DOM event, from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (
      /Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text())
    ) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

test('every page loads and hydrates with no CSP violation', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.goto('/signin');
  // The sign-in form is a client component: filling and submitting it needs its scripts.
  await page.getByLabel('Email').fill(demo('ADMIN').email);
  await page.getByLabel('Password').fill(demo('ADMIN').password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();

  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  const article = await createArticleOverHttp(page.request, 'CSP check article');
  const { claimId } = await createClaimOverHttp(page.request, article.id, article.revision.id);
  const pages = [
    '/',
    `/articles/${article.id}`,
    `/articles/${article.id}/original`,
    `/claims/${claimId}`,
    '/review',
    '/my-claims',
    '/import',
    '/admin/users',
    '/no-such-page',
    '/claims/%FF',
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Hydrated: React attached its handlers (Next.js marks the root once it has).
    await expect
      .poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next)), {
        message: path,
      })
      .toBe(true);
  }
  expect(violations).toEqual([]);
});
