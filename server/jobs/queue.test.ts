import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type PgBoss from 'pg-boss';
import { PROJECT_ROOT } from '../dev/bootstrap';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../dev/evidence-fixture-server';
import { sha256Hex } from '../evidence/blob-store';
import { renderTestPage } from '../evidence/test-pages';
import { enqueueRechecks, openQueue, RECHECK_QUEUE } from './queue';

const SOURCES = Number(process.env.JOBS_TEST_SOURCES ?? 500);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('job queue: instances sharing one database', () => {
  let db: TestDatabase;
  let server: EvidenceFixtureServer;
  let dir: string;
  let boss: PgBoss;
  const processes: ChildProcess[] = [];

  const startProcess = (name: string) => {
    // One process (node with tsx's loader), not the tsx CLI, which runs the worker in a child
    // of its own: killing the CLI would leave that child polling a dropped database.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'worker.ts')],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          FACTMARK_IMPORT_ALLOW_HOSTS: `127.0.0.1:${server.port}`,
          FACTMARK_IMPORT_TIMEOUT_MS: '60000',
          FACTMARK_EVIDENCE_DIR: dir,
          FACTMARK_FETCH_CONCURRENCY: '4',
          FACTMARK_FETCH_PER_HOST: '3',
          FACTMARK_JOB_EXPIRE_SECONDS: '30',
          FACTMARK_JOB_RETRY_DELAY_SECONDS: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    processes.push(child);
    return new Promise<ChildProcess>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('Job worker started')) resolve(child);
      });
    });
  };

  const jobStates = async () =>
    db.prisma.$queryRawUnsafe<{ state: string; n: number }[]>(
      `SELECT state::text, count(*)::int AS n FROM (
         SELECT state FROM pgboss.job WHERE name = $1
         UNION ALL SELECT state FROM pgboss.archive WHERE name = $1) j GROUP BY state`,
      RECHECK_QUEUE,
    );

  before(async () => {
    [db, server, dir] = await Promise.all([
      createTestDatabase('jobs'),
      startEvidenceFixtureServer(),
      mkdtemp(join(tmpdir(), 'factmark-jobs-')),
    ]);
    boss = await openQueue(db.url, { expireSeconds: 30, retryDelaySeconds: 1 });
  });
  after(async () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGKILL');
    await boss?.stop({ graceful: false });
    await Promise.all([db.drop(), server.close(), rm(dir, { recursive: true, force: true })]);
  });

  it('two app instances and one worker run 500 queued re-checks, each exactly once, within the shared limits', async () => {
    // Sources archived before and unchanged since: the re-checks find the same bytes.
    const bodies = Array.from({ length: SOURCES }, (_, i) =>
      renderTestPage({ title: `Page ${i}`, paragraphs: [`Paragraph of page ${i}.`] }),
    );
    bodies.forEach((body, i) => server.set(`/s/${i}`, body));
    // A site that takes its time, so that fetches from the three processes overlap.
    server.delay(15);
    // Not due yet: only the explicit queuing below re-checks them (not the scheduled sweep).
    await db.prisma.evidenceSource.createMany({
      data: bodies.map((_, i) => ({
        id: `source-${i}`,
        url: server.url(`/s/${i}`),
        nextCheckAt: new Date(Date.now() + 86_400_000),
      })),
    });
    await db.prisma.evidenceCapture.createMany({
      data: bodies.map((body, i) => ({
        sourceId: `source-${i}`,
        kind: 'FETCH' as const,
        url: server.url(`/s/${i}`),
        fetchedAt: new Date(Date.now() - 86_400_000),
        payloadSha256: sha256Hex(body),
        payloadSize: body.length,
        warcSha256: sha256Hex('warc'),
        warcRecordId: `<urn:uuid:${i}>`,
        textSha256: sha256Hex('text'),
        textLength: 4,
      })),
    });
    const ids = bodies.map((_, i) => `source-${i}`);
    await enqueueRechecks(boss, ids);
    // Queuing again while they wait adds nothing (one queued re-check per source).
    await enqueueRechecks(boss, ids.slice(0, 50));
    await Promise.all([startProcess('app 1'), startProcess('app 2'), startProcess('worker')]);
    await waitFor('500 completed jobs', async () => {
      const states = await jobStates();
      if (process.env.JOBS_TEST_DEBUG) console.log(JSON.stringify(states));
      const completed = states.find((s) => s.state === 'completed')?.n ?? 0;
      return completed >= SOURCES ? states : null;
    });
    const states = await jobStates();
    assert.deepEqual(states, [{ state: 'completed', n: SOURCES }]);
    for (let i = 0; i < SOURCES; i++) assert.equal(server.hits(`/s/${i}`), 1, `/s/${i}`);
    // The limits hold across the three processes: one host, at most 3 fetches at once.
    assert.ok(server.mostAtOnce() <= 3, `${server.mostAtOnce()} fetches at once`);
    server.delay(0);
    assert.equal(await db.prisma.evidenceCapture.count(), SOURCES, 'nothing changed');
    assert.equal(
      await db.prisma.evidenceSource.count({
        where: { state: 'ARCHIVED', nextCheckAt: { not: null } },
      }),
      SOURCES,
    );
  });

  it('retries the job of a worker killed mid-fetch', async () => {
    // Only one process works from here on, and it hangs on the fetch until killed.
    for (const child of processes) child.kill('SIGKILL');
    server.set(
      '/stuck',
      renderTestPage({
        title: 'Stuck',
        paragraphs: ['A page whose first fetch never gets an answer from the server at all.'],
      }),
    );
    server.hang('/stuck');
    const source = await db.prisma.evidenceSource.create({
      data: { url: server.url('/stuck'), nextCheckAt: new Date(Date.now() + 86_400_000) },
    });
    const stuck = server.body('/stuck')!;
    await db.prisma.evidenceCapture.create({
      data: {
        sourceId: source.id,
        kind: 'FETCH',
        url: source.url,
        fetchedAt: new Date(Date.now() - 86_400_000),
        payloadSha256: sha256Hex(stuck),
        payloadSize: stuck.length,
        warcSha256: sha256Hex('warc'),
        warcRecordId: '<urn:uuid:stuck>',
        textSha256: sha256Hex('text'),
        textLength: 4,
      },
    });
    await enqueueRechecks(boss, [source.id]);
    const doomed = await startProcess('doomed worker');
    await waitFor('the stuck fetch', async () => (server.hits('/stuck') >= 1 ? true : null));
    doomed.kill('SIGKILL');
    await startProcess('second worker');
    const done = await waitFor('the retried job', async () => {
      const [row] = await db.prisma.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
        `SELECT state::text, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2
         UNION ALL SELECT state::text, retry_count FROM pgboss.archive WHERE name = $1 AND singleton_key = $2`,
        RECHECK_QUEUE,
        source.id,
      );
      return row?.state === 'completed' ? row : null;
    });
    assert.ok(done.retry_count >= 1);
    assert.equal(server.hits('/stuck'), 2);
    const after = await db.prisma.evidenceSource.findUniqueOrThrow({ where: { id: source.id } });
    assert.equal(after.state, 'ARCHIVED');
  });
});
