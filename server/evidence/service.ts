/**
 * What the evidence routes need beyond archiving: a capture with its text, anchoring a quote in
 * it, the sandboxed copy, single records and a claim's evidence package as .warc.gz, the open
 * "source changed since cited" alerts, and the failed jobs admins see.
 */
import type { AlertDTO, QuoteProofDTO } from '@/lib/evidence/api-types';
import type { ReviewState } from '@/lib/domain';
import type { DiffPart } from '@/lib/evidence/quote';
import { canDismissSourceAlert } from '@/lib/review/permissions';
import { anchorQuote, quotePassage, type AnchoredQuote } from '@/lib/evidence/quote';
import type { PrismaClient } from '../platform/db';
import { forbidden, notFound } from '../platform/errors';
import type { EvidenceCapture } from '../generated/prisma/client';
import type { SessionUser } from '../users';
import { readBlob } from './blob-store';
import { readCaptureText } from './capture';
import { readRecords, writeInfoRecord } from './warc';

export async function getCaptureOrThrow(
  prisma: PrismaClient,
  id: string,
): Promise<EvidenceCapture> {
  const capture = await prisma.evidenceCapture.findUnique({ where: { id } });
  if (!capture) throw notFound('The stored copy');
  return capture;
}

/** The capture's metadata as the API shows it (no storage paths). */
export function captureView(capture: EvidenceCapture) {
  return {
    id: capture.id,
    sourceId: capture.sourceId,
    kind: capture.kind,
    url: capture.url,
    status: capture.status,
    mediaType: capture.mediaType,
    title: capture.title,
    fetchedAt: capture.fetchedAt.toISOString(),
    sha256: capture.payloadSha256,
    size: capture.payloadSize,
    warcRecordId: capture.warcRecordId,
  };
}

export async function captureWithText(prisma: PrismaClient, dir: string, id: string) {
  const capture = await getCaptureOrThrow(prisma, id);
  return { capture: captureView(capture), text: await readCaptureText(dir, capture) };
}

export async function anchorInCapture(
  prisma: PrismaClient,
  dir: string,
  id: string,
  quote: string,
  start?: number,
): Promise<AnchoredQuote> {
  const capture = await getCaptureOrThrow(prisma, id);
  return anchorQuote(await readCaptureText(dir, capture), quote, start);
}

/**
 * A cited quote in its stored copy, for the reviewer: the quote highlighted in its paragraph and
 * the copy's fetch date. `passage` is null when the evidence has no copy or the quote was not
 * found in it. Throws 404 for unknown evidence.
 */
export async function quoteProof(
  prisma: PrismaClient,
  dir: string,
  evidenceId: string,
): Promise<QuoteProofDTO> {
  const evidence = await prisma.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      url: true,
      quote: true,
      quoteStart: true,
      quoteEnd: true,
      quoteAnchor: true,
      capture: true,
    },
  });
  if (!evidence) throw notFound('The evidence');
  const { capture, quoteStart, quoteEnd, quoteAnchor } = evidence;
  const placed =
    capture &&
    quoteAnchor &&
    quoteAnchor !== 'NOT_FOUND' &&
    quoteStart !== null &&
    quoteEnd !== null;
  return {
    evidenceId: evidence.id,
    url: evidence.url,
    quote: evidence.quote,
    quoteAnchor,
    capture: capture ? captureView(capture) : null,
    passage: placed
      ? quotePassage(await readCaptureText(dir, capture), quoteStart, quoteEnd)
      : null,
  };
}

/**
 * The Content-Security-Policy of a stored copy: nothing may load or run (no scripts, styles
 * from the page only inline, images only inline data), and `sandbox` without allow-scripts
 * also blocks forms, plugins, pop-ups and top navigation.
 */
export const STORED_COPY_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; " +
  "form-action 'none'; frame-ancestors 'self'; base-uri 'none'; sandbox";

/** The stored body to show in a sandboxed frame: HTML and text as stored, PDFs as their text. */
export async function storedCopyResponse(
  prisma: PrismaClient,
  dir: string,
  id: string,
): Promise<Response> {
  const capture = await getCaptureOrThrow(prisma, id);
  const headers = {
    'content-security-policy': STORED_COPY_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'private, max-age=3600',
  };
  const html = capture.mediaType === 'text/html' || capture.mediaType === 'application/xhtml+xml';
  if (!html) {
    return new Response(await readCaptureText(dir, capture), {
      headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const [record] = await readRecords(await readBlob(dir, capture.warcSha256));
  const charset = record?.headers
    .find(([name]) => name.toLowerCase() === 'content-type')?.[1]
    ?.match(/charset=([^;]+)/i)?.[1];
  return new Response(Buffer.from(record?.body ?? new Uint8Array()), {
    headers: { ...headers, 'content-type': `text/html${charset ? `; charset=${charset}` : ''}` },
  });
}

/** One capture's WARC record as a .warc.gz download. */
export async function captureWarc(prisma: PrismaClient, dir: string, id: string) {
  const capture = await getCaptureOrThrow(prisma, id);
  return warcDownload(
    [
      await writeInfoRecord(`capture-${capture.id}.warc.gz`),
      await readBlob(dir, capture.warcSha256),
    ],
    `capture-${capture.id}.warc.gz`,
  );
}

/**
 * A claim's evidence package: a warcinfo record, then every capture its evidence cites and the
 * newer captures of the same sources, oldest first, in one .warc.gz (a concatenation of gzip
 * members, as replay tools expect).
 */
export async function claimEvidencePackage(prisma: PrismaClient, dir: string, claimId: string) {
  const claim = await prisma.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      evidence: { select: { captureId: true, capture: { select: { sourceId: true } } } },
    },
  });
  if (!claim) throw notFound('Claim');
  const captureIds = claim.evidence.map((e) => e.captureId).filter((id): id is string => !!id);
  const sourceIds = claim.evidence
    .map((e) => e.capture?.sourceId)
    .filter((id): id is string => !!id);
  const captures = await prisma.evidenceCapture.findMany({
    where: { OR: [{ id: { in: captureIds } }, { sourceId: { in: sourceIds } }] },
    orderBy: { fetchedAt: 'asc' },
  });
  const name = `claim-${claim.id}-evidence.warc.gz`;
  const parts = [await writeInfoRecord(name)];
  for (const capture of captures) parts.push(await readBlob(dir, capture.warcSha256));
  return warcDownload(parts, name);
}

function warcDownload(parts: Uint8Array[], name: string): Response {
  return new Response(Buffer.concat(parts), {
    headers: {
      'content-type': 'application/warc',
      'content-disposition': `attachment; filename="${name}"`,
    },
  });
}

/** Open "source changed since cited" alerts, newest first, with their claim. */
export async function listOpenAlerts(prisma: PrismaClient, claimId?: string): Promise<AlertDTO[]> {
  const alerts = await prisma.evidenceAlert.findMany({
    where: { resolvedAt: null, ...(claimId ? { claimId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: {
      claim: { select: { id: true, text: true, reviewState: true, verdict: true, authorId: true } },
    },
  });
  const captureIds = [...new Set(alerts.flatMap((a) => [a.fromCaptureId, a.toCaptureId]))];
  const fetched = new Map(
    (
      await prisma.evidenceCapture.findMany({
        where: { id: { in: captureIds } },
        select: { id: true, fetchedAt: true },
      })
    ).map((c) => [c.id, c.fetchedAt.toISOString()]),
  );
  return alerts.map((a) => ({
    id: a.id,
    claim: a.claim,
    url: a.url,
    quote: a.quote,
    newQuote: a.newQuote,
    change: a.change,
    // Written by watch.ts from lib/evidence's wordDiff.
    diff: a.diff as unknown as DiffPart[],
    citedCapture: { id: a.fromCaptureId, fetchedAt: fetched.get(a.fromCaptureId) ?? null },
    newCapture: { id: a.toCaptureId, fetchedAt: fetched.get(a.toCaptureId) ?? null },
    createdAt: a.createdAt.toISOString(),
  }));
}

/**
 * Marks an alert as seen and dealt with, and records who did it (`evidence_alert.dismiss`, in
 * the claim's history) in the same transaction. 404 when unknown or already resolved: of two
 * dismissals at once, one is recorded. 403 with the reason when lib/review's
 * `canDismissSourceAlert` refuses (an approved claim's alert is a reviewer's call), read with the
 * claim row locked, so an approval committing meanwhile is counted.
 */
export async function resolveAlert(prisma: PrismaClient, user: SessionUser, id: string) {
  await prisma.$transaction(async (tx) => {
    const [claim] = await tx.$queryRaw<{ reviewState: ReviewState; authorId: string }[]>`
      SELECT c."reviewState"::text AS "reviewState", c."authorId" FROM "Claim" c
      JOIN "EvidenceAlert" a ON a."claimId" = c.id
      WHERE a.id = ${id} AND a."resolvedAt" IS NULL
      FOR SHARE OF c`;
    if (!claim) throw notFound('The alert');
    const permission = canDismissSourceAlert(user, claim);
    if (!permission.allowed)
      throw forbidden(`You cannot dismiss this alert: ${permission.reason}.`);
    const resolvedAt = new Date();
    const [alert] = await tx.evidenceAlert.updateManyAndReturn({
      where: { id, resolvedAt: null },
      data: { resolvedAt },
      select: { claimId: true, url: true, quote: true, change: true, newQuote: true },
    });
    if (!alert) throw notFound('The alert');
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: 'evidence_alert.dismiss',
        entityType: 'EvidenceAlert',
        entityId: id,
        before: { ...alert, resolvedAt: null },
        after: { claimId: alert.claimId, resolvedAt: resolvedAt.toISOString() },
      },
    });
  });
}

/** Jobs that failed for good (retries used up), newest first, and sources whose last fetch failed. */
export async function failedWork(prisma: PrismaClient) {
  let jobs: {
    id: string;
    name: string;
    data: unknown;
    output: unknown;
    retryCount: number;
    at: Date;
  }[] = [];
  try {
    jobs = await prisma.$queryRawUnsafe(
      `SELECT id::text, name, data, output, retry_count AS "retryCount", completed_on AS at
         FROM pgboss.job WHERE state = 'failed'
       UNION ALL
       SELECT id::text, name, data, output, retry_count, completed_on
         FROM pgboss.archive WHERE state = 'failed'
       ORDER BY at DESC NULLS LAST LIMIT 200`,
    );
  } catch {
    // The queue's schema does not exist until a worker has started once.
  }
  const sources = await prisma.evidenceSource.findMany({
    where: { state: 'FAILED' },
    orderBy: { lastCheckedAt: 'desc' },
    take: 200,
  });
  return { jobs, sources };
}
