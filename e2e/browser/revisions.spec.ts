/** Revisions a fact-checker can read (issue #12): the list, the word-level diff, the history. */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

const TEXT = [
  'The minister said that exports grew by 12 percent last year, the fastest growth in a decade.',
  'Critics said the figure ignores inflation, which ran at 9 percent.',
  'The report was published on Monday by the statistics office.',
].join('\n');

async function addClaim(
  request: APIRequestContext,
  article: { id: string; revision: { id: string } },
  quote: string,
  claim: string,
) {
  const start = TEXT.indexOf(quote);
  const response = await request.post('/api/claims', {
    data: {
      span: {
        articleId: article.id,
        revisionId: article.revision.id,
        start,
        end: start + quote.length,
      },
      claim: { text: claim },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { claim: { id: string } }).claim.id;
}

async function revise(
  request: APIRequestContext,
  articleId: string,
  text: string,
): Promise<string> {
  const current = (await (await request.get(`/api/articles/${articleId}`)).json()) as {
    article: { revision: { id: string } };
  };
  const response = await request.post(`/api/articles/${articleId}/revisions`, {
    data: { baseRevisionId: current.article.revision.id, text },
  });
  expect(response.status()).toBe(201);
  return text;
}

test('a revision with an insertion, a deletion and an orphan shows all three', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, 'Revisions diff article', TEXT);
  await addClaim(page.request, article, 'the figure ignores inflation', 'It ignores inflation');
  await addClaim(page.request, article, 'published on Monday', 'Published on Monday');
  await revise(
    page.request,
    article.id,
    TEXT.replace('said that', 'said on Tuesday that')
      .replace(', the fastest growth in a decade.', '.')
      .replace('published on Monday', 'released last week'),
  );

  await page.goto(`/articles/${article.id}`);
  const list = page.getByRole('table', { name: 'Revisions' });
  await expect(list.getByRole('row', { name: /^2 / })).toContainText('1 moved · 1 orphaned');
  await expect(list.getByRole('row', { name: /^2 / })).toContainText('Erin Editor');
  await list.getByRole('link', { name: 'Compare revision 2 with 1' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('revision 1 → 2');
  const diff = page.getByLabel('Word-level differences');
  await expect(diff.locator('ins', { hasText: 'on Tuesday' })).toBeVisible();
  await expect(diff.locator('del', { hasText: 'the fastest growth in a decade' })).toBeVisible();
  await expect(diff.locator('del', { hasText: 'published on Monday' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'released last week' })).toBeVisible();
  const affected = page.getByRole('complementary', { name: 'Highlights affected' });
  await expect(affected.getByRole('listitem')).toHaveCount(2);
  await expect(affected.getByRole('listitem').filter({ hasText: 'Orphaned' })).toContainText(
    '“published on Monday”',
  );
  await expect(affected.getByRole('listitem').filter({ hasText: 'Moved' })).toContainText(
    '“the figure ignores inflation”',
  );
});

test('the claim history records each re-anchoring of its span, two revisions on', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, 'Revisions history article', TEXT);
  const claimId = await addClaim(
    page.request,
    article,
    'the figure ignores inflation, which ran at 9 percent',
    'The figure ignores inflation',
  );
  const second = await revise(page.request, article.id, `UPDATED on Tuesday.\n${TEXT}`);
  await revise(page.request, article.id, second.replace('9 percent', '9.5 percent'));

  await page.goto(`/claims/${claimId}`);
  const entries = page
    .getByRole('listitem')
    .filter({ hasText: 'Re-anchored after a text revision' });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Revision 2: moved, score 1.00.');
  await expect(entries.nth(0)).toContainText('(moved, score 1.00)');
  await expect(entries.nth(1)).toContainText(/Revision 3: found with changes, score 0\.\d\d\./);
  await expect(entries.nth(1)).toContainText('which ran at 9.5 percent');

  // The comparison of the two revisions names the changed highlight and its new quote.
  await page.goto(`/articles/${article.id}/revisions/compare?from=2&to=3`);
  const affected = page.getByRole('complementary', { name: 'Highlights affected' });
  await expect(affected.getByRole('listitem')).toHaveCount(1);
  await expect(affected).toContainText('Changed in revision 3');
  await expect(affected).toContainText('“the figure ignores inflation, which ran at 9.5 percent”');
});
