import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../articles-create';
import { createClaim, deleteClaim } from '../claims';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { submitClaim } from '../review';
import { deleteAnnotation, linkSpan } from '../spans';
import { createUser, type SessionUser } from '../users';
import { listLibrary } from './library';
import { libraryQuerySchema } from '@/lib/library';

const TEXT = 'One. The plant will cost 40 million. Two. Exports grew by 12 percent. Three.';

describe('library claim counts (deltas folded on read)', () => {
  let db: TestDatabase;
  let editor: SessionUser;

  before(async () => {
    db = await createTestDatabase('library_counts');
    const user = await createUser(
      db.prisma,
      { email: 'ed@counts.test', name: 'Ed', role: 'EDITOR', password: 'long enough pw' },
      null,
    );
    editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  });
  after(() => db.drop());

  const span = (article: { id: string; revision: { id: string } }, passage: string) => ({
    articleId: article.id,
    revisionId: article.revision.id,
    start: TEXT.indexOf(passage),
    end: TEXT.indexOf(passage) + passage.length,
  });
  const claim = (text: string) => ({
    text,
    claimant: null,
    verdict: 'TRUE' as const,
    rationale: 'Checked against the budget.',
    evidence: [
      { url: 'https://example.org/budget', title: 'Budget', quote: null, accessedAt: null },
    ],
  });
  async function countsOf(id: string) {
    const page = await listLibrary(db.prisma, libraryQuerySchema.parse({ limit: '200' }));
    const counts = page.articles.find((a) => a.id === id)?.claimCounts;
    assert.ok(counts, `article ${id} is listed`);
    return counts;
  }

  it('counts a claim once per article, follows its state, its spans and its deletion', async () => {
    const first = await createArticle(db.prisma, editor, { title: 'First', text: TEXT });
    const second = await createArticle(db.prisma, editor, { title: 'Second', text: TEXT });
    assert.deepEqual(await countsOf(first.id), {
      DRAFT: 0,
      SUBMITTED: 0,
      CHANGES_REQUESTED: 0,
      APPROVED: 0,
      total: 0,
      open: 0,
    });

    const cost = await createClaim(db.prisma, editor, {
      span: span(first, 'The plant will cost 40 million.'),
      claim: claim('The plant costs 40 million'),
    });
    await createClaim(db.prisma, editor, {
      span: span(first, 'Exports grew by 12 percent.'),
      claim: claim('Exports grew 12 %'),
    });
    // A second span in the same article: still one claim there; a span in another article
    // counts it there too.
    await linkSpan(db.prisma, editor, cost.id, span(first, 'One.'));
    const linked = await linkSpan(db.prisma, editor, cost.id, span(second, 'Two.'));
    assert.equal((await countsOf(first.id)).DRAFT, 2);
    assert.equal((await countsOf(second.id)).DRAFT, 1);

    await submitClaim(db.prisma, editor, cost.id, { version: linked.version });
    assert.deepEqual(
      [(await countsOf(first.id)).DRAFT, (await countsOf(first.id)).SUBMITTED],
      [1, 1],
    );
    assert.deepEqual(await countsOf(second.id), {
      DRAFT: 0,
      SUBMITTED: 1,
      CHANGES_REQUESTED: 0,
      APPROVED: 0,
      total: 1,
      open: 1,
    });

    // Removing one of its two spans in the first article keeps it counted there; removing the
    // only one in the second takes it out of the second.
    const spans = await db.prisma.annotation.findMany({
      where: { claimId: cost.id },
      orderBy: { createdAt: 'asc' },
    });
    const submitted = await db.prisma.claim.findUniqueOrThrow({ where: { id: cost.id } });
    await deleteAnnotation(db.prisma, editor, spans[0]!.id, { version: submitted.version });
    assert.equal((await countsOf(first.id)).SUBMITTED, 1);
    const inSecond = spans.find((s) => s.articleId === second.id)!;
    const now = await db.prisma.claim.findUniqueOrThrow({ where: { id: cost.id } });
    await deleteAnnotation(db.prisma, editor, inSecond.id, { version: now.version });
    assert.equal((await countsOf(second.id)).total, 0);

    const last = await db.prisma.claim.findUniqueOrThrow({ where: { id: cost.id } });
    await deleteClaim(db.prisma, editor, cost.id, { version: last.version });
    assert.deepEqual(await countsOf(first.id), {
      DRAFT: 1,
      SUBMITTED: 0,
      CHANGES_REQUESTED: 0,
      APPROVED: 0,
      total: 1,
      open: 1,
    });
    // Nothing is left pending once read.
    const [pending] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM search.claim_count_delta`;
    assert.equal(pending!.n, 0);
  });

  it('sorts by open claims and filters by state from the folded counts', async () => {
    const busy = await createArticle(db.prisma, editor, { title: 'Busy', text: TEXT });
    for (const passage of ['One.', 'Two.', 'Three.']) {
      await createClaim(db.prisma, editor, { span: span(busy, passage), claim: claim(passage) });
    }
    const page = await listLibrary(
      db.prisma,
      libraryQuerySchema.parse({ sort: 'open', limit: '1' }),
    );
    assert.equal(page.articles[0]?.id, busy.id);
    const submittedOnly = await listLibrary(
      db.prisma,
      libraryQuerySchema.parse({ states: 'SUBMITTED', limit: '200' }),
    );
    assert.ok(!submittedOnly.articles.some((a) => a.id === busy.id));
  });
});
