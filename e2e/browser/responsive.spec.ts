/** Phones (390 px) and tablets (768 px): no page wider than the window, a menu to every page, axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

const WIDTHS = [390, 768] as const;

async function firstHref(page: Page, path: string, selector: string) {
  await page.goto(path);
  return page.locator(selector).first().getAttribute('href');
}

/** The document is no wider than the window: nothing to scroll sideways. */
async function expectNoOverflow(page: Page, path: string) {
  const { doc, win } = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    win: window.innerWidth,
  }));
  expect(doc, `${path} is ${doc}px wide in a ${win}px window`).toBeLessThanOrEqual(win);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 }, hasTouch: true });

    test('no page is wider than the window', async ({ page }) => {
      await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
      const article = await firstHref(page, '/?sort=published', 'table[aria-label="Articles"] a');
      const claim = await firstHref(page, '/claims?state=ALL', 'table[aria-label="Claims"] a');
      const paths = [
        '/',
        '/search?q=astana',
        '/claims?state=ALL',
        '/my-claims',
        '/review',
        '/import',
        '/admin/users',
        article!,
        claim!,
      ];
      for (const path of paths) {
        await page.goto(path);
        await expectNoOverflow(page, path);
      }
    });

    test('the menu reaches every page', async ({ page }) => {
      await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
      await page.goto('/');
      const links: [string, string][] = [
        ['Import', '/import'],
        ['Claims', '/claims'],
        ['My claims', '/my-claims'],
        ['Review queue', '/review'],
        ['Users', '/admin/users'],
        ['Library', '/'],
      ];
      const toggle = page.getByRole('button', { name: 'Menu' });
      for (const [name, path] of links) {
        const link = page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: new RegExp(`^${name}`) });
        // A page still settling may close the menu just opened; open it again until the tap lands.
        await expect(async () => {
          if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.tap();
          await expect(link).toBeInViewport({ timeout: 2000 });
          await link.tap({ timeout: 2000 });
          await page.waitForURL((url) => url.pathname === path, { timeout: 5000 });
        }).toPass({ timeout: 20_000 });
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }
      await page.getByRole('button', { name: 'Menu' }).tap();
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();
    });

    test('library, search, claims, review and admin pages have no serious accessibility faults', async ({
      page,
    }) => {
      test.setTimeout(180_000); // axe takes seconds per page on a busy machine
      await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
      for (const path of ['/', '/search?q=astana', '/claims', '/review', '/admin/users']) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, path).toEqual([]);
      }
    });
  });
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px an admin's header links and sign-out each hold one line`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
    await page.goto('/');
    const header = page.getByRole('banner');
    const items = header.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await expect(items).toHaveCount(7);
    // The lines of each item's own words (its first text; a badge is text of its own).
    const lines = await header.locator('nav a:visible, button:visible').evaluateAll((elements) =>
      elements.map((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let text = walker.nextNode();
        while (text && !text.textContent?.trim()) text = walker.nextNode();
        const range = document.createRange();
        range.selectNodeContents(text!);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return [text!.textContent!.trim(), tops.size] as const;
      }),
    );
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const [text, count] of lines) expect(count, `"${text}" wraps`).toBe(1);
    await expectNoOverflow(page, '/');
  });
}

test('the / key focuses the global search from any page', async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/claims');
  const box = page.getByRole('searchbox', { name: 'Search articles and claims' });
  // The key listener exists once the page has hydrated; retry until it has.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(box).toBeFocused({ timeout: 1000 });
  }).toPass();
  await box.fill('Astana');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=Astana/);
  await expect(page.locator('mark').first()).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** Selects `phrase` in the article text as a long press and its handles would. */
  async function touchSelect(page: Page, phrase: string) {
    await page.getByRole('textbox', { name: 'Article text' }).tap();
    await page.evaluate((phrase) => {
      const root = document.querySelector('.article-view [contenteditable]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(phrase);
        if (at < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error('phrase not found');
    }, phrase);
  }

  /** A text several screens long, with `phrase` in its middle. */
  function longText(phrase: string) {
    const filler = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `Paragraph ${i + 1} of the background: the ministry published its tables.`,
      );
    return [
      ...filler(12),
      `The minister said that ${phrase}.`,
      'Critics said the figure ignores inflation.',
      ...filler(12),
      'The last line of the report.',
    ].join('\n');
  }

  type Box = { x: number; y: number; width: number; height: number };

  /** The article's lines in view that `box` covers, by their words (none is what we want). */
  function textCoveredBy(page: Page, box: Box) {
    return page.evaluate((box) => {
      const root = document.querySelector('.article-view [contenteditable]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const covered: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          if (line.bottom <= 0 || line.top >= window.innerHeight) continue; // not on screen
          // Behind the sheet is not in view either (the note lets the pointer through).
          const atCentre = document.elementFromPoint(
            (line.left + line.right) / 2,
            (line.top + line.bottom) / 2,
          );
          if (!atCentre || !root.contains(atCentre)) continue;
          const overlaps =
            line.right > box.x &&
            line.left < box.x + box.width &&
            line.bottom > box.y &&
            line.top < box.y + box.height;
          if (overlaps) covered.push((node as Text).data.slice(0, 40));
        }
      }
      return covered;
    }, box);
  }

  const intersects = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  /** A long article, a touch selection of `phrase` in its middle, saved as a claim. */
  async function saveClaimFromTouch(page: Page, phrase: string) {
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const tag = Date.now().toString(36);
    const article = await createArticleOverHttp(page.request, `Note ${tag}`, longText(phrase));
    await page.goto(`/articles/${article.id}`);
    await touchSelect(page, phrase);
    await page.getByRole('button', { name: 'Add claim' }).tap();
    const form = page.getByRole('form', { name: 'New claim' });
    await form.getByRole('textbox', { name: 'Claim', exact: true }).fill(`Growth (${tag})`);
    await form.getByRole('button', { name: 'Save claim' }).tap();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');
    return tag;
  }

  test('a claim is created from a touch selection, in a sheet over the text', async ({ page }) => {
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const phrase = 'exports grew by 12 percent last year';
    const article = await createArticleOverHttp(
      page.request,
      `Touch ${Date.now().toString(36)}`,
      longText(phrase),
    );
    await page.goto(`/articles/${article.id}`);
    const text = page.getByRole('textbox', { name: 'Article text' });
    await expect(text).toContainText(phrase);
    // A long press selects a word and the handles widen it: the result is a DOM selection,
    // which is what the page sees (Playwright cannot drag selection handles).
    await touchSelect(page, phrase);
    await page.getByRole('button', { name: 'Add claim' }).tap();

    // The form opens in a sheet over the lower part of the screen, focus in its first field,
    // and the selected passage is still on screen above it (not 3,900 px away below the text).
    const form = page.getByRole('form', { name: 'New claim' });
    const claimField = form.getByRole('textbox', { name: 'Claim', exact: true });
    await expect(claimField).toBeFocused();
    await expect(claimField).toHaveValue(phrase);
    await expect(form).toBeInViewport();
    const sheet = page.getByRole('complementary', { name: 'Claims panel' });
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.y + sheetBox.height).toBeCloseTo(844, 0);
    expect(sheetBox.y).toBeGreaterThan(844 * 0.3);
    await expect(text).toBeInViewport();
    // The words being claimed are above the sheet, not under it (the selection was in the
    // middle of the screen, where the sheet opens).
    const passage = await page.evaluate((phrase) => {
      const root = document.querySelector('.article-view [contenteditable]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const { top, bottom } = range.getBoundingClientRect();
        return { top, bottom };
      }
      return null;
    }, phrase);
    expect(passage!.top).toBeGreaterThanOrEqual(0);
    expect(passage!.bottom).toBeLessThanOrEqual(sheetBox.y);

    // The text stays reachable: its last line can be scrolled clear of the sheet.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastLine = page.getByText('The last line of the report.');
    const lineBox = (await lastLine.boundingBox())!;
    expect(lineBox.y + lineBox.height).toBeLessThanOrEqual((await sheet.boundingBox())!.y);

    await form.getByRole('button', { name: 'Save claim' }).tap();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');
    await expect(form).toBeHidden();
    const highlight = page.locator('.article-view .hl', { hasText: phrase });
    await expect(highlight).toBeVisible();
    // Back in the text, on the new highlight.
    await expect(text).toBeFocused();

    // Opening the claim opens the sheet again (focus on its heading); Close panel closes it.
    await highlight.tap();
    const edit = page.getByRole('form', { name: 'Edit claim' });
    await expect(edit.getByRole('heading', { name: 'Edit claim' })).toBeFocused();
    await expect(edit).toBeInViewport();
    await page.getByRole('button', { name: 'Close panel' }).tap();
    await expect(edit).toBeHidden();
    await expect(text).toBeFocused();
  });

  test('a refused save shows its reason in the sheet, on screen', async ({ page }) => {
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const tag = `refused ${Date.now().toString(36)}`;
    const phrase = 'exports grew by 12 percent last year';
    const article = await createArticleOverHttp(page.request, `Twice ${tag}`, longText(phrase));
    await page.goto(`/articles/${article.id}`);
    await touchSelect(page, phrase);
    await page.getByRole('button', { name: 'Add claim' }).tap();
    const form = page.getByRole('form', { name: 'New claim' });
    await form.getByRole('textbox', { name: 'Claim', exact: true }).fill(`Growth (${tag})`);
    await form.getByRole('button', { name: 'Save claim' }).tap();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');

    // The same passage again, linked to the same claim: refused, and the reason is shown
    // where the user just tapped, not at the top of the page.
    await touchSelect(page, phrase);
    await page.getByRole('button', { name: 'Link to claim' }).tap();
    const link = page.getByRole('region', { name: 'Link to existing claim' });
    await link.getByLabel('Search claims').fill(tag);
    await link.getByRole('button', { name: new RegExp(tag) }).tap();
    const reason = link.getByText('This passage is already linked to the claim');
    await expect(reason).toBeVisible();
    await expect(reason).toBeInViewport();
    // The failure's note is on screen too, in the sheet's bar beside Close panel: over none of
    // the article's lines above the sheet (where the passage is), nor the sheet's buttons.
    const note = page.getByRole('status');
    await expect(note).toContainText('already linked');
    await expect(note).toBeInViewport();
    const noteBox = (await note.boundingBox())!;
    expect(await textCoveredBy(page, noteBox)).toEqual([]);
    const sheetBox = (await page
      .getByRole('complementary', { name: 'Claims panel' })
      .boundingBox())!;
    expect(noteBox.y).toBeGreaterThanOrEqual(sheetBox.y);
    const close = (await page.getByRole('button', { name: 'Close panel' }).boundingBox())!;
    expect(intersects(noteBox, close)).toBe(false);
    const heading = (await link
      .getByRole('heading', { name: 'Link to existing claim' })
      .boundingBox())!;
    expect(intersects(noteBox, heading)).toBe(false);
  });

  test("a result's note covers neither the passage nor its card: it is docked at the screen's edge", async ({
    page,
  }) => {
    const phrase = 'exports grew by 12 percent last year';
    await saveClaimFromTouch(page, phrase);
    // Still the one live region that announces results.
    const note = page.getByRole('status');
    await expect(note).toHaveAttribute('aria-live', 'polite');
    // (Next.js keeps its own route announcer outside <main>.)
    await expect(page.getByRole('main').locator('[role="status"], [aria-live]')).toHaveCount(1);
    await expect(note).toBeInViewport();
    const noteBox = (await note.boundingBox())!;
    // The passage just claimed, and its card, are what the user reads now: both stay clear.
    const passage = (await page
      .locator('.article-view .hl', { hasText: 'exports grew' })
      .first()
      .boundingBox())!;
    const card = page.getByRole('tooltip');
    await expect(card).toBeVisible();
    expect(intersects(noteBox, passage)).toBe(false);
    expect(intersects(noteBox, (await card.boundingBox())!)).toBe(false);
    // Not a box floating over the lines: a bar along the bottom edge, where the sheet just was.
    expect(noteBox.x).toBe(0);
    expect(noteBox.width).toBe(390);
    expect(noteBox.y + noteBox.height).toBeCloseTo(844, 0);
  });

  test('the card on a highlight shows no keyboard hints on a touch screen', async ({ page }) => {
    await saveClaimFromTouch(page, 'exports grew by 12 percent last year');
    // After saving, the new highlight's card opens: claim, verdict, state, author; no keys.
    const card = page.getByRole('tooltip');
    await expect(card).toContainText('Growth (');
    await expect(card.getByText('Enter', { exact: true })).toBeHidden();
    await expect(card.getByText(/next highlight/)).toBeHidden();
  });
});
