/**
 * Evidence benchmarks (issue #15), against a throw-away embedded PostgreSQL and a local fixture
 * server on 127.0.0.1:
 * 1. Archiving a 1 MB news page end to end (fetch, visible text, WARC record, blob store, row,
 *    the cleaning job queued in pg-boss): ≤ 1 s. The import cleaner runs later in that job; its
 *    time is printed too, for information.
 * 2. Re-checking 1,000 unchanged sources through the job queue with the default settings
 *    (one worker process, FACTMARK_FETCH_CONCURRENCY and FACTMARK_FETCH_PER_HOST defaults): ≤ 60 s.
 * Run: npx tsx bench/evidence.bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEvidenceFixtureServer } from '../server/dev/evidence-fixture-server';
import { sha256Hex } from '../server/evidence/blob-store';
import { archiveSource, cleanCapture } from '../server/evidence/capture';
import { evidenceSettings } from '../server/evidence/settings';
import { renderTestPage } from '../server/evidence/test-pages';
import { parseAllowHosts } from '../server/import/address-policy';
import { MAX_IMPORT_BYTES } from '../server/import/settings';
import { enqueueCleans, enqueueRechecks, openQueue, RECHECK_QUEUE } from '../server/jobs/queue';
import { startJobRunner } from '../server/jobs/runner';
import { log, median, startBenchDatabase } from './harness';

const SOURCES = 1000;

function megabytePage(run: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const p =
      `Paragraph ${i} of run ${run}: the council's budget committee met on Tuesday and heard that ` +
      `spending on road repairs rose by ${i % 17} percent, while the number of potholes reported ` +
      `by residents fell for the ${i % 5}th month running, according to the city engineer.`;
    paragraphs.push(p);
    size += p.length + 7;
  }
  return renderTestPage({ title: `Budget run ${run}`, paragraphs, stamp: String(run) });
}

async function main() {
  const [db, server, dir] = await Promise.all([
    startBenchDatabase(),
    startEvidenceFixtureServer(),
    mkdtemp(join(tmpdir(), 'factmark-evidence-bench-')),
  ]);
  try {
    const fetch = {
      allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`),
      timeoutMs: 10_000,
      maxBytes: MAX_IMPORT_BYTES,
      maxRedirects: 5,
    };
    // 1. Archive a 1 MB page: a warm-up, then five different pages (no de-duplication). The
    // cleaning job is queued through a real pg-boss client, as the app's route does.
    const sender = await openQueue(
      db.url,
      { expireSeconds: 120, retryDelaySeconds: 60 },
      { supervise: false, schedule: false },
    );
    const archiveOptions = {
      dir,
      fetch,
      queueClean: (id: string) => enqueueCleans(sender, [id]),
    };
    server.set('/warm.html', megabytePage(0));
    await archiveSource(db.prisma, server.url('/warm.html'), archiveOptions);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const cleanTimes: number[] = [];
    for (let run = 1; run <= 5; run++) {
      const page = megabytePage(run);
      server.set(`/big-${run}.html`, page);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await archiveSource(db.prisma, server.url(`/big-${run}.html`), archiveOptions);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      if (!result.created) throw new Error('the page was not archived');
      if (run === 1) log(`page size ${(Buffer.byteLength(page) / 1e6).toFixed(2)} MB`);
      // What the background job then does (not part of the bar).
      const cleanStarted = performance.now();
      await cleanCapture(db.prisma, dir, result.capture!);
      cleanTimes.push(performance.now() - cleanStarted);
    }
    await sender.stop({ graceful: false });
    const archiveMs = median(times);
    log(
      `archive a 1 MB page end to end: median ${archiveMs.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, CPU median ${median(cpuTimes).toFixed(0)} ms (bar ≤ 1000 ms) ${archiveMs <= 1000 ? 'PASS' : 'FAIL'}`,
    );
    log(
      `  then in the background job, the import cleaner on that page: median ${median(cleanTimes).toFixed(0)} ms`,
    );

    // 2. 1,000 unchanged sources re-checked through the queue with the default settings.
    const bodies = Array.from({ length: SOURCES }, (_, i) =>
      renderTestPage({ title: `Source ${i}`, paragraphs: [`Statement number ${i}.`] }),
    );
    bodies.forEach((body, i) => server.set(`/s/${i}`, body));
    await db.prisma.evidenceSource.createMany({
      data: bodies.map((_, i) => ({
        id: `bench-${i}`,
        url: server.url(`/s/${i}`),
        nextCheckAt: new Date(Date.now() + 86_400_000),
      })),
    });
    await db.prisma.evidenceCapture.createMany({
      data: bodies.map((body, i) => ({
        sourceId: `bench-${i}`,
        kind: 'FETCH' as const,
        url: server.url(`/s/${i}`),
        fetchedAt: new Date(Date.now() - 86_400_000),
        payloadSha256: sha256Hex(body),
        payloadSize: body.length,
        warcSha256: sha256Hex('warc'),
        warcRecordId: `<urn:uuid:${i}>`,
        textSha256: sha256Hex('text'),
        textLength: 4,
        cleanTextSha256: sha256Hex('text'),
        cleanTextLength: 4,
      })),
    });
    const settings = { ...evidenceSettings({} as NodeJS.ProcessEnv), dir };
    let done = 0;
    const runner = await startJobRunner({
      databaseUrl: db.url,
      prisma: db.prisma,
      evidence: settings,
      fetch,
      onRecheck: () => void done++,
    });
    const started = performance.now();
    await enqueueRechecks(
      runner.boss,
      bodies.map((_, i) => `bench-${i}`),
    );
    while (done < SOURCES) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    const completed = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
      RECHECK_QUEUE,
    );
    log(
      `re-check ${SOURCES} unchanged sources (concurrency ${settings.concurrency}, ${settings.perHost} per host): ${seconds.toFixed(1)} s, ${completed[0]?.n} jobs completed (bar ≤ 60 s) ${seconds <= 60 ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await Promise.all([db.stop(), server.close(), rm(dir, { recursive: true, force: true })]);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
