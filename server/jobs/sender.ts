/**
 * The app instance's way to queue jobs: one pg-boss client per process that only sends (no
 * workers, no maintenance, no schedule), opened on first use against the app's own database.
 * The workers (`npm start`'s worker process, `npm run worker`) run what it queues.
 */
import type PgBoss from 'pg-boss';
import { getEnv } from '../platform/env';
import { evidenceSettings } from '../evidence/settings';
import { enqueueCleans, openQueue } from './queue';

const globalForJobs = globalThis as unknown as { factmarkJobSender?: Promise<PgBoss> };

/** The process's sending client; a failed start is forgotten so the next call tries again. */
export function jobSender(): Promise<PgBoss> {
  if (!globalForJobs.factmarkJobSender) {
    const settings = evidenceSettings();
    globalForJobs.factmarkJobSender = openQueue(
      getEnv().DATABASE_URL,
      { expireSeconds: settings.expireSeconds, retryDelaySeconds: settings.retryDelaySeconds },
      { supervise: false, schedule: false },
    ).catch((error: unknown) => {
      globalForJobs.factmarkJobSender = undefined;
      throw error;
    });
  }
  return globalForJobs.factmarkJobSender;
}

/** Queues the cleaning of a stored copy (ArchiveOptions.queueClean for the app's routes). */
export async function queueClean(captureId: string): Promise<void> {
  await enqueueCleans(await jobSender(), [captureId]);
}
