/** The annotation editor as an editor uses it, in Chromium. */
import { expect, test, type Page } from '@playwright/test';
import {
  createArticleOverHttp,
  demo,
  pageAlert,
  selectWithMouse,
  signInOverHttp,
  DEMO_ARTICLES,
} from '../helpers';

const TEXT = [
  'The minister said that exports grew by 12 percent last year, the fastest growth in a decade.',
  'Critics said the figure ignores inflation, which ran at 9 percent.',
  'The report was published on Monday by the statistics office.',
].join('\n');

async function openNewArticle(page: Page, title: string, text = TEXT) {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, title, text);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  return article;
}

const highlight = (page: Page, text: string) =>
  page.locator('.article-view .hl', { hasText: text });

test('select with the mouse, add a claim with evidence, see it highlighted after a reload', async ({
  page,
}) => {
  await openNewArticle(page, 'Exports article');
  await selectWithMouse(page, 'exports grew by 12 percent last year');
  await page.getByRole('button', { name: 'Add claim' }).click();

  const form = page.getByRole('form', { name: 'New claim' });
  await expect(form.getByRole('textbox', { name: 'Claim', exact: true })).toHaveValue(
    'exports grew by 12 percent last year',
  );
  await form
    .getByRole('textbox', { name: 'Claim', exact: true })
    .fill('Exports grew by 12% last year');
  await form.getByLabel('Claimant').fill('The minister');
  await expect(form.getByLabel('Verdict')).toHaveValue('UNVERIFIED');
  await form.getByLabel('Verdict').selectOption('MOSTLY_TRUE');
  await form.getByLabel('Rationale').fill('Official data show 11.6%.');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await form.getByLabel('URL').fill('https://stats.example.org/exports-2025');
  await form.getByLabel('Title').fill('Exports 2025');
  await form.getByLabel('Quoted passage').fill('Exports rose 11.6 per cent.');
  await form.getByRole('button', { name: 'Save claim' }).click();

  await expect(page.getByRole('status')).toHaveText('Claim saved.');
  await expect(highlight(page, 'exports grew by 12 percent last year')).toBeVisible();
  const list = page.getByRole('list', { name: 'Claims in text order' });
  await expect(list).toContainText('Exports grew by 12% last year');
  await expect(list).toContainText('Mostly true · Draft · Erin Editor');

  await page.reload();
  await expect(highlight(page, 'exports grew by 12 percent last year')).toBeVisible();
  await highlight(page, 'exports grew by 12 percent last year').hover();
  const card = page.getByRole('tooltip');
  await expect(card).toContainText('Exports grew by 12% last year');
  await expect(card).toContainText('Mostly true · Draft · Erin Editor');
  await highlight(page, 'exports grew by 12 percent').click();
  const edit = page.getByRole('form', { name: 'Edit claim' });
  await expect(edit.getByLabel('URL')).toHaveValue('https://stats.example.org/exports-2025');
  await expect(edit.getByLabel('Quoted passage')).toHaveValue('Exports rose 11.6 per cent.');
});

test('select with the keyboard and press A to add a claim', async ({ page }) => {
  await openNewArticle(page, 'Keyboard article');
  await page.getByText('Critics said the figure').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Critics said'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('a');
  const form = page.getByRole('form', { name: 'New claim' });
  await expect(form.getByRole('textbox', { name: 'Claim', exact: true })).toHaveValue(
    'Critics said',
  );
  // Typing into the article never changes it.
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(
    'Critics said the figure ignores inflation',
  );
  await form.getByRole('button', { name: 'Save claim' }).click();
  await expect(highlight(page, 'Critics said')).toBeVisible();
});

test('overlapping highlights both stay clickable, and a click on the overlap offers both', async ({
  page,
}) => {
  await openNewArticle(page, 'Overlap article');
  for (const [passage, claim] of [
    ['exports grew by 12 percent', 'Growth was 12%'],
    ['12 percent last year, the fastest growth', 'Fastest growth in a decade'],
  ] as const) {
    await selectWithMouse(page, passage);
    await page.getByRole('button', { name: 'Add claim' }).click();
    await page
      .getByRole('form', { name: 'New claim' })
      .getByRole('textbox', { name: 'Claim', exact: true })
      .fill(claim);
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');
  }
  await page.locator('.article-view .hl.depth-2').first().click();
  const picker = page.getByRole('dialog', { name: 'Claims here' });
  await expect(picker).toContainText('Growth was 12%');
  await expect(picker).toContainText('Fastest growth in a decade');
  await picker.getByRole('button', { name: /Fastest growth/ }).click();
  await expect(
    page
      .getByRole('form', { name: 'Edit claim' })
      .getByRole('textbox', { name: 'Claim', exact: true }),
  ).toHaveValue('Fastest growth in a decade');
});

test('the empty claims list of a new article says how to add the first claim', async ({ page }) => {
  await openNewArticle(page, 'Empty claims list');
  const panel = page.getByRole('complementary', { name: 'Claims panel' });
  await expect(panel.getByRole('heading', { name: 'Claims (0)' })).toBeVisible();
  await expect(panel).toContainText('No claims yet. Select a passage in the text');
  await selectWithMouse(page, 'exports grew by 12 percent');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');
  await expect(panel.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await expect(panel).not.toContainText('No claims yet');
});

test('on a phone, the overlap picker stays inside the window and below the clicked line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, 'Overlap picker on a phone', TEXT);
  for (const [start, end] of [
    [23, 49], // "exports grew by 12 percent"
    [39, 91], // "12 percent last year, the fastest growth in a decade"
  ]) {
    const response = await page.request.post('/api/claims', {
      data: {
        span: { articleId: article.id, revisionId: article.revision.id, start, end },
        claim: { text: `Overlap ${start}` },
      },
    });
    expect(response.status()).toBe(201);
  }
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  // The right end of the overlap's rightmost line box: a click near the window's right edge.
  const overlap = page.locator('.article-view .hl.depth-2').first();
  await overlap.scrollIntoViewIfNeeded();
  const box = await overlap.evaluate((element) => {
    const rects = [...element.getClientRects()].sort((a, b) => b.right - a.right);
    const right = rects[0]!;
    return { x: right.left, y: right.top, width: right.width, height: right.height };
  });
  expect(box.x + box.width, 'the click is on the right half').toBeGreaterThan(195);
  const click = { x: box.x + box.width - 3, y: box.y + box.height / 2 };
  const picker = page.getByRole('dialog', { name: 'Claims here' });
  // A click before the page is interactive does nothing: click again until the picker opens.
  await expect(async () => {
    await page.mouse.click(click.x, click.y);
    await expect(picker).toContainText('Overlap 23', { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  const placed = (await picker.boundingBox())!;
  // Inside the window with a margin, at its own width (not squeezed against the edge).
  expect(placed.x).toBeGreaterThanOrEqual(8);
  expect(placed.x + placed.width, 'the picker ends inside the window').toBeLessThanOrEqual(382.5);
  expect(placed.width, 'the picker is not squeezed').toBeGreaterThan(180);
  // Below the clicked line (or wholly above it), never over the words that were clicked.
  const clear = placed.y >= box.y + box.height || placed.y + placed.height <= box.y;
  expect(
    clear,
    `picker at ${placed.y}-${placed.y + placed.height}, line ${box.y}-${box.y + box.height}`,
  ).toBe(true);
});

test('edit the text: one claim moves, one is orphaned and re-attached with a click', async ({
  page,
}) => {
  await openNewArticle(page, 'Revision article');
  for (const passage of ['ignores inflation', 'published on Monday']) {
    await selectWithMouse(page, passage);
    await page.getByRole('button', { name: 'Add claim' }).click();
    await page.getByRole('button', { name: 'Save claim' }).click();
    await expect(highlight(page, passage)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Edit text' }).click();
  const edited = TEXT.replace('Critics said', 'Several critics said').replace(
    'published on Monday',
    'released last week',
  );
  await page.getByLabel('Text of the new revision').fill(edited);
  await page.getByRole('button', { name: 'Save new revision' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Revision 2 saved. Highlights: 0 exact, 1 moved, 0 fuzzy, 1 orphaned.',
  );
  await expect(highlight(page, 'ignores inflation')).toBeVisible();
  // The card of the claim added last went with the text it was on: none floats over the new
  // text for a highlight that is not there (it covered the words to select next).
  await expect(page.getByRole('tooltip')).toHaveCount(0);

  const orphans = page.getByRole('region', { name: /Orphaned highlights/ });
  await expect(orphans).toContainText('published on Monday');
  await selectWithMouse(page, 'released last week');
  await orphans.getByRole('button', { name: 'Attach to selection' }).click();
  await expect(page.getByRole('status')).toHaveText('Highlight attached.');
  await expect(highlight(page, 'released last week')).toBeVisible();
  await expect(page.getByRole('region', { name: /Orphaned highlights/ })).toHaveCount(0);
});

test('two people saving the same claim: the second sees both versions and reapplies', async ({
  page,
  browser,
}) => {
  const article = await openNewArticle(page, 'Conflict article');
  await selectWithMouse(page, 'ignores inflation');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');

  const admin = await (await browser.newContext()).newPage();
  await signInOverHttp(admin.request, demo('ADMIN').email, demo('ADMIN').password);
  await admin.goto(`/articles/${article.id}`);
  await highlight(admin, 'ignores inflation').click();
  await highlight(page, 'ignores inflation').click();

  const adminForm = admin.getByRole('form', { name: 'Edit claim' });
  await adminForm.getByLabel('Verdict').selectOption('FALSE');
  await adminForm.getByRole('button', { name: 'Save claim' }).click();
  await expect(admin.getByRole('status')).toHaveText('Claim saved.');

  const form = page.getByRole('form', { name: 'Edit claim' });
  await form.getByLabel('Rationale').fill('Inflation was 9%, so real growth was about 3%.');
  await form.getByRole('button', { name: 'Save claim' }).click();
  const conflict = page.getByRole('region', { name: 'Conflicting versions' });
  await expect(conflict).toContainText('Ada Admin saved this claim after you opened it');
  await expect(conflict.getByRole('row', { name: /Verdict/ })).toContainText('False');
  await conflict.getByRole('button', { name: 'Reapply my changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');
  await admin.context().close();
});

test('link a span to an existing claim across the two sample articles', async ({ page }) => {
  const tag = `link test ${Date.now().toString(36)}`;
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const { articles } = await (await page.request.get(DEMO_ARTICLES)).json();
  const mfa = articles.find((a: { sourceName: string }) => a.sourceName === 'MFA Government');
  const times = articles.find((a: { sourceName: string }) => a.sourceName === 'The Astana Times');

  await page.goto(`/articles/${mfa.id}`);
  await selectWithMouse(page, 'Nazarbayev accepted their proposal');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await page
    .getByRole('form', { name: 'New claim' })
    .getByRole('textbox', { name: 'Claim', exact: true })
    .fill(`Nazarbayev accepted the opposition’s proposal to host talks (${tag})`);
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');

  await page.goto(`/articles/${times.id}`);
  await selectWithMouse(page, 'Nazarbayev accepted their proposal');
  await page.getByRole('button', { name: 'Link to claim' }).click();
  const link = page.getByRole('region', { name: 'Link to existing claim' });
  await link.getByLabel('Search claims').fill(tag);
  await link.getByRole('button', { name: /Nazarbayev accepted the opposition’s proposal/ }).click();
  await expect(page.getByRole('status')).toHaveText('Passage linked to the claim.');
  // A demo claim covers the same passage, so open ours from the list.
  await page
    .getByRole('list', { name: 'Claims in text order' })
    .getByRole('listitem')
    .filter({ hasText: tag })
    .getByRole('button', { name: 'Open' })
    .click();
  const places = page.getByRole('region', { name: 'Where this claim appears' });
  await expect(places).toContainText('Appears in 2 places');
  await expect(places.getByRole('link', { name: mfa.title })).toBeVisible();
});

test('a reviewer cannot change an editor’s claim: the form says why', async ({ page, browser }) => {
  const article = await openNewArticle(page, 'Permissions article');
  await selectWithMouse(page, 'ignores inflation');
  await page.getByRole('button', { name: 'Add claim' }).click();
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');

  const reviewer = await (await browser.newContext()).newPage();
  await signInOverHttp(reviewer.request, demo('REVIEWER').email, demo('REVIEWER').password);
  await reviewer.goto(`/articles/${article.id}`);
  await highlight(reviewer, 'ignores inflation').click();
  await expect(pageAlert(reviewer)).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'Save claim' })).toBeDisabled();
  await reviewer.context().close();
});

test('an unknown article answers 404 with the not-found page, not an error', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const response = await page.goto('/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
});
