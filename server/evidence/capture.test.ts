import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../dev/evidence-fixture-server';
import { parseAllowHosts } from '../import/address-policy';
import { MAX_IMPORT_BYTES } from '../import/settings';
import { readBlob, sha256Hex } from './blob-store';
import {
  archiveSource,
  cleanCapture,
  readCaptureText,
  storeUpload,
  type ArchiveOptions,
} from './capture';
import { renderTestPage } from './test-pages';
import { readRecords } from './warc';

const PARAGRAPHS = [
  'The regional water authority said on Tuesday that 1,200 new wells had been drilled in the province during 2024, double the number of the year before.',
  'Independent engineers who visited forty of the sites said that a third of them had never been connected to a pump or a pipe.',
  'The authority did not answer questions about the unconnected wells by the time of publication.',
];

describe('archiving evidence (database, local server)', () => {
  let db: TestDatabase;
  let server: EvidenceFixtureServer;
  let dir: string;
  let options: ArchiveOptions;
  const queued: string[] = [];
  before(async () => {
    [db, server, dir] = await Promise.all([
      createTestDatabase('evidence'),
      startEvidenceFixtureServer(),
      mkdtemp(join(tmpdir(), 'factmark-evidence-')),
    ]);
    options = {
      dir,
      fetch: {
        allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`),
        timeoutMs: 3000,
        maxBytes: MAX_IMPORT_BYTES,
        maxRedirects: 5,
      },
      queueClean: async (id) => {
        queued.push(id);
      },
    };
  });
  after(async () => {
    await Promise.all([db.drop(), server.close(), rm(dir, { recursive: true, force: true })]);
  });

  it('stores the response as a WARC record that warcio reads back byte for byte', async () => {
    const html = renderTestPage({ title: 'Wells', paragraphs: PARAGRAPHS, stamp: '10:01' });
    server.set('/wells.html', html);
    const result = await archiveSource(db.prisma, server.url('/wells.html#top'), options);
    assert.equal(result.error, null);
    assert.equal(result.created, true);
    assert.equal(result.source.url, server.url('/wells.html'));
    assert.equal(result.source.state, 'ARCHIVED');
    const capture = result.capture!;
    assert.equal(capture.status, 200);
    assert.equal(capture.payloadSha256, sha256Hex(html));
    assert.equal(capture.payloadSize, Buffer.byteLength(html));

    const records = await readRecords(await readBlob(dir, capture.warcSha256));
    assert.equal(records.length, 1);
    const [record] = records;
    assert.equal(record!.type, 'response');
    assert.equal(record!.url, server.url('/wells.html'));
    assert.equal(record!.recordId, capture.warcRecordId);
    assert.equal(record!.status, 200);
    assert.equal(Buffer.from(record!.body).toString('utf8'), html);
    const headers = Object.fromEntries(record!.headers.map(([k, v]) => [k.toLowerCase(), v]));
    assert.equal(headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(headers['content-length'], String(Buffer.byteLength(html)));
    assert.equal(new Date(record!.date!).getTime(), capture.fetchedAt.getTime());

    // The text quotes are anchored in: everything a reader sees, furniture included.
    const text = await readCaptureText(dir, capture);
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), p);
    assert.match(text, /Page generated 10:01/);

    // The cleaned text is left to a background job, queued at once.
    assert.equal(capture.cleanTextSha256, null);
    assert.deepEqual(queued, [capture.id]);
    const clean = await cleanCapture(db.prisma, dir, capture);
    for (const p of PARAGRAPHS) assert.ok(clean!.includes(p), p);
    assert.doesNotMatch(clean!, /generated|rights reserved|Most read/);
    const stored = await db.prisma.evidenceCapture.findUniqueOrThrow({ where: { id: capture.id } });
    assert.equal(stored.cleanTextSha256, sha256Hex(clean!));
    assert.equal((await readBlob(dir, stored.cleanTextSha256)).toString('utf8'), clean);
  });

  it('stores an identical body once and shows a failure while keeping the last copy', async () => {
    const again = await archiveSource(db.prisma, server.url('/wells.html'), options);
    assert.equal(again.created, false);
    const files = (await readdir(dir, { recursive: true })).filter((f) => !f.includes('.tmp'));
    const blobs = files.filter((f) => /[0-9a-f]{64}$/.test(f));
    assert.equal(blobs.length, 3, 'one WARC record, one visible text, one cleaned text');
    assert.equal(queued.length, 1, 'an identical body is not cleaned again');
    assert.equal(await db.prisma.evidenceCapture.count(), 1);

    server.set('/wells.html', 'Server error', 'text/plain', 500);
    const failed = await archiveSource(db.prisma, server.url('/wells.html'), options);
    assert.equal(failed.source.state, 'FAILED');
    assert.deepEqual(failed.error, {
      code: 'fetch_failed',
      message: `127.0.0.1:${server.port} answered 500 for this address.`,
    });
    assert.equal(failed.capture?.id, again.capture?.id);
  });

  it('refuses inner addresses the way URL import does', async () => {
    const refused = await archiveSource(db.prisma, 'http://169.254.169.254/latest/', options);
    assert.equal(refused.error?.code, 'address_not_allowed');
    assert.equal(refused.capture, null);
  });

  it('stores an uploaded text file as a copy', async () => {
    const capture = await storeUpload(db.prisma, dir, {
      name: 'statement.txt',
      type: 'text/plain',
      bytes: Buffer.from(PARAGRAPHS.join('\n\n')),
    });
    assert.equal(capture.kind, 'UPLOAD');
    const text = await readCaptureText(dir, capture);
    assert.ok(text.includes(PARAGRAPHS[1]!));
  });
});
