/**
 * The "Article" filter of the Claims page and the review queue searches the library as the
 * user types (issue #17): the page no longer carries every article's title.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

test('the Article filter finds an article by the start of a title word, picks it, keeps it', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('REVIEWER').email, demo('REVIEWER').password);
  // A made-up word no other article has, so the list holds exactly these two.
  const word = `Zq${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const wanted = await createArticleOverHttp(page.request, `${word}ification of the harbour`);
  await createArticleOverHttp(page.request, `${word}ified port accounts`);

  for (const path of ['/claims', '/review']) {
    await page.goto(path);
    // The page no longer lists articles until something is typed.
    const box = page.getByRole('combobox', { name: 'Article' });
    await box.focus();
    await expect(page.getByRole('listbox', { name: 'Article' })).toContainText(
      'Type 2 letters or more',
    );
    // Half a word: the search matches it as a prefix.
    await box.fill(word.slice(0, 6));
    const options = page.getByRole('listbox', { name: 'Article' }).getByRole('option');
    await expect(options.filter({ hasText: word })).toHaveCount(2);
    await box.fill(`${word}ification har`);
    await expect(options).toHaveText([`${word}ification of the harbour`]);
    await options.first().click();
    await expect(box).toHaveValue(`${word}ification of the harbour`);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(new RegExp(`article=${wanted.id}`));
    // The chosen article's title comes back with the page.
    await expect(page.getByRole('combobox', { name: 'Article' })).toHaveValue(
      `${word}ification of the harbour`,
    );
  }
});
