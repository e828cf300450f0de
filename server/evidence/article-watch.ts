/**
 * Watching articles imported from an address (issue #15): the address is re-fetched on a
 * schedule (the job queue) or on demand, through the URL import's SSRF-safe fetcher and its
 * cleaner, so furniture that changes on every fetch (dates, "most read" lists) is no change.
 * When the cleaned text differs from the last one seen there, a revision proposal waits for an
 * editor: accepting it makes a new revision through `reviseArticle` (the highlights are
 * re-anchored there, claims whose words changed go back to review); dismissing it keeps the
 * article as it is. One proposal is open per article at a time: a later change replaces it.
 */
import type { ArticleWatchDTO } from '@/lib/evidence/api-types';
import { diffProposal } from '@/lib/evidence/proposal-diff';
import { isHttpAddress } from '@/lib/articles';
import { normalizeArticleText } from '@/lib/import';
import { sha256Hex } from '@/lib/text';
import type { PrismaClient } from '../platform/db';
import { AppError, notFound } from '../platform/errors';
import type { Tx } from '../claim-events';
import { requireAnnotator } from '../claims';
import { latestRevision, reviseArticleIn, REVISION_TIMEOUT_MS } from '../revisions';
import type { SessionUser } from '../users';
import type { Resolver } from '../import/fetch-url';
import { prepareImport } from '../import/prepare';
import type { ImportSettings } from '../import/settings';

export interface ArticleWatchOptions {
  fetch: ImportSettings;
  resolve?: Resolver;
  watchIntervalHours: number;
  /** Waits for the host's turn under the per-host rate limit (../jobs/fetch-gate paceHost). */
  pace?: (host: string) => Promise<void>;
}

export type ArticleRecheckResult =
  | { outcome: 'unchanged' }
  | { outcome: 'proposed'; proposalId: string }
  | { outcome: 'failed'; error: { code: string; message: string } }
  | { outcome: 'missing' };

const nextCheck = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);

/**
 * Starts watching an article at `url` (an import from that address). The baseline is the text
 * saved, so the first re-check proposes a revision only if the source says something else.
 * Audited as `article_watch.start` with `actorId` (the address and baseline, and the ones it
 * replaced when the article was watched already), in the same transaction: the caller's
 * (`watchArticleIn`: an import saves the article and its watch together) or its own.
 */
export async function watchArticle(
  prisma: PrismaClient,
  actorId: string,
  articleId: string,
  url: string,
  savedText: string,
  watchIntervalHours: number,
): Promise<void> {
  await prisma.$transaction((tx) =>
    watchArticleIn(tx, actorId, articleId, url, savedText, watchIntervalHours),
  );
}

/** `watchArticle` inside the caller's transaction. */
export async function watchArticleIn(
  tx: Tx,
  actorId: string,
  articleId: string,
  url: string,
  savedText: string,
  watchIntervalHours: number,
  now = new Date(),
): Promise<void> {
  const data = {
    url,
    textSha256: sha256Hex(savedText),
    nextCheckAt: nextCheck(now, watchIntervalHours),
    lastError: null,
  };
  const before = await tx.articleWatch.findUnique({
    where: { articleId },
    select: { url: true, textSha256: true },
  });
  await tx.articleWatch.upsert({
    where: { articleId },
    create: { articleId, ...data },
    update: data,
  });
  await tx.auditEvent.create({
    data: {
      actorId,
      action: 'article_watch.start',
      entityType: 'ArticleWatch',
      entityId: articleId,
      ...(before ? { before: { articleId, ...before } } : {}),
      after: { articleId, url, textSha256: data.textSha256 },
    },
  });
}

/**
 * Starts watching an article that is not watched yet (imported before watching existed, or
 * pasted with its web address) at its source address. The baseline is the current text, so the
 * first check proposes a revision when the page says something else. 400 when the article has
 * no http(s) source address, 403 for a role that cannot edit.
 */
export async function startWatching(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
  watchIntervalHours: number,
): Promise<void> {
  requireAnnotator(user);
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { sourceUrl: true },
  });
  if (!article) throw notFound('Article');
  const url = article.sourceUrl;
  if (!url || !isHttpAddress(url)) {
    throw new AppError(
      'bad_request',
      'This article has no web address to watch: add its source address (http or https) first.',
    );
  }
  const current = await latestRevision(prisma, articleId);
  if (!current) throw notFound('Article');
  await watchArticle(prisma, user.id, articleId, url, current.text, watchIntervalHours);
}

/**
 * Re-fetches a watched article's address and opens (or replaces) a revision proposal when its
 * cleaned text changed. A fetch failure is recorded on the watch and returned; the job queue
 * throws on it to retry.
 */
export async function recheckArticle(
  prisma: PrismaClient,
  articleId: string,
  options: ArticleWatchOptions,
): Promise<ArticleRecheckResult> {
  const watch = await prisma.articleWatch.findUnique({ where: { articleId } });
  if (!watch) return { outcome: 'missing' };
  const fetchedAt = new Date();
  let text: string;
  try {
    await options.pace?.(new URL(watch.url).host);
    const prepared = await prepareImport({ kind: 'url', url: watch.url }, options.fetch, {
      resolve: options.resolve,
    });
    text = normalizeArticleText(prepared.clean.text);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await prisma.articleWatch.update({
      where: { articleId },
      data: {
        lastError: error.message,
        lastCheckedAt: fetchedAt,
        nextCheckAt: nextCheck(fetchedAt, options.watchIntervalHours),
      },
    });
    return { outcome: 'failed', error: { code: error.code, message: error.message } };
  }
  const sha256 = sha256Hex(text);
  const checked = {
    textSha256: sha256,
    lastError: null,
    lastCheckedAt: fetchedAt,
    nextCheckAt: nextCheck(fetchedAt, options.watchIntervalHours),
  };
  const current = await latestRevision(prisma, articleId);
  // The same text as last time, or an article already saying it: nothing to propose.
  if (!text || sha256 === watch.textSha256 || current?.sha256 === sha256) {
    await prisma.articleWatch.update({ where: { articleId }, data: checked });
    return { outcome: 'unchanged' };
  }
  const proposal = await prisma.$transaction(async (tx) => {
    // A newer change replaces the open proposal: the editor reviews what the source says now.
    await tx.revisionProposal.updateMany({
      where: { articleId, state: 'OPEN' },
      data: { state: 'DISMISSED', decidedAt: fetchedAt },
    });
    await tx.articleWatch.update({ where: { articleId }, data: checked });
    return tx.revisionProposal.create({
      data: { articleId, url: watch.url, fetchedAt, text, sha256 },
    });
  });
  return { outcome: 'proposed', proposalId: proposal.id };
}

async function getOpenProposalOrThrow(prisma: Tx | PrismaClient, articleId: string, id: string) {
  const proposal = await prisma.revisionProposal.findFirst({ where: { id, articleId } });
  if (!proposal) throw notFound('The revision proposal');
  if (proposal.state !== 'OPEN') {
    throw new AppError(
      'conflict',
      proposal.state === 'ACCEPTED'
        ? 'This proposal was accepted already.'
        : 'This proposal was dismissed or replaced by a newer one.',
    );
  }
  return proposal;
}

/**
 * Accepts an open proposal: its text becomes the article's next revision (through
 * `reviseArticleIn`: highlights re-anchored, changed claims back to review; when the article
 * already has that text, the current revision, with `summary` null), and the proposal is marked
 * accepted and audited as `revision_proposal.accept`, all in one transaction: a dismissal or a
 * newer proposal committed meanwhile makes it a 409 that saved nothing. 404 for an unknown
 * proposal, 409 when it is no longer open or the article changed meanwhile, 403 for a role
 * that cannot edit.
 */
export async function acceptProposal(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
  proposalId: string,
  baseRevisionId: string,
) {
  requireAnnotator(user);
  const proposal = await getOpenProposalOrThrow(prisma, articleId, proposalId);
  return prisma.$transaction(
    async (tx) => {
      const current = await latestRevision(tx, articleId);
      // Someone made the article say this already: nothing to write, the proposal is settled.
      const revised =
        current?.id === baseRevisionId && current.sha256 === proposal.sha256
          ? { revision: { id: current.id, number: current.number }, summary: null }
          : await reviseArticleIn(
              tx,
              user,
              articleId,
              { baseRevisionId, text: proposal.text },
              sha256Hex,
            );
      // One decided or replaced meanwhile wins, and this transaction, its revision included,
      // is undone.
      await decideProposal(tx, user, proposal, {
        state: 'ACCEPTED',
        revisionId: revised.revision.id,
      });
      return revised;
    },
    { timeout: REVISION_TIMEOUT_MS },
  );
}

/**
 * Dismisses an open proposal (the article stays as it is), audited as
 * `revision_proposal.dismiss` with who did it, in the same transaction. 404 unknown, 409 not
 * open (of two dismissals at once, one is recorded).
 */
export async function dismissProposal(
  prisma: PrismaClient,
  user: SessionUser,
  articleId: string,
  proposalId: string,
): Promise<void> {
  requireAnnotator(user);
  const proposal = await getOpenProposalOrThrow(prisma, articleId, proposalId);
  await prisma.$transaction((tx) => decideProposal(tx, user, proposal, { state: 'DISMISSED' }));
}

/**
 * Records a decision on a proposal read as open, only while it still is (a dismissal,
 * acceptance or newer proposal committed meanwhile wins: 409, the same answer as had it been
 * decided before), with its audit row (`revision_proposal.accept` or `.dismiss`).
 */
async function decideProposal(
  tx: Tx,
  user: SessionUser,
  proposal: { id: string; articleId: string; url: string; fetchedAt: Date; sha256: string },
  decision: { state: 'ACCEPTED'; revisionId: string } | { state: 'DISMISSED' },
): Promise<void> {
  const { count } = await tx.revisionProposal.updateMany({
    where: { id: proposal.id, state: 'OPEN' },
    data: { ...decision, decidedById: user.id, decidedAt: new Date() },
  });
  if (!count) {
    await getOpenProposalOrThrow(tx, proposal.articleId, proposal.id);
    throw new AppError('conflict', 'This proposal was decided meanwhile.');
  }
  const { articleId } = proposal;
  await tx.auditEvent.create({
    data: {
      actorId: user.id,
      action:
        decision.state === 'ACCEPTED' ? 'revision_proposal.accept' : 'revision_proposal.dismiss',
      entityType: 'RevisionProposal',
      entityId: proposal.id,
      before: {
        articleId,
        state: 'OPEN',
        url: proposal.url,
        fetchedAt: proposal.fetchedAt.toISOString(),
        sha256: proposal.sha256,
      },
      after: { articleId, ...decision },
    },
  });
}

/**
 * The watch of an article as the page shows it: the address, when it was last checked, the
 * last error, and the open proposal with its word diff against the current text. Null when the
 * article is not watched.
 */
export async function getArticleWatchView(
  prisma: PrismaClient,
  articleId: string,
): Promise<ArticleWatchDTO | null> {
  const watch = await prisma.articleWatch.findUnique({ where: { articleId } });
  if (!watch) return null;
  const proposal = await prisma.revisionProposal.findFirst({
    where: { articleId, state: 'OPEN' },
    orderBy: { createdAt: 'desc' },
  });
  const current = proposal ? await latestRevision(prisma, articleId) : null;
  return {
    url: watch.url,
    lastCheckedAt: watch.lastCheckedAt?.toISOString() ?? null,
    nextCheckAt: watch.nextCheckAt?.toISOString() ?? null,
    lastError: watch.lastError,
    proposal:
      proposal && current
        ? {
            id: proposal.id,
            url: proposal.url,
            fetchedAt: proposal.fetchedAt.toISOString(),
            baseRevisionId: current.id,
            baseRevisionNumber: current.number,
            ...diffProposal(current.text, proposal.text),
          }
        : null,
  };
}

/** An article whose source changed since its latest revision, waiting for a decision. */
export interface OpenProposalDTO {
  id: string;
  articleId: string;
  articleTitle: string;
  url: string;
  fetchedAt: string;
}

/** Every open revision proposal, newest first (the "Changed sources" page lists them). */
export async function listOpenProposals(prisma: PrismaClient): Promise<OpenProposalDTO[]> {
  const rows = await prisma.revisionProposal.findMany({
    where: { state: 'OPEN' },
    orderBy: [{ fetchedAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      url: true,
      fetchedAt: true,
      article: { select: { id: true, title: true } },
    },
    take: 500,
  });
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article.id,
    articleTitle: row.article.title,
    url: row.url,
    fetchedAt: row.fetchedAt.toISOString(),
  }));
}

/** Articles whose watch is due, oldest first. */
export async function dueArticles(prisma: PrismaClient, now: Date, limit = 10_000) {
  const rows = await prisma.articleWatch.findMany({
    where: { OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
    orderBy: { nextCheckAt: { sort: 'asc', nulls: 'first' } },
    select: { articleId: true },
    take: limit,
  });
  return rows.map((r) => r.articleId);
}
