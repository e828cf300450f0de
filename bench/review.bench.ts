/**
 * Review workflow benchmark, over real HTTP against the production server (scripts/serve.ts) on 127.0.0.1.
 *
 * Data: 50,000 claims on 500 articles, 5,000 of them SUBMITTED, each with a span, a piece of
 * evidence and its audit history (about 127,000 audit rows), bulk-inserted with SQL.
 * Figures (targets from issue #5):
 *   - GET /api/review-queue, first page: p95 under 50 ms with 20 concurrent clients;
 *   - GET /review (the queue page, server-rendered HTML): under 150 ms;
 *   - POST approve / request-changes (including the decision and audit rows): p95 under 40 ms,
 *     20 concurrent clients, each deciding claims of its own (10,000 decisions would exhaust the
 *     queue: REQUESTS × (CLIENTS × 2 + 1) must stay under 5,000).
 * It prints the figures; it asserts nothing (timings are no unit test).
 *
 * Run: npx tsx bench/review.bench.ts
 *   Starts its own embedded PostgreSQL in the temp folder, builds the app into .next-test when
 *   its sources changed (as `npm test` does: do not run both at once) and serves it on a free
 *   port. Environment: CLIENTS (20), REQUESTS per client (40), PACE_MS (500), PAGE_PACE_MS
 *   (2000), BENCH_DIST_DIR (.next-test).
 *
 * Targets are read under an open loop: 20 clients each sending a request every PACE_MS (people
 * working, staggered; as bench/editor.bench.ts does). A second run sends back to back, to show
 * where this machine saturates; the health and /api/me rows there are the floor any request
 * pays (framework, session cookie, the role read from the database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildIfNeeded, SERVE_ARGS } from '../scripts/build';
import { waitForHealth } from '../scripts/wait-for';
import { PROJECT_ROOT } from '../server/dev/bootstrap';
import { startEmbeddedPostgres } from '../server/dev/embedded-postgres';
import { migrate } from '../server/dev/migrate';
import { hashPassword } from '../server/platform/passwords';

const CLAIMS = 50_000;
const SUBMITTED_EVERY = 10; // every 10th claim is SUBMITTED: 5,000
const ARTICLES = 500;
const SENTENCES = 40;
const EDITORS = 20;
const REVIEWERS = 4;
const CLIENTS = Number(process.env.CLIENTS ?? 20);
const REQUESTS = Number(process.env.REQUESTS ?? 40);
/** How often each client sends a request in the paced runs (as in bench/editor.bench.ts). */
const PACE_MS = Number(process.env.PACE_MS ?? 500);
/** Reviewers open the queue page less often than a client polls the API: every 2 s each. */
const PAGE_PACE_MS = Number(process.env.PAGE_PACE_MS ?? 2000);
const PASSWORD = 'bench password 2026';
/** Build folder: the test run's by default (built only when the sources changed). */
const DIST_DIR = process.env.BENCH_DIST_DIR ?? '.next-test';
const log = (line: string) => console.log(`[bench] ${line}`);

/** Every sentence has the same length, so span offsets are arithmetic. */
const SENTENCE_SQL = `'Sentence ' || lpad(j::text, 2, '0') || ' of article ' || lpad(i::text, 4, '0') ||
  ' says that exports grew by ' || lpad(((i * j) % 50)::text, 2, '0') || ' percent last year. '`;
const SENTENCE_LENGTH =
  'Sentence 01 of article 0001 says that exports grew by 07 percent last year. '.length;
const QUOTE_OFFSET = 'Sentence 01 of article 0001 says that '.length;
const QUOTE_LENGTH = 'exports grew by 07 percent'.length;

async function seed(url: string, passwordHash: string) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // the cluster stopping after a failure is not news
  await client.connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    await client.query(sql, params);
    log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  log('seeding…');
  await q(
    'users',
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     SELECT 'bench-e-' || n, 'editor' || n || '@bench.example', 'Editor ' || n, $1, 'EDITOR'::"Role", now()
     FROM generate_series(1, ${EDITORS}) n
     UNION ALL
     SELECT 'bench-r-' || n, 'reviewer' || n || '@bench.example', 'Reviewer ' || n, $1, 'REVIEWER'::"Role", now()
     FROM generate_series(1, ${REVIEWERS}) n`,
    [passwordHash],
  );
  await q(
    'articles and revisions',
    `INSERT INTO "Article" (id, title, "createdById", "updatedAt")
     SELECT 'bench-a-' || i, 'Bench article ' || lpad(i::text, 4, '0'), 'bench-e-1', now()
     FROM generate_series(1, ${ARTICLES}) i;
     INSERT INTO "ArticleRevision" (id, "articleId", number, text, sha256, "createdById")
     SELECT 'bench-v-' || i, 'bench-a-' || i, 1, t.text, md5(t.text), 'bench-e-1'
     FROM generate_series(1, ${ARTICLES}) i,
     LATERAL (SELECT string_agg(${SENTENCE_SQL}, '' ORDER BY j) AS text
              FROM generate_series(1, ${SENTENCES}) j) t`,
  );
  await q(
    `${CLAIMS.toLocaleString('en')} claims`,
    `INSERT INTO "Claim" (id, text, verdict, rationale, "reviewState", "authorId", "lastEditedById",
                          version, "createdAt", "updatedAt")
     SELECT 'bench-c-' || n, 'Claim ' || n || ': exports grew',
            (ARRAY['TRUE','MOSTLY_TRUE','MIXED','MISLEADING','FALSE'])[1 + (n + n / 10) % 5]::"Verdict",
            'Rationale of claim ' || n || ': the figure is nominal.',
            (CASE WHEN n % ${SUBMITTED_EVERY} = 0 THEN 'SUBMITTED'
                  ELSE (ARRAY['DRAFT','APPROVED','CHANGES_REQUESTED','APPROVED'])[1 + n % 4] END)::"ReviewState",
            'bench-e-' || (1 + (n + n / 10) % ${EDITORS}), 'bench-e-' || (1 + (n + n / 10) % ${EDITORS}), 3,
            now() - ((${CLAIMS} - n) || ' minutes')::interval,
            now() - ((${CLAIMS} - n) || ' minutes')::interval
     FROM generate_series(1, ${CLAIMS}) n`,
  );
  await q(
    'spans',
    `INSERT INTO "Annotation" (id, "claimId", "articleId", "revisionId", start, "end", exact, prefix,
                               suffix, "createdById", "createdAt", "updatedAt")
     SELECT 'bench-n-' || n, 'bench-c-' || n, 'bench-a-' || a, 'bench-v-' || a,
            s, s + ${QUOTE_LENGTH}, substr(r.text, s + 1, ${QUOTE_LENGTH}),
            substr(r.text, greatest(s - 31, 1), least(s, 32)), substr(r.text, s + ${QUOTE_LENGTH} + 1, 32),
            'bench-e-' || (1 + (n + n / 10) % ${EDITORS}), now(), now()
     FROM generate_series(1, ${CLAIMS}) n,
     LATERAL (SELECT 1 + (n / 10) % ${ARTICLES} AS a, (n % ${SENTENCES}) * ${SENTENCE_LENGTH} + ${QUOTE_OFFSET} AS s) x
     JOIN "ArticleRevision" r ON r.id = 'bench-v-' || x.a`,
  );
  await q(
    'evidence',
    `INSERT INTO "Evidence" (id, "claimId", url, title, "createdById")
     SELECT 'bench-ev-' || n, 'bench-c-' || n, 'https://stats.example/exports/' || n, 'Statistics',
            'bench-e-' || (1 + (n + n / 10) % ${EDITORS})
     FROM generate_series(1, ${CLAIMS}) n`,
  );
  await q(
    'audit history',
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", before, after, "createdAt")
     SELECT 'bench-au-' || n || '-' || k, c."authorId", x.action, 'Claim', c.id, x.before, x.after,
            c."createdAt" + (k || ' seconds')::interval
     FROM generate_series(1, ${CLAIMS}) n
     JOIN "Claim" c ON c.id = 'bench-c-' || n
     CROSS JOIN LATERAL (VALUES
       (1, 'claim.create', NULL::jsonb, jsonb_build_object('text', c.text)),
       (2, 'claim.edit', jsonb_build_object('verdict', 'UNVERIFIED'), jsonb_build_object('verdict', c.verdict)),
       (3, 'claim.submit', jsonb_build_object('reviewState', 'DRAFT'), jsonb_build_object('reviewState', 'SUBMITTED'))
     ) AS x(k, action, before, after)
     WHERE x.k < 3 OR c."reviewState" <> 'DRAFT'`,
  );
  await q(
    'span history',
    `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", before, after, "createdAt")
     SELECT 'bench-as-' || n, 'bench-e-1', 'annotation.create', 'Annotation', 'bench-n-' || n, NULL,
            jsonb_build_object('claimId', 'bench-c-' || n, 'exact', 'exports'), now()
     FROM generate_series(7, ${CLAIMS}, 7) n
     UNION ALL
     SELECT 'bench-ar-' || n, 'bench-e-2', 'annotation.reattach', 'Annotation', 'bench-n-' || n,
            jsonb_build_object('start', 1), jsonb_build_object('start', 2), now()
     FROM generate_series(5, ${CLAIMS}, 5) n`,
  );
  await q('vacuum analyze (as autovacuum would have by now)', 'VACUUM ANALYZE');
  await client.end();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Signs in through NextAuth over HTTP; returns the Cookie header of the session. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  keep(response);
  const me = await fetch(`${base}/api/me`, { headers: { cookie: header() } });
  if (me.status !== 200) throw new Error(`sign-in as ${email} failed (${me.status})`);
  return header();
}

interface Figures {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

/**
 * Runs `clients` loops of `requests` calls each and returns latency percentiles in ms. With
 * `paceMs`, each client starts a call every `paceMs` (open loop: people working, staggered);
 * without, each sends the next as soon as the last answered (closed loop: saturation).
 */
async function measure(
  clients: number,
  requests: number,
  call: (client: number, i: number) => Promise<Response>,
  paceMs = 0,
): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      if (paceMs) await sleep((client * paceMs) / clients);
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const response = await call(client, i);
        await response.arrayBuffer();
        const took = performance.now() - t0;
        times.push(took);
        if (!response.ok) errors++;
        if (paceMs && took < paceMs) await sleep(paceMs - took);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return {
    count: times.length,
    errors,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: times[times.length - 1]!,
    perSecond: times.length / elapsed,
  };
}

function report(name: string, f: Figures, targetP95?: number) {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  const verdict =
    targetP95 === undefined
      ? ''
      : f.p95 < targetP95
        ? `  (target p95 < ${targetP95} ms: met)`
        : `  (target p95 < ${targetP95} ms: MISSED)`;
  console.log(
    `${name.padEnd(48)} n=${String(f.count).padStart(5)} err=${f.errors}  p50${ms(f.p50)}  p95${ms(f.p95)}  p99${ms(f.p99)}  max${ms(f.max)}  ${f.perSecond.toFixed(0)}/s${verdict}`,
  );
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
  chmodSync(work, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: 0,
    database: 'factmark_bench',
    persistent: false,
  });
  let server: ChildProcess | undefined;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    server?.kill('SIGTERM');
    await cluster.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  };
  // Stopped early (Ctrl-C, a closed pipe): stop the app and the database all the same.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE'] as const) {
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  }
  try {
    await migrate(cluster.url, { migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations') });
    await seed(cluster.url, await hashPassword(PASSWORD));

    await buildIfNeeded(DIST_DIR, log);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(
      process.execPath,
      [...SERVE_ARGS, '--port', String(port), '--hostname', '127.0.0.1'],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: cluster.url,
          NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
          NEXTAUTH_URL: base,
          FACTMARK_DIST_DIR: DIST_DIR,
          FACTMARK_DEMO: 'off',
          NEXT_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForHealth(`${base}/api/health`, server);
    const cookies = await Promise.all(
      Array.from({ length: REVIEWERS }, (_, i) => signIn(base, `reviewer${i + 1}@bench.example`)),
    );
    const as = (client: number) => ({ headers: { cookie: cookies[client % REVIEWERS]! } });

    // Warm up every path (compiles nothing, but fills caches and the connection pool).
    await measure(4, 10, (c) => fetch(`${base}/api/review-queue`, as(c)));
    await measure(4, 5, (c) => fetch(`${base}/review`, as(c)));

    const first = (await (await fetch(`${base}/api/review-queue`, as(0))).json()) as {
      items: unknown[];
      total: number;
    };
    log(`queue: ${first.total} submitted, ${first.items.length} on the first page`);
    console.log('');
    const queue = (c: number) => fetch(`${base}/api/review-queue`, as(c));
    const filtered = (c: number, i: number) =>
      fetch(
        `${base}/api/review-queue?author=bench-e-${1 + ((c + i) % EDITORS)}&verdict=FALSE`,
        as(c),
      );
    const page = (c: number) => fetch(`${base}/review`, as(c));
    // Each client decides its own claims (submitted ones from the newest end of the queue),
    // alternating approve and request changes; every claim is at version 3.
    const submittedIds = Array.from(
      { length: CLAIMS / SUBMITTED_EVERY },
      (_, k) => `bench-c-${CLAIMS - k * SUBMITTED_EVERY}`,
    );
    let decided = 0;
    const decide = (c: number) => {
      const id = submittedIds[decided++]!;
      const headers = { ...as(c).headers, 'content-type': 'application/json' };
      return decided % 2
        ? fetch(`${base}/api/claims/${id}/approve`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ version: 3 }),
          })
        : fetch(`${base}/api/claims/${id}/request-changes`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ version: 3, comment: 'Name the source.' }),
          });
    };

    const paced = `${CLIENTS} clients, each every ${PACE_MS} ms`;
    console.log(`Targets, under ${paced} (${((CLIENTS * 1000) / PACE_MS).toFixed(0)} requests/s):`);
    report('GET /api/review-queue', await measure(CLIENTS, REQUESTS, queue, PACE_MS), 50);
    report(
      'GET /api/review-queue?author&verdict',
      await measure(CLIENTS, REQUESTS, filtered, PACE_MS),
      50,
    );
    report(
      `GET /review (page HTML), each every ${PAGE_PACE_MS} ms`,
      await measure(CLIENTS, Math.ceil(REQUESTS / 4), page, PAGE_PACE_MS),
      150,
    );
    report('POST approve / request-changes', await measure(CLIENTS, REQUESTS, decide, PACE_MS), 40);
    report('GET /review (page HTML), 1 client alone', await measure(1, REQUESTS, page), 150);
    report('POST approve / request-changes, 1 client alone', await measure(1, REQUESTS, decide));

    console.log(
      `\nSaturation: ${CLIENTS} clients back to back (what this machine serves at most):`,
    );
    // What any request costs here (framework, session, one query), to read the others against.
    report(
      'GET /api/health (baseline: no session)',
      await measure(CLIENTS, REQUESTS, () => fetch(`${base}/api/health`)),
    );
    report(
      'GET /api/me (baseline: session + 1 query)',
      await measure(CLIENTS, REQUESTS, (c) => fetch(`${base}/api/me`, as(c))),
    );
    report('GET /api/review-queue', await measure(CLIENTS, REQUESTS, queue));
    report('GET /review (page HTML)', await measure(CLIENTS, Math.ceil(REQUESTS / 2), page));
    report('POST approve / request-changes', await measure(CLIENTS, REQUESTS, decide));

    console.log('\nThe claim page, 1 client (no target):');
    report(
      'GET /api/claims/:id/history',
      await measure(1, REQUESTS, (_, i) =>
        fetch(`${base}/api/claims/bench-c-${1 + i * 997}/history`, as(0)),
      ),
    );
    report(
      'GET /claims/:id (page HTML)',
      await measure(1, REQUESTS, (_, i) => fetch(`${base}/claims/bench-c-${1 + i * 997}`, as(0))),
    );
    const check = new pg.Client({ connectionString: cluster.url });
    await check.connect();
    const { rows } = await check.query(
      `SELECT (SELECT count(*) FROM "ReviewDecision")::int AS decisions,
              (SELECT count(*) FROM "AuditEvent" WHERE action IN ('claim.approve', 'claim.request_changes'))::int AS audits`,
    );
    await check.end();
    log(`recorded ${rows[0].decisions} decisions and ${rows[0].audits} audit rows`);
    if (process.env.BENCH_KEEP) {
      log(`BENCH_KEEP: serving ${base} on ${cluster.url}; Ctrl-C to stop`);
      log(`cookie: ${cookies[0]}`);
      await new Promise(() => {}); // until a signal cleans up
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
