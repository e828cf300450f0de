/** Comparing two reports in Chromium: from an article, to a claim linked in both. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

const read = (name: string) =>
  readFileSync(new URL(`../../prisma/demo/${name}`, import.meta.url), 'utf8');

test('compare the two sample reports, see "29 of the 37", create a claim linked in both', async ({
  page,
}) => {
  // Two full reports, a claim and both exports: more than the default budget on a busy machine.
  test.setTimeout(90_000);
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const suffix = Math.random().toString(36).slice(2, 8);
  const mfa = await createArticleOverHttp(
    page.request,
    `MFA release ${suffix}`,
    read('mfa-astana-2-talks.txt'),
  );
  const times = await createArticleOverHttp(
    page.request,
    `Astana Times report ${suffix}`,
    read('astana-times-astana-2-talks-scraped.txt'),
  );

  // From the article, "Compare with…" suggests the similar report.
  await page.goto(`/articles/${mfa.id}`);
  await page.getByRole('link', { name: 'Compare with…' }).click();
  await expect(
    page.getByRole('heading', { name: `Compare “MFA release ${suffix}” with…` }),
  ).toBeVisible({ timeout: 30_000 }); // ranks the library's texts: slow on a loaded machine
  await page.getByRole('link', { name: new RegExp(`Astana Times report ${suffix}`) }).click();

  const table = page.getByRole('table', { name: 'Aligned statements' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const mark = page.locator('mark[data-type="number"]', { hasText: '29 of the 37' });
  await expect(table.locator(mark)).toBeVisible();
  const row = table.getByRole('row').filter({ has: mark });
  await expect(row).toHaveAttribute('data-kind', 'differs');
  await expect(row.getByText('parties signed a declaration')).toBeVisible();
  const difference = row.getByRole('listitem').filter({ hasText: '29 of the 37' });
  await expect(difference).toContainText('Number');

  await difference.getByRole('button', { name: 'Create claim from number difference' }).click();
  const created = difference.getByRole('status');
  await expect(created).toContainText('Claim created');
  // The link says which claim it opens, read on its own too.
  const href = await created.getByRole('link', { name: /29 of the 37/ }).getAttribute('href');
  const claimId = href!.split('/').pop()!;

  // The claim is linked to a span in each article, pre-filled with what differs.
  const response = await page.request.get(`/api/claims/${claimId}`);
  expect(response.status()).toBe(200);
  const { claim } = (await response.json()) as {
    claim: { text: string; appearances: { articleId: string; exact: string }[] };
  };
  expect(claim.text).toContain('29 of the 37');
  expect(claim.appearances.map((x) => x.articleId).sort()).toEqual([mfa.id, times.id].sort());
  expect(claim.appearances.find((x) => x.articleId === mfa.id)?.exact).toBe('29 of the 37');

  // Shown on the aligned view as an existing claim, and in both articles' workspaces.
  await expect(row.locator('[title*="Claim: "]').first()).toBeVisible();
  // Named under the statement too, with a link to it: no hover needed (keyboard, touch, reader).
  const named = row.getByRole('list', { name: 'Existing claims here' }).first();
  await expect(named.getByRole('link', { name: /29 of the 37/ })).toHaveAttribute(
    'href',
    `/claims/${claimId}`,
  );
  for (const id of [mfa.id, times.id]) {
    const annotations = (await (
      await page.request.get(`/api/articles/${id}/annotations`)
    ).json()) as {
      annotations: { claimId: string }[];
    };
    expect(annotations.annotations.some((x) => x.claimId === claimId)).toBe(true);
  }

  // The report exports as HTML and JSON.
  const html = await page.request.get(`/api/compare?a=${mfa.id}&b=${times.id}&format=html`);
  expect(html.headers()['content-type']).toContain('text/html');
  expect(await html.text()).toContain('29 of the 37');
  const json = (await (
    await page.request.get(`/api/compare?a=${mfa.id}&b=${times.id}`)
  ).json()) as {
    pairs: unknown[];
  };
  expect(json.pairs.length).toBeGreaterThan(15);

  if (process.env.FACTMARK_SCREENSHOTS) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: `${process.env.FACTMARK_SCREENSHOTS}/compare-${width}.png`,
        fullPage: false,
      });
      await row.screenshot({
        path: `${process.env.FACTMARK_SCREENSHOTS}/compare-row-${width}.png`,
      });
    }
  }
});

test('pick two articles by hand; non-English texts compare with a warning', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const suffix = Math.random().toString(36).slice(2, 8);
  const ru = await createArticleOverHttp(
    page.request,
    `Ru A ${suffix}`,
    'Переговоры прошли в Астане 2–4 октября.\nУчастники подписали декларацию.',
  );
  const ru2 = await createArticleOverHttp(
    page.request,
    `Ru B ${suffix}`,
    'Участники подписали декларацию.\nПереговоры прошли в Астане.',
  );
  await page.goto('/compare');
  const form = page.getByRole('form', { name: 'Pick two articles' });
  // By name: a label's text includes its menu's options, and another test's article title
  // can contain "Report B".
  await form.locator('select[name="a"]').selectOption(ru.id);
  await form.locator('select[name="b"]').selectOption(ru2.id);
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('alignment may be weaker')).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'Участники подписали декларацию.' }),
  ).toHaveCount(1);
});

/** Two short reports that differ in one figure. */
async function twoReports(page: Page, label: string) {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const suffix = Math.random().toString(36).slice(2, 8);
  const a = await createArticleOverHttp(
    page.request,
    `${label} A ${suffix}`,
    'The council approved the budget on Monday.\nIt plans 120 new homes this year.',
  );
  const b = await createArticleOverHttp(
    page.request,
    `${label} B ${suffix}`,
    'The council approved the budget on Monday.\nIt plans 150 new homes this year.',
  );
  return { a, b };
}

test('the compare pages have one main landmark, the layout’s', async ({ page }) => {
  const { a, b } = await twoReports(page, 'Landmark');
  // The picker and the comparison sit in the page's one main region (no second one inside).
  await page.goto(`/compare?a=${a.id}`);
  await expect(page.getByRole('form', { name: 'Pick two articles' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await page.goto(`/compare?a=${a.id}&b=${b.id}`);
  await expect(page.getByRole('table', { name: 'Aligned statements' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main')).toContainText('Compare reports');
});

test('Create claim leaves focus on the link to the new claim, not on the page', async ({
  page,
}) => {
  const { a, b } = await twoReports(page, 'Focus');
  await page.goto(`/compare?a=${a.id}&b=${b.id}`);
  const table = page.getByRole('table', { name: 'Aligned statements' });
  // From the keyboard: the button gives way to the link to the new claim, which takes focus.
  const create = table.getByRole('button', { name: 'Create claim from number difference' });
  await create.focus();
  await page.keyboard.press('Enter');
  const open = table.getByRole('status').getByRole('link');
  await expect(open).toBeVisible();
  await expect(open).toBeFocused();
});

test('the compare API answers 400 for missing articles and 404 for unknown ones', async ({
  request,
}) => {
  await signInOverHttp(request, demo('EDITOR').email, demo('EDITOR').password);
  const bad = await request.get('/api/compare?a=x');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  const missing = await request.get('/api/compare?a=nope&b=nada');
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
});
