/**
 * Settings of evidence archiving and source watching (environment variables, read once and
 * validated; the fetch limits and refusals are the URL import's, see ../import/settings):
 * - FACTMARK_EVIDENCE_DIR: folder of the content-addressed blob store. Default `.data/evidence`.
 * - FACTMARK_WATCH_INTERVAL_HOURS: how often a cited source is re-fetched. Default 24.
 * - FACTMARK_FETCH_CONCURRENCY: background fetches at once, in all the app instances and
 *   workers on one database together. Default 8.
 * - FACTMARK_FETCH_PER_HOST: background fetches to one host at once, in all of them together.
 *   Default 2.
 * - FACTMARK_FETCH_HOST_INTERVAL_MS: least time between the starts of two fetches to one host,
 *   from any process (the per-host rate limit; a user's own fetch keeps it too). Default 25:
 *   at most 40 a second, on top of the 2 at once. 0 turns it off.
 * - FACTMARK_JOB_EXPIRE_SECONDS: a job still running after this is taken for dead (its worker
 *   was killed) and retried. Default 120.
 * - FACTMARK_JOB_RETRY_DELAY_SECONDS: first retry delay of a failed job, doubled on each
 *   further failure. Default 60.
 */
import { join } from 'node:path';

export interface EvidenceSettings {
  dir: string;
  watchIntervalHours: number;
  concurrency: number;
  perHost: number;
  hostIntervalMs: number;
  expireSeconds: number;
  retryDelaySeconds: number;
}

function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The evidence settings from `env`; throws an Error naming a malformed variable. */
export function evidenceSettings(env: NodeJS.ProcessEnv = process.env): EvidenceSettings {
  return {
    dir: env.FACTMARK_EVIDENCE_DIR || join(process.cwd(), '.data', 'evidence'),
    watchIntervalHours: wholeNumber(env, 'FACTMARK_WATCH_INTERVAL_HOURS', 24, 1, 24 * 365),
    concurrency: wholeNumber(env, 'FACTMARK_FETCH_CONCURRENCY', 8, 1, 256),
    perHost: wholeNumber(env, 'FACTMARK_FETCH_PER_HOST', 2, 1, 64),
    hostIntervalMs: wholeNumber(env, 'FACTMARK_FETCH_HOST_INTERVAL_MS', 25, 0, 60_000),
    expireSeconds: wholeNumber(env, 'FACTMARK_JOB_EXPIRE_SECONDS', 120, 5, 86_400),
    retryDelaySeconds: wholeNumber(env, 'FACTMARK_JOB_RETRY_DELAY_SECONDS', 60, 1, 86_400),
  };
}
