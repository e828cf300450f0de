/** Selections snap to whole words (issue #12); Alt keeps the exact characters. */
import { expect, test, type Page } from '@playwright/test';
import { createArticleOverHttp, demo, selectWithMouse, signInOverHttp } from '../helpers';

const TEXT = [
  'The minister said that exports grew by 12 percent last year, the fastest growth in a decade.',
  'Critics said the figure ignores inflation, which ran at 9 percent.',
].join('\n');

async function openArticle(page: Page, title: string) {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, title, TEXT);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
}

const claimField = (page: Page) =>
  page
    .getByRole('form', { name: 'New claim' })
    .getByRole('textbox', { name: 'Claim', exact: true });

test('a mouse selection inside words snaps to whole words; with Alt it stays exact', async ({
  page,
}) => {
  await openArticle(page, 'Snapping by mouse');
  await selectWithMouse(page, 'ports grew by 12 perc');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await expect(claimField(page)).toHaveValue('exports grew by 12 percent');

  await page.reload();
  await selectWithMouse(page, 'ports grew by 12 perc');
  await page.keyboard.down('Alt');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await page.keyboard.up('Alt');
  await expect(claimField(page)).toHaveValue('ports grew by 12 perc');
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.locator('.article-view .hl', { hasText: 'ports grew by 12 perc' })).toHaveText(
    'ports grew by 12 perc',
  );
});

test('a keyboard selection snaps to words with A, and Alt+A keeps it exact', async ({ page }) => {
  await openArticle(page, 'Snapping by keyboard');
  await page.getByText('Critics said the figure').click();
  await page.keyboard.press('Home');
  // From the middle of "Critics" to the middle of "figure".
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'tics said the fig'.length; i++)
    await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('a');
  await expect(claimField(page)).toHaveValue('Critics said the figure');
  await page.keyboard.press('Escape');

  await page.getByText('Critics said the figure').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'tics said the fig'.length; i++)
    await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Alt+a');
  await expect(claimField(page)).toHaveValue('tics said the fig');
});
