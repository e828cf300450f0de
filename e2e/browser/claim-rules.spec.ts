/**
 * Issue #10 in Chromium: a reviewer sees orphaned and changed passages flagged in the queue; an
 * editor linking a passage to an approved claim is told what will happen before acting.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createArticleOverHttp, demo, selectWithMouse, signInOverHttp } from '../helpers';

const TEXT =
  'The second round was attended by 37 people. Exports grew by 12 percent last year.\n' +
  'Critics said the figure ignores inflation. The report came out on Monday.';

type Claim = { id: string; version: number; reviewState: string };

async function submittedClaim(
  request: APIRequestContext,
  article: { id: string; revision: { id: string } },
  passage: string,
  text: string,
): Promise<Claim> {
  const start = TEXT.indexOf(passage);
  const created = await request.post('/api/claims', {
    data: {
      span: {
        articleId: article.id,
        revisionId: article.revision.id,
        start,
        end: start + passage.length,
      },
      claim: {
        text,
        verdict: 'TRUE',
        rationale: 'Both reports agree.',
        evidence: [{ url: 'https://example.org/source' }],
      },
    },
  });
  expect(created.status()).toBe(201);
  const { claim } = (await created.json()) as { claim: Claim };
  const submitted = await request.post(`/api/claims/${claim.id}/submit`, {
    data: { version: claim.version },
  });
  expect(submitted.status()).toBe(200);
  return (await submitted.json()).claim as Claim;
}

test('the reviewer sees an orphaned and a changed passage flagged in the queue', async ({
  page,
  playwright,
}) => {
  const tag = Date.now().toString(36);
  const editor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInOverHttp(editor, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(editor, `Queue flags ${tag}`, TEXT);
  await submittedClaim(editor, article, 'attended by 37 people', `Attendance ${tag}`);
  await submittedClaim(editor, article, 'The report came out on Monday', `Monday ${tag}`);
  const revised = await editor.post(`/api/articles/${article.id}/revisions`, {
    data: {
      baseRevisionId: article.revision.id,
      text: TEXT.replace('37 people', '38 people').replace(
        'The report came out on Monday.',
        'Nothing more was said.',
      ),
    },
  });
  expect(revised.status()).toBe(201);
  await editor.dispose();

  await signInOverHttp(page.request, demo('REVIEWER').email, demo('REVIEWER').password);
  await page.goto(`/review?article=${article.id}`);
  const attendance = page.getByRole('article').filter({ hasText: `Attendance ${tag}` });
  await expect(attendance.getByRole('note')).toContainText('Changed since submission');
  await expect(attendance.getByRole('note').locator('del')).toHaveText('attended by 37 people');
  await expect(attendance.getByRole('note').locator('ins')).toHaveText('attended by 38 people');
  const monday = page.getByRole('article').filter({ hasText: `Monday ${tag}` });
  await expect(monday.getByRole('note')).toContainText('Orphaned');
  await expect(monday.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('queue-flags.png'), fullPage: true });
});

test('an editor linking a passage to an approved claim is told it goes back to review', async ({
  page,
  playwright,
}) => {
  const tag = Date.now().toString(36);
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, `Approved link ${tag}`, TEXT);
  const claim = await submittedClaim(
    page.request,
    article,
    'attended by 37 people',
    `Attendance approved ${tag}`,
  );
  const reviewer = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  await signInOverHttp(reviewer, demo('REVIEWER').email, demo('REVIEWER').password);
  const approved = await reviewer.post(`/api/claims/${claim.id}/approve`, {
    data: { version: claim.version },
  });
  expect(approved.status()).toBe(200);
  await reviewer.dispose();

  await page.goto(`/articles/${article.id}`);
  await selectWithMouse(page, 'Exports grew by 12 percent');
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Link to claim' })
    .click();
  const link = page.getByRole('region', { name: 'Link to existing claim' });
  await link.getByLabel('Search claims').fill(`Attendance approved ${tag}`);
  await expect(link.getByRole('note')).toHaveText(
    'This claim is approved: linking this passage sends it back to review.',
  );
  await link.getByRole('button', { name: new RegExp(`Attendance approved ${tag}`) }).click();
  await expect(page.getByRole('status')).toHaveText('Passage linked to the claim.');
  const after = await (await page.request.get(`/api/claims/${claim.id}`)).json();
  expect(after.claim.reviewState).toBe('SUBMITTED');
});
