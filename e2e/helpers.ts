/** Shared by the Playwright suites: demo accounts, sign-in over HTTP, unique test users. */
import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/demo/demo';
import type { ErrorBody } from '../lib/api/errors';
import type { Role } from '../lib/domain';

export const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** Signs in through NextAuth's credentials endpoint; the context keeps the session cookie. */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  expect(response.ok()).toBeTruthy();
  const me = await request.get('/api/me');
  expect(me.status(), `signed in as ${email}`).toBe(200);
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@test.example`;
}

/**
 * The library API sorted so the demo articles (dated) come first, in a page large enough for
 * every article the suites create: the library is paginated, newest import first.
 */
export const DEMO_ARTICLES = '/api/articles?sort=published&limit=200';

export const TEST_PASSWORD = 'test password 2026';

/** How the people filters date an account made today: "1 Dec 2026" (UTC). */
export function joinedToday(): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date());
}

/** Creates a user through the admin API (signs the given context in as the demo admin). */
export async function createUserAsAdmin(
  request: APIRequestContext,
  role: Role,
  label = role.toLowerCase(),
) {
  await signInOverHttp(request, demo('ADMIN').email, demo('ADMIN').password);
  const email = uniqueEmail(label);
  const response = await request.post('/api/users', {
    data: { email, name: `Test ${label}`, role, password: TEST_PASSWORD },
  });
  expect(response.status()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string; email: string } };
  return user;
}

/**
 * The page's own alert (Next.js also renders an empty role="alert" route announcer outside
 * <main>, so a bare getByRole('alert') matches two elements).
 */
export function pageAlert(page: Page) {
  return page.getByRole('main').getByRole('alert');
}

/** A plain-text article for a test to change freely (the demo articles stay as they are). */
export async function createArticleOverHttp(
  request: APIRequestContext,
  title: string,
  text?: string,
) {
  const response = await request.post('/api/articles', {
    data: {
      title,
      text:
        text ??
        'The minister said that exports grew by 12 percent last year.\nCritics said the figure ignores inflation.\nThe report was published on Monday.',
    },
  });
  expect(response.status()).toBe(201);
  const { article } = (await response.json()) as {
    article: { id: string; revision: { id: string } };
  };
  return article;
}

/** A claim on characters 20..40 of the article's current revision; returns its ids. */
export async function createClaimOverHttp(
  request: APIRequestContext,
  articleId: string,
  revisionId: string,
) {
  const response = await request.post('/api/claims', {
    data: {
      span: { articleId, revisionId, start: 20, end: 40 },
      claim: { text: 'A claim for a test' },
    },
  });
  expect(response.status()).toBe(201);
  const { claim } = (await response.json()) as {
    claim: { id: string; version: number; appearances: { annotationId: string }[] };
  };
  return {
    claimId: claim.id,
    annotationId: claim.appearances[0]!.annotationId,
    version: claim.version,
  };
}

/**
 * Selects `text` (its first occurrence in the article view) by dragging the mouse from its first
 * character to its last, as a person does.
 */
export async function selectWithMouse(page: Page, text: string, occurrence = 0) {
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(text);
  await dragOverText(
    page,
    ['.article-view [contenteditable]', '.article-view'],
    text,
    occurrence,
    'the article view',
  );
}

/**
 * Drags the mouse over occurrence `occurrence` of `text` inside the first element matching one
 * of `roots` (CSS selectors, in order of preference), from its first character to its last.
 */
export async function dragOverText(
  page: Page,
  roots: readonly string[],
  text: string,
  occurrence = 0,
  where = roots.join(', '),
) {
  const box = await page.evaluate(
    ({ roots, text, occurrence }) => {
      const root = roots.map((selector) => document.querySelector(selector)).find(Boolean);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const starts = nodes.map((n) => {
        const at = all.length;
        all += n.data;
        return at;
      });
      let index = -1;
      for (let i = 0; i <= occurrence; i++) index = all.indexOf(text, index + 1);
      if (index < 0) return null;
      const locate = (offset: number) => {
        let i = starts.length - 1;
        while (starts[i]! > offset) i--;
        return { node: nodes[i]!, offset: offset - starts[i]! };
      };
      const rectOf = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        return range.getClientRects()[0]!;
      };
      // Bring the passage into the viewport first: the mouse can only reach what is visible.
      locate(index).node.parentElement?.scrollIntoView({ block: 'center' });
      const first = rectOf(index);
      const last = rectOf(index + text.length - 1);
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    { roots, text, occurrence },
  );
  if (!box) throw new Error(`"${text}" is not in ${where}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** Picks `label` in a searchable filter (components/combobox.tsx): type, then tap the option. */
export async function pickInCombobox(page: Page, name: string, label: string) {
  await page.getByRole('combobox', { name }).fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

/**
 * Expects `status` with the JSON error body every route answers with (lib/api/errors: a message,
 * and `code` when given) and returns the body's error.
 */
export async function expectJsonError(
  response: APIResponse,
  status: number,
  code?: string,
): Promise<ErrorBody['error']> {
  expect(response.status(), `${response.url()} → ${await response.text()}`).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as ErrorBody;
  expect(body.error.message).toEqual(expect.any(String));
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

/**
 * With FACTMARK_SCREENSHOTS set to a folder, writes full-page screenshots of the page at 1440
 * and 390 px wide (`name-1440.png`, `name-390.png`) for a person to look at, then goes back to
 * the default viewport; without it, does nothing.
 */
export async function screenshotForReview(page: Page, name: string) {
  const folder = process.env.FACTMARK_SCREENSHOTS;
  if (!folder) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
