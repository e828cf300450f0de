/**
 * The Author and Reviewer filters of the Claims page and the review queue find people by name
 * as the user types (issue #17): the page no longer carries every user's name.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  createArticleOverHttp,
  demo,
  signInOverHttp,
  TEST_PASSWORD,
  joinedToday,
  uniqueEmail,
} from '../helpers';

/** A made-up surname no other account has, so the lists hold exactly this test's people. */
const surname = () =>
  `Qv${randomBytes(6)
    .toString('hex')
    .replace(/[^a-f]/g, '')
    .slice(0, 5)}ander`;

async function createPerson(admin: APIRequestContext, name: string, role: string) {
  const response = await admin.post('/api/users', {
    data: { email: uniqueEmail('people'), name, role, password: TEST_PASSWORD },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { user: { id: string; email: string } }).user;
}

/** A claim by the signed-in `request`'s user, completed and sent for review. */
async function submitClaim(request: APIRequestContext) {
  const article = await createArticleOverHttp(
    request,
    `People filter ${randomBytes(3).toString('hex')}`,
  );
  const created = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 23, end: 49 },
      claim: { text: 'Exports grew by 12 percent' },
    },
  });
  expect(created.status()).toBe(201);
  const { claim } = (await created.json()) as { claim: { id: string; version: number } };
  const patched = await request.patch(`/api/claims/${claim.id}`, {
    data: {
      version: claim.version,
      verdict: 'FALSE',
      rationale: 'Exports grew in nominal terms.',
      evidence: [{ url: 'https://stats.example.org/exports' }],
    },
  });
  expect(patched.status()).toBe(200);
  const { version } = ((await patched.json()) as { claim: { version: number } }).claim;
  const submitted = await request.post(`/api/claims/${claim.id}/submit`, { data: { version } });
  expect(submitted.status()).toBe(200);
}

/** Types into a people filter and returns its listed options. */
async function typeIn(page: Page, label: string, text: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(text);
  return page.getByRole('listbox', { name: label }).getByRole('option');
}

test('the Author and Reviewer filters find people by name as you type', async ({
  page,
  playwright,
  baseURL,
}) => {
  const family = surname();
  const admin = await playwright.request.newContext({ baseURL });
  await signInOverHttp(admin, demo('ADMIN').email, demo('ADMIN').password);
  const waiting = await createPerson(admin, `Marisol ${family}`, 'EDITOR');
  await createPerson(admin, `Mariela ${family}`, 'EDITOR');
  const reviewer = await createPerson(admin, `Odalys ${family}`, 'REVIEWER');
  await admin.dispose();
  // Only Marisol has a claim waiting for review.
  const author = await playwright.request.newContext({ baseURL });
  await signInOverHttp(author, waiting.email, TEST_PASSWORD);
  await submitClaim(author);
  await author.dispose();

  await signInOverHttp(page.request, demo('REVIEWER').email, demo('REVIEWER').password);

  // Claims page, Author: anyone; the page itself names nobody until something is typed.
  await page.goto('/claims');
  expect(await page.content()).not.toContain(family);
  let options = await typeIn(page, 'Author', family.slice(0, 5));
  await expect(options).toHaveText([`Mariela ${family}`, `Marisol ${family}`, `Odalys ${family}`]);
  // A misspelled name still finds its person.
  options = await typeIn(page, 'Author', `Marisoll ${family}`);
  await expect(options.first()).toHaveText(`Marisol ${family}`);
  await options.first().click();
  // Reviewer: reviewers (and whoever approved a claim) only.
  options = await typeIn(page, 'Reviewer', family);
  await expect(options).toHaveText([`Odalys ${family}`]);
  await options.first().click();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`author=${waiting.id}.*reviewer=${reviewer.id}`));
  // The chosen people's names come back with the page.
  await expect(page.getByRole('combobox', { name: 'Author' })).toHaveValue(`Marisol ${family}`);
  await expect(page.getByRole('combobox', { name: 'Reviewer' })).toHaveValue(`Odalys ${family}`);

  // Review queue, Author: only people with a claim waiting.
  await page.goto('/review');
  options = await typeIn(page, 'Author', family);
  await expect(options).toHaveText([`Marisol ${family}`]);
  await options.first().click();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`author=${waiting.id}`));
  await expect(page.getByRole('combobox', { name: 'Author' })).toHaveValue(`Marisol ${family}`);
  await expect(page.getByRole('main')).toContainText('1 claim waiting (filtered)');
});

test('two people with the same name are two distinct options, without emails', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = `Noor ${surname()}`;
  const admin = await playwright.request.newContext({ baseURL });
  await signInOverHttp(admin, demo('ADMIN').email, demo('ADMIN').password);
  await createPerson(admin, name, 'EDITOR');
  const reviewer = await createPerson(admin, name, 'REVIEWER');
  await admin.dispose();
  const joined = joinedToday();

  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/claims');
  const options = await typeIn(page, 'Author', name);
  await expect(options).toHaveText(
    [`${name} (Editor, joined ${joined})`, `${name} (Reviewer, joined ${joined})`],
    { useInnerText: true },
  );
  await expect(page.getByRole('listbox', { name: 'Author' })).not.toContainText('@');
  await options.nth(1).click();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`author=${reviewer.id}`));
  await expect(page.getByRole('combobox', { name: 'Author' })).toHaveValue(
    `${name} (Reviewer, joined ${joined})`,
  );
});
