/** The one Prisma client of the process (reused across hot reloads in development). */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { getEnv } from './env';

const globalForPrisma = globalThis as unknown as { factmarkPrisma?: PrismaClient };

/** Creates a client for `databaseUrl` (scripts and tests that manage their own lifetime). */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    // Fail fast when the database is down, so /api/health answers 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    max: Number(process.env.FACTMARK_DB_POOL_SIZE ?? 10),
  });
  return new PrismaClient({ adapter });
}

/** The shared client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  globalForPrisma.factmarkPrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.factmarkPrisma;
}

export type { PrismaClient };
