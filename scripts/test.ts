/**
 * `npm test`: the whole suite, ending with one line `N passed, N failed` (all suites' totals).
 *   1. type check (tsc --noEmit), lint (ESLint) and formatting (Prettier), one check each;
 *   2. unit tests of lib/ and server tests against a throw-away PostgreSQL (Node's runner);
 *   3. a production build, served by scripts/serve.ts (as npm start serves it) on a fresh
 *      migrated database with the demo data, and the Playwright suites against it: API over
 *      HTTP and pages in Chromium.
 * Nothing is mocked. The run always uses its own throw-away embedded PostgreSQL in the temp
 * folder (DATABASE_URL is ignored), so it never touches the app's data.
 *
 * While working on one part, `npm test -- PATTERN…` runs only the node test files and
 * Playwright specs whose path contains one of the patterns (and skips the build and the browser
 * suites when no spec matches); `--no-checks` skips the type check, lint and formatting.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/dev/bootstrap';
import { createPrismaClient } from '../server/platform/db';
import { startEmbeddedPostgres } from '../server/dev/embedded-postgres';
import { migrate } from '../server/dev/migrate';
import { seedDemoClaims } from '../server/dev/demo-claims';
import { seedDemo } from '../server/dev/seed';
import { buildIfNeeded, SERVE_ARGS, SERVE_SCRIPT, SERVER_NODE_FLAGS } from './build';
import { waitForHealth } from './wait-for';
import { findChromium } from './chromium';

const TEST_DIST_DIR = '.next-test';
const args = process.argv.slice(2);
const skipChecks = args.includes('--no-checks');
const patterns = args.filter((arg) => !arg.startsWith('--'));
const selected = (file: string) =>
  patterns.length === 0 || patterns.some((pattern) => file.includes(pattern));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Thrown to skip the build and the browser suites when a pattern selects no spec. */
class StopEarly extends Error {}
const log = (line: string) => console.log(`\n[test] ${line}`);

function bin(name: string): string {
  return join(PROJECT_ROOT, 'node_modules', '.bin', name);
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function check(name: string, command: string, args: string[]) {
  log(`${name}: ${[command.split('/').pop(), ...args].join(' ')}`);
  const code = await run(command, args);
  if (code === 0) totals.passed++;
  else {
    totals.failed++;
    console.log(`[test] ${name} FAILED`);
  }
}

function findTests(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
      if (statSync(full).isDirectory()) visit(full);
      else if (pattern.test(entry)) found.push(full);
    }
  };
  if (existsSync(dir)) visit(dir);
  return found.sort();
}

async function nodeTests(env: NodeJS.ProcessEnv, tapFile: string) {
  const files = [
    ...findTests(join(PROJECT_ROOT, 'lib'), /\.test\.ts$/),
    ...findTests(join(PROJECT_ROOT, 'server'), /\.test\.ts$/),
    // The editor's ProseMirror glue runs in Node too (no DOM needed for states and transactions).
    ...findTests(join(PROJECT_ROOT, 'components'), /\.test\.ts$/),
  ].filter(selected);
  if (files.length === 0) return;
  log(`unit and server tests: ${files.length} files`);
  const code = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (key: string) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  totals.passed += count('pass');
  totals.failed += failed;
  totals.skipped += count('skipped') + count('todo');
  // A runner that died before its summary (a crash, the OOM killer) must not pass as 0 failed.
  if (!/^# pass \d+$/m.test(tap)) {
    totals.failed++;
    console.log(`[test] the unit and server tests ended without a summary (exit code ${code})`);
  } else if (code !== 0 && failed === 0) {
    totals.failed++;
    console.log(`[test] the unit and server tests exited with code ${code}`);
  }
}

async function playwright(env: NodeJS.ProcessEnv, reportFile: string, specs: string[]) {
  log('Playwright: API over HTTP and pages in Chromium');
  await run(bin('playwright'), ['test', ...specs], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
  });
  if (!existsSync(reportFile)) {
    totals.failed++;
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected + (report.errors?.length ?? 0);
  totals.skipped += report.stats.skipped;
  if (report.stats.flaky)
    console.log(`[test] ${report.stats.flaky} Playwright tests passed only on retry (flaky).`);
}

async function main() {
  const started = Date.now();
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      "[test] No Chromium for the browser tests (looked at CHROMIUM_PATH, /usr/bin/chromium and Playwright's own browser).\n" +
        '[test] Install it with:  sudo apt-get install -y chromium',
    );
    process.exit(2);
  }

  if (!skipChecks) {
    await check('type check', bin('tsc'), ['--noEmit']);
    await check('lint', bin('eslint'), ['.', '--max-warnings=0']);
    await check('formatting', bin('prettier'), ['--check', '--log-level=warn', '.']);
  }
  const specs = findTests(join(PROJECT_ROOT, 'e2e'), /\.spec\.ts$/)
    .filter(selected)
    .map((file) => file.slice(PROJECT_ROOT.length + 1));

  const work = mkdtempSync(join(tmpdir(), 'factmark-test-'));
  // PostgreSQL runs as the OS user `postgres`, which must be able to enter this folder.
  chmodSync(work, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: 0,
    database: 'factmark_e2e',
    persistent: false,
  });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const baseEnv = {
      ...process.env,
      FACTMARK_TEST_PG_ADMIN_URL: cluster.adminUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    await nodeTests(baseEnv, join(work, 'node.tap'));
    if (specs.length === 0) throw new StopEarly();

    await migrate(cluster.url, { migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations') });
    const prisma = createPrismaClient(cluster.url);
    await seedDemo(prisma, join(PROJECT_ROOT, 'prisma', 'demo'));
    await seedDemoClaims(prisma);
    await prisma.$disconnect();

    await buildIfNeeded(TEST_DIST_DIR, log);
    const port = 3100 + Math.floor(Math.random() * 800);
    const baseUrl = `http://localhost:${port}`;
    const serverEnv = {
      ...baseEnv,
      DATABASE_URL: cluster.url,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      FACTMARK_DIST_DIR: TEST_DIST_DIR,
      // URL imports: the API tests' own server on 127.0.0.1 (e2e/api/import-url.spec.ts) is
      // allowed, and only it; every other private address stays refused. A short time limit
      // keeps the timeout test quick.
      FACTMARK_IMPORT_ALLOW_HOSTS: `127.0.0.1:${port + 1000}`,
      FACTMARK_TEST_IMPORT_PORT: String(port + 1000),
      FACTMARK_IMPORT_TIMEOUT_MS: '3000',
      // Stored evidence copies go to this run's folder (removed at the end), not .data/evidence.
      FACTMARK_EVIDENCE_DIR: join(work, 'evidence'),
    };
    server = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, ...SERVE_ARGS, '--port', String(port)],
      {
        cwd: PROJECT_ROOT,
        env: serverEnv,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForHealth(`${baseUrl}/api/health`, server);

    await playwright(
      {
        ...serverEnv,
        FACTMARK_TEST_BASE_URL: baseUrl,
        CHROMIUM_PATH: chromium,
        FACTMARK_SERVE_SCRIPT: SERVE_SCRIPT,
      },
      join(work, 'playwright.json'),
      patterns.length === 0 ? [] : specs,
    );
  } catch (error) {
    if (!(error instanceof StopEarly)) {
      totals.failed++;
      console.error('[test] the test run broke off:', error);
    }
  } finally {
    server?.kill('SIGTERM');
    await cluster.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }

  console.log(
    `\n[test] finished in ${((Date.now() - started) / 1000).toFixed(0)} s${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error('[test] could not run the suite:', error instanceof Error ? error.message : error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
