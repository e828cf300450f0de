/**
 * Evidence from a stored copy, in Chromium (issue #15): an editor archives a cited page from the
 * claim form, reads its stored text, selects the quoted passage there, checks the source now;
 * the claim page and the reviewer's queue show the quote highlighted in its paragraph with the
 * fetch date; a changed source flags the claim there and on the Changed sources page. Pages come
 * from a local server on the one port the app allows (FACTMARK_TEST_IMPORT_PORT).
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../../server/dev/evidence-fixture-server';
import { renderTestPage } from '../../server/evidence/test-pages';
import {
  createArticleOverHttp,
  demo,
  dragOverText,
  screenshotForReview,
  selectWithMouse,
  signInOverHttp,
} from '../helpers';

const PORT = Number(process.env.FACTMARK_TEST_IMPORT_PORT ?? 0);

const P = [
  'The port authority handled 1.2 million containers in the first half of the year, a record.',
  'Rail freight to the port grew by a fifth, the authority said in its annual report.',
  'A second terminal is due to open in 2028, three years later than first planned.',
];
const QUOTE = 'Rail freight to the port grew by a fifth';
const ARTICLE = [
  'The minister said rail freight to the port doubled last year.',
  'Harbour officials gave no figures.',
].join('\n');

test.describe('evidence from a stored copy', () => {
  test.skip(!PORT, 'needs FACTMARK_TEST_IMPORT_PORT and the app allowing it (npm test sets both)');
  let server: EvidenceFixtureServer;

  test.beforeAll(async () => {
    server = await startEvidenceFixtureServer(PORT);
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('archive, quote from the stored text, check now; the reviewer sees the quote and the change', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const path = `/port-${randomBytes(3).toString('hex')}.html`;
    server.set(path, renderTestPage({ title: 'Port report', paragraphs: P, stamp: 'Mon' }));

    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const article = await createArticleOverHttp(page.request, `Rail freight ${path}`, ARTICLE);
    await page.goto(`/articles/${article.id}`);
    await selectWithMouse(page, 'rail freight to the port doubled last year');
    await page.getByRole('button', { name: 'Add claim' }).click();

    const form = page.getByRole('form', { name: 'New claim' });
    await form.getByLabel('Verdict').selectOption('FALSE');
    await form.getByLabel('Rationale').fill('The port authority reports growth by a fifth.');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await form.getByLabel('URL').fill(server.url(path));
    const copy = form.getByRole('group', { name: 'Stored copy of evidence 1' });
    await expect(copy).toContainText('Not archived yet.');
    await copy.getByRole('button', { name: 'Archive source' }).click();

    // The capture's date and status, and its text in a panel.
    await expect(copy).toContainText(
      /Stored copy fetched \d+ \w+ 20\d\d, \d\d:\d\d UTC · HTTP 200/,
    );
    const stored = copy.getByRole('region', { name: 'Stored text of evidence 1' });
    await expect(stored).toContainText(P[2]!);
    // What a reader sees on the page, furniture included (any of it can be quoted).
    await expect(stored).toContainText('Page generated Mon');
    await expect(form.getByLabel('Title')).toHaveValue('Port report');

    // Select the passage in the stored text: it becomes the quote, highlighted in place.
    const use = copy.getByRole('button', { name: 'Use selection as quote' });
    await expect(use).toBeDisabled();
    await dragOverText(page, ['[aria-label="Stored text of evidence 1"]'], QUOTE);
    await use.click();
    await expect(form.getByLabel('Quoted passage')).toHaveValue(QUOTE);
    await expect(stored.locator('mark')).toHaveText(QUOTE);

    await copy.getByRole('button', { name: 'Check now' }).click();
    await expect(copy).toContainText('Checked just now: the source has not changed.');
    await screenshotForReview(page, 'evidence-form');

    await form.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');

    // Saved with its stored copy and the quote's place in it.
    const claims = (await (
      await page.request.get(`/api/articles/${article.id}/annotations`)
    ).json()) as {
      claims: {
        id: string;
        version: number;
        evidence: { captureId: string | null; quoteAnchor: string | null }[];
      }[];
    };
    const claim = claims.claims.find((c) => c.evidence.length === 1)!;
    expect(claim.evidence[0]).toMatchObject({
      captureId: expect.any(String),
      quoteAnchor: 'EXACT',
    });

    // The claim page: the quote highlighted in its paragraph of the copy, with the fetch date.
    await page.goto(`/claims/${claim.id}`);
    const proof = page.getByRole('blockquote', { name: 'Quote in the stored copy' });
    await expect(proof.locator('mark')).toHaveText(QUOTE);
    await expect(proof).toContainText('the authority said in its annual report.');
    await expect(page.getByText(/Stored copy fetched \d+ \w+ 20\d\d/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open stored copy' })).toHaveAttribute(
      'href',
      `/api/evidence/captures/${claim.evidence[0]!.captureId}/copy`,
    );
    const submit = await page.request.post(`/api/claims/${claim.id}/submit`, {
      data: { version: claim.version },
    });
    expect(submit.status(), await submit.text()).toBe(200);

    // The page changes; the next check flags the claim.
    server.set(
      path,
      renderTestPage({
        title: 'Port report',
        paragraphs: [P[0]!, P[1]!.replace('by a fifth', 'by a tenth'), P[2]!],
        stamp: 'Tue',
      }),
    );
    const sourceId = (
      (await (
        await page.request.get(`/api/evidence/captures/${claim.evidence[0]!.captureId}`)
      ).json()) as { capture: { sourceId: string } }
    ).capture.sourceId;
    const recheck = await page.request.post(`/api/evidence/sources/${sourceId}/recheck`);
    expect(((await recheck.json()) as { outcome: string }).outcome).toBe('changed');

    await page.reload();
    const flag = page.getByRole('note', { name: 'Source changed since cited' });
    await expect(flag).toContainText('Quote changed');
    await expect(flag.locator('del')).toContainText('fifth');
    await expect(flag.locator('ins')).toContainText('tenth');
    await screenshotForReview(page, 'evidence-claim-page');

    // The reviewer's queue: the flag, and the quote in the stored copy on demand.
    const reviewerContext = await browser.newContext();
    const reviewer = await reviewerContext.newPage();
    await signInOverHttp(reviewer.request, demo('REVIEWER').email, demo('REVIEWER').password);
    // This article's claims only: the whole suite's claims wait in the same queue.
    await reviewer.goto(`/review?article=${article.id}`);
    const card = reviewer.getByRole('article').filter({ hasText: 'rail freight to the port' });
    await expect(card.getByRole('note', { name: 'Source changed since cited' })).toContainText(
      'Quote changed',
    );
    await card.getByText('In the stored copy').click();
    await expect(
      card.getByRole('blockquote', { name: 'Quote in the stored copy' }).locator('mark'),
    ).toHaveText(QUOTE);
    await expect(card).toContainText(/Stored copy fetched \d+ \w+ 20\d\d/);
    await screenshotForReview(reviewer, 'evidence-review-queue');
    const inReview = (await (await reviewer.request.get(`/api/claims/${claim.id}`)).json()) as {
      claim: { version: number };
    };
    const approval = await reviewer.request.post(`/api/claims/${claim.id}/approve`, {
      data: { version: inReview.claim.version },
    });
    expect(approval.status()).toBe(200);

    // Approved, the alert asks whether the verdict still stands: the author is told a reviewer
    // confirms it, and has no Dismiss button.
    await page.goto('/evidence/changed');
    const authorRow = page.getByRole('row').filter({ hasText: server.url(path) });
    await expect(authorRow).toContainText('a reviewer confirms its verdict still stands');
    await expect(authorRow.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);

    // Changed sources, from the header: the alert, then dismissed.
    await reviewer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Changed sources' })
      .click();
    await expect(reviewer.getByRole('heading', { name: 'Changed sources' })).toBeVisible();
    const row = reviewer.getByRole('row').filter({ hasText: server.url(path) });
    await expect(row).toContainText('Quote changed');
    await expect(reviewer.getByRole('table', { name: 'Quotes changed since cited' })).toBeVisible();
    // Both copies open from the row: the one cited and the one fetched now.
    await expect(row.getByRole('link', { name: /^cited copy / })).toHaveAttribute(
      'href',
      `/api/evidence/captures/${claim.evidence[0]!.captureId}/copy`,
    );
    // A screen reader hears which words went and which came, not "fifthtenth".
    await expect(row.locator('td[data-label="Quote"]')).toContainText(
      /\[removed: fifth\]\s*\[added: tenth\]/,
    );
    await screenshotForReview(reviewer, 'evidence-changed-sources');
    await row.getByRole('button', { name: 'Dismiss' }).click();
    await expect(row).toHaveCount(0);
    await reviewerContext.close();
  });

  test('Changed sources: each Dismiss names its claim; focus moves on to the next alert', async ({
    page,
  }) => {
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const tag = randomBytes(3).toString('hex');
    const article = await createArticleOverHttp(page.request, `Two alerts ${tag}`, ARTICLE);
    // Two claims, each citing its own archived page; both pages then change.
    for (const n of [1, 2]) {
      const path = `/dismiss-${tag}-${n}.html`;
      server.set(path, renderTestPage({ title: `Port report ${n}`, paragraphs: P }));
      const archived = await page.request.post('/api/evidence/captures', {
        data: { url: server.url(path) },
      });
      expect(archived.status(), await archived.text()).toBe(201);
      const { capture } = (await archived.json()) as { capture: { id: string; sourceId: string } };
      const created = await page.request.post('/api/claims', {
        data: {
          span: { articleId: article.id, revisionId: article.revision.id, start: 18, end: 60 },
          claim: {
            text: `Freight doubled, says claim ${n} ${tag}`,
            evidence: [{ url: server.url(path), quote: QUOTE, captureId: capture.id }],
          },
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      server.set(
        path,
        renderTestPage({ title: `Port report ${n}`, paragraphs: [P[0]!, 'Rail freight fell.'] }),
      );
      const recheck = await page.request.post(`/api/evidence/sources/${capture.sourceId}/recheck`);
      expect(((await recheck.json()) as { outcome: string }).outcome).toBe('changed');
    }

    await page.goto('/evidence/changed');
    // Newest first: claim 2's alert, then claim 1's. Each button says which alert it dismisses.
    const second = page.getByRole('button', {
      name: `Dismiss the change to “Freight doubled, says claim 2 ${tag}”`,
    });
    const first = page.getByRole('button', {
      name: `Dismiss the change to “Freight doubled, says claim 1 ${tag}”`,
    });
    await expect(second).toBeVisible();
    await expect(first).toBeVisible();

    // Dismissed from the keyboard, its row goes and focus lands on the next alert's button,
    // not on the page's start.
    await second.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row').filter({ hasText: `claim 2 ${tag}` })).toHaveCount(0);
    await expect(first).toBeFocused();
  });

  test('a source that cannot be fetched is kept without a copy; a file can be the copy instead', async ({
    page,
  }) => {
    await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
    const article = await createArticleOverHttp(page.request, `Gone source ${Date.now()}`, ARTICLE);
    await page.goto(`/articles/${article.id}`);
    await selectWithMouse(page, 'Harbour officials gave no figures');
    await page.getByRole('button', { name: 'Add claim' }).click();
    const form = page.getByRole('form', { name: 'New claim' });
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await form.getByLabel('URL').fill(server.url(`/gone-${Date.now()}.html`));
    const copy = form.getByRole('group', { name: 'Stored copy of evidence 1' });
    await copy.getByRole('button', { name: 'Archive source' }).click();
    await expect(copy.getByRole('alert')).toContainText('archive again to retry');
    await expect(copy).toContainText('Not archived yet.');

    // The file the user has instead: stored as the copy, its text quotable.
    await copy.getByLabel('Attach a file as the copy').setInputFiles({
      name: 'statement.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`${P.join('\n\n')}\n`),
    });
    await expect(copy).toContainText('uploaded file');
    await expect(copy.getByRole('region', { name: 'Stored text of evidence 1' })).toContainText(
      P[1]!,
    );
    // A pasted quote is looked up in the copy as soon as typing pauses.
    await form.getByLabel('Quoted passage').fill('The harbour was closed for a week.');
    await expect(copy).toContainText('Quote not found in the stored copy.');
    await form.getByLabel('Quoted passage').fill(QUOTE);
    await expect(copy).toContainText('Quote found word for word in the stored copy.');
    await form.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('status')).toHaveText('Claim saved.');
  });
});
