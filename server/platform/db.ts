/** The one Prisma client of the process (reused across hot reloads in development). */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';
import { getEnv } from './env';
import { prismaTypes } from './pg-types';

const globalForPrisma = globalThis as unknown as {
  factmarkPrisma?: PrismaClient;
  factmarkPgPools?: WeakMap<PrismaClient, pg.Pool>;
};

/**
 * The pg pool under each client made by `createPrismaClient`. Kept on `globalThis` like the
 * client itself: Next.js may load this module once per bundle layer (pages, route handlers),
 * and each copy must find the pool of the one shared client.
 */
const pools = (globalForPrisma.factmarkPgPools ??= new WeakMap());

/** Creates a client for `databaseUrl` (scripts and tests that manage their own lifetime). */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Fail fast when the database is down, so /api/health answers 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    max: Number(process.env.FACTMARK_DB_POOL_SIZE ?? 10),
  });
  // The client owns the pool: `$disconnect()` ends it, as it would end a pool of its own.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The pg pool the client's queries run on, for the few bulk reads where Prisma's row mapping
 * costs more than the database (the claims exports, issue #13). Throws for a client that was
 * not made by `createPrismaClient`.
 */
export function pgPool(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('This Prisma client was not created by createPrismaClient.');
  return pool;
}

/**
 * The rows of `sql` (a `Prisma.sql` template) as objects, read through the client's pg pool:
 * what `$queryRaw` answers for the same SQL (timestamps as UTC Dates, ints and floats as
 * numbers, json parsed), for reads on every request. `$queryRaw` spent 0.5-1.5 ms more of the
 * app's CPU per call than the pool (its query interpreter and tracing); a search or a library
 * page runs three or four statements.
 */
export async function queryRows<T>(
  prisma: PrismaClient,
  sql: Prisma.Sql,
  client?: pg.PoolClient,
): Promise<T[]> {
  const config = { text: sql.text, values: sql.values as unknown[], types: prismaTypes };
  const result = await (client ?? pgPool(prisma)).query<T & pg.QueryResultRow>(config);
  return result.rows;
}

/**
 * Runs `read` on one connection inside a transaction that first runs `setup` (plain SQL, one
 * round trip with the BEGIN: e.g. `SET LOCAL` planner settings), and commits; rolls back on
 * error. For reads only.
 */
export async function readInTransaction<T>(
  prisma: PrismaClient,
  setup: string,
  read: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pgPool(prisma).connect();
  try {
    await client.query(`BEGIN; ${setup}`);
    const result = await read(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection whose transaction cannot be ended is not given back to the pool.
    await client.query('ROLLBACK').then(
      () => client.release(),
      (rollback: Error) => client.release(rollback),
    );
    throw error;
  }
}

/** The shared client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  globalForPrisma.factmarkPrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.factmarkPrisma;
}

export type { PrismaClient };
