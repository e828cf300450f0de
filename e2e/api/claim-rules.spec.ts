/**
 * Issue #10's breaks over HTTP: span changes of an approved claim, delete racing approve,
 * no-op re-attach and four-eyes, orphaned and changed passages. (The audit log's privileges are
 * tested against PostgreSQL in server/claim-rules.test.ts.)
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createArticleOverHttp, demo, signInOverHttp } from '../helpers';

const TEXT =
  'The second round was attended by 37 people. Exports grew by 12 percent last year.\n' +
  'Critics said the figure ignores inflation. The report came out on Monday.';

type Claim = { id: string; version: number; reviewState: string };
type Article = { id: string; revision: { id: string } };

test.describe('one rulebook for every claim change, over HTTP', () => {
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;
  let admin: APIRequestContext;

  test.beforeAll(async ({ playwright }, info) => {
    const baseURL = info.project.use.baseURL;
    const as = async (role: 'EDITOR' | 'REVIEWER' | 'ADMIN') => {
      const context = await playwright.request.newContext({ baseURL });
      await signInOverHttp(context, demo(role).email, demo(role).password);
      return context;
    };
    editor = await as('EDITOR');
    reviewer = await as('REVIEWER');
    admin = await as('ADMIN');
  });
  test.afterAll(async () => {
    await Promise.all([editor.dispose(), reviewer.dispose(), admin.dispose()]);
  });

  const span = (a: Article, passage: string) => ({
    articleId: a.id,
    revisionId: a.revision.id,
    start: TEXT.indexOf(passage),
    end: TEXT.indexOf(passage) + passage.length,
  });

  async function submitted(a: Article, passage: string, by = editor): Promise<Claim> {
    const created = await by.post('/api/claims', {
      data: {
        span: span(a, passage),
        claim: {
          text: `${passage} (${Date.now().toString(36)})`,
          verdict: 'TRUE',
          rationale: 'Both reports agree.',
          evidence: [{ url: 'https://example.org/source' }],
        },
      },
    });
    expect(created.status()).toBe(201);
    const { claim } = await created.json();
    const response = await by.post(`/api/claims/${claim.id}/submit`, {
      data: { version: claim.version },
    });
    expect(response.status()).toBe(200);
    return (await response.json()).claim;
  }

  async function approved(a: Article, passage: string): Promise<Claim> {
    const c = await submitted(a, passage);
    const response = await reviewer.post(`/api/claims/${c.id}/approve`, {
      data: { version: c.version },
    });
    expect(response.status()).toBe(200);
    return (await response.json()).claim;
  }

  test('linking or re-attaching a passage of an approved claim sends it back to review', async () => {
    const a = await createArticleOverHttp(editor, 'Rules: link', TEXT);
    const c = await approved(a, 'attended by 37 people');
    const linked = await admin.post(`/api/claims/${c.id}/annotations`, {
      data: span(a, 'Exports grew'),
    });
    expect(linked.status()).toBe(201);
    const { claim } = await linked.json();
    expect(claim).toMatchObject({ reviewState: 'SUBMITTED', version: c.version + 1 });
    const history = await (await editor.get(`/api/claims/${c.id}/history`)).json();
    expect(JSON.stringify(history)).toContain('Back to review: a passage was linked');

    const d = await approved(a, 'ignores inflation');
    const full = await (await editor.get(`/api/claims/${d.id}`)).json();
    const moved = await admin.patch(`/api/annotations/${full.claim.appearances[0].annotationId}`, {
      data: span(a, 'The report came out'),
    });
    expect(moved.status()).toBe(200);
    const after = await (await editor.get(`/api/claims/${d.id}`)).json();
    expect(after.claim.reviewState).toBe('SUBMITTED');
  });

  test('moving an approved claim’s span onto the same words elsewhere sends it back to review', async () => {
    const twice =
      'Exports grew by 12 percent last year, the minister said.\n' +
      'Critics agreed that exports grew by 12 percent last year.';
    const a = await createArticleOverHttp(editor, 'Rules: same words', twice);
    const words = 'grew by 12 percent';
    const first = twice.indexOf(words);
    const second = twice.indexOf(words, first + 1);
    const created = await editor.post('/api/claims', {
      data: {
        span: {
          articleId: a.id,
          revisionId: a.revision.id,
          start: first,
          end: first + words.length,
        },
        claim: {
          text: `Exports grew (${Date.now().toString(36)})`,
          verdict: 'TRUE',
          rationale: 'The statistics office agrees.',
          evidence: [{ url: 'https://example.org/stats' }],
        },
      },
    });
    expect(created.status()).toBe(201);
    const { claim: draft } = await created.json();
    const sent = await editor.post(`/api/claims/${draft.id}/submit`, {
      data: { version: draft.version },
    });
    const ok = await reviewer.post(`/api/claims/${draft.id}/approve`, {
      data: { version: (await sent.json()).claim.version },
    });
    expect(ok.status()).toBe(200);
    const full = await (await editor.get(`/api/claims/${draft.id}`)).json();
    const spanId: string = full.claim.appearances[0].annotationId;
    const before = await editor.get(`/api/articles/${a.id}/export?format=w3c&scope=approved`);
    expect(await before.text()).toContain(spanId);
    const moved = await editor.patch(`/api/annotations/${spanId}`, {
      data: {
        articleId: a.id,
        revisionId: a.revision.id,
        start: second,
        end: second + words.length,
      },
    });
    expect(moved.status()).toBe(200);
    const after = (await (await editor.get(`/api/claims/${draft.id}`)).json()).claim;
    expect(after.reviewState).toBe('SUBMITTED');
    const history = await (await editor.get(`/api/claims/${draft.id}/history`)).json();
    expect(JSON.stringify(history)).toContain('Back to review: a passage was re-attached');
    // The approved-only export no longer publishes the moved span as approved.
    const w3c = await editor.get(`/api/articles/${a.id}/export?format=w3c&scope=approved`);
    expect(w3c.status()).toBe(200);
    expect(await w3c.text()).not.toContain(spanId);
  });

  test('changing the source of an article sends its approved claims back to review and its claims in review past a stale approval, not its title', async () => {
    const a = await createArticleOverHttp(editor, 'Rules: source', TEXT);
    const first = await editor.patch(`/api/articles/${a.id}`, {
      data: {
        sourceUrl: 'https://example.org/story',
        sourceName: 'Wire',
        publishedAt: '2024-03-01',
      },
    });
    expect(first.status()).toBe(200);
    const c = await approved(a, 'attended by 37 people');
    const waiting = await submitted(a, 'ignores inflation');

    const retitled = await editor.patch(`/api/articles/${a.id}`, {
      data: { title: 'Rules: source (fixed)' },
    });
    expect(retitled.status()).toBe(200);
    expect((await (await editor.get(`/api/claims/${c.id}`)).json()).claim.reviewState).toBe(
      'APPROVED',
    );
    expect((await retitled.json()).backToReview).toBe(0);

    for (const [field, value, label] of [
      ['sourceUrl', 'https://example.org/other-story', 'source address'],
      ['sourceName', 'Other wire', 'source name'],
      ['publishedAt', '2024-03-02', 'publication date'],
    ] as const) {
      const now = (await (await editor.get(`/api/claims/${c.id}`)).json()).claim;
      if (now.reviewState !== 'APPROVED') {
        const again = await reviewer.post(`/api/claims/${c.id}/approve`, {
          data: { version: now.version },
        });
        expect(again.status()).toBe(200);
      }
      const changed = await editor.patch(`/api/articles/${a.id}`, { data: { [field]: value } });
      expect(changed.status()).toBe(200);
      const after = (await (await editor.get(`/api/claims/${c.id}`)).json()).claim;
      expect(after.reviewState).toBe('SUBMITTED');
      expect((await changed.json()).backToReview).toBe(1);
      const history = await (await editor.get(`/api/claims/${c.id}/history`)).json();
      expect(JSON.stringify(history)).toContain(`Back to review: the article’s ${label} changed`);
    }
    // A claim in review stays there, but each change moved its version on: a reviewer who
    // opened it before cannot approve the new source unseen.
    const other = (await (await editor.get(`/api/claims/${waiting.id}`)).json()).claim;
    expect(other).toMatchObject({ reviewState: 'SUBMITTED', version: waiting.version + 3 });
    const stale = await reviewer.post(`/api/claims/${waiting.id}/approve`, {
      data: { version: waiting.version },
    });
    expect(stale.status()).toBe(409);
    const otherHistory = await (await editor.get(`/api/claims/${waiting.id}/history`)).json();
    expect(JSON.stringify(otherHistory)).toContain('Still in review: the article’s source address');
  });

  test('an author’s delete racing an approval never loses an approved claim', async () => {
    const a = await createArticleOverHttp(editor, 'Rules: race', TEXT);
    for (let round = 0; round < 3; round++) {
      const c = await submitted(a, 'Exports grew by 12 percent');
      const [approve, remove] = await Promise.all([
        reviewer.post(`/api/claims/${c.id}/approve`, { data: { version: c.version } }),
        editor.delete(`/api/claims/${c.id}?version=${c.version}`),
      ]);
      const now = await editor.get(`/api/claims/${c.id}`);
      if (approve.status() === 200) {
        expect(remove.status()).toBeGreaterThanOrEqual(400);
        expect((await now.json()).claim.reviewState).toBe('APPROVED');
      } else {
        expect(remove.status()).toBe(204);
        expect(now.status()).toBe(404);
      }
    }
    const c = await approved(a, 'ignores inflation');
    const byAuthor = await editor.delete(`/api/claims/${c.id}`);
    expect(byAuthor.status()).toBe(403);
    const noReason = await admin.delete(`/api/claims/${c.id}`);
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).error.issues).toEqual([
      { path: 'reason', message: 'Say why the approved claim is deleted.' },
    ]);
    expect((await admin.delete(`/api/claims/${c.id}?reason=Duplicate`)).status()).toBe(204);
  });

  test('a re-attach to the same place changes nothing and does not clear the four-eyes rule', async () => {
    const a = await createArticleOverHttp(editor, 'Rules: same place', TEXT);
    const c = await submitted(a, 'attended by 37 people', admin);
    const full = await (await admin.get(`/api/claims/${c.id}`)).json();
    const same = await reviewer.patch(
      `/api/annotations/${full.claim.appearances[0].annotationId}`,
      { data: span(a, 'attended by 37 people') },
    );
    expect(same.status()).toBe(400);
    const own = await admin.post(`/api/claims/${c.id}/approve`, { data: { version: c.version } });
    expect(own.status()).toBe(403);
    expect((await own.json()).error.rule).toBe('four_eyes');
  });

  test('an orphaned passage blocks submission; a changed one needs confirmation', async () => {
    const a = await createArticleOverHttp(editor, 'Rules: anchors', TEXT);
    const counted = await submitted(a, 'attended by 37 people');
    const created = await editor.post('/api/claims', {
      data: {
        span: span(a, 'The report came out on Monday'),
        claim: {
          text: 'Monday',
          verdict: 'TRUE',
          rationale: 'It did.',
          evidence: [{ url: 'https://example.org/m' }],
        },
      },
    });
    const { claim: orphan } = await created.json();
    const revised = await editor.post(`/api/articles/${a.id}/revisions`, {
      data: {
        baseRevisionId: a.revision.id,
        text: TEXT.replace('37 people', '38 people').replace(
          'The report came out on Monday.',
          'Nothing else.',
        ),
      },
    });
    expect(revised.status()).toBe(201);
    const refused = await editor.post(`/api/claims/${orphan.id}/submit`, {
      data: { version: orphan.version + 1 },
    });
    expect(refused.status()).toBe(400);
    const issues = (await refused.json()).error.issues;
    expect(issues[0].path).toBe('spans');
    expect(issues[0].message).toMatch(/orphaned/);

    const now = (await (await reviewer.get(`/api/claims/${counted.id}`)).json()).claim;
    const unconfirmed = await reviewer.post(`/api/claims/${counted.id}/approve`, {
      data: { version: now.version },
    });
    expect(unconfirmed.status()).toBe(409);
    const error = (await unconfirmed.json()).error;
    expect(error.reason).toBe('needs_confirmation');
    expect(error.message).toContain('“37” → “38”');
    const confirmed = await reviewer.post(`/api/claims/${counted.id}/approve`, {
      data: { version: now.version, confirmChangedText: true },
    });
    expect(confirmed.status()).toBe(200);
  });
});
