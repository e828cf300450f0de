import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';
import { AppError } from '../platform/errors';
import { getClaimHistory } from '../queries/claim-history';
import {
  startEvidenceFixtureServer,
  type EvidenceFixtureServer,
} from '../dev/evidence-fixture-server';
import { parseAllowHosts } from '../import/address-policy';
import { MAX_IMPORT_BYTES } from '../import/settings';
import { archiveSource } from './capture';
import { anchorEvidence } from './link';
import { resolveAlert } from './service';
import { renderTestPage } from './test-pages';
import { recheckSource, type WatchOptions } from './watch';

const P = [
  'The health ministry reported 4,312 new cases in the week to Sunday, down from 5,020 the week before.',
  'Hospital admissions fell for the third week running, according to the same report.',
  'The ministry said vaccination clinics would stay open on weekends until the end of March.',
  'Opposition deputies questioned whether testing had been cut back in rural districts.',
];
// One claim per paragraph, each citing that paragraph's first sentence.
const QUOTES = P.map((p) => p.split(/(?<=,|\.) /)[0]!.replace(/,$/, ''));

describe('watching cited sources (database, local server)', () => {
  let db: TestDatabase;
  let server: EvidenceFixtureServer;
  let dir: string;
  let options: WatchOptions;
  let sourceId: string;
  const claimIds: string[] = [];

  const alertsByClaim = async () =>
    (await db.prisma.evidenceAlert.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => [
      claimIds.indexOf(a.claimId),
      a.change,
    ]);

  before(async () => {
    [db, server, dir] = await Promise.all([
      createTestDatabase('watch'),
      startEvidenceFixtureServer(),
      mkdtemp(join(tmpdir(), 'factmark-watch-')),
    ]);
    options = {
      dir,
      fetch: {
        allowHosts: parseAllowHosts(`127.0.0.1:${server.port}`),
        timeoutMs: 5000,
        maxBytes: MAX_IMPORT_BYTES,
        maxRedirects: 5,
      },
      watchIntervalHours: 24,
    };
    const user = await db.prisma.user.create({
      data: { email: 'w@test.example', name: 'W', role: 'EDITOR', passwordHash: 'x' },
    });
    server.set(
      '/report.html',
      renderTestPage({
        title: 'Weekly report',
        paragraphs: P,
        stamp: 'Mon 09:00',
        mostRead: ['A', 'B'],
      }),
    );
    const archived = await archiveSource(db.prisma, server.url('/report.html'), options);
    sourceId = archived.source.id;
    for (const quote of QUOTES) {
      const evidence = [
        {
          url: archived.source.url,
          title: null,
          quote,
          accessedAt: null,
          captureId: archived.capture!.id,
        },
      ];
      const [anchor] = await anchorEvidence(db.prisma, evidence, dir);
      assert.equal(anchor!.quoteAnchor, 'EXACT', quote);
      const claim = await db.prisma.claim.create({
        data: {
          text: `Claim about: ${quote}`,
          authorId: user.id,
          evidence: { create: { ...evidence[0]!, ...anchor!, createdById: user.id } },
        },
      });
      claimIds.push(claim.id);
    }
  });
  after(async () => {
    await Promise.all([db.drop(), server.close(), rm(dir, { recursive: true, force: true })]);
  });

  it('raises no alert and stores nothing when only the page furniture changed', async () => {
    server.set(
      '/report.html',
      renderTestPage({
        title: 'Weekly report',
        paragraphs: P,
        stamp: 'Tue 14:31',
        mostRead: ['C', 'D', 'E'],
      }),
    );
    const result = await recheckSource(db.prisma, sourceId, options);
    assert.equal(result.outcome, 'unchanged');
    assert.deepEqual(await alertsByClaim(), []);
    assert.equal(await db.prisma.evidenceCapture.count(), 1);
  });

  it('flags exactly the claims whose quote was edited or removed', async () => {
    const revised = [
      P[0]!.replace('4,312 new cases', '4,391 new cases'),
      P[1]!,
      // P[2] removed.
      `${P[3]!} A ministry spokesman denied it.`,
    ];
    server.set(
      '/report.html',
      renderTestPage({
        title: 'Weekly report',
        paragraphs: revised,
        stamp: 'Wed 08:00',
        mostRead: ['F'],
      }),
    );
    const result = await recheckSource(db.prisma, sourceId, options);
    assert.equal(result.outcome, 'changed');
    assert.deepEqual(await alertsByClaim(), [
      [0, 'CHANGED'],
      [2, 'VANISHED'],
    ]);
    const changed = await db.prisma.evidenceAlert.findFirstOrThrow({
      where: { change: 'CHANGED' },
    });
    assert.deepEqual(
      (changed.diff as { value: string; added?: boolean; removed?: boolean }[])
        .filter((p) => p.added || p.removed)
        .map((p) => p.value),
      ['312', '391'],
    );
    // Checking again finds the same text: nothing new.
    assert.equal((await recheckSource(db.prisma, sourceId, options)).outcome, 'unchanged');
    assert.equal(await db.prisma.evidenceAlert.count(), 2);
  });

  it('records who dismissed an alert, shown in the claim’s history; only once', async () => {
    const row = await db.prisma.user.create({
      data: { email: 'r@test.example', name: 'Rita', role: 'REVIEWER', passwordHash: 'x' },
    });
    const reviewer = { id: row.id, email: row.email, name: row.name, role: row.role };
    const alert = await db.prisma.evidenceAlert.findFirstOrThrow({
      where: { change: 'VANISHED', resolvedAt: null },
    });
    await resolveAlert(db.prisma, reviewer, alert.id);
    const events = await db.prisma.auditEvent.findMany({ where: { entityId: alert.id } });
    assert.deepEqual(
      events.map((e) => [e.action, e.entityType, e.actorId]),
      [['evidence_alert.dismiss', 'EvidenceAlert', reviewer.id]],
    );
    assert.equal((events[0]!.after as { claimId?: string }).claimId, alert.claimId);
    const history = await getClaimHistory(db.prisma, alert.claimId);
    assert.deepEqual(
      history.map((h) => [h.summary, h.actor?.name]),
      [['Dismissed a “source changed since cited” alert', 'Rita']],
    );
    assert.deepEqual(
      history[0]!.changes.map((c) => [c.label, c.beforeText, c.afterText]),
      [['Source changed since cited', `“${QUOTES[2]}” at ${alert.url} (vanished)`, '—']],
    );
    // A second dismissal finds nothing open and records nothing.
    await assert.rejects(
      resolveAlert(db.prisma, reviewer, alert.id),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: alert.id } }), 1);
  });
  it('on an approved claim, only a reviewer or admin who did not write it dismisses an alert', async () => {
    const alert = await db.prisma.evidenceAlert.findFirstOrThrow({
      where: { change: 'CHANGED', resolvedAt: null },
    });
    const claim = await db.prisma.claim.update({
      where: { id: alert.claimId },
      data: { reviewState: 'APPROVED' },
      include: { author: true },
    });
    const author = {
      id: claim.author.id,
      email: claim.author.email,
      name: claim.author.name,
      role: claim.author.role,
    };
    const other = await db.prisma.user.create({
      data: { email: 'e2@test.example', name: 'Eve', role: 'EDITOR', passwordHash: 'x' },
    });
    for (const actor of [author, { ...other, role: other.role }]) {
      await assert.rejects(
        resolveAlert(db.prisma, actor, alert.id),
        (error: unknown) =>
          error instanceof AppError &&
          error.code === 'forbidden' &&
          /a reviewer confirms/.test(error.message),
      );
    }
    // Refused: still open, nothing recorded.
    const still = await db.prisma.evidenceAlert.findUniqueOrThrow({ where: { id: alert.id } });
    assert.equal(still.resolvedAt, null);
    assert.equal(await db.prisma.auditEvent.count({ where: { entityId: alert.id } }), 0);
    const reviewerRow = await db.prisma.user.create({
      data: { email: 'r2@test.example', name: 'Ravi', role: 'REVIEWER', passwordHash: 'x' },
    });
    await resolveAlert(db.prisma, { ...reviewerRow, role: reviewerRow.role }, alert.id);
    assert.notEqual(
      (await db.prisma.evidenceAlert.findUniqueOrThrow({ where: { id: alert.id } })).resolvedAt,
      null,
    );
  });
});
