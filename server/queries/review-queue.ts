/**
 * Read side of the review workflow: the review queue (SUBMITTED claims, oldest first, keyset
 * pages), the counts in the header, an editor's own claims by state, and the "review card" of a
 * claim (what a reviewer needs to decide: article, the sentence around each span, verdict,
 * rationale, evidence, author, age, and which actions the viewer may take, with the reason when
 * not).
 *
 * A card is read with one SQL statement per page (claims, evidence, spans with a window of
 * their revision's text), so the queue costs two round trips (that and the count) whatever the
 * page size. Each card carries its anchor health: orphaned, fuzzy or changed-since-submission
 * passages with their before/after text.
 */
import { parseTimestamp } from '@/lib/dates';
import { REVIEW_STATES, REVIEW_STATE_LABELS, type ReviewState, type Verdict } from '@/lib/domain';
import {
  changedSpans,
  checkAction,
  spanProblem,
  type ChangedSpan,
  type ClaimForReview,
  type ReviewAction,
} from '@/lib/review';
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../platform/db';
import { AppError } from '../platform/errors';
import { contextFromSelector, sentenceAround, type SpanContext } from '@/lib/review/context';
import type { QueueQuery } from '../review-schemas';
import type { SessionUser } from '../users';
import { getPerson } from './people';

/** Characters of revision text fetched on each side of a span to find its sentence. */
const CONTEXT_WINDOW = 400;

/** Whether the viewer may take an action now, and if not, why (tooltip-ready). */
export type ActionState =
  { allowed: true } | { allowed: false; reason: string; message: string; rule: string };

export type CardAction = Extract<
  ReviewAction,
  'submit' | 'approve' | 'requestChanges' | 'reopen' | 'edit'
>;
const CARD_ACTIONS: readonly CardAction[] = [
  'submit',
  'approve',
  'requestChanges',
  'reopen',
  'edit',
];

export interface ReviewCard {
  id: string;
  text: string;
  claimant: string | null;
  verdict: Verdict;
  rationale: string;
  reviewState: ReviewState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
  lastEditedBy: { id: string; name: string } | null;
  evidence: {
    id: string;
    url: string;
    title: string | null;
    quote: string | null;
    /** ISO timestamp (UTC) or null. */
    accessedAt: string | null;
    /** The stored copy the quote was taken from, and how the quote anchors in it (issue #15). */
    captureId: string | null;
    quoteStart: number | null;
    quoteAnchor: 'EXACT' | 'FUZZY' | 'NOT_FOUND' | null;
  }[];
  appearances: {
    annotationId: string;
    articleId: string;
    articleTitle: string;
    exact: string;
    start: number;
    end: number;
    anchorState: string;
    /** The quote when submitted (or approved); differs from `exact` when the text changed. */
    submittedExact: string | null;
    context: SpanContext;
  }[];
  /** Why the claim cannot be submitted or approved because of its passages (e.g. orphaned). */
  spanProblem: string | null;
  /** Passages a reviewer must confirm: fuzzy or changed since submission, with the words. */
  changedSpans: ChangedSpan[];
  /** What the viewer may do with the claim now. */
  can: Record<CardAction, ActionState>;
}

type CardRow = {
  id: string;
  text: string;
  claimant: string | null;
  verdict: Verdict;
  rationale: string;
  reviewState: ReviewState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  authorId: string;
  authorName: string;
  lastEditedById: string | null;
  lastEditedByName: string | null;
  changedBy: string[];
  evidence: ReviewCard['evidence'];
  spans: {
    annotationId: string;
    articleId: string;
    articleTitle: string;
    revisionId: string;
    start: number;
    end: number;
    exact: string;
    prefix: string;
    suffix: string;
    anchorState: 'EXACT' | 'MOVED' | 'FUZZY' | 'ORPHANED';
    submittedExact: string | null;
    windowStart: number;
    window: string;
    windowAtEnd: boolean;
  }[];
};

const W = Prisma.raw(String(CONTEXT_WINDOW));

/**
 * Cards of the claims matching `where` (SQL on `c`), oldest first, at most `limit`; with
 * `count` (an uncorrelated COUNT query, evaluated once), each row also carries its result, so a
 * page and its total cost one round trip.
 */
async function loadCards(
  prisma: PrismaClient,
  viewer: SessionUser,
  where: Prisma.Sql,
  limit: number,
  count: Prisma.Sql = Prisma.sql`NULL::int`,
): Promise<{ cards: ReviewCard[]; total: number | null }> {
  const rows = await prisma.$queryRaw<(CardRow & { total: number | null })[]>`
    SELECT (${count}) AS total, c.id, c.text, c.claimant, c.verdict, c.rationale, c."reviewState", c.version,
      c."createdAt", c."updatedAt", c."authorId", au.name AS "authorName",
      c."lastEditedById", le.name AS "lastEditedByName",
      c."changedBy",
      COALESCE((SELECT json_agg(json_build_object('id', e.id, 'url', e.url, 'title', e.title,
                  'quote', e.quote,
                  'accessedAt', to_char(e."accessedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'captureId', e."captureId", 'quoteStart', e."quoteStart",
                  'quoteAnchor', e."quoteAnchor")
                ORDER BY e."createdAt", e.id)
                FROM "Evidence" e WHERE e."claimId" = c.id), '[]'::json) AS evidence,
      COALESCE((SELECT json_agg(json_build_object(
                  'annotationId', a.id, 'articleId', a."articleId", 'articleTitle', ar.title,
                  'revisionId', a."revisionId", 'start', a.start, 'end', a."end",
                  'exact', a.exact, 'prefix', a.prefix, 'suffix', a.suffix,
                  'anchorState', a."anchorState", 'submittedExact', a."submittedExact",
                  'windowStart', GREATEST(a.start - ${W}, 0),
                  'window', substr(r.text, GREATEST(a.start - ${W}, 0) + 1,
                                   a."end" - GREATEST(a.start - ${W}, 0) + ${W}),
                  'windowAtEnd', char_length(r.text) <= a."end" + ${W}
                ) ORDER BY a."createdAt", a.id)
                FROM "Annotation" a
                JOIN "Article" ar ON ar.id = a."articleId"
                JOIN "ArticleRevision" r ON r.id = a."revisionId"
                WHERE a."claimId" = c.id), '[]'::json) AS spans
    FROM "Claim" c
    JOIN "User" au ON au.id = c."authorId"
    LEFT JOIN "User" le ON le.id = c."lastEditedById"
    WHERE ${where}
    ORDER BY c."createdAt", c.id
    LIMIT ${limit}`;
  return { cards: rows.map((row) => toCard(row, viewer)), total: rows[0]?.total ?? null };
}

function toCard(row: CardRow, viewer: SessionUser): ReviewCard {
  const claim: ClaimForReview = {
    id: row.id,
    text: row.text,
    claimant: row.claimant,
    authorId: row.authorId,
    lastEditedById: row.lastEditedById,
    changedBy: row.changedBy ?? [],
    reviewState: row.reviewState,
    verdict: row.verdict,
    rationale: row.rationale,
    version: row.version,
    evidence: row.evidence,
    anchors: row.spans.map((s) => ({
      id: s.annotationId,
      articleId: s.articleId,
      revisionId: s.revisionId,
      start: s.start,
      end: s.end,
      exact: s.exact,
      state: s.anchorState,
      submittedExact: s.submittedExact,
    })),
  };
  const can = Object.fromEntries(
    CARD_ACTIONS.map((action) => [action, actionState(action, claim, viewer)]),
  ) as Record<CardAction, ActionState>;
  const problem = spanProblem(claim);
  if (problem) {
    for (const action of ['submit', 'approve'] as const) {
      if (can[action].allowed) {
        can[action] = { allowed: false, reason: problem, message: problem, rule: 'spans' };
      }
    }
  }
  return {
    id: row.id,
    text: row.text,
    claimant: row.claimant,
    verdict: row.verdict,
    rationale: row.rationale,
    reviewState: row.reviewState,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    author: { id: row.authorId, name: row.authorName },
    lastEditedBy: row.lastEditedById
      ? { id: row.lastEditedById, name: row.lastEditedByName ?? '' }
      : null,
    evidence: row.evidence,
    appearances: row.spans.map((s) => ({
      annotationId: s.annotationId,
      articleId: s.articleId,
      articleTitle: s.articleTitle,
      exact: s.exact,
      start: s.start,
      end: s.end,
      anchorState: s.anchorState,
      submittedExact: s.submittedExact,
      context:
        sentenceAround(s.window, s.exact, s.start - s.windowStart, {
          windowAtStart: s.windowStart === 0,
          windowAtEnd: s.windowAtEnd,
        }) ?? contextFromSelector(s),
    })),
    spanProblem: problem,
    changedSpans: changedSpans(claim),
    can,
  };
}

/** lib/review's guard as a plain value for the UI: allowed, or the reason it is not. */
export function actionState(
  action: ReviewAction,
  claim: ClaimForReview,
  viewer: SessionUser,
): ActionState {
  const check = checkAction(action, claim, viewer);
  if (check.ok) return { allowed: true };
  if (check.code === 'forbidden') {
    return { allowed: false, reason: check.reason, message: check.message, rule: check.rule };
  }
  return {
    allowed: false,
    reason: `it is ${REVIEW_STATE_LABELS[check.currentState].toLowerCase()}`,
    message: check.message,
    rule: 'state',
  };
}

/** One claim's review card, or null when there is no such claim. */
export async function getReviewCard(prisma: PrismaClient, viewer: SessionUser, id: string) {
  const { cards } = await loadCards(prisma, viewer, Prisma.sql`c.id = ${id}`, 1);
  return cards[0] ?? null;
}

function encodeCursor(card: { createdAt: Date; id: string }): string {
  return Buffer.from(`${card.createdAt.toISOString()}|${card.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // Strict: a forged time PostgreSQL cannot take (year 0, 30 February) is a bad cursor, not a 500.
  const createdAt = parseTimestamp(at ?? '');
  if (!id || !createdAt) {
    throw new AppError('validation_failed', 'Some fields are invalid.', {
      issues: [{ path: 'after', message: 'Not a page cursor of this queue.' }],
    });
  }
  return { createdAt, id };
}

function queueFilter({ article, author, verdict }: QueueQuery): Prisma.Sql {
  const parts = [Prisma.sql`c."reviewState" = 'SUBMITTED'`];
  if (author) parts.push(Prisma.sql`c."authorId" = ${author}`);
  if (verdict) parts.push(Prisma.sql`c.verdict = ${verdict}::"Verdict"`);
  if (article) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" fa
                         WHERE fa."claimId" = c.id AND fa."articleId" = ${article})`,
    );
  }
  return Prisma.join(parts, ' AND ');
}

export interface ReviewQueuePage {
  items: ReviewCard[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** SUBMITTED claims matching the filters, on every page. */
  total: number;
}

/**
 * A page of the review queue: SUBMITTED claims matching the filters, oldest first (creation
 * time, then id), `limit` per page, after the `after` cursor. Uses the (reviewState, createdAt)
 * index; 400 for a cursor this function did not make.
 */
export async function listReviewQueue(
  prisma: PrismaClient,
  viewer: SessionUser,
  query: QueueQuery,
): Promise<ReviewQueuePage> {
  const filter = queueFilter(query);
  let where = filter;
  if (query.after) {
    const { createdAt, id } = decodeCursor(query.after);
    // Written out (not as a row comparison) so the (reviewState, createdAt) index bounds the scan.
    where = Prisma.sql`${filter} AND c."createdAt" >= ${createdAt}::timestamp(3)
      AND (c."createdAt" > ${createdAt}::timestamp(3) OR c.id > ${id})`;
  }
  // The inner `c` shadows the outer one: the count sees the filters, not the cursor.
  const count = Prisma.sql`SELECT COUNT(*)::int FROM "Claim" c WHERE ${filter}`;
  const { cards, total } = await loadCards(prisma, viewer, where, query.limit + 1, count);
  const items = cards.slice(0, query.limit);
  const last = items[items.length - 1];
  const counted = async () =>
    (await prisma.$queryRaw<{ count: number }[]>`${count}`)[0]?.count ?? 0;
  return {
    items,
    nextCursor: cards.length > query.limit && last ? encodeCursor(last) : null,
    // An empty page carries no count: 0 on the first page, counted apart after a cursor.
    total: total ?? (query.after ? await counted() : 0),
  };
}

/**
 * The header's counts in one round trip: claims waiting for review (only when `withQueue`, for
 * reviewers and admins; null otherwise) and the user's claims sent back to them.
 */
export async function countForHeader(prisma: PrismaClient, userId: string, withQueue: boolean) {
  const waiting = withQueue
    ? Prisma.sql`(SELECT COUNT(*)::int FROM "Claim" WHERE "reviewState" = 'SUBMITTED')`
    : Prisma.sql`NULL::int`;
  const [row] = await prisma.$queryRaw<{ waiting: number | null; sentBack: number }[]>`
    SELECT ${waiting} AS waiting,
      (SELECT COUNT(*)::int FROM "Claim"
       WHERE "authorId" = ${userId} AND "reviewState" = 'CHANGES_REQUESTED') AS "sentBack"`;
  return { waiting: row?.waiting ?? null, sentBack: row?.sentBack ?? 0 };
}

/** How many claims wait for review (the reviewers' header count). */
export function countReviewQueue(prisma: PrismaClient): Promise<number> {
  return prisma.claim.count({ where: { reviewState: 'SUBMITTED' } });
}

/** How many of the user's claims were sent back to them (the editors' header count). */
export function countSentBack(prisma: PrismaClient, userId: string): Promise<number> {
  return prisma.claim.count({ where: { authorId: userId, reviewState: 'CHANGES_REQUESTED' } });
}

/**
 * What the queue's filters hold now, by name: the chosen article's title and the chosen
 * author's name (the filters search for the other choices as the user types).
 */
export async function listQueueFilterOptions(
  prisma: PrismaClient,
  { article, author }: { article?: string; author?: string } = {},
) {
  const [chosen, chosenAuthor] = await Promise.all([
    article
      ? prisma.article.findUnique({ where: { id: article }, select: { id: true, title: true } })
      : null,
    getPerson(prisma, author),
  ]);
  return { article: chosen, author: chosenAuthor };
}

export type MyClaim = Awaited<ReturnType<typeof listMyClaims>>['claims'][number];

/**
 * The user's own claims, newest change first, `limit` per review state (or of one `state`),
 * with where they appear and, for claims sent back, the request that sent them back; plus the
 * number in each state.
 */
export async function listMyClaims(
  prisma: PrismaClient,
  userId: string,
  { state, limit }: { state?: ReviewState; limit: number },
) {
  const states = state ? [state] : REVIEW_STATES;
  const [grouped, ...lists] = await Promise.all([
    prisma.claim.groupBy({
      by: ['reviewState'],
      where: { authorId: userId },
      _count: { _all: true },
    }),
    ...states.map((s) =>
      prisma.claim.findMany({
        where: { authorId: userId, reviewState: s },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: limit,
        select: {
          id: true,
          text: true,
          verdict: true,
          rationale: true,
          reviewState: true,
          version: true,
          createdAt: true,
          updatedAt: true,
          annotations: {
            orderBy: { createdAt: 'asc' },
            select: { articleId: true, article: { select: { title: true } } },
          },
          reviewDecisions: {
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: 1,
            select: {
              decision: true,
              comment: true,
              createdAt: true,
              reviewer: { select: { id: true, name: true } },
            },
          },
        },
      }),
    ),
  ]);
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<
    ReviewState,
    number
  >;
  for (const g of grouped) counts[g.reviewState] = g._count._all;
  const claims = lists.flat().map(({ annotations, reviewDecisions, ...claim }) => {
    const articles = new Map(annotations.map((a) => [a.articleId, a.article.title]));
    return {
      ...claim,
      articles: [...articles].map(([id, title]) => ({ id, title })),
      lastDecision: reviewDecisions[0] ?? null,
    };
  });
  return { counts, claims };
}

/** Articles where the user has claims still to submit (drafts or sent back), with how many. */
export function listArticlesWithOpenClaims(prisma: PrismaClient, userId: string) {
  return prisma.$queryRaw<{ id: string; title: string; count: number }[]>`
    SELECT ar.id, ar.title, COUNT(DISTINCT c.id)::int AS count
    FROM "Claim" c
    JOIN "Annotation" a ON a."claimId" = c.id
    JOIN "Article" ar ON ar.id = a."articleId"
    WHERE c."authorId" = ${userId} AND c."reviewState" IN ('DRAFT', 'CHANGES_REQUESTED')
    GROUP BY ar.id, ar.title
    ORDER BY ar.title, ar.id`;
}
