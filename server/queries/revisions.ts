/**
 * Read models of an article's revisions: the list (who saved each, when, what re-anchoring did)
 * and the comparison of any two (a word-level diff, and the highlights the revisions between
 * them moved, changed or orphaned). Outcomes come from the `annotation.reanchor` audit events
 * (see server/reanchor-events.ts), the one record of re-anchoring.
 */
import { type DiffRun, diffWords } from '@/lib/anchoring/text-diff';
import { ANCHOR_STATES, type AnchorState } from '@/lib/domain';
import type { PrismaClient } from '../platform/db';
import { notFound } from '../platform/errors';
import { REANCHOR_ACTION } from '../reanchor-events';

export interface RevisionSummary {
  id: string;
  number: number;
  createdAt: Date;
  author: { id: string; name: string };
  note: string | null;
  /** Spans re-anchored onto this revision, per outcome; null for the first revision. */
  outcomes: Record<AnchorState, number> | null;
}

/** One highlight a revision moved, changed or orphaned. */
export interface RevisionOutcome {
  annotationId: string;
  claimId: string;
  claimText: string | null;
  revisionNumber: number;
  state: Exclude<AnchorState, 'EXACT'>;
  score: number | null;
  before: { start: number; end: number; exact: string };
  after: { start: number; end: number; exact: string };
}

export interface RevisionComparison {
  article: { id: string; title: string };
  from: RevisionSummary;
  to: RevisionSummary;
  runs: DiffRun[];
  outcomes: RevisionOutcome[];
  revisions: RevisionSummary[];
}

/** The article's revisions, newest first. Throws 404 for an unknown article. */
export async function listRevisions(
  prisma: PrismaClient,
  articleId: string,
): Promise<RevisionSummary[]> {
  const revisions = await prisma.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: 'desc' },
    select: {
      id: true,
      number: true,
      createdAt: true,
      note: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  if (revisions.length === 0) throw notFound('Article');
  const counts = await prisma.$queryRaw<{ revisionId: string; state: string; count: number }[]>`
    SELECT after ->> 'revisionId' AS "revisionId", after ->> 'anchorState' AS state,
           count(*)::int AS count
    FROM "AuditEvent"
    WHERE action = ${REANCHOR_ACTION} AND after ->> 'articleId' = ${articleId}
    GROUP BY 1, 2`;
  return revisions.map(({ createdBy, ...revision }) => {
    const mine = counts.filter((row) => row.revisionId === revision.id);
    const outcomes =
      revision.number === 1
        ? null
        : (Object.fromEntries(
            ANCHOR_STATES.map((state) => [
              state,
              mine.find((row) => row.state === state)?.count ?? 0,
            ]),
          ) as Record<AnchorState, number>);
    return { ...revision, author: createdBy, outcomes };
  });
}

/**
 * Compares revisions `fromNumber` and `toNumber` of an article (in either order: the older is
 * shown as the base). Throws 404 for an unknown article or revision.
 */
export async function compareRevisions(
  prisma: PrismaClient,
  articleId: string,
  fromNumber: number,
  toNumber: number,
): Promise<RevisionComparison> {
  const [older, newer] = fromNumber <= toNumber ? [fromNumber, toNumber] : [toNumber, fromNumber];
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true },
  });
  if (!article) throw notFound('Article');
  const revisions = await listRevisions(prisma, articleId);
  const from = revisions.find((revision) => revision.number === older);
  const to = revisions.find((revision) => revision.number === newer);
  if (!from || !to) throw notFound('Revision');
  const texts = await prisma.articleRevision.findMany({
    where: { id: { in: [from.id, to.id] } },
    select: { id: true, text: true },
  });
  const textOf = (id: string) => texts.find((row) => row.id === id)!.text;
  const rows = await prisma.$queryRaw<
    { annotationId: string; before: unknown; after: unknown; claimText: string | null }[]
  >`
    SELECT e."entityId" AS "annotationId", e.before, e.after, c.text AS "claimText"
    FROM "AuditEvent" e LEFT JOIN "Claim" c ON c.id = e.after ->> 'claimId'
    WHERE e.action = ${REANCHOR_ACTION} AND e.after ->> 'articleId' = ${articleId}
      AND (e.after ->> 'revisionNumber')::int > ${older}
      AND (e.after ->> 'revisionNumber')::int <= ${newer}
      AND e.after ->> 'anchorState' <> 'EXACT'
    ORDER BY (e.after ->> 'revisionNumber')::int, (e.after ->> 'start')::int, e.id`;
  const outcomes = rows.map(({ annotationId, before, after, claimText }) => {
    const b = before as RevisionOutcome['before'];
    const a = after as RevisionOutcome['after'] & {
      claimId: string;
      revisionNumber: number;
      anchorState: RevisionOutcome['state'];
      anchorScore: number | null;
    };
    return {
      annotationId,
      claimId: a.claimId,
      claimText,
      revisionNumber: a.revisionNumber,
      state: a.anchorState,
      score: a.anchorScore,
      before: { start: b.start, end: b.end, exact: b.exact },
      after: { start: a.start, end: a.end, exact: a.exact },
    };
  });
  const runs = from.id === to.id ? [] : diffWords(textOf(from.id), textOf(to.id));
  return { article, from, to, runs, outcomes, revisions };
}
