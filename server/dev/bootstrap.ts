/**
 * What `npm start`, `npm run dev`, the CLI and the test run share before the app can serve:
 * a database (DATABASE_URL or the embedded one), migrated, and a session secret.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrate } from './migrate';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const DATA_DIR = join(PROJECT_ROOT, '.data');
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

/** Loads `.env` from the project root when present (variables already set win). */
export function loadDotEnv(): void {
  const file = join(PROJECT_ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (nothing embedded starts); otherwise the embedded PostgreSQL under
 * .data/postgres, which keeps its data across restarts. Then applies pending migrations.
 */
export async function openDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  let database: OpenDatabase;
  if (process.env.DATABASE_URL) {
    database = { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const port = Number(process.env.FACTMARK_PG_PORT ?? DEFAULT_EMBEDDED_PG_PORT);
    log(`Starting the embedded PostgreSQL (data in .data/postgres, port ${port})…`);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(DATA_DIR, 'postgres'),
      port,
      database: 'factmark',
      persistent: true,
      verbose: process.env.FACTMARK_PG_VERBOSE === '1',
    });
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  const { applied } = await migrate(database.url, {
    migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations'),
    log,
  });
  if (applied.length === 0) log('Database schema is up to date.');
  return database;
}

/**
 * NEXTAUTH_SECRET when set; otherwise one generated on first start and kept in
 * .data/nextauth-secret (readable by its owner only), so sessions survive restarts.
 */
export function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(DATA_DIR, 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
