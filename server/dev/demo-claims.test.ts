import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CLAIMS } from '@/prisma/demo/demo-claims';
import { getArticleAnnotations } from '../queries/article-annotations';
import { seedDemoClaims } from './demo-claims';
import { seedDemo } from './seed';
import { createTestDatabase, type TestDatabase } from './test-db';

describe('demo claims', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('democlaims');
    await seedDemo(db.prisma);
  });
  after(async () => {
    await db.drop();
  });

  it('loads every demo claim once, on the passages it names, and never again', async () => {
    assert.equal(await seedDemoClaims(db.prisma), DEMO_CLAIMS.length);
    assert.equal(await seedDemoClaims(db.prisma), 0);
    assert.equal(await db.prisma.claim.count(), DEMO_CLAIMS.length);
    for (const demo of DEMO_CLAIMS) {
      const claim = await db.prisma.claim.findFirstOrThrow({
        where: { text: demo.text },
        include: { annotations: true },
      });
      assert.deepEqual(
        claim.annotations.map((a) => a.exact).sort(),
        demo.spans.map((s) => s.passage).sort(),
        demo.text,
      );
      assert.equal(claim.reviewState, demo.reviewState);
    }
  });

  it('shows a newcomer the editor at work: verdicts, evidence, a claim in both articles, an overlap, approvals', async () => {
    const claims = await db.prisma.claim.findMany({
      include: { annotations: true, evidence: true, reviewDecisions: true },
    });
    assert.ok(new Set(claims.map((c) => c.verdict)).size >= 4, 'several verdicts');
    assert.ok(
      claims.some((c) => c.evidence.length > 0),
      'one with evidence',
    );
    assert.ok(
      claims.some((c) => new Set(c.annotations.map((a) => a.articleId)).size === 2),
      'one claim in both articles',
    );
    const approved = claims.filter((c) => c.reviewState === 'APPROVED');
    assert.ok(
      approved.length > 0 &&
        approved.every((c) =>
          c.reviewDecisions.some((d) => d.decision === 'APPROVE' && d.snapshotHash),
        ),
    );

    const mfa = await db.prisma.article.findUniqueOrThrow({
      where: { seedKey: 'demo:mfa-astana-2-talks' },
    });
    const { annotations } = await getArticleAnnotations(db.prisma, mfa.id);
    const overlaps = annotations.some((a, i) =>
      annotations.slice(i + 1).some((b) => b.start < a.end && a.start < b.end),
    );
    assert.ok(overlaps, 'a pair of overlapping highlights');
  });
});
