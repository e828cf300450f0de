/**
 * Watching an article imported by URL (issue #15), against a real database and a local server
 * that serves the page, then revised pages: furniture-only changes propose nothing; a changed
 * article proposes a revision with its diff; accepting it makes the next revision and
 * re-anchors the highlights; dismissing keeps the article.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeTextQuote } from '@/lib/anchoring';
import { sha256Hex } from '@/lib/text';
import { createArticle } from '../articles-create';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../dev/evidence-fixture-server';
import { parseAllowHosts } from '../import/address-policy';
import { importArticle } from '../import/save';
import { MAX_IMPORT_BYTES } from '../import/settings';
import { paceForPerson } from '../jobs/fetch-gate';
import { startJobRunner } from '../jobs/runner';
import { SWEEP_QUEUE } from '../jobs/queue';
import { latestRevision, reviseArticle } from '../revisions';
import type { SessionUser } from '../users';
import {
  acceptProposal,
  dismissProposal,
  getArticleWatchView,
  recheckArticle,
  startWatching,
  type ArticleWatchOptions,
} from './article-watch';
import { evidenceSettings } from './settings';
import { renderTestPage } from './test-pages';

const P = [
  'The city council approved a budget of 412 million euros for next year on Tuesday evening.',
  'Spending on road repairs will rise by nine percent, the finance committee said in its report.',
  'Opposition members voted against the plan, saying that school funding had been cut again.',
  'The mayor said the new tram line would open in the spring of 2027 as planned.',
];

describe('watching articles imported by URL (database, local server)', () => {
  let db: TestDatabase;
  let server: EvidenceFixtureServer;
  let options: ArticleWatchOptions;
  let user: SessionUser;
  let articleId: string;
  const page = (paragraphs: string[], stamp: string, mostRead: string[] = []) =>
    renderTestPage({ title: 'Council budget', paragraphs, stamp, mostRead });

  before(async () => {
    [db, server] = await Promise.all([
      createTestDatabase('article_watch'),
      startEvidenceFixtureServer(),
    ]);
    const fetch = {
      allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`),
      timeoutMs: 5000,
      maxBytes: MAX_IMPORT_BYTES,
      maxRedirects: 5,
    };
    options = { fetch, watchIntervalHours: 24 };
    const row = await db.prisma.user.create({
      data: { email: 'aw@test.example', name: 'Ed', role: 'EDITOR', passwordHash: 'x' },
    });
    user = { id: row.id, email: row.email, name: row.name, role: row.role } as SessionUser;
    server.set('/budget.html', page(P, 'Mon 09:00', ['A', 'B']));
    const saved = await importArticle(
      db.prisma,
      user,
      { kind: 'url', url: server.url('/budget.html') },
      fetch,
    );
    articleId = saved.article.id;
    // Two highlights: one on a sentence the source will edit, one on a sentence it keeps.
    const revision = (await latestRevision(db.prisma, articleId))!;
    for (const [index, words] of [
      [1, 'rise by nine percent'],
      [3, 'open in the spring of 2027'],
    ] as const) {
      const start = revision.text.indexOf(words);
      assert.ok(start >= 0, `${words} not in the imported text (paragraph ${index})`);
      const anchor = describeTextQuote(revision.text, { start, end: start + words.length });
      await db.prisma.claim.create({
        data: {
          text: `Claim ${index}`,
          authorId: user.id,
          annotations: {
            create: { ...anchor, articleId, revisionId: revision.id, createdById: user.id },
          },
        },
      });
    }
  });
  after(async () => {
    await Promise.all([db.drop(), server.close()]);
  });

  const openProposals = () =>
    db.prisma.revisionProposal.count({ where: { articleId, state: 'OPEN' } });
  /** The audit rows of one entity, oldest first: action, actor and what they say after. */
  const auditOf = async (entityType: string, entityId: string) =>
    (
      await db.prisma.auditEvent.findMany({
        where: { entityType, entityId },
        orderBy: { createdAt: 'asc' },
      })
    ).map((e) => [e.action, e.actorId, e.after]);

  it('watches the address an article was imported from, due a day later', async () => {
    const watch = await db.prisma.articleWatch.findUniqueOrThrow({ where: { articleId } });
    assert.equal(watch.url, server.url('/budget.html'));
    assert.ok(watch.nextCheckAt!.getTime() > Date.now() + 23 * 3_600_000);
    // Who started watching which address, with the baseline it compares against.
    assert.deepEqual(await auditOf('ArticleWatch', articleId), [
      ['article_watch.start', user.id, { articleId, url: watch.url, textSha256: watch.textSha256 }],
    ]);
  });

  it('records who started watching an article on request', async () => {
    const pasted = await createArticle(db.prisma, user, {
      title: 'Pasted with its address',
      text: P.join('\n'),
      sourceUrl: server.url('/pasted.html'),
    });
    await startWatching(db.prisma, user, pasted.id, 24);
    assert.deepEqual(await auditOf('ArticleWatch', pasted.id), [
      [
        'article_watch.start',
        user.id,
        {
          articleId: pasted.id,
          url: server.url('/pasted.html'),
          textSha256: sha256Hex(P.join('\n')),
        },
      ],
    ]);
  });

  it('proposes nothing when the page is the same or only its furniture changed', async () => {
    assert.deepEqual(await recheckArticle(db.prisma, articleId, options), {
      outcome: 'unchanged',
    });
    server.set('/budget.html', page(P, 'Tue 17:45', ['C', 'D', 'E']));
    assert.deepEqual(await recheckArticle(db.prisma, articleId, options), {
      outcome: 'unchanged',
    });
    assert.equal(await openProposals(), 0);
    const watch = await db.prisma.articleWatch.findUniqueOrThrow({ where: { articleId } });
    assert.ok(watch.lastCheckedAt);
    assert.equal(watch.lastError, null);
  });

  it("waits for the host's turn under the rate limit when a person asks for a check", async () => {
    // "Check now" has no fetch slot of the job queue's, but keeps its per-host pace: the start
    // is booked in the pace table every app instance and worker shares, before the fetch.
    const host = new URL(server.url('/budget.html')).host;
    const booked: string[] = [];
    const pace = paceForPerson(db.prisma, 5_000);
    const result = await recheckArticle(db.prisma, articleId, {
      ...options,
      pace: async (h) => {
        booked.push(h);
        await pace(h);
      },
    });
    assert.equal(result.outcome, 'unchanged');
    assert.deepEqual(booked, [host]);
    const [row] = await db.prisma.$queryRawUnsafe<{ ahead: number }[]>(
      `SELECT extract(epoch FROM next_start - now())::float8 AS ahead FROM jobs.host_pace WHERE host = $1`,
      host,
    );
    assert.ok(row && row.ahead > 3, `the next start to ${host} is booked 5 s ahead: ${row?.ahead}`);
    await db.prisma.$executeRawUnsafe(`DELETE FROM jobs.host_pace WHERE host = $1`, host);
  });

  it('records a failed fetch on the watch without proposing anything', async () => {
    server.set('/budget.html', 'gone', 'text/plain', 404);
    const result = await recheckArticle(db.prisma, articleId, options);
    assert.equal(result.outcome, 'failed');
    const view = await getArticleWatchView(db.prisma, articleId);
    assert.match(view!.lastError!, /404/);
    assert.equal(view!.proposal, null);
  });

  it('proposes a revision with its word diff when the article changed at its source', async () => {
    const revised = [P[0]!, P[1]!.replace('nine percent', 'twelve percent'), P[3]!];
    server.set('/budget.html', page(revised, 'Wed 08:00'));
    const result = await recheckArticle(db.prisma, articleId, options);
    assert.equal(result.outcome, 'proposed');
    const view = await getArticleWatchView(db.prisma, articleId);
    assert.equal(view!.lastError, null);
    const proposal = view!.proposal!;
    assert.equal(proposal.baseRevisionNumber, 1);
    const changed = proposal.parts.filter((p) => p.added || p.removed).map((p) => p.value);
    assert.ok(
      changed.some((v) => v.includes('nine')),
      JSON.stringify(changed),
    );
    assert.ok(
      changed.some((v) => v.includes('twelve')),
      JSON.stringify(changed),
    );
    assert.ok(
      changed.some((v) => v.includes('Opposition members')),
      JSON.stringify(changed),
    );
    assert.ok(proposal.removed > proposal.added);
    // The same text again: no second proposal.
    assert.equal((await recheckArticle(db.prisma, articleId, options)).outcome, 'unchanged');
    assert.equal(await openProposals(), 1);
  });

  it('accepting makes the next revision and re-anchors the highlights', async () => {
    const view = (await getArticleWatchView(db.prisma, articleId))!;
    const proposal = view.proposal!;
    // A stale base revision is refused (409), the proposal stays open.
    await assert.rejects(
      acceptProposal(db.prisma, user, articleId, proposal.id, 'not-the-current-revision'),
      (error: { code?: string }) => error.code === 'conflict',
    );
    const revised = await acceptProposal(
      db.prisma,
      user,
      articleId,
      proposal.id,
      proposal.baseRevisionId,
    );
    assert.equal(revised.revision.number, 2);
    const current = (await latestRevision(db.prisma, articleId))!;
    assert.ok(current.text.includes('twelve percent'));
    assert.ok(!current.text.includes('Opposition members'));
    const spans = await db.prisma.annotation.findMany({
      where: { articleId },
      orderBy: { start: 'asc' },
    });
    // The kept sentence's highlight moved onto revision 2 exactly; the edited one followed
    // its words (fuzzy) or was orphaned, never silently left pointing at old offsets.
    const kept = spans.find((s) => s.exact === 'open in the spring of 2027')!;
    assert.equal(kept.revisionId, current.id);
    assert.equal(current.text.slice(kept.start, kept.end), kept.exact);
    const edited = spans.find((s) => s.id !== kept.id)!;
    assert.ok(
      edited.anchorState === 'ORPHANED' ||
        (edited.revisionId === current.id &&
          current.text.slice(edited.start, edited.end) === edited.exact),
    );
    const row = await db.prisma.revisionProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    assert.equal(row.state, 'ACCEPTED');
    assert.equal(row.revisionId, current.id);
    // Accepted once only.
    await assert.rejects(
      acceptProposal(db.prisma, user, articleId, proposal.id, current.id),
      (error: { code?: string }) => error.code === 'conflict',
    );
    assert.equal((await getArticleWatchView(db.prisma, articleId))!.proposal, null);
  });

  it('dismissing keeps the article; a later change proposes again', async () => {
    server.set('/budget.html', page([P[0]!, P[3]!], 'Thu 10:00'));
    const first = await recheckArticle(db.prisma, articleId, options);
    assert.equal(first.outcome, 'proposed');
    const proposalId = (first as { proposalId: string }).proposalId;
    await dismissProposal(db.prisma, user, articleId, proposalId);
    assert.equal(await openProposals(), 0);
    // Who dismissed which proposal of which article, once; a second dismissal is refused.
    assert.deepEqual(await auditOf('RevisionProposal', proposalId), [
      ['revision_proposal.dismiss', user.id, { articleId, state: 'DISMISSED' }],
    ]);
    await assert.rejects(
      dismissProposal(db.prisma, user, articleId, proposalId),
      (error: { code?: string }) => error.code === 'conflict',
    );
    assert.equal((await auditOf('RevisionProposal', proposalId)).length, 1);
    assert.equal((await latestRevision(db.prisma, articleId))!.number, 2);
    // The dismissed text is the baseline now: seen again, it proposes nothing.
    assert.equal((await recheckArticle(db.prisma, articleId, options)).outcome, 'unchanged');
    server.set('/budget.html', page([P[0]!, `${P[3]!} Tickets will cost two euros.`], 'Fri'));
    assert.equal((await recheckArticle(db.prisma, articleId, options)).outcome, 'proposed');
    assert.equal(await openProposals(), 1);
  });

  it('an unknown proposal is 404', async () => {
    await assert.rejects(
      dismissProposal(db.prisma, user, articleId, 'no-such-proposal'),
      (error: { code?: string }) => error.code === 'not_found',
    );
  });

  it('the job queue re-checks a due article on schedule and proposes the change', async () => {
    server.set(
      '/budget.html',
      page([P[0]!, 'A new closing sentence about the tram fares.'], 'Sat'),
    );
    await db.prisma.articleWatch.update({
      where: { articleId },
      data: { nextCheckAt: new Date(Date.now() - 1000) },
    });
    const outcomes: string[] = [];
    const runner = await startJobRunner({
      databaseUrl: db.url,
      prisma: db.prisma,
      evidence: { ...evidenceSettings({} as NodeJS.ProcessEnv), dir: '/nonexistent-evidence-dir' },
      fetch: options.fetch,
      onArticleRecheck: (id, outcome) => void (id === articleId && outcomes.push(outcome)),
    });
    try {
      // The sweep (on its cron in production) queues the due watch; a worker runs it.
      await runner.boss.send(SWEEP_QUEUE, {});
      const deadline = Date.now() + 30_000;
      while (!outcomes.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await runner.stop();
    }
    assert.deepEqual(outcomes, ['proposed']);
    const open = await db.prisma.revisionProposal.findMany({ where: { articleId, state: 'OPEN' } });
    assert.equal(open.length, 1, 'the newer change replaced the open proposal');
    assert.ok(open[0]!.text.includes('tram fares'));
    const watch = await db.prisma.articleWatch.findUniqueOrThrow({ where: { articleId } });
    assert.ok(watch.nextCheckAt!.getTime() > Date.now() + 23 * 3_600_000);
  });

  it('accepting a text the article already has settles the proposal without a revision', async () => {
    const open = await db.prisma.revisionProposal.findFirstOrThrow({
      where: { articleId, state: 'OPEN' },
    });
    const before = (await latestRevision(db.prisma, articleId))!;
    const edited = await reviseArticle(
      db.prisma,
      user,
      articleId,
      { baseRevisionId: before.id, text: open.text },
      sha256Hex,
    );
    const accepted = await acceptProposal(db.prisma, user, articleId, open.id, edited.revision.id);
    assert.deepEqual(accepted.revision, edited.revision);
    assert.equal((await latestRevision(db.prisma, articleId))!.id, edited.revision.id);
    const row = await db.prisma.revisionProposal.findUniqueOrThrow({ where: { id: open.id } });
    assert.equal(row.state, 'ACCEPTED');
    assert.equal(row.revisionId, edited.revision.id);
  });
  it('an acceptance racing a dismissal: exactly one wins, and a dismissed proposal leaves no revision', async () => {
    for (const round of [1, 2, 3]) {
      server.set(
        '/budget.html',
        page([P[0]!, `${P[2]!} Round ${round} of the vote.`], `R${round}`),
      );
      const checked = await recheckArticle(db.prisma, articleId, options);
      assert.equal(checked.outcome, 'proposed');
      const proposalId = (checked as { proposalId: string }).proposalId;
      const base = (await latestRevision(db.prisma, articleId))!;
      const [accepted, dismissed] = await Promise.allSettled([
        acceptProposal(db.prisma, user, articleId, proposalId, base.id),
        dismissProposal(db.prisma, user, articleId, proposalId),
      ]);
      const won = [accepted, dismissed].filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1, `round ${round}: both ${accepted.status}, ${dismissed.status}`);
      const loser = [accepted, dismissed].find(
        (r) => r.status === 'rejected',
      ) as PromiseRejectedResult;
      assert.equal((loser.reason as { code?: string }).code, 'conflict');
      const row = await db.prisma.revisionProposal.findUniqueOrThrow({ where: { id: proposalId } });
      const latest = (await latestRevision(db.prisma, articleId))!;
      if (accepted.status === 'fulfilled') {
        assert.equal(row.state, 'ACCEPTED');
        assert.equal(row.revisionId, latest.id);
        assert.equal(latest.number, base.number + 1);
        assert.deepEqual(await auditOf('RevisionProposal', proposalId), [
          [
            'revision_proposal.accept',
            user.id,
            { articleId, state: 'ACCEPTED', revisionId: latest.id },
          ],
        ]);
      } else {
        assert.equal(row.state, 'DISMISSED');
        assert.equal(latest.id, base.id, 'a dismissed proposal made no revision');
      }
    }
  });

  it('saving an import and watching its address is one transaction: a failed watch saves no article', async () => {
    // A fault injected in PostgreSQL: the watch of this one address cannot be written.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_watch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.url LIKE '%refused-watch%' THEN RAISE EXCEPTION 'watch refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(
      'CREATE TRIGGER refuse_watch BEFORE INSERT ON "ArticleWatch" FOR EACH ROW EXECUTE FUNCTION refuse_watch()',
    );
    try {
      server.set('/refused-watch.html', page(P, 'Sun'));
      const articles = await db.prisma.article.count();
      await assert.rejects(
        importArticle(
          db.prisma,
          user,
          { kind: 'url', url: server.url('/refused-watch.html') },
          options.fetch,
          { allowDuplicate: true },
        ),
      );
      assert.equal(await db.prisma.article.count(), articles, 'no article without its watch');
    } finally {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_watch ON "ArticleWatch"');
      await db.prisma.$executeRawUnsafe('DROP FUNCTION refuse_watch()');
    }
  });
});
