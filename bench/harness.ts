/**
 * What the HTTP benchmarks share: a throw-away embedded PostgreSQL with the schema and demo
 * data, a production build (.next-test) served on 127.0.0.1, and a signed-in session cookie.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfNeeded, SERVE_ARGS, SERVER_NODE_FLAGS } from '../scripts/build';
import { waitForHealth } from '../scripts/wait-for';
import { PROJECT_ROOT } from '../server/dev/bootstrap';
import { createPrismaClient, type PrismaClient } from '../server/platform/db';
import { startEmbeddedPostgres } from '../server/dev/embedded-postgres';
import { migrate } from '../server/dev/migrate';
import { seedDemo } from '../server/dev/seed';

export const log = (line: string) => console.log(`[bench] ${line}`);

/** The value at percentile `p` (0-100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
export const median = (values: readonly number[]) => percentile(values, 50);

export interface BenchDatabase {
  url: string;
  prisma: PrismaClient;
  /** The PostgreSQL server process (its backends are its children), for CPU accounting. */
  postmasterPid(): number;
  /** Disconnects, stops the cluster and removes its files. */
  stop(): Promise<void>;
}

/**
 * A migrated database with the demo accounts and articles: fresh and thrown away on stop, or,
 * with `keepIn` (a folder), kept there and reused by the next run (new migrations are applied;
 * the demo data is loaded once).
 */
export async function startBenchDatabase({
  keepIn,
}: { keepIn?: string } = {}): Promise<BenchDatabase> {
  const work = keepIn ?? mkdtempSync(join(tmpdir(), 'factmark-bench-'));
  mkdirSync(work, { recursive: true });
  // PostgreSQL runs as the OS user `postgres`, which must be able to enter this folder.
  chmodSync(work, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: 0,
    database: 'bench',
    persistent: keepIn !== undefined,
  });
  const prisma = createPrismaClient(cluster.url);
  const stop = async () => {
    await prisma.$disconnect().catch(() => {});
    await cluster.stop().catch(() => {});
    if (!keepIn) rmSync(work, { recursive: true, force: true });
  };
  try {
    await migrate(cluster.url, { migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations') });
    await seedDemo(prisma);
  } catch (error) {
    await stop();
    throw error;
  }
  const postmasterPid = () =>
    Number(readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url: cluster.url, prisma, postmasterPid, stop };
}

/**
 * CPU time (user + system, ms) used so far by process `pid` and every live descendant (Linux
 * /proc; 10 ms ticks). Descendants that ended are counted only once their parent reaped them.
 */
export function processTreeCpuMs(pid: number): number {
  const stat = (p: number) => {
    try {
      const text = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return {
        ppid: Number(f[1]),
        own: Number(f[11]) + Number(f[12]),
        reaped: Number(f[13]) + Number(f[14]),
      };
    } catch {
      return null; // ended meanwhile
    }
  };
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(entry)]);
  }
  let ticks = 0;
  const visit = (p: number, root: boolean) => {
    const s = stat(p);
    if (s) ticks += s.own + (root ? s.reaped : 0);
    for (const child of children.get(p) ?? []) visit(child, false);
  };
  visit(pid, true);
  return ticks * 10;
}

export interface BenchServer {
  baseUrl: string;
  process: ChildProcess;
  stop(): void;
}

/** Builds if needed and serves the app on a random 127.0.0.1 port against `databaseUrl`. */
export async function startBenchServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  await buildIfNeeded('.next-test', log);
  const port = 3900 + Math.floor(Math.random() * 90);
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app.
      ...SERVER_NODE_FLAGS,
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...SERVE_ARGS,
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        NEXTAUTH_URL: baseUrl,
        FACTMARK_DIST_DIR: '.next-test',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await waitForHealth(`${baseUrl}/api/health`, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { baseUrl, process: child, stop: () => child.kill('SIGTERM') };
}

/** Signs in through NextAuth's credentials flow and returns the Cookie header to send. */
export async function signInCookie(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(signIn);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) {
    throw new Error(`sign-in as ${email} failed (${signIn.status})`);
  }
  return header();
}
