/**
 * The review workflow over HTTP: submit, approve, request changes, reopen, the four-eyes rule,
 * concurrent decisions, invalid transitions, the queue's filters and order, bulk submit and bulk
 * approve, the discussion and the history. Every test works on its own users and articles.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  createArticleOverHttp,
  demo,
  signInOverHttp,
  TEST_PASSWORD,
  uniqueEmail,
} from '../helpers';

type Claim = { id: string; version: number; reviewState: string };

test.describe('the review workflow over HTTP', () => {
  let admin: APIRequestContext;
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;
  let reviewer2: APIRequestContext;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};

  async function person(
    playwright: typeof import('@playwright/test').request,
    baseURL: string | undefined,
    role: 'EDITOR' | 'REVIEWER' | 'ADMIN',
    label: string,
  ) {
    const email = uniqueEmail(label);
    const created = await admin.post('/api/users', {
      data: { email, name: `Review ${label}`, role, password: TEST_PASSWORD },
    });
    expect(created.status()).toBe(201);
    ids[label] = (await created.json()).user.id;
    names[label] = `Review ${label}`;
    const context = await playwright.newContext({ baseURL });
    await signInOverHttp(context, email, TEST_PASSWORD);
    return context;
  }

  test.beforeAll(async ({ playwright, baseURL }) => {
    admin = await playwright.request.newContext({ baseURL });
    await signInOverHttp(admin, demo('ADMIN').email, demo('ADMIN').password);
    editor = await person(playwright.request, baseURL, 'EDITOR', 'editor');
    reviewer = await person(playwright.request, baseURL, 'REVIEWER', 'reviewer');
    reviewer2 = await person(playwright.request, baseURL, 'REVIEWER', 'reviewer2');
  });

  test.afterAll(async () => {
    for (const context of [admin, editor, reviewer, reviewer2]) await context.dispose();
  });

  async function article(by: APIRequestContext = editor) {
    return createArticleOverHttp(by, `Review API ${Math.random().toString(36).slice(2)}`);
  }

  /** A claim by `by` on the article; completed with `verdict` unless `complete` is false. */
  async function claim(
    by: APIRequestContext,
    where: { id: string; revision: { id: string } },
    { text = 'Exports grew by 12 percent', verdict = 'FALSE', complete = true } = {},
  ): Promise<Claim> {
    const created = await by.post('/api/claims', {
      data: {
        span: { articleId: where.id, revisionId: where.revision.id, start: 23, end: 49 },
        claim: { text },
      },
    });
    expect(created.status()).toBe(201);
    const draft = (await created.json()).claim as Claim;
    if (!complete) return draft;
    const patched = await by.patch(`/api/claims/${draft.id}`, {
      data: {
        version: draft.version,
        verdict,
        rationale: 'Nominal, not real growth.',
        // A definitive verdict is submitted only with a source (issue #10).
        evidence: [{ url: 'https://stats.example.org/exports' }],
      },
    });
    expect(patched.status()).toBe(200);
    return (await patched.json()).claim as Claim;
  }

  async function submitted(
    by: APIRequestContext,
    where: { id: string; revision: { id: string } },
    options = {},
  ) {
    const c = await claim(by, where, options);
    const response = await by.post(`/api/claims/${c.id}/submit`, { data: { version: c.version } });
    expect(response.status()).toBe(200);
    return { ...c, ...((await response.json()).claim as Claim) };
  }

  test('submitting without a verdict and a rationale: 400 naming both fields', async () => {
    const c = await claim(editor, await article(), { complete: false });
    const response = await editor.post(`/api/claims/${c.id}/submit`, {
      data: { version: c.version },
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message:
          'Cannot submit this claim: missing a verdict (other than Unverified) and a rationale.',
        issues: [
          { path: 'verdict', message: 'Choose a verdict other than Unverified.' },
          { path: 'rationale', message: 'Write a rationale: why this verdict.' },
        ],
      },
    });
    const after = await editor.get(`/api/claims/${c.id}`);
    expect((await after.json()).claim.reviewState).toBe('DRAFT');
  });

  test('invalid transitions: 409 with the current state', async () => {
    const where = await article();
    const draft = await claim(editor, where);
    const approveDraft = await reviewer.post(`/api/claims/${draft.id}/approve`, {
      data: { version: draft.version },
    });
    expect(approveDraft.status()).toBe(409);
    expect((await approveDraft.json()).error).toMatchObject({
      code: 'conflict',
      currentState: 'DRAFT',
      message: 'Cannot approve this claim while it is Draft; allowed only when it is Submitted.',
    });

    const c = await submitted(editor, where);
    const approved = await reviewer.post(`/api/claims/${c.id}/approve`, {
      data: { version: c.version },
    });
    expect(approved.status()).toBe(200);
    const { claim: after } = await approved.json();
    expect(after.reviewState).toBe('APPROVED');
    const resubmit = await editor.post(`/api/claims/${c.id}/submit`, {
      data: { version: after.version },
    });
    expect(resubmit.status()).toBe(409);
    const body = (await resubmit.json()).error;
    expect(body).toMatchObject({ code: 'conflict', currentState: 'APPROVED' });
    expect(body.lastDecision).toMatchObject({
      decision: 'APPROVE',
      reviewer: { id: ids.reviewer, name: names.reviewer },
    });
    const locked = await editor.patch(`/api/claims/${c.id}`, {
      data: { version: after.version, rationale: 'Sneaky change.' },
    });
    expect(locked.status()).toBe(403);
  });

  test('four-eyes: nobody approves what they wrote or last changed (403 with the reason)', async () => {
    const where = await article();
    const own = await submitted(reviewer, where);
    const selfApproval = await reviewer.post(`/api/claims/${own.id}/approve`, {
      data: { version: own.version },
    });
    expect(selfApproval.status()).toBe(403);
    expect(await selfApproval.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'Cannot approve this claim: you cannot approve a claim you wrote.',
        reason: 'you cannot approve a claim you wrote',
        rule: 'four_eyes',
      },
    });

    const c = await submitted(editor, where);
    const edited = await admin.patch(`/api/claims/${c.id}`, {
      data: {
        version: c.version,
        verdict: 'FALSE',
        rationale: 'Nominal growth, as the statistics office says.',
      },
    });
    expect(edited.status()).toBe(200);
    const { claim: afterEdit } = await edited.json();
    const lastEditor = await admin.post(`/api/claims/${c.id}/approve`, {
      data: { version: afterEdit.version },
    });
    expect(lastEditor.status()).toBe(403);
    expect((await lastEditor.json()).error.reason).toBe(
      'you changed this claim since it was last approved',
    );
    const editorApproves = await editor.post(`/api/claims/${c.id}/approve`, {
      data: { version: afterEdit.version },
    });
    expect(editorApproves.status()).toBe(403);
    expect((await editorApproves.json()).error.reason).toBe('editors cannot approve claims');
  });

  test('two reviewers deciding at once: one wins, the other gets 409 and sees the winner', async () => {
    const where = await article();
    for (let round = 0; round < 3; round++) {
      const c = await submitted(editor, where);
      const [a, b] = await Promise.all([
        reviewer.post(`/api/claims/${c.id}/approve`, { data: { version: c.version } }),
        reviewer2.post(`/api/claims/${c.id}/request-changes`, {
          data: { version: c.version, comment: 'Name the source.' },
        }),
      ]);
      expect([a.status(), b.status()].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status() === 200 ? [a, b] : [b, a];
      const won = await winner.json();
      const lost = (await loser.json()).error;
      expect(lost.code).toBe('conflict');
      expect(lost.currentState).toBe(won.claim.reviewState);
      expect(lost.lastDecision.id).toBe(won.decision.id);
      const thread = await (await editor.get(`/api/claims/${c.id}/comments`)).json();
      expect(thread.decisions).toHaveLength(1);
    }
  });

  test('a decision on a claim that changed since it was shown: 409', async () => {
    const c = await submitted(editor, await article());
    const changed = await editor.patch(`/api/claims/${c.id}`, {
      data: { version: c.version, verdict: 'MISLEADING', rationale: 'Nominal, not real growth.' },
    });
    expect(changed.status()).toBe(200);
    const stale = await reviewer.post(`/api/claims/${c.id}/approve`, {
      data: { version: c.version },
    });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatchObject({
      code: 'conflict',
      currentState: 'SUBMITTED',
      currentVersion: c.version + 1,
    });
  });

  test('request changes needs a comment, reopen a reason; the claim goes round again', async () => {
    const c = await submitted(editor, await article());
    const blank = await reviewer.post(`/api/claims/${c.id}/request-changes`, {
      data: { version: c.version, comment: '   ' },
    });
    expect(blank.status()).toBe(400);
    expect((await blank.json()).error.issues).toEqual([
      { path: 'comment', message: 'Say what should change.' },
    ]);
    const missingVersion = await reviewer.post(`/api/claims/${c.id}/request-changes`, {
      data: { comment: 'x' },
    });
    expect(missingVersion.status()).toBe(400);
    expect((await missingVersion.json()).error.issues[0].path).toBe('version');

    const sent = await reviewer.post(`/api/claims/${c.id}/request-changes`, {
      data: { version: c.version, comment: 'Which year?' },
    });
    expect(sent.status()).toBe(200);
    const mine = await (await editor.get('/api/me/claims?state=CHANGES_REQUESTED')).json();
    expect(mine.counts.CHANGES_REQUESTED).toBeGreaterThanOrEqual(1);
    expect(mine.claims.map((x: Claim) => x.id)).toContain(c.id);

    const { claim: back } = await sent.json();
    const fixed = await editor.patch(`/api/claims/${c.id}`, {
      data: { version: back.version, verdict: 'FALSE', rationale: 'In 2025, nominal growth.' },
    });
    const again = await editor.post(`/api/claims/${c.id}/submit`, {
      data: { version: (await fixed.json()).claim.version },
    });
    expect(again.status()).toBe(200);
    const approved = await reviewer2.post(`/api/claims/${c.id}/approve`, {
      data: { version: (await again.json()).claim.version },
    });
    expect(approved.status()).toBe(200);
    const { claim: done, decision } = await approved.json();
    expect(decision.snapshotHash).toMatch(/^[0-9a-f]{64}$/);

    const noReason = await admin.post(`/api/claims/${c.id}/reopen`, {
      data: { version: done.version },
    });
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).error.issues).toEqual([
      { path: 'reason', message: 'Say why the claim is reopened.' },
    ]);
    const byEditor = await editor.post(`/api/claims/${c.id}/reopen`, {
      data: { version: done.version, reason: 'I want to change it.' },
    });
    expect(byEditor.status()).toBe(403);
    const reopened = await admin.post(`/api/claims/${c.id}/reopen`, {
      data: { version: done.version, reason: 'New figures.' },
    });
    expect(reopened.status()).toBe(200);
    expect((await reopened.json()).claim.reviewState).toBe('CHANGES_REQUESTED');

    const { history } = await (await editor.get(`/api/claims/${c.id}/history`)).json();
    expect(
      history.map((h: { action: string; actor: { name: string } | null }) => [
        h.action,
        h.actor?.name,
      ]),
    ).toEqual([
      ['claim.create', names.editor],
      ['claim.edit', names.editor],
      ['claim.submit', names.editor],
      ['claim.request_changes', names.reviewer],
      ['claim.edit', names.editor],
      ['claim.submit', names.editor],
      ['claim.approve', names.reviewer2],
      ['claim.reopen', 'Ada Admin'],
    ]);
    expect(history[4].changes).toEqual([
      expect.objectContaining({
        field: 'rationale',
        beforeText: 'Nominal, not real growth.',
        afterText: 'In 2025, nominal growth.',
      }),
    ]);
    expect(history[6].snapshotHash).toBe(decision.snapshotHash);
    expect(history[7].note).toBe('New figures.');
  });

  test('the queue: submitted claims only, oldest first, filtered, in pages', async () => {
    const where = await article();
    const first = await submitted(editor, where, { text: 'First', verdict: 'FALSE' });
    const second = await submitted(editor, where, { text: 'Second', verdict: 'TRUE' });
    const third = await submitted(reviewer2, where, { text: 'Third', verdict: 'FALSE' });
    const fourth = await submitted(editor, where, { text: 'Fourth', verdict: 'FALSE' });
    await claim(editor, where, { text: 'A draft' });
    const queue = async (query: string, who = reviewer) => {
      const response = await who.get(`/api/review-queue?article=${where.id}${query}`);
      expect(response.status()).toBe(200);
      return (await response.json()) as {
        items: { id: string; text: string; author: { name: string }; appearances: unknown[] }[];
        nextCursor: string | null;
        total: number;
      };
    };
    const all = await queue('');
    expect(all.items.map((i) => i.text)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({
      id: first.id,
      verdict: 'FALSE',
      rationale: 'Nominal, not real growth.',
      author: { name: names.editor },
      reviewState: 'SUBMITTED',
      appearances: [
        expect.objectContaining({
          articleId: where.id,
          exact: 'exports grew by 12 percent',
          context: expect.objectContaining({ before: 'The minister said that ' }),
        }),
      ],
      can: expect.objectContaining({ approve: { allowed: true } }),
    });
    expect((await queue(`&author=${ids.editor}`)).items.map((i) => i.id)).toEqual([
      first.id,
      second.id,
      fourth.id,
    ]);
    expect((await queue('&verdict=TRUE')).items.map((i) => i.id)).toEqual([second.id]);
    expect((await queue(`&author=${ids.reviewer2}&verdict=FALSE`)).items.map((i) => i.id)).toEqual([
      third.id,
    ]);
    const page1 = await queue('&limit=3');
    expect(page1.items.map((i) => i.id)).toEqual([first.id, second.id, third.id]);
    const page2 = await queue(`&limit=3&after=${page1.nextCursor}`);
    expect(page2.items.map((i) => i.id)).toEqual([fourth.id]);
    expect(page2.nextCursor).toBeNull();

    const asAuthor = await queue('', reviewer2);
    const own = asAuthor.items.find((i) => i.id === third.id) as unknown as {
      can: { approve: { allowed: boolean; reason: string } };
    };
    expect(own.can.approve).toMatchObject({
      allowed: false,
      reason: 'you cannot approve a claim you wrote',
    });

    expect((await editor.get('/api/review-queue')).status()).toBe(403);
    const bad = await reviewer.get('/api/review-queue?verdict=MAYBE&limit=500');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'limit',
      'verdict',
    ]);
    const badCursor = await reviewer.get('/api/review-queue?after=nonsense');
    expect(badCursor.status()).toBe(400);
    // A cursor is `createdAt|id`; a time PostgreSQL cannot take is a bad cursor, not a 500.
    for (const at of ['0000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z']) {
      const forged = Buffer.from(`${at}|x`).toString('base64url');
      const response = await reviewer.get(`/api/review-queue?after=${forged}`);
      expect(response.status(), at).toBe(400);
      expect((await response.json()).error.issues).toEqual([
        { path: 'after', message: 'Not a page cursor of this queue.' },
      ]);
    }
  });

  test('submit all of an article: the author’s complete claims go, the rest are explained', async () => {
    const where = await article();
    const ready = await claim(editor, where, { text: 'Ready' });
    const incomplete = await claim(editor, where, { text: 'Incomplete', complete: false });
    const notMine = await claim(reviewer, where, { text: 'Not mine' });
    const response = await editor.post(`/api/articles/${where.id}/submit-all`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.submitted.map((c: Claim) => [c.id, c.reviewState])).toEqual([
      [ready.id, 'SUBMITTED'],
    ]);
    expect(body.refused).toEqual([
      expect.objectContaining({
        claimId: incomplete.id,
        text: 'Incomplete',
        status: 400,
        code: 'validation_failed',
        issues: [
          expect.objectContaining({ path: 'verdict' }),
          expect.objectContaining({ path: 'rationale' }),
        ],
      }),
    ]);
    const other = await (await reviewer.get(`/api/claims/${notMine.id}`)).json();
    expect(other.claim.reviewState).toBe('DRAFT');
    const again = await (await editor.post(`/api/articles/${where.id}/submit-all`)).json();
    expect(again.submitted).toEqual([]);
    expect((await editor.post('/api/articles/no-such-article/submit-all')).status()).toBe(404);
  });

  test('bulk approve: each claim decided on its own, refusals explained', async () => {
    const where = await article();
    const a = await submitted(editor, where, { text: 'Bulk A' });
    const b = await submitted(editor, where, { text: 'Bulk B' });
    const own = await submitted(reviewer, where, { text: 'Bulk own' });
    const response = await reviewer.post('/api/review-queue/approve', {
      data: {
        claims: [
          { id: a.id, version: a.version },
          { id: own.id, version: own.version },
          { id: b.id, version: b.version - 1 },
        ],
      },
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.approved.map((r: { claim: Claim }) => r.claim.id)).toEqual([a.id]);
    expect(
      body.refused.map((r: { claimId: string; status: number }) => [r.claimId, r.status]),
    ).toEqual([
      [own.id, 403],
      [b.id, 409],
    ]);
    const empty = await reviewer.post('/api/review-queue/approve', { data: { claims: [] } });
    expect(empty.status()).toBe(400);
    const byEditor = await editor.post('/api/review-queue/approve', {
      data: { claims: [{ id: b.id, version: b.version }] },
    });
    expect(byEditor.status()).toBe(403);
  });

  test('the discussion: anyone signed in posts; blank posts are refused', async () => {
    const c = await claim(editor, await article());
    const posted = await reviewer.post(`/api/claims/${c.id}/comments`, {
      data: { body: '  Is the 12 percent nominal?  ' },
    });
    expect(posted.status()).toBe(201);
    expect((await posted.json()).comment).toMatchObject({
      body: 'Is the 12 percent nominal?',
      author: { id: ids.reviewer, name: names.reviewer },
    });
    const reply = await editor.post(`/api/claims/${c.id}/comments`, {
      data: { body: 'Yes: see the rationale.' },
    });
    expect(reply.status()).toBe(201);
    const blank = await editor.post(`/api/claims/${c.id}/comments`, { data: { body: ' ' } });
    expect(blank.status()).toBe(400);
    const thread = await (await admin.get(`/api/claims/${c.id}/comments`)).json();
    expect(thread.comments.map((x: { body: string }) => x.body)).toEqual([
      'Is the 12 percent nominal?',
      'Yes: see the rationale.',
    ]);
    expect((await editor.get('/api/claims/no-such-claim/comments')).status()).toBe(404);
    expect((await editor.get('/api/claims/no-such-claim/history')).status()).toBe(404);
  });
});
