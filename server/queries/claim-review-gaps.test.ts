import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { listClaimReviewGaps, MAX_LISTED } from './claim-review-gaps';

describe('listClaimReviewGaps (database)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('gaps');
  });
  after(() => db.drop());

  it('lists which approved claims lack what, by the article or claim that fixes it', async () => {
    const p = db.prisma;
    const user = await p.user.create({
      data: { email: 'gaps@test.example', name: 'Gaps', role: 'REVIEWER', passwordHash: 'x' },
    });
    const article = async (title: string, sourceUrl: string | null, publishedAt: Date | null) => {
      const created = await p.article.create({
        data: { title, sourceUrl, publishedAt, createdById: user.id },
      });
      const revision = await p.articleRevision.create({
        data: { articleId: created.id, number: 1, text: 'x', sha256: 'x', createdById: user.id },
      });
      return { id: created.id, revisionId: revision.id };
    };
    const claim = async (
      on: { id: string; revisionId: string },
      reviewState: 'APPROVED' | 'DRAFT',
      claimant: string | null,
      text = 'A claim',
    ) => {
      const created = await p.claim.create({
        data: { text, claimant, reviewState, verdict: 'FALSE', authorId: user.id },
      });
      await p.annotation.create({
        data: {
          claimId: created.id,
          articleId: on.id,
          revisionId: on.revisionId,
          start: 0,
          end: 1,
          exact: 'x',
          prefix: '',
          suffix: '',
          createdById: user.id,
        },
      });
      return created.id;
    };
    const complete = await article('Complete', 'https://news.example/a', new Date());
    const noUrl = await article('No URL', null, new Date());
    const nothing = await article('Nothing', null, null);
    const draftsOnly = await article('Drafts only', null, null);
    await claim(complete, 'APPROVED', 'Jane');
    const unnamed = await claim(complete, 'APPROVED', null, 'Nobody said it');
    await claim(noUrl, 'APPROVED', 'Jane');
    await claim(noUrl, 'APPROVED', 'Jane');
    await claim(noUrl, 'APPROVED', 'Jane');
    await claim(noUrl, 'DRAFT', 'Jane');
    await claim(nothing, 'APPROVED', 'Jane');
    await claim(draftsOnly, 'DRAFT', null);

    const { gaps, totals } = await listClaimReviewGaps(p);
    assert.deepEqual(
      gaps.map((g) => [g.kind, g.target.title, g.claims]),
      [
        ['article-source-url', 'No URL', 3],
        ['article-source-url', 'Nothing', 1],
        ['article-published-date', 'Nothing', 1],
        ['claimant', 'Nobody said it', 1],
      ],
    );
    assert.equal(gaps.at(-1)?.target.id, unnamed);
    assert.equal(gaps[0]?.target.id, noUrl.id);
    assert.deepEqual(
      totals.map((t) => [t.kind, t.places, t.claims]),
      [
        ['article-source-url', 2, 4],
        ['article-published-date', 1, 1],
        ['claimant', 1, 1],
      ],
    );

    // A large archive: each kind names its first places and counts the rest.
    for (let i = 0; i < MAX_LISTED + 5; i++) {
      const many = await article(`Zz ${String(i).padStart(2, '0')}`, null, new Date());
      await claim(many, 'APPROVED', 'Jane');
      await claim(many, 'APPROVED', null);
    }
    const large = await listClaimReviewGaps(p);
    const urls = large.gaps.filter((g) => g.kind === 'article-source-url');
    assert.equal(urls.length, MAX_LISTED);
    assert.deepEqual(
      urls.slice(0, 2).map((g) => g.target.title),
      ['No URL', 'Nothing'],
    );
    assert.equal(large.gaps.filter((g) => g.kind === 'claimant').length, MAX_LISTED);
    assert.deepEqual(
      large.totals.map((t) => [t.kind, t.places, t.claims]),
      [
        ['article-source-url', 2 + MAX_LISTED + 5, 4 + 2 * (MAX_LISTED + 5)],
        ['article-published-date', 1, 1],
        ['claimant', 1 + MAX_LISTED + 5, 1 + MAX_LISTED + 5],
      ],
    );
  });
});
