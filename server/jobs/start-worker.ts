/**
 * Starts the job runner from the process settings: `npm start` (in its own process unless
 * FACTMARK_WORKER=off) and `npm run worker` both come here.
 */
import { createPrismaClient } from '../platform/db';
import { evidenceSettings } from '../evidence/settings';
import { importSettings } from '../import/settings';
import { startJobRunner, type JobRunner } from './runner';

/** True unless FACTMARK_WORKER=off; throws on any other value than on/off. */
export function workerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.FACTMARK_WORKER ?? 'on';
  if (value !== 'on' && value !== 'off') {
    throw new Error(`FACTMARK_WORKER must be "on" or "off", not "${value}".`);
  }
  return value === 'on';
}

export async function startWorkerFromEnv(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<JobRunner & { close(): Promise<void> }> {
  const prisma = createPrismaClient(databaseUrl);
  const runner = await startJobRunner({
    databaseUrl,
    prisma,
    evidence: evidenceSettings(),
    fetch: importSettings(),
    log,
  });
  return {
    ...runner,
    close: async () => {
      await runner.stop();
      await prisma.$disconnect();
    },
  };
}
