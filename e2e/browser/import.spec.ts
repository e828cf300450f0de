/** Importing an article in Chromium: paste, preview, keep a block back, save, find it. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demo, pageAlert, signInOverHttp } from '../helpers';

const FIXTURES = new URL('../../lib/import/fixtures/', import.meta.url);
const SCRAPED = readFileSync(new URL('astana-times-astana-2-talks-scraped.txt', FIXTURES), 'utf8');

const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

test('an editor pastes the scraped sample, keeps a list back, saves, and finds it in the library', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/import');
  await expect(page.getByRole('heading', { name: 'Import article', level: 1 })).toBeVisible();
  await page.getByLabel('Text or HTML', { exact: true }).fill(SCRAPED);
  await page.getByRole('button', { name: 'Preview' }).click();

  // What was removed, each with its reason.
  const removed = page.getByRole('list', { name: 'Removed blocks' });
  await expect(page.getByRole('heading', { name: 'Removed (8)' })).toBeVisible();
  for (const reason of [
    'Headline (used as the title)',
    'Site header / branding',
    'Navigation',
    'Metadata line (byline / date / source)',
    'Related-stories list',
    'Call to subscribe / newsletter',
    'Footer',
  ]) {
    await expect(removed.getByText(reason, { exact: true }).first()).toBeVisible();
  }
  const article = page.getByRole('region', { name: 'Cleaned article' });
  // The headline is the title, not the article's first paragraph.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
    'Representatives of Syrian Opposition Meet in Astana',
  );
  await expect(article).not.toContainText('Representatives of Syrian Opposition Meet in Astana');
  await expect(article).toContainText(
    'Kazakhstan hopes for the continuation of talks between the Syrian authorities',
  );
  await expect(article).not.toContainText('Tokyo Steps Up Central Asia Engagement');

  // Keep the first story list after all: it comes back as its own blocks.
  const list = removed.getByRole('listitem').filter({ hasText: 'Most Recent Stories' });
  await list.getByRole('button', { name: /^Keep/ }).click();
  await expect(list.getByText('Kept', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Removed (7)' })).toBeVisible();
  await expect(article).toContainText('Tokyo Steps Up Central Asia Engagement');

  // The demo article has this text: the page says so and links to it.
  const warning = page.getByRole('status').filter({ hasText: 'already in the library' });
  await expect(
    warning.getByRole('link', { name: 'Representatives of Syrian Opposition Meet in Astana' }),
  ).toBeVisible();

  // Metadata taken from the input, shown for correction.
  await expect(page.getByLabel('Byline', { exact: true })).toHaveValue('Malika Orazgaliyeva');
  await expect(page.getByLabel('Published', { exact: true })).toHaveValue('2015-10-06');
  const title = unique('Astana talks, imported copy');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Source', { exact: true }).fill('Imported test copy');
  await page.getByLabel('Save anyway', { exact: true }).check();
  await page.getByRole('button', { name: 'Save article' }).click();

  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const articleUrl = page.url();

  await page.goto('/');
  await page.getByRole('table', { name: 'Articles' }).getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByText('Most Recent Stories', { exact: true })).toBeVisible();
  await expect(page.getByText('BRINGING KAZAKHSTAN TO THE WORLD')).toHaveCount(0);

  // The original input, as plain text.
  await page.goto(`${articleUrl}/original`);
  await expect(page.getByRole('heading', { name: 'Original input' })).toBeVisible();
  await expect(page.getByLabel('Original input')).toContainText('BRINGING KAZAKHSTAN TO THE WORLD');
});

test('the preview tells an article already in the library from a nearly identical one, with the share', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const tag = Date.now().toString(36);
  const sentences = Array.from(
    { length: 24 },
    (_, i) =>
      `In district ${i + 1} the council counted ${i * 37 + 11} new homes, the office said on report ${tag}.`,
  );
  const text = sentences.join('\n\n');
  const saved = await page.request.post('/api/articles', {
    data: { title: `Housing ${tag}`, text },
  });
  expect(saved.status()).toBe(201);
  // The same report with one sentence reworded: nearly, not exactly, the same text.
  const near = [
    ...sentences.slice(0, 12),
    `In district 13 the council now counts far more homes than before, report ${tag} adds.`,
    ...sentences.slice(13),
  ].join('\n\n');
  const preview = await page.request.post('/api/import/preview', {
    data: { kind: 'text', text: near },
  });
  expect(preview.status()).toBe(200);
  const [match] = (await preview.json()).preview.libraryMatches as {
    title: string;
    relation: string;
    similarity: number;
  }[];
  expect(match).toMatchObject({ title: `Housing ${tag}`, relation: 'near-duplicate' });
  const share = Math.round(match!.similarity * 100);
  expect(share).toBeLessThan(100);

  await page.goto('/import');
  await page.getByLabel('Text or HTML', { exact: true }).fill(near);
  await page.getByRole('button', { name: 'Preview' }).click();
  const warning = page.getByRole('status').filter({ hasText: 'in the library' });
  await expect(warning).toContainText(
    `A nearly identical article (${share}% the same text) is already in the library:`,
  );
  await expect(warning).not.toContainText('This article is already in the library');
  await expect(warning.getByRole('link', { name: `Housing ${tag}` })).toBeVisible();

  // The very same text is the article itself.
  await page.getByLabel('Text or HTML', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(warning).toContainText('This article is already in the library:');
  await expect(warning).not.toContainText('nearly identical');
});

test('a save refused as a duplicate is explained beside the Save button, then saved anyway', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/import');
  await page.getByLabel('Text or HTML', { exact: true }).fill(SCRAPED);
  await page.getByRole('button', { name: 'Preview' }).click();
  const title = unique('Astana talks, duplicate');
  await page.getByLabel('Title', { exact: true }).fill(title);
  const save = page.getByRole('button', { name: 'Save article' });
  await save.click();
  // The refusal is where the user looks after pressing Save, not above the long preview.
  const refusal = pageAlert(page);
  await expect(refusal).toContainText('Save anyway to import it again');
  await expect(refusal).toBeInViewport();
  await expect(save).toBeInViewport();
  await page.getByLabel('Save anyway', { exact: true }).check();
  await save.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a reviewer uploads a .docx, edits the text, and saves it', async ({ page }) => {
  await signInOverHttp(page.request, demo('REVIEWER').email, demo('REVIEWER').password);
  await page.goto('/import');
  await page.getByRole('radio', { name: 'Upload a file' }).check();
  await page.getByLabel(/^File/).setInputFiles(new URL('water-plan.docx', FIXTURES).pathname);
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
    'Council Approves Water Plan',
  );
  await expect(page.getByLabel('Byline', { exact: true })).toHaveValue('Ann Lee');
  const duplicate = page
    .getByRole('list', { name: 'Removed blocks' })
    .getByRole('listitem')
    .filter({ hasText: 'Duplicate paragraph' });
  await expect(duplicate).toContainText('Repeats a longer paragraph');

  await page.getByRole('button', { name: 'Edit text' }).click();
  const text = page.getByLabel('Article text', { exact: true });
  await text.fill(`${await text.inputValue()}\n\nNote added while importing.`);
  await expect(duplicate.getByRole('button', { name: /^Keep/ })).toBeDisabled();
  const title = unique('Water plan');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Save article' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Note added while importing.')).toBeVisible();
});

test('bad input is explained and nothing is saved', async ({ page }) => {
  await signInOverHttp(page.request, demo('ADMIN').email, demo('ADMIN').password);
  await page.goto('/import');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(pageAlert(page)).toContainText('Paste some text or HTML.');

  await page.getByRole('radio', { name: 'From a web address' }).check();
  await page
    .getByLabel('Web address', { exact: true })
    .fill('http://169.254.169.254/latest/meta-data/');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(pageAlert(page)).toContainText('only public addresses can be imported');
  await expect(page.getByRole('heading', { name: 'Preview' })).toHaveCount(0);
});

test('signed out, the import and original pages send you to sign in', async ({ page }) => {
  for (const path of ['/import', '/articles/anything/original']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
  }
});
