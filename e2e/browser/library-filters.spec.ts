/**
 * The library's Source and Author filters find the values articles have as the user types
 * (issue #17): any byline of the archive can be picked, not only the 500 most frequent.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demo, signInOverHttp } from '../helpers';

test('the library Author and Source filters search as you type and filter the list', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const family = `Vq${randomBytes(6)
    .toString('hex')
    .replace(/[^a-f]/g, '')
    .slice(0, 5)}enko`;
  const create = async (title: string, byline: string, sourceName: string) => {
    const response = await page.request.post('/api/articles', {
      data: { title, text: 'The port reopened on Monday.', byline, sourceName },
    });
    expect(response.status()).toBe(201);
  };
  await create(`Harbour report ${family}`, `Ilya ${family}`, `${family} Gazette`);
  await create(`Grain report ${family}`, `Oksana ${family}`, `${family} Gazette`);

  await page.goto('/');
  const author = page.getByRole('combobox', { name: 'Author' });
  await author.fill(family.slice(0, 5));
  const authors = page.getByRole('listbox', { name: 'Author' }).getByRole('option');
  await expect(authors).toHaveText([`Ilya ${family}`, `Oksana ${family}`]);
  await author.fill(`Oksana ${family.slice(0, 3)}`);
  await expect(authors.first()).toHaveText(`Oksana ${family}`);
  await authors.first().click();
  const source = page.getByRole('combobox', { name: 'Source' });
  await source.fill(`${family} gaz`);
  await page.getByRole('option', { name: `${family} Gazette` }).click();
  await page.getByRole('button', { name: 'Apply' }).click();

  await expect(page).toHaveURL(/author=Oksana/);
  await expect(page.getByRole('link', { name: `Grain report ${family}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Harbour report ${family}` })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Author' })).toHaveValue(`Oksana ${family}`);
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue(`${family} Gazette`);
});

test('a library row counts only the review states its claims are in', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const mark = randomBytes(4).toString('hex');
  const create = async (title: string) => {
    const response = await page.request.post('/api/articles', {
      data: { title, text: 'The port reopened on Monday after a week of repairs.' },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { article: { id: string; revision: { id: string } } })
      .article;
  };
  await create(`Quiet port ${mark}`);
  const checked = await create(`Busy port ${mark}`);
  const claim = await page.request.post('/api/claims', {
    data: {
      span: { articleId: checked.id, revisionId: checked.revision.id, start: 0, end: 8 },
      claim: { text: `The port reopened ${mark}` },
    },
  });
  expect(claim.status()).toBe(201);

  await page.goto(`/?q=${mark}`);
  const counts = (title: string) => page.getByLabel(`Claims of ${title} ${mark}`);
  await expect(counts('Quiet port')).toHaveText('No claims');
  await expect(counts('Busy port')).toContainText('1 claim');
  await expect(counts('Busy port')).toContainText('Draft: 1');
  // States with no claim are left out, not listed as zeros.
  await expect(counts('Busy port')).not.toContainText('Approved');
  await expect(counts('Busy port').locator('span')).toHaveCount(2);
});

test('text fields, date fields and menus of a filter row are one height', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  for (const path of ['/', '/claims']) {
    await page.goto(path);
    const heights = await page
      .locator('main form')
      .first()
      .evaluate((form) =>
        [...form.querySelectorAll('input, select, button[type="submit"]')]
          .filter((e) => !['hidden', 'checkbox', 'radio'].includes((e as HTMLInputElement).type))
          .map((e) => e.getBoundingClientRect().height),
      );
    expect(heights.length).toBeGreaterThan(3);
    // Side by side in a row, a taller menu or date field steps out of line with the others.
    expect(
      Math.max(...heights) - Math.min(...heights),
      `${path}: ${heights.join(', ')}`,
    ).toBeLessThan(1);
  }
});
