/** Downloading exports from the article page and from the Claims page, in Chromium. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { CSV_COLUMNS } from '../../lib/export/csv';
import { demo, pickInCombobox, signInOverHttp } from '../helpers';

const MFA_TITLE = 'Syrian opposition holds second round of consultations in Astana';
const APPROVED_CLAIM = 'Nazarbayev proposed a Global Strategic Initiative';
const OTHER_APPROVED_CLAIM = 'President Nazarbayev accepted the Syrian opposition';
const SUBMITTED_CLAIM = '29 of the 37 participants signed the joint declaration.';
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;

/** Clicks a download link; returns the download and its content as text. */
async function download(page: Page, link: Locator): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

test.beforeEach(async ({ page }) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
});

test('the article page downloads HTML, Markdown, JSON and W3C annotations', async ({ page }) => {
  // The library pages newest imports first; the suites import many: list by publication.
  await page.goto('/?sort=published');
  await page
    .getByRole('table', { name: 'Articles' })
    .getByRole('link', { name: MFA_TITLE })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MFA_TITLE);
  const menu = page.getByRole('group', { name: 'Export' });
  await expect(menu.getByRole('combobox', { name: 'Claims to export' })).toHaveValue('approved');

  const html = await download(page, menu.getByRole('link', { name: 'HTML' }));
  expect(html.file.suggestedFilename()).toMatch(
    new RegExp(`^syrian-opposition-.*-annotated-${DATE}\\.html$`),
  );
  expect(html.text).toContain('<html');
  expect(html.text).toContain(APPROVED_CLAIM);
  expect(html.text).not.toContain(SUBMITTED_CLAIM);

  const md = await download(page, menu.getByRole('link', { name: 'Markdown' }));
  expect(md.file.suggestedFilename()).toMatch(
    new RegExp(`^syrian-opposition-.*-annotated-${DATE}\\.md$`),
  );
  expect(md.text).toContain(APPROVED_CLAIM);
  expect(md.text).not.toContain(SUBMITTED_CLAIM);

  const json = await download(page, menu.getByRole('link', { name: 'JSON', exact: true }));
  expect(json.file.suggestedFilename()).toMatch(
    new RegExp(`^syrian-opposition-.*-annotated-${DATE}\\.json$`),
  );
  const parsed: unknown = JSON.parse(json.text);
  expect(JSON.stringify(parsed)).toContain(APPROVED_CLAIM);
  expect(json.text).not.toContain(SUBMITTED_CLAIM);

  const w3c = await download(page, menu.getByRole('link', { name: 'W3C Web Annotation' }));
  expect(w3c.file.suggestedFilename()).toMatch(
    new RegExp(`^syrian-opposition-.*-annotations-${DATE}\\.jsonld$`),
  );
  const annotations = JSON.parse(w3c.text) as Record<string, unknown>;
  expect(JSON.stringify(annotations['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(w3c.text).toContain(APPROVED_CLAIM);

  // All claims: the submitted one too, with its review state, and "-all" in the file name.
  await menu.getByRole('combobox', { name: 'Claims to export' }).selectOption({
    label: 'All claims with their review state',
  });
  const all = await download(page, menu.getByRole('link', { name: 'JSON', exact: true }));
  expect(all.file.suggestedFilename()).toMatch(new RegExp(`-annotated-all-${DATE}\\.json$`));
  expect(all.text).toContain(SUBMITTED_CLAIM);
  expect(all.text).toContain('SUBMITTED');
});

test('the Claims page filters claims and downloads the same list as CSV, JSON and ClaimReview', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Claims', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Review state' })).toHaveValue('APPROVED');
  // Approved claims only by default: the submitted demo claim is not listed.
  const table = page.getByRole('table', { name: 'Claims' });
  await expect(table.getByRole('link', { name: APPROVED_CLAIM })).toBeVisible();
  await expect(table.getByRole('link', { name: SUBMITTED_CLAIM })).toHaveCount(0);

  await pickInCombobox(page, 'Article', MFA_TITLE);
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'True' });
  await page.getByRole('searchbox', { name: 'Text' }).fill('global strategic');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]q=global\+strategic/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(APPROVED_CLAIM);
  await expect(table.getByRole('row').nth(1)).toContainText('Approved');
  await expect(table.getByRole('row').nth(1)).toContainText(MFA_TITLE);

  const downloads = page.getByRole('navigation', { name: 'Download claims' });
  const csv = await download(page, downloads.getByRole('link', { name: 'CSV' }));
  expect(csv.file.suggestedFilename()).toMatch(new RegExp(`^factmark-claims-${DATE}\\.csv$`));
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(APPROVED_CLAIM);
  expect(lines[1]).toContain('Approved');
  expect(csv.text).not.toContain(OTHER_APPROVED_CLAIM);

  const json = await download(page, downloads.getByRole('link', { name: 'JSON', exact: true }));
  expect(json.file.suggestedFilename()).toMatch(new RegExp(`^factmark-claims-${DATE}\\.json$`));
  JSON.parse(json.text);
  expect(json.text).toContain(APPROVED_CLAIM);
  expect(json.text).not.toContain(OTHER_APPROVED_CLAIM);

  const review = await download(page, downloads.getByRole('link', { name: 'ClaimReview JSON-LD' }));
  expect(review.file.suggestedFilename()).toMatch(
    new RegExp(`^factmark-claimreview-${DATE}\\.jsonld$`),
  );
  JSON.parse(review.text);
  expect(review.text).toContain('"ClaimReview"');
  expect(review.text).toContain(APPROVED_CLAIM);
  expect(review.text).not.toContain(OTHER_APPROVED_CLAIM);
});
