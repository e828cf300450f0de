/**
 * `npm start` (production build) and `npm run dev` (hot reload): database, migrations, demo
 * data, build if the sources changed, then the Next.js server. Prints the URL and the demo
 * accounts when the app answers.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '../prisma/demo/demo';
import { ensureAuthSecret, loadDotEnv, openDatabase, PROJECT_ROOT } from '../server/dev/bootstrap';
import { createPrismaClient } from '../server/platform/db';
import { seedDemoClaims } from '../server/dev/demo-claims';
import { disableDemoAccounts, seedDemo } from '../server/dev/seed';
import { startWorkerFromEnv, workerEnabled } from '../server/jobs/start-worker';
import { buildIfNeeded, NEXT_BIN, SERVE_ARGS, SERVER_NODE_FLAGS } from './build';
import { waitForHealth } from './wait-for';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[factmark] ${line}`);

async function main() {
  loadDotEnv();
  const port = Number(process.env.PORT ?? 3000);
  const demo = process.env.FACTMARK_DEMO ?? 'on';
  if (demo !== 'on' && demo !== 'off')
    throw new Error(`FACTMARK_DEMO must be "on" or "off", not "${demo}".`);

  const database = await openDatabase(log);
  const stopDatabase = once(() => database.stop());
  const secret = ensureAuthSecret();

  const prisma = createPrismaClient(database.url);
  let userCount: number;
  try {
    if (demo === 'on') {
      const seeded = await seedDemo(prisma, join(PROJECT_ROOT, 'prisma', 'demo'));
      const claims = await seedDemoClaims(prisma);
      if (seeded.usersCreated + seeded.articlesCreated + claims > 0) {
        log(
          `Demo data loaded: ${seeded.usersCreated} accounts, ${seeded.articlesCreated} articles, ${claims} claims.`,
        );
      }
    } else {
      const disabled = await disableDemoAccounts(prisma);
      if (disabled > 0) log(`FACTMARK_DEMO=off: disabled ${disabled} demo accounts.`);
    }
    userCount = await prisma.user.count({ where: { disabledAt: null } });
  } finally {
    await prisma.$disconnect();
  }

  if (!dev) await buildIfNeeded(process.env.FACTMARK_DIST_DIR ?? '.next', log);

  const env = {
    ...process.env,
    // The app connects as the non-superuser app role (owner: migrations and seed only).
    DATABASE_URL: database.appUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    FACTMARK_DEMO: demo,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...(dev ? [NEXT_BIN, 'dev'] : SERVE_ARGS), '--port', String(port)],
    {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );

  // The job worker (source re-checks) runs in this process unless FACTMARK_WORKER=off.
  // A worker that cannot start must not keep the app from serving: say so and go on.
  const worker = workerEnabled()
    ? await startWorkerFromEnv(database.url, log).catch((error: unknown) => {
        log(`The job worker did not start (${error instanceof Error ? error.message : error}).`);
        return null;
      })
    : null;

  const shutdown = once(async (code: number) => {
    server.kill('SIGTERM');
    await worker?.close().catch(() => {});
    await stopDatabase();
    process.exit(code);
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  server.on('exit', (code) => void shutdown(code ?? 1));

  await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
  printBanner(env.NEXTAUTH_URL, demo === 'on', userCount);
}

function printBanner(url: string, demo: boolean, userCount: number) {
  const lines = ['', `Factmark is running at ${url}`];
  if (demo) {
    lines.push('Demo accounts (FACTMARK_DEMO=off turns them off):');
    for (const account of DEMO_ACCOUNTS) {
      lines.push(
        `  ${account.role.padEnd(8)}  ${account.email.padEnd(26)}  password: ${account.password}`,
      );
    }
  } else if (userCount === 0) {
    lines.push('No users yet: create the first admin with');
    lines.push('  npm run user:create -- --email you@example.org --role ADMIN');
  }
  lines.push('Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}

function once<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let result: Promise<R> | undefined;
  return (...args) => (result ??= fn(...args));
}

main().catch((error: unknown) => {
  console.error(`[factmark] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
