import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import {
  createFetchGate,
  HOST_PACE_KEPT_MS,
  paceHost,
  prismaQuery,
  pruneHostPace,
  type FetchGate,
} from './fetch-gate';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Counts the tasks running at once, overall and per host, and keeps the largest counts. */
function tracker() {
  let now = 0;
  let most = 0;
  const hosts = new Map<string, { now: number; most: number }>();
  return {
    async task(host: string, ms: number) {
      const h = hosts.get(host) ?? { now: 0, most: 0 };
      hosts.set(host, h);
      now++;
      h.now++;
      most = Math.max(most, now);
      h.most = Math.max(h.most, h.now);
      await sleep(ms);
      now--;
      h.now--;
    },
    most: () => most,
    mostFor: (host: string) => hosts.get(host)?.most ?? 0,
  };
}

describe('fetch gate: limits shared by every process on the database', () => {
  let db: TestDatabase;
  const gates: FetchGate[] = [];
  const gate = (concurrency: number, perHost: number, hostIntervalMs = 0) => {
    const made = createFetchGate(db.url, { concurrency, perHost, hostIntervalMs, pollMs: 20 });
    gates.push(made);
    return made;
  };

  before(async () => {
    db = await createTestDatabase('fetch_gate');
  });
  after(async () => {
    await Promise.all(gates.map((g) => g.close()));
    await db.drop();
  });

  it('holds the global concurrency across two instances', async () => {
    // Two instances, each allowed 3 at once: together still at most 3.
    const [a, b] = [gate(3, 3), gate(3, 3)];
    const seen = tracker();
    const hosts = ['one.test', 'two.test', 'three.test', 'four.test'];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? a : b).run(hosts[i % 4]!, () => seen.task(hosts[i % 4]!, 30)),
      ),
    );
    assert.equal(seen.most(), 3);
  });

  it('holds the per-host limit across instances while other hosts go on', async () => {
    const [a, b] = [gate(6, 1), gate(6, 1)];
    const seen = tracker();
    await Promise.all(
      Array.from({ length: 16 }, (_, i) => {
        const host = i % 4 === 0 ? 'busy.test' : `other-${i}.test`;
        return (i % 2 ? a : b).run(host, () => seen.task(host, 30));
      }),
    );
    assert.equal(seen.mostFor('busy.test'), 1);
    assert.ok(seen.most() > 1, 'other hosts ran beside it');
  });

  it('spaces the starts to one host across instances', async () => {
    const [a, b] = [gate(4, 4, 120), gate(4, 4, 120)];
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).run('paced.test:8080', async () => {
          starts.push(performance.now());
        }),
      ),
    );
    starts.sort((x, y) => x - y);
    // The bookings are exact; each task's wait starts when its answer arrives, so single gaps
    // shift by the jitter of a round trip on a busy machine, but the whole run cannot shrink.
    for (let i = 1; i < starts.length; i++) {
      assert.ok(starts[i]! - starts[i - 1]! >= 60, `start ${i}: ${starts[i]! - starts[i - 1]!}`);
    }
    assert.ok(starts.at(-1)! - starts[0]! >= 5 * 120 - 30, `${starts.at(-1)! - starts[0]!}`);
    // An interactive fetch to the same host books its start after them.
    const before = performance.now();
    await paceHost(prismaQuery(db.prisma), 'paced.test:8080', 120);
    assert.ok(performance.now() - before >= 60);
  });

  it("frees a killed process's slots when its connection closes", async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    const { rows } = await holder.query<{ taken: boolean }>(
      'SELECT jobs.take_fetch_slots($1, 1, 1) AS taken',
      ['dead.test'],
    );
    assert.equal(rows[0]?.taken, true);
    const g = gate(1, 1);
    let ran = false;
    const waiting = g.run('dead.test', async () => {
      ran = true;
    });
    await sleep(200);
    assert.equal(ran, false, 'waits while the slot is held');
    await holder.end(); // as a killed worker's connection would
    await waiting;
    assert.equal(ran, true);
  });

  it('prunes the pace rows of hosts not fetched for an hour, and only those', async () => {
    const query = prismaQuery(db.prisma);
    await paceHost(query, 'recent.test', 10);
    await paceHost(query, 'stale.test', 10);
    await db.prisma.$executeRawUnsafe(
      `UPDATE jobs.host_pace SET next_start = now() - make_interval(secs => $1::float8 / 1000)
        WHERE host = 'stale.test'`,
      HOST_PACE_KEPT_MS + 1000,
    );
    assert.equal(await pruneHostPace(query), 1);
    const hosts = await db.prisma.$queryRawUnsafe<{ host: string }[]>(
      `SELECT host FROM jobs.host_pace WHERE host IN ('recent.test', 'stale.test')`,
    );
    assert.deepEqual(
      hosts.map((h) => h.host),
      ['recent.test'],
    );
  });

  it('gives the slots back when a task fails', async () => {
    const g = gate(1, 1);
    await assert.rejects(
      g.run('fail.test', async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await g.run('fail.test', async () => 'next'), 'next');
  });
});
