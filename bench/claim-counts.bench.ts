/**
 * What the library's claim counts cost claim actions (issues #17, #10), at the database level so
 * the figures are not drowned by HTTP and Next.js on a shared machine: the same workload on two
 * databases of one cluster, one migrated up to the migration before BEFORE_MIGRATION (counts
 * recounted under the article's row lock in each action's transaction) and one migrated fully
 * (deltas appended, folded on read). 20 clients in ONE article that already has CLAIMS claims,
 * each running a claim-action transaction every 500 ms (open loop): create a claim with its span,
 * change its review state, link a second span, remove it. Each transaction locks its claim as
 * the rulebook does and holds the transaction open for a 2 ms round trip before committing, as
 * the app's interactive transactions do. Prints p50/p95/max per database; asserts nothing.
 *
 *   npx tsx bench/claim-counts.bench.ts [seconds] [claims]
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../server/dev/bootstrap';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '../server/dev/embedded-postgres';
import { migrate } from '../server/dev/migrate';
import { log, percentile } from './harness';

const SECONDS = Number(process.argv[2] ?? 20);
const CLAIMS = Number(process.argv[3] ?? 2000);
const CLIENTS = 20;
const INTERVAL_MS = 500;
const BEFORE_MIGRATION = '20261202170000_claim_count_deltas';
const TEXT = 'The second round of talks was attended by 37 people from 12 groups. '.repeat(50);

async function prepare(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const user = randomUUID();
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $1, 'B', 'x', now())`,
    [user],
  );
  await db.query(
    `INSERT INTO "Article" (id, title, "createdById", "updatedAt") VALUES ('art', 'Bench', $1, now())`,
    [user],
  );
  await db.query(
    `INSERT INTO "ArticleRevision" (id, "articleId", number, text, sha256, "createdById")
     VALUES ('rev', 'art', 1, $1, 'x', $2)`,
    [TEXT, user],
  );
  await db.query(
    `INSERT INTO "Claim" (id, text, "authorId", "updatedAt")
     SELECT 'c' || i, 'Claim ' || i, $1, now() FROM generate_series(1, $2::int) i`,
    [user, CLAIMS],
  );
  await db.query(
    `INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact, prefix, suffix, "createdById", "updatedAt")
     SELECT 'a' || i, 'c' || i, 'art', 'rev', 0, 5, 'The s', '', '', $1, now() FROM generate_series(1, $2::int) i`,
    [user, CLAIMS],
  );
  await db.query('ANALYZE');
  await db.end();
  return user;
}

async function run(url: string, user: string) {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  const times: number[][] = [[], [], [], []];
  const tx = async (work: (c: pg.PoolClient) => Promise<void>) => {
    const started = performance.now();
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await work(c);
      await new Promise((r) => setTimeout(r, 2));
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    } finally {
      c.release();
    }
    return performance.now() - started;
  };
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, n) => {
      await new Promise((r) => setTimeout(r, (INTERVAL_MS / CLIENTS) * n));
      let step = 0;
      let claim = '';
      let span = '';
      while (performance.now() < until) {
        const tick = performance.now();
        const kind = step++ % 4;
        const ms = await tx(async (c) => {
          if (kind === 0) {
            claim = randomUUID();
            await c.query(
              `INSERT INTO "Claim" (id, text, "authorId", "updatedAt") VALUES ($1, 'New', $2, now())`,
              [claim, user],
            );
            await c.query(
              `INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact, prefix, suffix, "createdById", "updatedAt")
               VALUES ($1, $2, 'art', 'rev', 0, 5, 'The s', '', '', $3, now())`,
              [randomUUID(), claim, user],
            );
            return;
          }
          await c.query(`SELECT id FROM "Claim" WHERE id = $1 FOR UPDATE`, [claim]);
          if (kind === 1) {
            await c.query(`UPDATE "Claim" SET "reviewState" = 'SUBMITTED' WHERE id = $1`, [claim]);
          } else if (kind === 2) {
            span = randomUUID();
            await c.query(
              `INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact, prefix, suffix, "createdById", "updatedAt")
               VALUES ($1, $2, 'art', 'rev', 10, 15, 'ond r', '', '', $3, now())`,
              [span, claim, user],
            );
          } else {
            await c.query(`DELETE FROM "Annotation" WHERE id = $1`, [span]);
          }
        });
        times[kind]!.push(ms);
        await new Promise((r) =>
          setTimeout(r, Math.max(0, INTERVAL_MS - (performance.now() - tick))),
        );
      }
    }),
  );
  await pool.end();
  return times;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'factmark-counts-'));
  const cluster = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: 0,
    database: 'recount',
    persistent: false,
  });
  try {
    const all = join(PROJECT_ROOT, 'prisma', 'migrations');
    const older = join(work, 'migrations');
    cpSync(all, older, { recursive: true });
    for (const name of readdirSync(older)) {
      if (name >= BEFORE_MIGRATION && name !== 'migration_lock.toml') {
        rmSync(join(older, name), { recursive: true });
      }
    }
    await createDatabaseIfMissing(cluster.adminUrl, 'deltas');
    const recountUrl = cluster.url;
    const deltasUrl = cluster.url.replace(/\/recount$/, '/deltas');
    await migrate(recountUrl, { migrationsDir: older });
    await migrate(deltasUrl, { migrationsDir: all });
    const users = [await prepare(recountUrl), await prepare(deltasUrl)];
    log(
      `${CLIENTS} clients, one transaction each per ${INTERVAL_MS} ms, ${SECONDS} s, one article with ${CLAIMS} claims`,
    );
    // Alternate the two, twice, so drifting machine load hits both alike.
    const kinds = ['create', 'state', 'link', 'remove', 'all'];
    const results = {
      recount: kinds.map(() => [] as number[]),
      deltas: kinds.map(() => [] as number[]),
    };
    for (let round = 0; round < 2; round++) {
      for (const [name, url, user] of [
        ['recount', recountUrl, users[0]!],
        ['deltas', deltasUrl, users[1]!],
      ] as const) {
        const times = await run(url, user);
        times.forEach((t, k) => results[name][k]!.push(...t));
        results[name][4]!.push(...times.flat());
      }
    }
    for (const [name, byKind] of Object.entries(results)) {
      byKind.forEach((t, k) =>
        log(
          `${name.padEnd(8)} ${kinds[k]!.padEnd(7)} n=${t.length} p50 ${percentile(t, 50).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms, max ${Math.max(...t).toFixed(1)} ms`,
        ),
      );
    }
  } finally {
    await cluster.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
