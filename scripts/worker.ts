/**
 * `npm run worker`: a background worker (source re-checks, the watch schedule) against
 * DATABASE_URL, or the embedded database `npm start` runs on this machine. Run as many as
 * wanted, anywhere: each job runs once across all of them. Stops on SIGINT/SIGTERM after the
 * running jobs finish.
 */
import { loadDotEnv, openDatabase } from '../server/dev/bootstrap';
import { startWorkerFromEnv } from '../server/jobs/start-worker';

const log = (line: string) => console.log(`[factmark worker] ${line}`);

async function main() {
  loadDotEnv();
  const database = await openDatabase(log);
  const worker = await startWorkerFromEnv(database.url, log);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('Stopping after the running jobs…');
    await worker.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[factmark worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
