/**
 * An article imported from a web address is watched there (issue #15): imported through the
 * Import page, its source changes, "Check source now" shows the proposed revision with its word
 * diff, and accepting it makes the next revision with the highlight kept on its words. The page
 * comes from a local server on the one port the app allows (FACTMARK_TEST_IMPORT_PORT).
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../../server/dev/evidence-fixture-server';
import { renderTestPage } from '../../server/evidence/test-pages';
import { demo, screenshotForReview, signInOverHttp } from '../helpers';

const PORT = Number(process.env.FACTMARK_TEST_IMPORT_PORT ?? 0);

// Unlike the API spec's page, so the import is no duplicate of it.
const P = [
  'The river authority approved a dredging plan worth 38 million euros on Thursday.',
  'Work on the river will start in October and last about a year, the authority said.',
  'Boat owners asked for compensation during the works, which the authority refused.',
];

test.describe('watching an article imported by URL', () => {
  test.skip(!PORT, 'needs FACTMARK_TEST_IMPORT_PORT and the app allowing it (npm test sets both)');
  let server: EvidenceFixtureServer;

  test.beforeAll(async () => {
    server = await startEvidenceFixtureServer(PORT);
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('import from a web address, the source changes, accept the proposed revision', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const tag = randomBytes(3).toString('hex');
    const path = `/harbour-${tag}.html`;
    const title = `River dredging ${tag}`;
    // The tag makes the text unique too: an earlier run's import is no duplicate.
    const paragraphs = [...P, `Reference ${tag}.`];
    server.set(path, renderTestPage({ title, paragraphs, stamp: 'Mon' }));
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);

    await page.goto('/import');
    await page.getByLabel('From a web address').check();
    await page.getByLabel('Web address', { exact: true }).fill(server.url(path));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
    await page.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL(/\/articles\/[^/]+$/);
    const watch = page.getByRole('region', { name: 'Source watch' });
    await expect(watch).toContainText(`Watching the source ${server.url(path)}`);
    await expect(watch).toContainText('not checked since the import');

    await page.getByRole('button', { name: 'Check source now' }).click();
    await expect(watch.getByRole('status')).toHaveText(
      'Checked just now: the source has not changed.',
    );

    const revised = [P[0]!.replace('38 million', '41 million'), ...paragraphs.slice(1)];
    server.set(path, renderTestPage({ title, paragraphs: revised, stamp: 'Tue' }));
    await page.getByRole('button', { name: 'Check source now' }).click();
    const changed = watch.getByRole('region', { name: 'Source changed' });
    await expect(changed).toContainText('The source changed');
    await expect(changed).toContainText('1 word added, 1 removed against revision 1');
    await expect(changed.locator('del')).toHaveText('38');
    await expect(changed.locator('ins')).toHaveText('41');
    await screenshotForReview(page, 'article-watch-proposal');
    const articleUrl = page.url();

    // Every open proposal is listed beside the changed sources, linking to its article.
    await page.goto('/evidence/changed');
    // (Other tests' articles may be listed too: the database is shared by the whole run.)
    const listed = page
      .getByRole('table', { name: 'Articles changed at their source' })
      .getByRole('row')
      .filter({ hasText: server.url(path) });
    await expect(listed).toHaveCount(1);
    await listed.getByRole('link', { name: title }).click();
    await page.waitForURL(articleUrl);

    await changed.getByRole('button', { name: 'Accept as new revision' }).click();
    await expect(watch.getByRole('status')).toContainText('latest revision');
    await expect(changed).toHaveCount(0);
    await expect(page.getByText('41 million euros').first()).toBeVisible();
    await screenshotForReview(page, 'article-watch-accepted');
    await page.goto('/evidence/changed');
    await expect(
      page.getByRole('heading', { name: 'Articles changed at their source' }),
    ).toBeVisible();
    await expect(page.getByText(server.url(path))).toHaveCount(0);
  });

  test('an article pasted with its web address starts being watched with one click', async ({
    page,
  }) => {
    const tag = randomBytes(3).toString('hex');
    const path = `/pasted-${tag}.html`;
    server.set(path, renderTestPage({ title: `Pasted ${tag}`, paragraphs: P, stamp: 'Mon' }));
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const saved = await page.request.post('/api/import', {
      data: {
        title: `Pasted ${tag}`,
        text: `${P[0]} Reference ${tag}.`,
        sourceUrl: server.url(path),
        allowDuplicate: true,
      },
    });
    expect(saved.status()).toBe(201);
    const { article } = (await saved.json()) as { article: { id: string } };
    await page.goto(`/articles/${article.id}`);
    const watch = page.getByRole('region', { name: 'Source watch' });
    await expect(watch).toContainText('is not watched for changes');
    await watch.getByRole('button', { name: 'Watch the source' }).click();
    await expect(watch).toContainText(`Watching the source ${server.url(path)}`);
    await page.getByRole('button', { name: 'Check source now' }).click();
    await expect(watch.getByRole('region', { name: 'Source changed' })).toContainText(
      'The source changed',
    );
    await screenshotForReview(page, 'article-watch-started');
  });
});
