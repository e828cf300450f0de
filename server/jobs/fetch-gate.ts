/**
 * The fetch limits of background work, kept in PostgreSQL so that they hold across every app
 * instance and worker process on one database (issue #15):
 * - at most `concurrency` fetches at once in all, and `perHost` at once to one host: session
 *   advisory locks (`jobs.take_fetch_slots`), held on a connection of this gate's own pool for
 *   the fetch and freed when it ends, or when a killed process's connection closes;
 * - two fetches to one host start at least `hostIntervalMs` apart: the next start time per host
 *   is booked in `jobs.host_pace`, one row lock per booking.
 * A task that finds no free slot waits: it tries again when a task of this process ends, and
 * every `pollMs` for slots freed by other processes.
 */
import pg from 'pg';

export interface FetchGateOptions {
  concurrency: number;
  perHost: number;
  hostIntervalMs: number;
  /** How often a waiting task looks for slots freed elsewhere. Default 100 ms. */
  pollMs?: number;
}

export interface FetchGate {
  /** Runs `task` within the limits for `host` (a URL's host, with its port). */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs one SQL statement and returns its rows: a pg client, or Prisma's raw query. */
export type RawQuery = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

const PACE_SQL = `
  INSERT INTO jobs.host_pace AS p (host, next_start)
  VALUES ($1, now() + make_interval(secs => $2::float8 / 1000))
  ON CONFLICT (host) DO UPDATE
    SET next_start = greatest(p.next_start, now()) + make_interval(secs => $2::float8 / 1000)
  RETURNING greatest(0, extract(epoch FROM p.next_start - now()) * 1000 - $2)::float8 AS wait`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Books the next start of a fetch to `host`, at least `intervalMs` after the one booked before
 * it by any process, and waits until then. Interactive fetches (a user citing a page) take only
 * this, not the slots: a person waits for them.
 */
export async function paceHost(query: RawQuery, host: string, intervalMs: number): Promise<void> {
  if (!intervalMs) return;
  const [row] = await query<{ wait: number }>(PACE_SQL, [host, intervalMs]);
  if (row && row.wait > 0) await sleep(row.wait);
}

/**
 * The pace of a fetch a person waits for ("Check now", archiving a source): it keeps the host's
 * rate limit (`paceHost` on the app's database) but takes no fetch slot.
 */
export function paceForPerson(
  prisma: Parameters<typeof prismaQuery>[0],
  intervalMs: number,
): (host: string) => Promise<void> {
  return (host) => paceHost(prismaQuery(prisma), host, intervalMs);
}

/** A host's pace row is kept this long after its last booked start, then pruned. */
export const HOST_PACE_KEPT_MS = 60 * 60 * 1000;

/**
 * Forgets the hosts whose last booked start is more than `HOST_PACE_KEPT_MS` ago (their next
 * fetch may start at once, as without a row); returns how many. Run by the evidence sweep.
 */
export async function pruneHostPace(query: RawQuery): Promise<number> {
  const rows = await query<{ host: string }>(
    `DELETE FROM jobs.host_pace
      WHERE next_start < now() - make_interval(secs => $1::float8 / 1000) RETURNING host`,
    [HOST_PACE_KEPT_MS],
  );
  return rows.length;
}

/** Prisma's raw query as a RawQuery. */
export function prismaQuery(prisma: {
  $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T>;
}): RawQuery {
  return <Row>(sql: string, params: unknown[]) => prisma.$queryRawUnsafe<Row[]>(sql, ...params);
}

export function createFetchGate(databaseUrl: string, options: FetchGateOptions): FetchGate {
  const { concurrency, perHost, hostIntervalMs, pollMs = 100 } = options;
  // One connection per fetch this process runs at once: the locks live on it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  // A lost connection frees its locks; the fetch in progress just finishes unguarded.
  pool.on('error', () => {});
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  const acquire = async (host: string): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    try {
      for (;;) {
        const { rows } = await client.query<{ taken: boolean }>(
          'SELECT jobs.take_fetch_slots($1, $2, $3) AS taken',
          [host, concurrency, perHost],
        );
        if (rows[0]?.taken) return client;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          // Jittered, so that waiting processes do not all ask at the same moment.
          const timer = setTimeout(wake, pollMs * (0.5 + Math.random()));
          waiters.add(wake);
        });
      }
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };

  return {
    async run(host, task) {
      const client = await acquire(host);
      let broken: Error | undefined;
      try {
        await paceHost(
          (sql, params) => client.query(sql, params).then((result) => result.rows),
          host,
          hostIntervalMs,
        );
        return await task();
      } finally {
        try {
          await client.query('SELECT pg_advisory_unlock_all()');
        } catch (error) {
          // Closing the connection frees its locks too.
          broken = error as Error;
        }
        client.release(broken);
        wakeAll();
      }
    },
    close: () => pool.end(),
  };
}
