/** The article workspace's loop, highlights, keyboard and accessibility (issue #16), in Chromium. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createArticleOverHttp, demo, selectWithMouse, signInOverHttp } from '../helpers';

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

const articleText = (page: Page) => page.getByRole('textbox', { name: 'Article text' });
const highlight = (page: Page, text: string) =>
  page.locator('.article-view .hl', { hasText: text });

/** The Claim field of the claim opened in the panel. */
const openedClaimField = (page: Page) =>
  page
    .getByRole('form', { name: 'Edit claim' })
    .getByRole('textbox', { name: 'Claim', exact: true });

/** Adds a claim on `passage` through the bar at the selection. */
async function addClaim(page: Page, passage: string, claim: string, verdict = 'UNVERIFIED') {
  await selectWithMouse(page, passage);
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Add claim' })
    .click();
  const form = page.getByRole('form', { name: 'New claim' });
  await form.getByRole('textbox', { name: 'Claim', exact: true }).fill(claim);
  await form.getByLabel('Verdict').selectOption(verdict);
  await form.getByRole('button', { name: 'Save claim' }).click();
  await expect(highlight(page, passage.slice(0, 8)).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Claims in text order' })).toContainText(claim);
}

test('overlapping claims show one underline each, stacked, and a darker fill', async ({ page }) => {
  await openNewArticle(page, 'Overlap underline article');
  await addClaim(page, 'exports grew by 12 percent', 'Growth was 12%', 'FALSE');
  await addClaim(page, '12 percent last year, the fastest', 'Fastest in a decade', 'TRUE');

  const style = (text: string) =>
    page.locator('.article-view .hl', { hasText: new RegExp(`^${text}$`) }).evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        image: s.backgroundImage,
        color: s.backgroundColor,
        padding: parseFloat(s.paddingBottom),
      };
    });
  const alone = await style('exports grew by ');
  const overlap = await style('12 percent');
  const underlines = (image: string) => image.match(/linear-gradient/g)?.length ?? 0;
  expect(underlines(alone.image)).toBe(1);
  expect(underlines(overlap.image)).toBe(2);
  // Two different verdict colours, one per underline.
  const colours = [...overlap.image.matchAll(/rgba?\([^)]*\)/g)].map((m) => m[0]);
  expect(new Set(colours).size).toBe(2);
  // Room for both lines, and a darker fill (a higher alpha) where the claims overlap.
  expect(overlap.padding).toBeGreaterThan(alone.padding);
  const alpha = (c: string) => Number(/[\d.]+(?=\)$)/.exec(c.replace(/\s/g, ''))?.[0] ?? 1);
  expect(alpha(overlap.color)).toBeGreaterThan(alpha(alone.color));
});

test('the bar at the selection adds a claim; the toolbar stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 500 });
  await openNewArticle(page, 'Floating bar article');
  await selectWithMouse(page, 'ignores inflation');
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(bar).toBeVisible();
  // The bar sits at the selection, not at the top of the page.
  const selected = await selectionBox(page);
  const barBox = (await bar.boundingBox())!;
  expect(Math.abs(barBox.y + barBox.height - selected.y)).toBeLessThan(40);
  // Its key hints can be read, on the primary button too (dark on their white key cap).
  const key = bar.getByRole('button', { name: 'Add claim' }).locator('kbd');
  const look = await key.evaluate((e) => ({
    color: getComputedStyle(e).color,
    background: getComputedStyle(e).backgroundColor,
  }));
  expect(look.color).not.toBe(look.background);
  await bar.getByRole('button', { name: 'Add claim' }).click();
  // The form works on the selection now: the bar leaves the text it would cover.
  await expect(page.getByRole('form', { name: 'New claim' })).toBeVisible();
  await expect(bar).toBeHidden();
  await page
    .getByRole('form', { name: 'New claim' })
    .getByRole('button', { name: 'Save claim' })
    .click();
  await expect(highlight(page, 'ignores inflation')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Claim saved.');

  await page.mouse.wheel(0, 400);
  const toolbar = page.getByRole('toolbar', { name: 'Annotate' });
  await expect(toolbar).toBeInViewport();
});

/**
 * Opens a new article of 200 paragraphs (about 17,000 characters) with 120 claims, "Claim about
 * topic 81" to "... 200" (one on each of the last 120 paragraphs): more than the list's first
 * block of rows and than the text highlighted on the first draw. Resolves to the article's id and
 * the claims' ids.
 */
async function openLongArticle(page: Page): Promise<{ articleId: string; claimIds: string[] }> {
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) =>
      `Paragraph ${i + 1} reports that topic ${i + 1} changed by ${i + 7} percent in a year.`,
  );
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const text = paragraphs.join('\n');
  const article = await createArticleOverHttp(page.request, 'Long article', text);
  const claimIds: string[] = [];
  for (let i = 80; i < 200; i++) {
    const start = text.indexOf(`topic ${i + 1} changed`);
    const response = await page.request.post('/api/claims', {
      data: {
        span: { articleId: article.id, revisionId: article.revision.id, start, end: start + 14 },
        claim: { text: `Claim about topic ${i + 1}` },
      },
    });
    expect(response.status()).toBe(201);
    claimIds.push(((await response.json()) as { claim: { id: string } }).claim.id);
  }
  await page.goto(`/articles/${article.id}`);
  return { articleId: article.id, claimIds };
}

/** The outline an element shows (its focus ring). */
async function focusRingOf(element: Locator) {
  return element.evaluate((el) => {
    const { outlineStyle, outlineWidth, outlineOffset } = getComputedStyle(el);
    return { style: outlineStyle, width: outlineWidth, offset: outlineOffset };
  });
}

async function selectionBox(page: Page) {
  return page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.x, y: rect.y };
  });
}

test('keyboard only: select, add, save, open, submit, close — focus checked at every step', async ({
  page,
}) => {
  await openNewArticle(page, 'Keyboard loop article');
  const text = articleText(page);
  await page.getByText('Critics said the figure').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Critics said'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();

  await page.keyboard.press('a');
  const form = page.getByRole('form', { name: 'New claim' });
  const claimField = form.getByRole('textbox', { name: 'Claim', exact: true });
  await expect(claimField).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Critics dispute the figure');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Claimant')).toBeFocused();
  await page.keyboard.type('Critics');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Verdict')).toBeFocused();
  // Unproven: a definitive verdict would need an evidence source before submitting (#10).
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
  await expect(form.getByLabel('Verdict')).toHaveValue('UNPROVEN');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Rationale')).toBeFocused();
  await page.keyboard.type('Inflation was 9 percent, so real growth was about 3 percent.');
  await page.keyboard.press('Control+Enter');

  // Saved: back in the text, on the new highlight, its card shown.
  await expect(page.getByRole('status')).toHaveText('Claim saved.');
  await expect(text).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText('Critics dispute the figure');
  await expect(page.locator('.article-view .hl-focus')).toHaveText('Critics said');
  // The card is drawn with the add and placed in the next frame: right under the highlight.
  const [cardBox, ringBox] = await Promise.all([
    page.getByRole('tooltip').boundingBox(),
    page.locator('.article-view .hl-focus').boundingBox(),
  ]);
  expect(Math.abs(cardBox!.y - (ringBox!.y + ringBox!.height + 6))).toBeLessThan(6);
  expect(Math.abs(cardBox!.x - ringBox!.x)).toBeLessThan(4);
  expect((await focusRingOf(page.locator('.article-view .hl-focus'))).style).toBe('solid');
  // The text itself shows that it has the focus: a 2px ring 2px outside it.
  expect(await focusRingOf(text)).toEqual({ style: 'solid', width: '2px', offset: '2px' });

  // Enter opens the claim; focus lands on the panel's heading.
  await page.keyboard.press('Enter');
  const edit = page.getByRole('form', { name: 'Edit claim' });
  await expect(edit.getByRole('heading', { name: 'Edit claim' })).toBeFocused();
  expect((await focusRingOf(text)).style).toBe('none');

  // S submits; the review heading takes focus and shows the new state.
  await page.keyboard.press('s');
  await expect(page.getByRole('status')).toHaveText('Claim submitted for review.');
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review.getByRole('heading', { name: 'Review' })).toBeFocused();
  await expect(review).toContainText('Submitted');

  // Esc closes the panel and returns to the claim's highlight in the text.
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);
  await expect(text).toBeFocused();
  await expect(page.getByRole('list', { name: 'Claims in text order' })).toContainText('Submitted');
});

test('a refused submit in the panel opens the claim on its first missing field, reasons beside', async ({
  page,
}) => {
  await openNewArticle(page, 'Refused submit in the panel');
  await addClaim(page, 'ignores inflation', 'Ignores inflation');
  await highlight(page, 'ignores inflation').click();
  const panel = page.getByRole('complementary', { name: 'Claims panel' });
  const edit = panel.getByRole('form', { name: 'Edit claim' });
  const submit = panel.getByRole('region', { name: 'Review' }).getByRole('button', {
    name: 'Submit for review',
  });
  await submit.click();
  await expect(page.getByRole('status')).toHaveText(
    'Cannot submit this claim: missing a verdict (other than Unverified) and a rationale.',
  );

  // The claim's fields are where the refusal points: focus on the first missing one, and each
  // missing field says why beside it (the note above the text gives the message alone).
  const verdict = edit.getByLabel('Verdict');
  const rationale = edit.getByLabel('Rationale');
  await expect(verdict).toBeFocused();
  await expect(verdict).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict).toHaveAccessibleDescription('Choose a verdict other than Unverified.');
  await expect(edit.getByText('Choose a verdict other than Unverified.')).toBeVisible();
  await expect(rationale).toHaveAttribute('aria-invalid', 'true');
  await expect(rationale).toHaveAccessibleDescription('Write a rationale: why this verdict.');
  await expect(edit.getByText('Write a rationale: why this verdict.')).toBeInViewport();
  await expect(edit.getByLabel('Claimant')).not.toHaveAttribute('aria-invalid', 'true');
  // The refusal's message is told beside Submit, where it was pressed, not above Save.
  const review = panel.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Cannot submit this claim: missing a verdict');
  await expect(edit.getByText('Cannot submit this claim')).toHaveCount(0);

  // Fixed and saved, then opened again at once: the next refusal names the evidence, and an
  // empty evidence row appears with its address focused.
  await verdict.selectOption('FALSE');
  await rationale.fill('Real wages fell; the report says so.');
  await edit.getByRole('button', { name: 'Save claim' }).click();
  await expect(edit).toHaveCount(0);
  await highlight(page, 'ignores inflation').click();
  await submit.click();
  await expect(page.getByRole('status')).toContainText('missing an evidence source');
  const address = edit.getByRole('group', { name: 'Evidence 1' }).getByLabel('URL');
  await expect(address).toBeFocused();
  await expect(address).toHaveValue('');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict).not.toHaveAttribute('aria-invalid', 'true');
  await expect(review).toContainText('missing an evidence source');
  if (process.env.FACTMARK_SCREENSHOTS)
    await review.screenshot({ path: `${process.env.FACTMARK_SCREENSHOTS}/panel-refused.png` });
});

test('a claim saved in the panel opens again at once, by click and by Enter', async ({ page }) => {
  await openNewArticle(page, 'Re-open after save');
  await addClaim(page, 'ignores inflation', 'Ignores inflation');
  const edit = page.getByRole('form', { name: 'Edit claim' });
  const rationale = edit.getByLabel('Rationale');
  // Click, save, click again: the second click on the highlight comes within ProseMirror's
  // double-click time of the first (another click, on Save, in between), and must still open.
  for (const round of [1, 2, 3]) {
    await highlight(page, 'ignores inflation').click();
    await expect(edit).toBeVisible();
    await rationale.fill(`Checked, round ${round}.`);
    await edit.getByRole('button', { name: 'Save claim' }).click();
    await expect(edit).toHaveCount(0);
  }
  await highlight(page, 'ignores inflation').click();
  await expect(rationale).toHaveValue('Checked, round 3.');

  // By keyboard: saved, focus is back on the highlight, and Enter opens it again.
  await rationale.fill('Checked by keyboard.');
  await rationale.press('Control+Enter');
  await expect(edit).toHaveCount(0);
  await expect(page.locator('.article-view .hl-focus')).toHaveText('ignores inflation');
  await expect(articleText(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit.getByRole('heading', { name: 'Edit claim' })).toBeFocused();
  await expect(rationale).toHaveValue('Checked by keyboard.');
});

test('Tab walks the highlights in text order; Esc closes a form from inside a field', async ({
  page,
}) => {
  await openNewArticle(page, 'Tab order article');
  await addClaim(page, 'published on Monday', 'Published Monday');
  await addClaim(page, 'exports grew by 12 percent', 'Exports grew 12%');
  // Start reading at the top: a click there ends the walk the last save began.
  await page.getByText('The minister said').click({ position: { x: 2, y: 4 } });
  await expect(page.locator('.article-view .hl-focus')).toHaveCount(0);
  const card = page.getByRole('tooltip');
  await page.keyboard.press('Tab');
  await expect(card).toContainText('Exports grew 12%');
  // With a keyboard, the card says which keys go on from here.
  await expect(card.getByText('opens · Tab next highlight')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(card).toContainText('Published Monday');
  await page.keyboard.press('Shift+Tab');
  await expect(card).toContainText('Exports grew 12%');
  // Esc dismisses the card from the text (WCAG 1.4.13), and the walk goes on from there.
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(articleText(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card).toContainText('Published Monday');

  await selectWithMouse(page, 'ignores inflation');
  await page.keyboard.press('a');
  await expect(page.getByRole('form', { name: 'New claim' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'New claim' })).toHaveCount(0);
  await expect(articleText(page)).toBeFocused();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const key of ['A', 'L', 'J', 'Enter', 'S', 'C', 'H', 'Esc', '?']) {
    await expect(
      sheet.locator('kbd', { hasText: new RegExp(`^${key.replace('?', '\\?')}$`) }),
    ).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the panel shows the discussion and the history, and links to the claim page', async ({
  page,
}) => {
  await openNewArticle(page, 'Discussion article');
  await addClaim(page, 'ignores inflation', 'Ignores inflation');
  await highlight(page, 'ignores inflation').click();
  const panel = page.getByRole('complementary', { name: 'Claims panel' });
  const discussion = panel.getByRole('region', { name: 'Discussion' });
  await expect(discussion).toContainText('No comments yet.');
  await discussion
    .getByRole('textbox', { name: 'Add to the discussion' })
    .fill('Check the CPI series for 2025.');
  await discussion.getByRole('button', { name: 'Post comment' }).click();
  await expect(discussion.getByRole('list', { name: 'Discussion posts' })).toContainText(
    'Check the CPI series for 2025.',
  );
  await expect(page.getByRole('status')).toHaveText('Comment posted.');

  await panel.getByText('History').click();
  const history = panel.getByRole('list', { name: 'History entries' });
  await expect(history).toContainText('Created the claim');
  await expect(history).toContainText('Erin Editor');

  await panel.getByRole('link', { name: 'Open claim page' }).click();
  await expect(page).toHaveURL(/\/claims\/[^/]+$/);
  // The post, in the discussion (the history now quotes it too).
  await expect(
    page.getByRole('region', { name: 'Discussion' }).getByText('Check the CPI series for 2025.'),
  ).toBeVisible();
});

test('linking a passage to a claim it already has is refused with the reason, on screen', async ({
  page,
}) => {
  const tag = `twice ${Date.now().toString(36)}`;
  // A long text in a short window: the reason must show where the user is looking.
  await page.setViewportSize({ width: 1440, height: 700 });
  const background = Array.from({ length: 40 }, (_, i) => `Background paragraph ${i + 1}.`);
  await openNewArticle(page, 'Link twice article', [TEXT, ...background].join('\n'));
  await addClaim(page, 'ignores inflation', `Ignores inflation (${tag})`);
  await selectWithMouse(page, 'ignores inflation');
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Link to claim' })
    .click();
  const link = page.getByRole('region', { name: 'Link to existing claim' });
  await link.getByLabel('Search claims').fill(tag);
  await link.getByRole('button', { name: new RegExp(tag) }).click();
  await expect(page.getByRole('status')).toHaveText(
    'This passage is already linked to the claim (“ignores inflation”).',
  );
  await expect(link).toContainText('already linked');
  await expect(link.getByText('This passage is already linked to the claim')).toBeInViewport();
  await expect(page.locator('.article-view .hl')).toHaveCount(1);
});

test('axe finds no serious or critical problem on the article and claim pages', async ({
  page,
}) => {
  await openNewArticle(page, 'Accessible article');
  await addClaim(page, 'ignores inflation', 'Ignores inflation', 'MISLEADING');
  await highlight(page, 'ignores inflation').click();
  await expect(page.getByRole('region', { name: 'Discussion' })).toContainText('No comments yet.');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(await serious()).toEqual([]);
  await page.getByRole('link', { name: 'Open claim page' }).click();
  await expect(page).toHaveURL(/\/claims\//);
  expect(await serious()).toEqual([]);
});

test('screenshots of the workspace at 1440 and 390 px', async ({ page }) => {
  await openNewArticle(page, 'Screenshot article');
  await addClaim(page, 'exports grew by 12 percent', 'Growth was 12%', 'MOSTLY_TRUE');
  await addClaim(page, '12 percent last year, the fastest', 'Fastest in a decade', 'FALSE');
  await addClaim(page, 'ignores inflation', 'Ignores inflation', 'MISLEADING');
  await highlight(page, 'ignores inflation').hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.screenshot({ path: 'test-results/workspace-1440.png' });
  await highlight(page, 'ignores inflation').click();
  await expect(page.getByRole('region', { name: 'Discussion' })).toContainText('No comments yet.');
  await page.screenshot({ path: 'test-results/workspace-1440-claim.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/workspace-390.png', fullPage: true });
  // Nothing of the workspace is wider than the phone (the site header is issue #17's).
  const overflow = await page.evaluate(
    () => document.querySelector('.workspace')!.getBoundingClientRect().right,
  );
  expect(overflow).toBeLessThanOrEqual(390);
});

test('a long article with many claims: list rows and highlights are drawn as they are needed', async ({
  page,
}) => {
  const { articleId, claimIds } = await openLongArticle(page);
  const list = page.getByRole('list', { name: 'Claims in text order' });
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toContainText('Claim about topic 81');
  // Every row says where it stands in the whole list; the last is not drawn until scrolled to.
  await expect(rows.first()).toHaveAttribute('aria-setsize', '120');
  await expect(list.locator('li[aria-posinset="120"]')).toHaveCount(0);
  // Scrolling the panel to its end draws the last rows.
  const last = rows.filter({ hasText: 'Claim about topic 200' });
  await page
    .getByRole('complementary', { name: 'Claims panel' })
    .evaluate((panel) => (panel.scrollTop = panel.scrollHeight));
  await expect(last).toBeAttached();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', '120');
  await last.getByRole('button', { name: 'Open' }).click();
  await expect(openedClaimField(page)).toHaveValue('Claim about topic 200');
  await page.keyboard.press('Escape');

  // Find in claims reaches rows not drawn yet (the browser's own find cannot).
  await page.getByRole('searchbox', { name: 'Find in claims' }).fill('TOPIC 199');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Claim about topic 199');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '1');
  await page.getByRole('searchbox', { name: 'Find in claims' }).fill('topic 199 nowhere');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No claim matches the filters.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find in claims' }).fill('');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '120');

  // A claim added before all the others: every drawn row moves one place down, and counts 121.
  await addClaim(page, 'topic 1 changed', 'Claim about topic 1');
  await expect(rows.first()).toContainText('Claim about topic 1');
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  const second = rows.filter({ hasText: 'Claim about topic 81' });
  await expect(second).toHaveAttribute('aria-posinset', '2');
  await expect(second).toHaveAttribute('aria-setsize', '121');
  await page
    .getByRole('complementary', { name: 'Claims panel' })
    .evaluate((panel) => (panel.scrollTop = panel.scrollHeight));
  await expect(last).toHaveAttribute('aria-posinset', '121');

  // The last paragraph's highlight is drawn without scrolling to it, and opens its claim.
  const lastHighlight = page.locator(`.article-view .hl[data-claim-ids~="${claimIds.at(-1)}"]`);
  await expect(lastHighlight).toHaveText('topic 200 chan');
  await lastHighlight.scrollIntoViewIfNeeded();
  await lastHighlight.click();
  await expect(openedClaimField(page)).toHaveValue('Claim about topic 200');

  // On a phone the list is below the text and scrolls with the page. Its first rows, drawn
  // from the start, stay drawn while the list is far below the view (a screen reader or the
  // browser's find reaches them): they only go back to a placeholder once seen and left.
  const listFarBelow = async () => {
    await expect
      .poll(() => list.evaluate((element) => element.getBoundingClientRect().top))
      .toBeGreaterThan(844 + 3000);
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
        ),
    );
  };
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${articleId}`);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await listFarBelow();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('Claim about topic 1Unverified');
  // Seen in the side panel of a wider window, then moved far below the text by a narrower one:
  // still drawn (what was seen there says nothing of the new place).
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(rows.first()).toBeInViewport();
  await page.setViewportSize({ width: 390, height: 844 });
  await listFarBelow();
  await expect(rows).toHaveCount(50);
  await expect(list.locator('li[aria-posinset="121"]')).toHaveCount(0);
  await list.evaluate((element) => element.lastElementChild!.scrollIntoView({ block: 'end' }));
  await expect(last).toBeAttached();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
});

test("the active claim's row is drawn where the list was not scrolled, and J/K move it", async ({
  page,
}) => {
  const { claimIds } = await openLongArticle(page);
  const list = page.getByRole('list', { name: 'Claims in text order' });
  const row = (topic: number) =>
    list.locator('li').filter({ hasText: `Claim about topic ${topic}` });
  await expect(list.getByRole('listitem').first()).toContainText('Claim about topic 81');
  await expect(row(200)).toHaveCount(0); // its block is not drawn: the list was not scrolled
  // Opening the last claim from its highlight makes it the active one: its row is drawn (in
  // idle time) with the list still at its top, marked current, for J/K and assistive technology.
  const lastHighlight = page.locator(`.article-view .hl[data-claim-ids~="${claimIds.at(-1)}"]`);
  await lastHighlight.scrollIntoViewIfNeeded();
  await lastHighlight.click();
  await expect(openedClaimField(page)).toHaveValue('Claim about topic 200');
  await page.keyboard.press('Escape');
  await expect(row(200).getByRole('button', { name: /Claim about topic 200/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(row(200)).not.toBeInViewport();
  // K from there: the claim before it is the active one, in the same block.
  await page.locator('.article-view .ProseMirror').focus();
  await page.keyboard.press('k');
  await expect(row(199).getByRole('button', { name: /Claim about topic 199/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(row(200).getByRole('button', { name: /Claim about topic 200/ })).toHaveAttribute(
    'aria-current',
    'false',
  );
});

/**
 * Thrown when the page stopped drawing frames while its list was scrolled. Headless Chromium
 * (software compositing) can, rarely and under load, stop a page's frames for good: animation
 * frames, intersection observers and screenshots all wait while its timers still run. Seen three
 * times in about a hundred runs of the test below beside busy loops, each time in the frame after
 * the list's last block was drawn, and never with Chromium's tracing on.
 */
class FramesStopped extends Error {}

/**
 * Scrolls the claims panel a screen at a time, two frames per step as a user reads it, until it
 * comes to rest; resolves with the steps taken (Infinity if it never came to rest).
 */
async function scrollThrough(panel: Locator, down: boolean): Promise<number> {
  const result = await panel.evaluate(async (element, down) => {
    const frame = () =>
      Promise.race([
        new Promise((drawn) => requestAnimationFrame(() => drawn(true))),
        new Promise((late) => setTimeout(() => late(false), 5_000)),
      ]);
    for (let step = 0; step < 200; step++) {
      const before = element.scrollTop;
      element.scrollTop += (down ? 1 : -1) * element.clientHeight;
      if (!(await frame()) || !(await frame())) return { stoppedAt: step };
      if (element.scrollTop === before) return { steps: step };
    }
    return { steps: Infinity }; // never came to rest
  }, down);
  if ('stoppedAt' in result) {
    throw new FramesStopped(`no frame for 5 s at step ${result.stoppedAt} of a scroll`);
  }
  return result.steps;
}

test('rows scrolled far out of view go back to placeholders; the focused row stays', async ({
  page,
}) => {
  // 180 claims: four blocks of rows, more than 3,000 px of list beyond the view at 1440 x 900.
  await page.setViewportSize({ width: 1440, height: 900 });
  const paragraphs = Array.from(
    { length: 180 },
    (_, i) => `Paragraph ${i + 1} says that figure ${i + 1} rose by ${i + 3} percent.`,
  );
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const text = paragraphs.join('\n');
  const article = await createArticleOverHttp(page.request, 'Scrolled list article', text);
  for (let i = 0; i < 180; i++) {
    const start = text.indexOf(`figure ${i + 1} rose`);
    const response = await page.request.post('/api/claims', {
      data: {
        span: { articleId: article.id, revisionId: article.revision.id, start, end: start + 10 },
        claim: { text: `Claim number ${i + 1}.` },
      },
    });
    expect(response.status()).toBe(201);
  }
  const readThrough = async (page: Page) => {
    await page.goto(`/articles/${article.id}`);
    const panel = page.getByRole('complementary', { name: 'Claims panel' });
    const list = page.getByRole('list', { name: 'Claims in text order' });
    const rows = list.getByRole('listitem');
    const first = rows.filter({ hasText: 'Claim number 1.' });
    const last = rows.filter({ hasText: 'Claim number 180.' });
    await expect(first).toBeVisible();
    // Dropping and drawing rows never keeps the list from coming to rest at its end.
    expect(await scrollThrough(panel, true)).toBeLessThan(100);
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await expect(last).toHaveAttribute('aria-posinset', '180');
    // The first rows went back to a placeholder: not every row read stays drawn.
    await expect(first).toHaveCount(0);
    expect(await rows.count()).toBeLessThan(180);
    // Back at the top they are drawn again, and the last rows are gone.
    expect(await scrollThrough(panel, false)).toBeLessThan(100);
    await expect(first).toBeInViewport();
    await expect(last).toHaveCount(0);

    // Behind a new claim's form the list keeps its rows as they were (hidden, it is nowhere in
    // view, and no row is far from it either): closing the form shows the very same rows at
    // once, none drawn again.
    await first.evaluate((row) => row.setAttribute('data-seen', ''));
    await selectWithMouse(page, 'Paragraph 3 says that');
    await page.keyboard.press('a');
    await expect(page.getByRole('form', { name: 'New claim' })).toBeVisible();
    await page.evaluate(
      () =>
        new Promise((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200))),
        ),
    );
    await page.keyboard.press('Escape');
    await expect(first).toBeInViewport();
    await expect(first).toHaveAttribute('data-seen', '');

    // A row that holds the focus stays drawn however far the list is scrolled from it.
    await first.getByRole('button', { name: 'Open' }).focus();
    await scrollThrough(panel, true);
    await expect(last).toBeAttached();
    await expect(first.getByRole('button', { name: 'Open' })).toBeFocused();
  };
  try {
    await readThrough(page);
  } catch (error) {
    if (!(error instanceof FramesStopped)) throw error;
    // The browser stopped drawing that page (see FramesStopped), which no code of the page can
    // undo: once more in a new page, with what happened noted in the report. Every check runs
    // again there; a list that never comes to rest still fails.
    test.info().annotations.push({ type: 'browser stopped drawing', description: error.message });
    console.warn(`[workspace] Chromium stopped drawing the page (${error.message}): once more`);
    test.setTimeout(test.info().timeout + 30_000);
    await readThrough(await page.context().newPage());
  }
});

test('a highlight not drawn yet shows its card under the pointer', async ({ page }) => {
  // Idle time withheld: the highlights past the first screens stay undrawn, as on a busy page
  // in the moments after it opens.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  const paragraphs = Array.from(
    { length: 200 },
    (_, i) => `Paragraph ${i + 1} reports that topic ${i + 1} changed by ${i + 7} percent.`,
  );
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const text = paragraphs.join('\n');
  const article = await createArticleOverHttp(page.request, 'Undrawn highlights', text);
  const start = text.indexOf('topic 190 changed');
  const created = await page.request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start, end: start + 17 },
      claim: { text: 'Claim about topic 190' },
    },
  });
  expect(created.status()).toBe(201);
  const claimId = ((await created.json()) as { claim: { id: string } }).claim.id;
  await page.goto(`/articles/${article.id}`);
  const paragraph = page.locator('.article-view .ProseMirror p', { hasText: 'topic 190 changed' });
  // Mid-window, clear of the sticky toolbar.
  await paragraph.evaluate((p) => p.scrollIntoView({ block: 'center' }));
  await expect(page.locator(`.article-view .hl[data-claim-ids~="${claimId}"]`)).toHaveCount(0);

  // The words' box, from the text itself (no highlight element to aim at).
  const box = await paragraph.evaluate((p) => {
    const node = p.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf('190 changed');
    range.setStart(node, at);
    range.setEnd(node, at + 3);
    const { left, top, width, height } = range.getBoundingClientRect();
    return { x: left + width / 2, y: top + height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  const card = page.getByRole('tooltip');
  await expect(card).toContainText('Claim about topic 190');
  // Off the highlight (the paragraph's first word), the card goes.
  const away = await paragraph.evaluate((p) => {
    const { left, top, height } = p.getBoundingClientRect();
    return { x: left + 4, y: top + height / 2 };
  });
  await page.mouse.move(away.x, away.y);
  await expect(card).toHaveCount(0);
});

test('the live region speaks again for a second result in the same words', async ({ page }) => {
  await openNewArticle(page, 'Announcement article');
  await addClaim(page, 'exports grew by 12 percent', 'Exports grew by 12 percent');
  const status = page.getByRole('status');
  await expect(status).toHaveText('Claim saved.');
  // Screen readers speak a live region when its content changes: the second "Claim saved."
  // must change it too, not leave the same text in place.
  await status.evaluate((element) => {
    const w = window as unknown as { statusChanges: number };
    w.statusChanges = 0;
    new MutationObserver((records) => (w.statusChanges += records.length)).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await addClaim(page, 'ignores inflation', 'The figure ignores inflation');
  await expect(status).toHaveText('Claim saved.');
  expect(
    await page.evaluate(() => (window as unknown as { statusChanges: number }).statusChanges),
  ).toBeGreaterThan(0);
});

test('a result is told in a note over the page: the text the user reads does not move', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 800 });
  await openNewArticle(page, 'Steady text article');
  const firstLine = page.locator('.article-view p').first();
  const before = (await firstLine.boundingBox())!;
  await addClaim(page, 'exports grew by 12 percent', 'Exports grew by 12 percent');
  const status = page.getByRole('status');
  await expect(status).toHaveText('Claim saved.');
  await expect(status).toBeVisible();
  // The message is on screen, in the viewport's lower part, and the text stayed where it was.
  const note = (await status.boundingBox())!;
  expect(note.y + note.height).toBeLessThanOrEqual(800);
  expect(note.y).toBeGreaterThan(400);
  const after = (await firstLine.boundingBox())!;
  expect(after.y).toBe(before.y);
  // A success fades away by itself after a few seconds; it stays in the live region's text.
  await expect
    .poll(() => status.evaluate((e) => Number(getComputedStyle(e).opacity)), { timeout: 10_000 })
    .toBe(0);
  await expect(status).toHaveText('Claim saved.');
});
