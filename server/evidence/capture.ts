/**
 * Archiving evidence: a cited address is fetched through the URL import's SSRF-safe fetcher
 * (same limits and refusals), the response kept as a WARC record and its visible text (what
 * quotes are anchored in), both in the blob store; PostgreSQL keeps only the metadata
 * (EvidenceCapture). The import cleaner's article text, which watches compare, takes seconds on
 * a large page, so it is made by a background job (`cleanCapture`) unless it came for free. A
 * file the user has can be stored the same way. Identical bodies are stored once: a fetch whose
 * body matches the source's latest capture makes no new capture.
 */
import { AppError } from '../platform/errors';
import type { PrismaClient } from '../platform/db';
import type { EvidenceCapture, EvidenceSource } from '../generated/prisma/client';
import { fetchUrl, type Resolver } from '../import/fetch-url';
import type { ImportSettings } from '../import/settings';
import { putBlob, readBlob, sha256Hex } from './blob-store';
import { charsetOf, extractCopyText, extractReadableText } from './extract';
import { readRecords, writeResponseRecord } from './warc';

export interface ArchiveOptions {
  /** Blob store folder (EvidenceSettings.dir). */
  dir: string;
  fetch: ImportSettings;
  resolve?: Resolver;
  now?: () => Date;
  /** When the next scheduled re-check falls (hours after this fetch); default 24. */
  watchIntervalHours?: number;
  /**
   * Asks for the capture's cleaned text to be made in the background (the job queue). Without
   * it, or when it fails, the worker's sweep finds the capture later.
   */
  queueClean?: (captureId: string) => Promise<void>;
  /** Waits for the host's turn under the per-host rate limit (../jobs/fetch-gate paceHost). */
  pace?: (host: string) => Promise<void>;
}

/** A response or file ready to store: what arrived and its readable text. */
export interface CopyToStore {
  kind: 'FETCH' | 'UPLOAD';
  url: string;
  status: number | null;
  headers: [string, string][];
  mediaType: string | null;
  body: Uint8Array;
  fetchedAt: Date;
  /** The visible text, which quotes are anchored in. */
  text: string;
  /** The cleaned article text; null until a background job makes it. */
  cleanText: string | null;
  title: string | null;
}

/** A fetched response before its text is extracted. */
export type FetchedCopy = Omit<CopyToStore, 'text' | 'cleanText' | 'title'>;

/** Fetches an address; throws the fetcher's AppErrors. */
export async function fetchRaw(url: string, options: ArchiveOptions): Promise<FetchedCopy> {
  await options.pace?.(new URL(url).host);
  const page = await fetchUrl(url, { ...options.fetch, resolve: options.resolve });
  return {
    kind: 'FETCH',
    url: page.url,
    status: page.status,
    headers: page.headers,
    mediaType: page.mediaType,
    body: page.bytes,
    fetchedAt: options.now?.() ?? new Date(),
  };
}

const nameOf = (copy: { kind: string; url: string }) =>
  copy.kind === 'FETCH' ? new URL(copy.url).pathname : copy.url;

/**
 * Adds the visible text to a fetched response, and the cleaned text when `clean` is set (a
 * background job, which may take the time) or when it comes for free.
 */
export async function withText(fetched: FetchedCopy, { clean = false } = {}): Promise<CopyToStore> {
  const name = nameOf(fetched);
  const copy = await extractCopyText(
    fetched.body,
    fetched.mediaType,
    name,
    charsetOf(fetched.headers),
  );
  const cleanText =
    copy.cleanText ??
    (clean ? (await extractReadableText(fetched.body, fetched.mediaType, name)).text : null);
  return { ...fetched, text: copy.text, title: copy.title, cleanText };
}

/** Writes a copy's WARC record and text to the blob store and its metadata row. */
export async function storeCopy(
  prisma: PrismaClient,
  dir: string,
  copy: CopyToStore,
  sourceId: string | null,
): Promise<EvidenceCapture> {
  const headers: [string, string][] =
    copy.kind === 'FETCH'
      ? copy.headers
      : [['Content-Type', copy.mediaType ?? 'application/octet-stream']];
  const record = await writeResponseRecord({
    // An upload has no address of its own; its record is named after the file.
    url: copy.kind === 'FETCH' ? copy.url : `urn:factmark:upload:${encodeURIComponent(copy.url)}`,
    fetchedAt: copy.fetchedAt,
    status: copy.status ?? 200,
    headers,
    body: copy.body,
  });
  const [warcSha256, textSha256, cleanTextSha256] = await Promise.all([
    putBlob(dir, record.bytes),
    putBlob(dir, Buffer.from(copy.text, 'utf8')),
    copy.cleanText === null ? null : putBlob(dir, Buffer.from(copy.cleanText, 'utf8')),
  ]);
  return prisma.evidenceCapture.create({
    data: {
      sourceId,
      kind: copy.kind,
      url: copy.url,
      status: copy.status,
      mediaType: copy.mediaType,
      title: copy.title?.slice(0, 500) ?? null,
      fetchedAt: copy.fetchedAt,
      payloadSha256: sha256Hex(copy.body),
      payloadSize: copy.body.length,
      warcSha256,
      warcRecordId: record.recordId,
      textSha256,
      textLength: copy.text.length,
      cleanTextSha256,
      cleanTextLength: copy.cleanText?.length ?? null,
    },
  });
}

/** Queues the cleaning of a capture that has no cleaned text yet; a failure only logs. */
async function queueCleanIfNeeded(
  capture: EvidenceCapture,
  queueClean: ArchiveOptions['queueClean'],
) {
  if (capture.cleanTextSha256 || !queueClean) return;
  await queueClean(capture.id).catch((error: unknown) => {
    // The worker's sweep queues captures left without a cleaned text.
    console.error(`[factmark evidence] could not queue cleaning ${capture.id}:`, error);
  });
}

/**
 * The cleaned article text of a capture, made now from its WARC record when the capture has
 * none yet (and then stored): what the clean job and the watch use. Null when the WARC
 * record holds no response.
 */
export async function cleanCapture(
  prisma: PrismaClient,
  dir: string,
  capture: EvidenceCapture,
): Promise<string | null> {
  if (capture.cleanTextSha256) {
    return (await readBlob(dir, capture.cleanTextSha256)).toString('utf8');
  }
  const [record] = await readRecords(await readBlob(dir, capture.warcSha256));
  if (!record) return null;
  let text = '';
  try {
    ({ text } = await extractReadableText(record.body, capture.mediaType, nameOf(capture)));
  } catch (error) {
    // A kind the cleaner cannot read keeps an empty cleaned text, so it is not tried again.
    if (!(error instanceof AppError)) throw error;
  }
  const cleanTextSha256 = await putBlob(dir, Buffer.from(text, 'utf8'));
  await prisma.evidenceCapture.update({
    where: { id: capture.id },
    data: { cleanTextSha256, cleanTextLength: text.length },
  });
  return text;
}

/** The latest capture of a source, or null. */
export function latestCapture(prisma: PrismaClient, sourceId: string) {
  return prisma.evidenceCapture.findFirst({
    where: { sourceId },
    orderBy: [{ fetchedAt: 'desc' }, { createdAt: 'desc' }],
  });
}

/** The address as stored: parsed and re-serialised, without its fragment. */
export function normalizeSourceUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('validation_failed', 'The evidence address is not a valid URL.');
  }
  parsed.hash = '';
  return parsed.toString();
}

export interface ArchiveResult {
  source: EvidenceSource;
  /** The capture made or matched now; on failure, the last good capture (or null). */
  capture: EvidenceCapture | null;
  /** Why the fetch failed (the source stays FAILED and can be retried). */
  error: { code: string; message: string } | null;
  /** True when this fetch stored a new capture. */
  created: boolean;
}

/**
 * Archives `url` now: fetches it, and stores a new capture unless the body is the same as the
 * source's latest capture. Fetch failures are returned (and recorded on the source), not
 * thrown; an invalid address throws AppError validation_failed.
 */
export async function archiveSource(
  prisma: PrismaClient,
  url: string,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const address = normalizeSourceUrl(url);
  const source = await prisma.evidenceSource.upsert({
    where: { url: address },
    create: { url: address },
    update: {},
  });
  let fetched: FetchedCopy;
  try {
    fetched = await fetchRaw(address, options);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const failed = await prisma.evidenceSource.update({
      where: { id: source.id },
      data: { state: 'FAILED', lastError: error.message, lastCheckedAt: new Date() },
    });
    return {
      source: failed,
      capture: await latestCapture(prisma, source.id),
      error: { code: error.code, message: error.message },
      created: false,
    };
  }
  const previous = await latestCapture(prisma, source.id);
  const same = previous?.payloadSha256 === sha256Hex(fetched.body);
  const capture = same
    ? previous
    : await storeCopy(prisma, options.dir, await withText(fetched), source.id);
  if (!same) await queueCleanIfNeeded(capture!, options.queueClean);
  const archived = await prisma.evidenceSource.update({
    where: { id: source.id },
    data: {
      state: 'ARCHIVED',
      lastError: null,
      lastCheckedAt: fetched.fetchedAt,
      nextCheckAt: new Date(
        fetched.fetchedAt.getTime() + (options.watchIntervalHours ?? 24) * 3_600_000,
      ),
    },
  });
  return { source: archived, capture, error: null, created: !same };
}

/** Largest file accepted as a stored copy (the import's limit). */
export const MAX_UPLOAD_BYTES = 5_000_000;

/**
 * Stores a file the user has (HTML, text, Markdown, Word or PDF) as a copy of `url`'s evidence.
 * Throws AppError empty_input, too_large, unsupported_type or unreadable_input.
 */
export async function storeUpload(
  prisma: PrismaClient,
  dir: string,
  file: { name: string; type: string; bytes: Uint8Array },
  { queueClean }: Pick<ArchiveOptions, 'queueClean'> = {},
): Promise<EvidenceCapture> {
  if (!file.bytes.length) throw new AppError('empty_input', 'The file is empty.');
  if (file.bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError('too_large', 'The file is larger than 5 MB.');
  }
  const mediaType = file.type.split(';')[0]!.trim().toLowerCase() || null;
  const charset = charsetOf([['content-type', file.type]]);
  const { text, title, cleanText } = await extractCopyText(
    file.bytes,
    mediaType,
    file.name,
    charset,
  );
  const capture = await storeCopy(
    prisma,
    dir,
    {
      kind: 'UPLOAD',
      url: file.name,
      status: null,
      headers: [],
      mediaType,
      body: file.bytes,
      fetchedAt: new Date(),
      text,
      cleanText,
      title,
    },
    null,
  );
  await queueCleanIfNeeded(capture, queueClean);
  return capture;
}

/** The text quotes are anchored in: a capture's visible text. */
export async function readCaptureText(dir: string, capture: EvidenceCapture): Promise<string> {
  return (await readBlob(dir, capture.textSha256)).toString('utf8');
}
