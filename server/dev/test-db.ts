/**
 * Fresh, migrated databases for the server tests, on the PostgreSQL cluster the test run
 * started (npm test sets FACTMARK_TEST_PG_ADMIN_URL). Each call makes its own database, so
 * tests never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from './bootstrap';
import { createPrismaClient, type PrismaClient } from '../platform/db';
import { createDatabaseIfMissing } from './embedded-postgres';
import { migrate } from './migrate';
import type { Role } from '@/lib/domain';
import { createUser, type SessionUser } from '../users';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export function testAdminUrl(): string {
  const url = process.env.FACTMARK_TEST_PG_ADMIN_URL;
  if (!url)
    throw new Error(
      'FACTMARK_TEST_PG_ADMIN_URL is not set: run the server tests through `npm test`.',
    );
  return url;
}

/** Creates an empty database (not migrated) and returns its URL. */
export async function createEmptyDatabase(prefix = 'test'): Promise<{ url: string; name: string }> {
  const admin = testAdminUrl();
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await createDatabaseIfMissing(admin, name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: testAdminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A new migrated database with a Prisma client; `drop()` disconnects and removes it. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const { url, name } = await createEmptyDatabase(prefix);
  await migrate(url, { migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations') });
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(name);
    },
  };
}

/** A user for a test, named after its email's local part (the password passes the policy). */
export async function createTestUser(
  prisma: PrismaClient,
  email: string,
  role: Role,
): Promise<SessionUser> {
  const user = await createUser(
    prisma,
    { email, name: email.split('@')[0]!, role, password: 'long enough pw' },
    null,
  );
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
