/** User management in the browser: admins only. */
import { expect, test } from '@playwright/test';
import { demo, pageAlert, signInOverHttp, uniqueEmail } from '../helpers';

test('an admin creates a user who can then sign in with that role', async ({ page, browser }) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  await page.goto('/admin/users');
  const email = uniqueEmail('newreviewer');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create user' }) });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Nora Newcomer');
  await form.getByLabel('Role').selectOption('REVIEWER');
  await form.getByLabel('Password').fill('welcome to factmark');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toHaveText(`Created ${email}.`);
  await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto('/signin');
  await newcomer.getByLabel('Email').fill(email);
  await newcomer.getByLabel('Password').fill('welcome to factmark');
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(newcomer.getByText('Nora Newcomer · Reviewer')).toBeVisible();
  await context.close();
});

test('an admin changes a role and resets a password from the users page', async ({ page }) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  const email = uniqueEmail('changed');
  await page.request.post('/api/users', {
    data: { email, name: 'Changed', role: 'EDITOR', password: 'first password 1' },
  });
  await page.goto('/admin/users');
  await page.getByLabel(`Role of ${email}`).selectOption('REVIEWER');
  // Choosing is not saving: the page asks first.
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue('EDITOR');
  await page.getByLabel(`Role of ${email}`).selectOption('REVIEWER');
  await page.getByRole('button', { name: `Change role of ${email} to Reviewer` }).click();
  await expect(page.getByRole('status')).toHaveText(`${email} is now Reviewer.`);
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue('REVIEWER');

  await page.getByRole('button', { name: `Reset password for ${email}` }).click();
  await page.getByLabel(`New password for ${email}`).fill('second password 2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText(`Password of ${email} was reset.`);
});

test('the last admin cannot be demoted, and the page says why', async ({ page }) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  // Tests run one at a time (playwright.config.ts) and any test that promotes an admin demotes
  // them again, so the demo admin is the only one here.
  const { users } = await (await page.request.get('/api/users')).json();
  expect(
    users
      .filter((u: { role: string }) => u.role === 'ADMIN')
      .map((u: { email: string }) => u.email),
  ).toEqual([demo('ADMIN').email]);
  await page.goto('/admin/users');
  await page.getByLabel(`Role of ${demo('ADMIN').email}`).selectOption('EDITOR');
  await page
    .getByRole('button', { name: `Change role of ${demo('ADMIN').email} to Editor` })
    .click();
  await expect(pageAlert(page)).toHaveText(
    'This is the last admin: make someone else an admin first.',
  );
  await page.reload();
  await expect(page.getByLabel(`Role of ${demo('ADMIN').email}`)).toHaveValue('ADMIN');
});

test('an editor cannot open the admin page', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByText('User management needs the Admin role.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
});

test('an admin disables a user, who is signed out at once, and enables them again', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  const email = uniqueEmail('leaver');
  await page.request.post('/api/users', {
    data: { email, name: 'Lea Leaver', role: 'EDITOR', password: 'leaving the newsroom' },
  });
  const context = await browser.newContext();
  const leaver = await context.newPage();
  await signInOverHttp(leaver.request, email, 'leaving the newsroom');
  await leaver.goto('/');
  await expect(leaver.getByText('Lea Leaver · Editor')).toBeVisible();

  await page.goto('/admin/users');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${email} is disabled and signed out everywhere.`,
  );
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('disabled');

  await leaver.reload();
  await expect(leaver).toHaveURL(/\/signin/);
  await leaver.getByLabel('Email').fill(email);
  await leaver.getByLabel('Password').fill('leaving the newsroom');
  await leaver.getByRole('button', { name: 'Sign in' }).click();
  await expect(pageAlert(leaver)).toContainText('This account is disabled');

  await page.getByRole('button', { name: `Enable ${email}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${email} is enabled again.`);
  await leaver.getByRole('button', { name: 'Sign in' }).click();
  await expect(leaver.getByText('Lea Leaver · Editor')).toBeVisible();
  await context.close();
});

test('a weak password is refused on the users page with the reason', async ({ page }) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  await page.goto('/admin/users');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create user' }) });
  await form.getByLabel('Email').fill(uniqueEmail('weak'));
  await form.getByLabel('Name').fill('Weak Password');
  await form.getByLabel('Password').fill('password1234');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(pageAlert(page)).toContainText('similar to a commonly used password');
});
