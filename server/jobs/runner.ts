/**
 * The background worker: re-checks of cited sources and watched articles from the queue, within
 * the fetch limits shared by every process on the database (`concurrency` at once in all,
 * `perHost` at once and one start per `hostIntervalMs` to a host: ./fetch-gate), and the sweep
 * that queues the sources due for a re-check. `npm start` runs one in its own process (FACTMARK_WORKER=off turns it off);
 * `npm run worker` runs more on any machine that reaches the database.
 */
import type PgBoss from 'pg-boss';
import type { PrismaClient } from '../platform/db';
import type { ImportSettings } from '../import/settings';
import type { Resolver } from '../import/fetch-url';
import { recheckSource, dueSources } from '../evidence/watch';
import { cleanCapture } from '../evidence/capture';
import { dueArticles, recheckArticle } from '../evidence/article-watch';
import type { EvidenceSettings } from '../evidence/settings';
import { createFetchGate, prismaQuery, pruneHostPace } from './fetch-gate';
import {
  ARTICLE_RECHECK_QUEUE,
  CLEAN_QUEUE,
  enqueueArticleRechecks,
  enqueueCleans,
  enqueueRechecks,
  openQueue,
  RECHECK_QUEUE,
  SWEEP_CRON,
  SWEEP_QUEUE,
  type ArticleRecheckJob,
  type CleanJob,
  type RecheckJob,
} from './queue';

/** Fetch failures worth another try later; a refused address or a 404 will not heal. */
const RETRIED_CODES = new Set(['fetch_failed', 'fetch_timeout']);

export interface RunnerOptions {
  databaseUrl: string;
  prisma: PrismaClient;
  evidence: EvidenceSettings;
  fetch: ImportSettings;
  resolve?: Resolver;
  /** Called after each finished re-check (tests, logs). */
  onRecheck?: (sourceId: string, outcome: string) => void;
  /** Called after each cleaned capture (tests). */
  onClean?: (captureId: string) => void;
  /** Called after each re-checked article (tests). */
  onArticleRecheck?: (articleId: string, outcome: string) => void;
  log?: (line: string) => void;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** Starts the workers and the sweep schedule; `stop()` lets running jobs finish. */
export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const { prisma, evidence } = options;
  const boss = await openQueue(options.databaseUrl, {
    expireSeconds: evidence.expireSeconds,
    retryDelaySeconds: evidence.retryDelaySeconds,
  });
  const gate = createFetchGate(options.databaseUrl, {
    concurrency: evidence.concurrency,
    perHost: evidence.perHost,
    hostIntervalMs: evidence.hostIntervalMs,
  });
  const watch = {
    dir: evidence.dir,
    fetch: options.fetch,
    resolve: options.resolve,
    watchIntervalHours: evidence.watchIntervalHours,
  };

  const recheck = async ([job]: PgBoss.Job<RecheckJob>[]) => {
    if (!job) return;
    const { sourceId } = job.data;
    const source = await prisma.evidenceSource.findUnique({
      where: { id: sourceId },
      select: { url: true },
    });
    if (!source) return;
    const host = new URL(source.url).host;
    const result = await gate.run(host, () => recheckSource(prisma, sourceId, watch));
    options.onRecheck?.(sourceId, result.outcome);
    if (result.outcome === 'failed' && RETRIED_CODES.has(result.error.code)) {
      // Thrown so pg-boss retries with backoff; the message is what admins see.
      throw new Error(result.error.message);
    }
    return result;
  };
  for (let i = 0; i < evidence.concurrency; i++) {
    // pg-boss waits out the polling interval after every fetch, found work or not, so a worker
    // would take at most one job a second. Notifying the worker after each job makes it fetch
    // again at once: it waits only when the queue was empty.
    let workerId: string | null = null;
    workerId = await boss.work<RecheckJob>(
      RECHECK_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async (jobs) => {
        try {
          return await recheck(jobs);
        } finally {
          if (workerId && jobs.length) boss.notifyWorker(workerId);
        }
      },
    );
  }
  // Cleaning runs the import cleaner (seconds of CPU on a large page): one at a time per process.
  await boss.work<CleanJob>(
    CLEAN_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 2 },
    async ([job]) => {
      if (!job) return;
      const capture = await prisma.evidenceCapture.findUnique({
        where: { id: job.data.captureId },
      });
      if (!capture) return;
      const text = await cleanCapture(prisma, evidence.dir, capture);
      options.onClean?.(capture.id);
      return { length: text?.length ?? null };
    },
  );
  // Watched articles: fetched and cleaned like an import, within the same per-host limit.
  await boss.work<ArticleRecheckJob>(
    ARTICLE_RECHECK_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 2 },
    async ([job]) => {
      if (!job) return;
      const { articleId } = job.data;
      const row = await prisma.articleWatch.findUnique({
        where: { articleId },
        select: { url: true },
      });
      if (!row) return;
      const result = await gate.run(new URL(row.url).host, () =>
        recheckArticle(prisma, articleId, watch),
      );
      options.onArticleRecheck?.(articleId, result.outcome);
      if (result.outcome === 'failed' && RETRIED_CODES.has(result.error.code)) {
        throw new Error(result.error.message);
      }
      return result;
    },
  );
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const due = await dueSources(prisma, new Date());
    await enqueueRechecks(boss, due);
    const dueWatches = await dueArticles(prisma, new Date());
    await enqueueArticleRechecks(boss, dueWatches);
    // Captures whose cleaning could not be queued when they were stored.
    const uncleaned = await prisma.evidenceCapture.findMany({
      where: { cleanTextSha256: null },
      select: { id: true },
      take: 10_000,
    });
    await enqueueCleans(
      boss,
      uncleaned.map((c) => c.id),
    );
    const forgotten = await pruneHostPace(prismaQuery(prisma));
    return {
      queued: due.length,
      articles: dueWatches.length,
      cleaning: uncleaned.length,
      hostsForgotten: forgotten,
    };
  });
  await boss.schedule(SWEEP_QUEUE, SWEEP_CRON);
  options.log?.(
    `Job worker started: ${evidence.concurrency} fetches at once, ${evidence.perHost} per host ` +
      `(across all workers on this database), ${evidence.hostIntervalMs} ms between two starts to a host.`,
  );
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000 });
      await gate.close();
    },
  };
}
