/**
 * The review workflow in Chromium: an editor submits, a reviewer sends the claim back, the
 * editor fixes and resubmits, a second reviewer approves, the claim is locked, an admin reopens
 * it, and the history tells each step. Plus the four-eyes rule, the queue's keys and bulk
 * approval. Users are created through the admin API, articles and claims over HTTP.
 */
import { randomBytes } from 'node:crypto';
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import {
  createArticleOverHttp,
  createUserAsAdmin,
  demo,
  pageAlert,
  pickInCombobox,
  signInOverHttp,
  TEST_PASSWORD,
} from '../helpers';

const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A page of its own, signed in as `email`. */
async function pageFor(browser: Browser, email: string, password = TEST_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signInOverHttp(page.request, email, password);
  return page;
}

/** A claim on "exports grew by 12 percent", completed with a verdict and a rationale. */
async function completeClaim(
  request: APIRequestContext,
  article: { id: string; revision: { id: string } },
  text: string,
) {
  const created = await request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 23, end: 49 },
      claim: { text },
    },
  });
  expect(created.status()).toBe(201);
  const { claim } = await created.json();
  const patched = await request.patch(`/api/claims/${claim.id}`, {
    data: {
      version: claim.version,
      verdict: 'FALSE',
      rationale: 'Exports grew in nominal terms.',
      evidence: [{ url: 'https://stats.example.org/exports' }],
    },
  });
  expect(patched.status()).toBe(200);
  return (await patched.json()).claim as { id: string; version: number };
}

async function submitOverHttp(request: APIRequestContext, claim: { id: string; version: number }) {
  const response = await request.post(`/api/claims/${claim.id}/submit`, {
    data: { version: claim.version },
  });
  expect(response.status()).toBe(200);
}

const unique = (label: string) => `${label} ${randomBytes(3).toString('hex')}`;

test('a claim is submitted, sent back, fixed, approved by a second reviewer, locked and reopened', async ({
  browser,
  playwright,
  baseURL,
}) => {
  // Three accounts made (each password hashed) and three people's sessions through a dozen
  // pages: 24 s on a quiet machine, over the default 30 s when the two cores are shared.
  test.setTimeout(60_000);
  const adminApi = await playwright.request.newContext({ baseURL });
  const editorUser = await createUserAsAdmin(adminApi, 'EDITOR', 'flow-editor');
  const firstUser = await createUserAsAdmin(adminApi, 'REVIEWER', 'flow-first');
  const secondUser = await createUserAsAdmin(adminApi, 'REVIEWER', 'flow-second');
  await adminApi.dispose();

  const editor = await pageFor(browser, editorUser.email);
  const title = unique('Review flow');
  const article = await createArticleOverHttp(editor.request, title);
  const text = unique('Exports grew by 12 percent');
  const claim = await completeClaim(editor.request, article, text);

  // The editor submits from the claim page.
  await editor.goto(`/claims/${claim.id}`);
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(text);
  await expect(editor.getByLabel('Review state')).toHaveText('Draft');
  // The verdict looks as it does in the workspace and the exports: its colour and its mark
  // (drawn, not read out) before its words.
  const verdict = editor
    .getByRole('region', { name: 'Verdict' })
    .getByText('False', { exact: true });
  const look = await verdict.evaluate((e) => ({
    color: getComputedStyle(e).color,
    mark: getComputedStyle(e, '::before').content,
  }));
  expect(look).toEqual({ color: 'rgb(127, 29, 29)', mark: '"✗" / ""' });
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByRole('status')).toHaveText('Submitted for review.');
  await expect(editor.getByLabel('Review state')).toHaveText('Submitted');

  // The first reviewer finds it in the queue (filtered by its article) and sends it back.
  const first = await pageFor(browser, firstUser.email);
  await first.goto('/review');
  await pickInCombobox(first, 'Article', title);
  await first.getByRole('button', { name: 'Filter' }).click();
  await expect(first).toHaveURL(new RegExp(`article=${article.id}`));
  const card = first.getByRole('article', { name: text });
  await expect(card).toContainText('The minister said that exports grew by 12 percent last year.');
  await expect(card).toContainText('By Test flow-editor');
  await card.getByRole('button', { name: 'Request changes' }).click();
  await card.getByRole('button', { name: 'Send back' }).click();
  // The comment is required: the browser keeps the form open.
  await expect(card.getByLabel('What should change?')).toBeFocused();
  await card.getByLabel('What should change?').fill('Say that this is nominal growth.');
  await card.getByRole('button', { name: 'Send back' }).click();
  await expect(first.getByRole('status')).toHaveText(`Sent “${text}” back to Test flow-editor.`);
  await expect(card).toHaveCount(0);

  // The editor sees it sent back, fixes the rationale and submits again.
  await editor.goto('/my-claims');
  await expect(
    editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My claims/ }),
  ).toContainText('1 sent back');
  const sentBack = editor.getByRole('table', { name: 'Changes requested' });
  await expect(sentBack).toContainText('Test flow-first: “Say that this is nominal growth.”');
  await sentBack.getByRole('link', { name: text }).click();
  await expect(editor.getByLabel('Review state')).toHaveText('Changes requested');
  const history = editor.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(history).toHaveCount(4);
  const form = editor.getByRole('form', { name: 'Edit verdict, rationale and evidence' });
  await form.getByLabel('Rationale').fill('Nominal growth was 12 percent; real growth 3 percent.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(history).toHaveCount(5);
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByLabel('Review state')).toHaveText('Submitted');
  await expect(
    editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My claims/ }),
  ).not.toContainText('sent back');

  // The second reviewer approves from the claim page.
  const second = await pageFor(browser, secondUser.email);
  await second.goto(`/claims/${claim.id}`);
  await second.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(second.getByRole('status')).toHaveText('Approved.');
  await expect(second.getByLabel('Review state')).toHaveText('Approved');
  await expect(second.getByText('Approved by Test flow-second on')).toBeVisible();

  // The editor can no longer change it.
  await editor.reload();
  await expect(editor.getByLabel('Review state')).toHaveText('Approved');
  await expect(editor.getByText('Approved claims are locked: nobody can change it')).toBeVisible();
  await expect(
    editor.getByRole('form', { name: 'Edit verdict, rationale and evidence' }),
  ).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  const current = (await (await editor.request.get(`/api/claims/${claim.id}`)).json()).claim;
  const refused = await editor.request.patch(`/api/claims/${claim.id}`, {
    data: { version: current.version, verdict: 'TRUE', rationale: 'Changed my mind.' },
  });
  expect(refused.status()).toBe(403);

  // An admin reopens it with a reason.
  const admin = await pageFor(browser, demo('ADMIN').email, demo('ADMIN').password);
  await admin.goto(`/claims/${claim.id}`);
  await admin.getByRole('button', { name: 'Reopen' }).click();
  await admin.getByLabel('Why reopen it?').fill('The statistics office revised the figure.');
  await admin.getByRole('button', { name: 'Reopen claim' }).click();
  await expect(admin.getByRole('status')).toHaveText(
    'Reopened: the claim is back with its author.',
  );
  await expect(admin.getByLabel('Review state')).toHaveText('Changes requested');

  // The history tells every step, with the right people and values.
  const steps = admin.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(steps).toHaveCount(8);
  const expected: [string, string[]][] = [
    ['Created the claim by Test flow-editor', [`Claim: — → ${text}`]],
    [
      'Edited the claim by Test flow-editor',
      ['Verdict: Unverified → False', 'Rationale: — → Exports grew in nominal terms.'],
    ],
    ['Submitted for review by Test flow-editor', ['Review state: Draft → Submitted']],
    [
      'Requested changes by Test flow-first',
      ['Review state: Submitted → Changes requested', '“Say that this is nominal growth.”'],
    ],
    [
      'Edited the claim by Test flow-editor',
      [
        'Rationale: Exports grew in nominal terms. → Nominal growth was 12 percent; real growth 3 percent.',
      ],
    ],
    ['Submitted for review by Test flow-editor', ['Review state: Changes requested → Submitted']],
    ['Approved by Test flow-second', ['Review state: Submitted → Approved']],
    [
      'Reopened by Ada Admin',
      ['Review state: Approved → Changes requested', '“The statistics office revised the figure.”'],
    ],
  ];
  for (const [i, [summary, details]] of expected.entries()) {
    await expect(steps.nth(i)).toContainText(summary);
    for (const detail of details) await expect(steps.nth(i)).toContainText(detail);
  }
  // The discussion keeps the reviewers' words.
  const thread = admin.getByRole('list', { name: 'Discussion' });
  await expect(thread).toContainText('Test flow-first requested changes');
  await expect(thread).toContainText('Test flow-second approved');
  await expect(thread).toContainText('Ada Admin reopened the claim');
});

test('a refused submit opens the edit form on the first missing field, the reason beside it', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  const article = await createArticleOverHttp(page.request, unique('Refused submit'));
  const text = unique('Exports grew by 12 percent');
  const created = await page.request.post('/api/claims', {
    data: {
      span: { articleId: article.id, revisionId: article.revision.id, start: 23, end: 49 },
      claim: { text },
    },
  });
  expect(created.status()).toBe(201);
  const { claim } = (await created.json()) as { claim: { id: string } };

  await page.goto(`/claims/${claim.id}`);
  const form = page.getByRole('form', { name: 'Edit verdict, rationale and evidence' });
  await expect(form).toBeHidden(); // a draft's form starts closed
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await submit.click();
  await expect(pageAlert(page)).toContainText('Cannot submit this claim: missing a verdict');

  // The form opens by itself, on the first missing field, and each missing field says why.
  await expect(form).toBeVisible();
  const verdict = form.getByLabel('Verdict');
  const rationale = form.getByLabel('Rationale');
  await expect(verdict).toBeFocused();
  await expect(verdict).toHaveAccessibleDescription('Choose a verdict other than Unverified.');
  await expect(form.getByText('Choose a verdict other than Unverified.')).toBeVisible();
  await expect(verdict).toHaveAttribute('aria-invalid', 'true');
  await expect(rationale).toHaveAccessibleDescription('Write a rationale: why this verdict.');
  await expect(form.getByText('Write a rationale: why this verdict.')).toBeVisible();

  // Fixed and saved, the next refusal names the evidence: its field is focused in turn.
  await verdict.selectOption('FALSE');
  await rationale.fill('Exports grew in nominal terms only.');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(form.getByText('Choose a verdict other than Unverified.')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText('nominal terms only');
  await submit.click();
  await expect(pageAlert(page)).toContainText('missing an evidence source');
  const source = form.getByLabel('Add an evidence source (web address)');
  await expect(source).toBeFocused();
  await expect(source).toHaveAccessibleDescription(
    'A definitive verdict needs at least one evidence source (a web address).',
  );
  await expect(verdict).not.toHaveAttribute('aria-invalid', 'true');

  await source.fill('https://stats.example.org/exports');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText(
    'https://stats.example.org/exports',
  );
  await submit.click();
  await expect(page.getByLabel('Review state')).toHaveText('Submitted');
});

test('nobody approves their own claim: the button is disabled and says why', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const adminApi = await playwright.request.newContext({ baseURL });
  const reviewerUser = await createUserAsAdmin(adminApi, 'REVIEWER', 'own-claim');
  await adminApi.dispose();
  const reviewer = await pageFor(browser, reviewerUser.email);
  const article = await createArticleOverHttp(reviewer.request, unique('Own claim'));
  const text = unique('My own claim');
  await submitOverHttp(reviewer.request, await completeClaim(reviewer.request, article, text));

  await reviewer.goto(`/review?article=${article.id}`);
  const card = reviewer.getByRole('article', { name: text });
  const approve = card.getByRole('button', { name: 'Approve', exact: true });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAttribute('title', 'You cannot approve a claim you wrote.');
  await expect(approve).toHaveAccessibleDescription('You cannot approve a claim you wrote.');
  await expect(card.getByRole('checkbox', { name: `Select “${text}”` })).toBeDisabled();

  await card.getByRole('link', { name: text }).click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText(text);
  await expect(reviewer.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
  await expect(reviewer.getByText('You cannot approve a claim you wrote.')).toBeVisible();
});

test('the queue works from the keyboard, and bulk approval asks first', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const adminApi = await playwright.request.newContext({ baseURL });
  const editorUser = await createUserAsAdmin(adminApi, 'EDITOR', 'keys-editor');
  const reviewerUser = await createUserAsAdmin(adminApi, 'REVIEWER', 'keys-reviewer');
  await adminApi.dispose();
  const editor = await pageFor(browser, editorUser.email);
  const article = await createArticleOverHttp(editor.request, unique('Keyboard'));
  const texts = [unique('First claim'), unique('Second claim'), unique('Third claim')];
  for (const text of texts) {
    await submitOverHttp(editor.request, await completeClaim(editor.request, article, text));
  }

  const reviewer = await pageFor(browser, reviewerUser.email);
  await reviewer.goto(`/review?article=${article.id}`);
  await expect(reviewer.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(reviewer.getByText('approve the current claim')).toBeVisible();
  const cards = reviewer
    .getByRole('list', { name: 'Claims waiting for review' })
    .getByRole('article');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toHaveAttribute('aria-current', 'true');

  // The first card is marked current by the server; a key pressed before the page has
  // hydrated is lost, so the first `j` is pressed again until the page takes it.
  await expect(async () => {
    if ((await cards.nth(1).getAttribute('aria-current')) !== 'true') {
      await reviewer.keyboard.press('j');
    }
    await expect(cards.nth(1)).toHaveAttribute('aria-current', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await reviewer.keyboard.press('k');
  await expect(cards.nth(0)).toHaveAttribute('aria-current', 'true');

  // "a" approves the current claim; the next one becomes current.
  await reviewer.keyboard.press('a');
  await expect(reviewer.getByRole('status')).toHaveText(`Approved “${texts[0]}”.`);
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('aria-current', 'true');

  // "r" opens the comment box; Escape closes it.
  await reviewer.keyboard.press('r');
  await expect(cards.nth(0).getByLabel('What should change?')).toBeFocused();
  await reviewer.keyboard.press('Escape');
  await expect(cards.nth(0).getByLabel('What should change?')).toHaveCount(0);

  // "x" selects; bulk approval asks for confirmation, and Cancel approves nothing.
  await reviewer.keyboard.press('x');
  await reviewer.keyboard.press('j');
  await reviewer.keyboard.press('x');
  await expect(cards.nth(0).getByRole('checkbox')).toBeChecked();
  await expect(cards.nth(1).getByRole('checkbox')).toBeChecked();
  await reviewer.getByRole('button', { name: 'Approve selected (2)' }).click();
  const dialog = reviewer.getByRole('dialog', { name: 'Approve 2 claims?' });
  await expect(dialog).toContainText(texts[1]!);
  await expect(dialog).toContainText(texts[2]!);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(2);

  await reviewer.getByRole('button', { name: 'Approve selected (2)' }).click();
  await dialog.getByRole('button', { name: 'Approve 2 claims' }).click();
  await expect(reviewer.getByRole('status')).toHaveText('Approved 2 of 2 claims.');
  await expect(cards).toHaveCount(0);
  await expect(reviewer.getByText('Nothing waits for review here.')).toBeVisible();

  await editor.goto('/my-claims');
  await expect(editor.getByRole('table', { name: 'Approved' })).toContainText(texts[2]!);
});

test('editors have no review queue: the page says so and the header has no link', async ({
  page,
}) => {
  await signInOverHttp(page.request, demo('EDITOR').email, demo('EDITOR').password);
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByText('The review queue needs the Reviewer or Admin role.')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /Review queue/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /My claims/ })).toBeVisible();
});
