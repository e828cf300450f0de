/** Signing in and out as a person does, in Chromium. */
import { expect, test } from '@playwright/test';
import { REVIEW_STATE_LABELS, REVIEW_STATES, type Role } from '../../lib/domain';
import { createUserAsAdmin, demo, pageAlert, TEST_PASSWORD, DEMO_ARTICLES } from '../helpers';

async function signInWithForm(
  page: import('@playwright/test').Page,
  email: string,
  password: string,
) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const ROLE_NAMES: Record<Role, string> = { EDITOR: 'Editor', REVIEWER: 'Reviewer', ADMIN: 'Admin' };

for (const role of ['EDITOR', 'REVIEWER', 'ADMIN'] as const) {
  test(`${ROLE_NAMES[role]} signs in, sees both sample articles and opens one`, async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin$/);
    await signInWithForm(page, demo(role).email, demo(role).password);

    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(page.getByText(`${demo(role).name} · ${ROLE_NAMES[role]}`)).toBeVisible();
    // The library pages newest imports first; the suites import many: list by publication.
    await page.goto('/?sort=published');
    const table = page.getByRole('table', { name: 'Articles' });
    await expect(
      table.getByRole('link', { name: 'Representatives of Syrian Opposition Meet in Astana' }),
    ).toBeVisible();
    await expect(
      table.getByRole('link', {
        name: 'Syrian opposition holds second round of consultations in Astana',
      }),
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /The Astana Times/ })).toContainText('6 Oct 2015');
    // The counts the page shows are the ones the API reports (demo claims included).
    const { articles } = await (await page.request.get(DEMO_ARTICLES)).json();
    const mfa = articles.find((a: { sourceName: string }) => a.sourceName === 'MFA Government');
    await expect(table.getByRole('row', { name: /MFA Government/ })).toContainText(
      `${mfa.claimCounts.total} claims`,
    );
    for (const state of REVIEW_STATES) {
      if (mfa.claimCounts[state] === 0) continue; // a state with no claim is not shown
      await expect(table.getByRole('row', { name: /MFA Government/ })).toContainText(
        `${REVIEW_STATE_LABELS[state]}: ${mfa.claimCounts[state]}`,
      );
    }
    expect(mfa.claimCounts.total).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(role === 'ADMIN' ? 1 : 0);

    await table
      .getByRole('link', {
        name: 'Syrian opposition holds second round of consultations in Astana',
      })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Syrian opposition holds second round of consultations in Astana',
    );
    await expect(
      page.getByText(
        'Representatives of the Syrian opposition held a second round of consultations in Astana Oct. 2–4',
        { exact: false },
      ),
    ).toBeVisible();
    // One paragraph per line of the article, not one block of text, with the demo highlights.
    expect(await page.locator('.article-text p').count()).toBeGreaterThan(10);
    await expect(page.locator('.article-text .hl').first()).toBeVisible();
  });
}

test('a wrong password shows a clear message and stays on the sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await signInWithForm(page, demo('EDITOR').email, 'not the password');
  await expect(pageAlert(page)).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/signin/);
});

test('signed out, every page redirects to sign-in and comes back after signing in', async ({
  page,
}) => {
  for (const path of ['/', '/admin/users', '/articles/anything']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
  }
  await page.goto('/admin/users');
  await signInWithForm(page, demo('ADMIN').email, demo('ADMIN').password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
});

test('sign-out ends the session', async ({ page }) => {
  await page.goto('/signin');
  await signInWithForm(page, demo('REVIEWER').email, demo('REVIEWER').password);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
});

test('repeated failed sign-ins are refused for a while with a message that says so', async ({
  page,
  request,
}) => {
  const user = await createUserAsAdmin(request, 'EDITOR', 'throttled');
  await page.goto('/signin');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInWithForm(page, user.email, `wrong ${attempt}`);
    await expect(pageAlert(page)).toHaveText('Wrong email or password.');
  }
  // Even the right password is not checked until the wait is over.
  await signInWithForm(page, user.email, TEST_PASSWORD);
  await expect(pageAlert(page)).toContainText(
    'Too many sign-in attempts from this device. Try again in 15 minutes.',
  );
  await expect(page).toHaveURL(/\/signin/);
});
