/**
 * What `npm start`, `npm run dev`, the CLI and the test run share before the app can serve:
 * a database (DATABASE_URL or the embedded one), migrated, and a session secret.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureAppRole, isSuperuser } from './db-roles';
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
  /** The owner's URL: migrations, demo seed, command-line tools. */
  url: string;
  /** The URL the app server connects with: the non-superuser app role when embedded. */
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (nothing embedded starts; MIGRATION_DATABASE_URL, when set, is the
 * owner role that runs the migrations); otherwise the embedded PostgreSQL under .data/postgres,
 * which keeps its data across restarts and gets the app role set up automatically. Then applies
 * pending migrations as the owner. Warns when the app would connect as a superuser.
 */
export async function openDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  let database: OpenDatabase;
  if (process.env.DATABASE_URL) {
    database = {
      url: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
      appUrl: process.env.DATABASE_URL,
      embedded: false,
      stop: async () => {},
    };
  } else {
    const port = Number(process.env.FACTMARK_PG_PORT ?? DEFAULT_EMBEDDED_PG_PORT);
    log(`Starting the embedded PostgreSQL (port ${port})…`);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(DATA_DIR, 'postgres'),
      port,
      database: 'factmark',
      persistent: true,
      verbose: process.env.FACTMARK_PG_VERBOSE === '1',
    });
    log(
      embedded.dataDir === resolve(DATA_DIR, 'postgres')
        ? 'PostgreSQL keeps its data in .data/postgres.'
        : `The OS user postgres cannot enter this checkout, so PostgreSQL keeps its data in ` +
            `${embedded.dataDir} (set FACTMARK_PG_HOME to choose another place).`,
    );
    database = { url: embedded.url, appUrl: embedded.url, embedded: true, stop: embedded.stop };
  }
  const { applied } = await migrate(database.url, {
    migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations'),
    log,
  });
  if (applied.length === 0) log('Database schema is up to date.');
  if (database.embedded) {
    const password = readOrCreateSecret(join(DATA_DIR, 'postgres.app-password'));
    database.appUrl = (await ensureAppRole(database.url, { password })).url;
  } else if (await isSuperuser(database.appUrl)) {
    log(
      'WARNING: DATABASE_URL connects as a PostgreSQL superuser, which can rewrite or erase the ' +
        'audit log. Create a non-superuser app role (see "Running it for real" in the README), ' +
        'put it in DATABASE_URL and the owner in MIGRATION_DATABASE_URL.',
    );
  }
  return database;
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
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
