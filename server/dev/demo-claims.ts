/**
 * Loads the demo claims once, through the same createClaim/linkSpan/review code as a user's
 * claims (so through the one rulebook, lib/review, and `applyClaimEvent`).
 * A claim whose passage is no longer in its article's current text is skipped.
 */
import { DEMO_ACCOUNTS } from '@/prisma/demo/demo';
import { DEMO_CLAIMS, type DemoSpan } from '@/prisma/demo/demo-claims';
import type { PrismaClient } from '../platform/db';
import { createClaim } from '../claims';
import { approveClaim, requestClaimChanges, submitClaim } from '../review';
import { linkSpan } from '../spans';
import type { SessionUser } from '../users';

/** Distinct from the migration and demo-data lock keys. */
const DEMO_CLAIMS_LOCK_KEY = 42_072_027;

export async function seedDemoClaims(prisma: PrismaClient): Promise<number> {
  const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  const editor = await prisma.user.findUnique({ where: { email: account('EDITOR') } });
  const reviewer = await prisma.user.findUnique({ where: { email: account('REVIEWER') } });
  if (!editor || !reviewer) return 0;
  const author = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
  const checker = {
    id: reviewer.id,
    email: reviewer.email,
    name: reviewer.name,
    role: reviewer.role,
  };

  // One instance at a time, and only when none of them was loaded before.
  const lock = await prisma.$queryRaw<
    { locked: boolean }[]
  >`SELECT pg_try_advisory_lock(${DEMO_CLAIMS_LOCK_KEY}) AS locked`;
  if (!lock[0]?.locked) return 0;
  try {
    if ((await prisma.claim.count({ where: { text: { in: DEMO_CLAIMS.map((c) => c.text) } } })) > 0)
      return 0;
    let created = 0;
    for (const demo of DEMO_CLAIMS) {
      const spans = [];
      for (const span of demo.spans) {
        const found = await locate(prisma, span);
        if (found) spans.push(found);
      }
      const [first, ...others] = spans;
      if (!first) continue;
      const claim = await createClaim(prisma, author, {
        span: first,
        claim: {
          text: demo.text,
          claimant: demo.claimant,
          verdict: demo.verdict,
          rationale: demo.rationale,
          evidence: demo.evidence,
        },
      });
      for (const span of others) await linkSpan(prisma, author, claim.id, span);
      if (demo.reviewState !== 'DRAFT')
        await review(prisma, claim.id, demo.reviewState, author, checker);
      created++;
    }
    return created;
  } finally {
    await prisma.$queryRaw`SELECT pg_advisory_unlock(${DEMO_CLAIMS_LOCK_KEY})`;
  }
}

async function locate(prisma: PrismaClient, span: DemoSpan) {
  const article = await prisma.article.findUnique({
    where: { seedKey: span.article },
    select: {
      id: true,
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, text: true } },
    },
  });
  const revision = article?.revisions[0];
  const start = revision?.text.indexOf(span.passage) ?? -1;
  if (!article || !revision || start < 0) return null;
  return {
    articleId: article.id,
    revisionId: revision.id,
    start,
    end: start + span.passage.length,
  };
}

/**
 * Moves a demo claim through review as its author and the demo reviewer would: the same events
 * through the same `applyClaimEvent` as a user's clicks (version, decision and audit included).
 */
async function review(
  prisma: PrismaClient,
  claimId: string,
  state: 'SUBMITTED' | 'CHANGES_REQUESTED' | 'APPROVED',
  author: SessionUser,
  reviewer: SessionUser,
) {
  const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
  await submitClaim(prisma, author, claimId, { version: claim.version });
  if (state === 'APPROVED') {
    await approveClaim(prisma, reviewer, claimId, {
      version: claim.version + 1,
      comment: 'Checked against both reports.',
    });
  } else if (state === 'CHANGES_REQUESTED') {
    await requestClaimChanges(prisma, reviewer, claimId, {
      version: claim.version + 1,
      comment: 'Please cite the second report too.',
    });
  }
}
