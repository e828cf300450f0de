/**
 * The job queue: pg-boss on the app's own PostgreSQL (schema `pgboss`, created and migrated by
 * pg-boss on start). Jobs survive restarts; each is fetched by exactly one worker across all
 * instances (SELECT … FOR UPDATE SKIP LOCKED); a failed job is retried with exponential backoff;
 * a job whose worker died is expired after `expireSeconds` by pg-boss's maintenance (which runs
 * on one instance at a time) and retried like a failure.
 */
import PgBoss from 'pg-boss';

export const RECHECK_QUEUE = 'evidence-recheck';
export const SWEEP_QUEUE = 'evidence-sweep';
/** Making a capture's cleaned article text (the import cleaner), off the archiving request. */
export const CLEAN_QUEUE = 'evidence-clean';
/** How often the sweep looks for sources due for a re-check (their interval decides). */
export const SWEEP_CRON = '*/10 * * * *';
export const RETRY_LIMIT = 4;

export interface QueueSettings {
  expireSeconds: number;
  retryDelaySeconds: number;
}

export interface RecheckJob {
  sourceId: string;
}

export interface CleanJob {
  captureId: string;
}

/**
 * Starts a pg-boss client. `supervise` runs maintenance (expiry, retention) and `schedule` the
 * cron timekeeper; both are safe on every instance (pg-boss lets one do the work at a time).
 */
export async function openQueue(
  databaseUrl: string,
  settings: QueueSettings,
  { supervise = true, schedule = true }: { supervise?: boolean; schedule?: boolean } = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    supervise,
    schedule,
    maintenanceIntervalSeconds: Math.min(60, settings.expireSeconds),
    application_name: 'factmark-jobs',
  });
  boss.on('error', (error: unknown) =>
    console.error(`[factmark jobs] ${error instanceof Error ? error.message : String(error)}`),
  );
  await boss.start();
  // One queued and one running re-check per source at most (policy "stately" by singletonKey).
  await boss.createQueue(RECHECK_QUEUE, {
    name: RECHECK_QUEUE,
    policy: 'stately',
    retryLimit: RETRY_LIMIT,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireSeconds,
  });
  // One queued cleaning per capture at most.
  await boss.createQueue(CLEAN_QUEUE, {
    name: CLEAN_QUEUE,
    policy: 'stately',
    retryLimit: RETRY_LIMIT,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireSeconds,
  });
  await boss.createQueue(SWEEP_QUEUE, {
    name: SWEEP_QUEUE,
    policy: 'singleton',
    expireInSeconds: settings.expireSeconds,
  });
  return boss;
}

/** Queues a re-check of each source (one per source already queued is kept, not doubled). */
export async function enqueueRechecks(boss: PgBoss, sourceIds: readonly string[]): Promise<void> {
  for (let i = 0; i < sourceIds.length; i += 500) {
    await boss.insert(
      sourceIds.slice(i, i + 500).map((sourceId) => ({
        name: RECHECK_QUEUE,
        data: { sourceId } satisfies RecheckJob,
        singletonKey: sourceId,
      })),
    );
  }
}

/** Queues the cleaning of each capture (one queued per capture is kept, not doubled). */
export async function enqueueCleans(boss: PgBoss, captureIds: readonly string[]): Promise<void> {
  for (let i = 0; i < captureIds.length; i += 500) {
    await boss.insert(
      captureIds.slice(i, i + 500).map((captureId) => ({
        name: CLEAN_QUEUE,
        data: { captureId } satisfies CleanJob,
        singletonKey: captureId,
      })),
    );
  }
}
