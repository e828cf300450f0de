/**
 * Watching cited sources: a re-fetch whose cleaned text differs from the latest capture's is
 * stored as a new capture, and every quote cited from an older capture of the source is
 * compared with its visible text (lib/evidence compareQuote, which re-anchors with
 * lib/anchoring). A quote that moved, changed or vanished opens an EvidenceAlert on its claim
 * ("source changed since cited"). The cleaned text decides, so furniture that changes on every
 * fetch (dates, "most read" lists) neither makes a capture nor an alert; the one exception is a
 * quote taken from outside the article text (a caption, a box) whose own words changed or
 * vanished: that still makes a capture and an alert.
 */
import { compareQuote } from '@/lib/evidence/quote';
import type { TextAnchor } from '@/lib/anchoring';
import { AppError } from '../platform/errors';
import type { PrismaClient } from '../platform/db';
import type { Prisma } from '../generated/prisma/client';
import { sha256Hex } from './blob-store';
import {
  cleanCapture,
  fetchRaw,
  latestCapture,
  readCaptureText,
  storeCopy,
  withText,
  type ArchiveOptions,
  type FetchedCopy,
} from './capture';

export interface WatchOptions extends ArchiveOptions {
  watchIntervalHours: number;
}

export type RecheckResult =
  | { outcome: 'unchanged' | 'changed'; captureId: string; alerts: number }
  | { outcome: 'failed'; error: { code: string; message: string } }
  | { outcome: 'missing' };

const nextCheck = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);

/**
 * Re-fetches one source and compares it with its latest capture. A fetch failure is recorded on
 * the source (state FAILED, the message) and returned; callers that want a retry (the job
 * queue) throw on it.
 */
export async function recheckSource(
  prisma: PrismaClient,
  sourceId: string,
  options: WatchOptions,
): Promise<RecheckResult> {
  const source = await prisma.evidenceSource.findUnique({ where: { id: sourceId } });
  if (!source) return { outcome: 'missing' };
  let fetched: FetchedCopy;
  try {
    fetched = await fetchRaw(source.url, options);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const now = new Date();
    await prisma.evidenceSource.update({
      where: { id: sourceId },
      data: {
        state: 'FAILED',
        lastError: error.message,
        lastCheckedAt: now,
        nextCheckAt: nextCheck(now, options.watchIntervalHours),
      },
    });
    return { outcome: 'failed', error: { code: error.code, message: error.message } };
  }
  const checked = {
    state: 'ARCHIVED' as const,
    lastError: null,
    lastCheckedAt: fetched.fetchedAt,
    nextCheckAt: nextCheck(fetched.fetchedAt, options.watchIntervalHours),
  };
  const previous = await latestCapture(prisma, sourceId);
  // The same bytes need no reading; other bytes are compared by their cleaned text.
  if (previous && previous.payloadSha256 === sha256Hex(fetched.body)) {
    await prisma.evidenceSource.update({ where: { id: sourceId }, data: checked });
    return { outcome: 'unchanged', captureId: previous.id, alerts: 0 };
  }
  // A job has the time to clean the copy now.
  const copy = await withText(fetched, { clean: true });
  if (previous && copy.cleanText !== null) {
    const previousClean = await cleanCapture(prisma, options.dir, previous);
    const sameArticle = previousClean === copy.cleanText;
    if (sameArticle) {
      const changes = await quoteChanges(prisma, options.dir, sourceId, copy.text);
      if (!changes.some((c) => c.change !== 'MOVED')) {
        await prisma.evidenceSource.update({ where: { id: sourceId }, data: checked });
        return { outcome: 'unchanged', captureId: previous.id, alerts: 0 };
      }
    }
  }
  const capture = await storeCopy(prisma, options.dir, copy, sourceId);
  const changes = await quoteChanges(prisma, options.dir, sourceId, copy.text, capture.id);
  const alerts = changes.length
    ? (
        await prisma.evidenceAlert.createMany({
          data: changes.map((c) => ({ ...c, toCaptureId: capture.id })),
          skipDuplicates: true,
        })
      ).count
    : 0;
  await prisma.evidenceSource.update({ where: { id: sourceId }, data: checked });
  return { outcome: 'changed', captureId: capture.id, alerts };
}

type QuoteAlert = Omit<Prisma.EvidenceAlertCreateManyInput, 'toCaptureId'>;

/**
 * Compares every quote cited from the source's captures (but `newCaptureId`) with a newer
 * visible text: one alert for each quote that moved, changed or vanished.
 */
async function quoteChanges(
  prisma: PrismaClient,
  dir: string,
  sourceId: string,
  newText: string,
  newCaptureId?: string,
): Promise<QuoteAlert[]> {
  const cited = await prisma.evidence.findMany({
    where: {
      capture: { sourceId },
      ...(newCaptureId ? { captureId: { not: newCaptureId } } : {}),
      quoteStart: { not: null },
      quoteEnd: { not: null },
    },
    include: { capture: true },
  });
  const texts = new Map<string, Promise<string>>();
  const alerts: QuoteAlert[] = [];
  for (const evidence of cited) {
    const capture = evidence.capture!;
    if (!texts.has(capture.id)) texts.set(capture.id, readCaptureText(dir, capture));
    const oldText = await texts.get(capture.id)!;
    const start = evidence.quoteStart!;
    const end = evidence.quoteEnd!;
    if (end > oldText.length || start > end) continue;
    const anchor: TextAnchor = {
      start,
      end,
      exact: oldText.slice(start, end),
      prefix: evidence.quotePrefix ?? '',
      suffix: evidence.quoteSuffix ?? '',
    };
    const change = compareQuote(anchor, newText);
    if (!change) continue;
    alerts.push({
      claimId: evidence.claimId,
      url: evidence.url,
      quote: anchor.exact,
      change: change.change,
      fromCaptureId: capture.id,
      diff: change.diff as unknown as Prisma.InputJsonValue,
      newQuote: change.anchor?.exact ?? null,
    });
  }
  return alerts;
}

/** Sources due for a re-check (never checked, or their next check has come), oldest first. */
export async function dueSources(prisma: PrismaClient, now: Date, limit = 10_000) {
  const rows = await prisma.evidenceSource.findMany({
    where: { OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
    orderBy: { nextCheckAt: { sort: 'asc', nulls: 'first' } },
    select: { id: true },
    take: limit,
  });
  return rows.map((r) => r.id);
}
