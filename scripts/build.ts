/**
 * Builds the Next.js app when there is no build yet or a source file changed since the last
 * one (a hash of every file the build reads is kept in the build folder).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../server/dev/bootstrap';

export const NEXT_BIN = join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * The production server, as arguments of `node` (then `--port N`, optionally `--hostname H`):
 * scripts/serve.ts, precompiled. It is `next start` plus the answers Next.js gets wrong
 * (server/platform/http-server).
 */
export const SERVE_SCRIPT = join(PROJECT_ROOT, 'scripts', 'run-bundled.mjs');
export const SERVE_ARGS = [SERVE_SCRIPT, 'serve'];

/**
 * Node flags of the app server (npm start, the test run, the benchmarks). A 64 MB young
 * generation (Node's default is 16 MB): a request allocates a few MB of short-lived objects
 * (JSON, rows, rendering), and with the default they were scavenged and promoted often; an
 * export of 10,000 claims used about a fifth less CPU. Costs up to about 100 MB more memory.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

const SOURCE_ROOTS = [
  'app',
  'components',
  'lib',
  'server',
  'public',
  'prisma/schema.prisma',
  'proxy.ts',
  'next.config.js',
  'tsconfig.json',
  'package-lock.json',
  // Patched dependencies (patch-package) change the build without changing the lock file.
  'patches',
];

/** Builds into `distDir` (relative to the project) unless that build is up to date. */
export async function buildIfNeeded(distDir: string, log: (line: string) => void): Promise<void> {
  const dir = join(PROJECT_ROOT, distDir);
  const stamp = join(dir, 'factmark-source-hash');
  const hash = sourceHash();
  if (
    existsSync(join(dir, 'BUILD_ID')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash
  ) {
    log('Build is up to date.');
    return;
  }
  log('Building the app (first start or changed sources; this takes a minute)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env: { ...process.env, FACTMARK_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)),
    );
  });
  writeFileSync(stamp, hash);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** A hash of every file the build reads (paths and contents), skipping generated code. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const generated = join(PROJECT_ROOT, 'server', 'generated');
  const visit = (path: string) => {
    if (!existsSync(path) || path.startsWith(generated)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash
        .update(relative(PROJECT_ROOT, path))
        .update('\0')
        .update(readFileSync(path))
        .update('\0');
    }
  };
  for (const root of SOURCE_ROOTS) visit(join(PROJECT_ROOT, root));
  return hash.digest('hex');
}
