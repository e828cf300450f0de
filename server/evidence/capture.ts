/**
 * Archiving evidence: a cited address is fetched through the URL import's SSRF-safe fetcher
 * (same limits and refusals), the response kept as a WARC record and its cleaned text, both in
 * the blob store; PostgreSQL keeps only the metadata (EvidenceCapture). A file the user has can
 * be stored the same way. Identical bodies are stored once: a fetch whose body matches the
 * source's latest capture makes no new capture.
 */
import { AppError } from '../platform/errors';
import type { PrismaClient } from '../platform/db';
import type { EvidenceCapture, EvidenceSource } from '../generated/prisma/client';
import { fetchUrl, type Resolver } from '../import/fetch-url';
import type { ImportSettings } from '../import/settings';
import { putBlob, readBlob, sha256Hex } from './blob-store';
import { extractReadableText } from './extract';
import { writeResponseRecord } from './warc';

export interface ArchiveOptions {
  /** Blob store folder (EvidenceSettings.dir). */
  dir: string;
  fetch: ImportSettings;
  resolve?: Resolver;
  now?: () => Date;
  /** When the next scheduled re-check falls (hours after this fetch); default 24. */
  watchIntervalHours?: number;
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
  text: string;
  title: string | null;
}

/** A fetched response before its text is extracted. */
export type FetchedCopy = Omit<CopyToStore, 'text' | 'title'>;

/** Fetches an address; throws the fetcher's AppErrors. */
export async function fetchRaw(url: string, options: ArchiveOptions): Promise<FetchedCopy> {
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

/** Adds the readable text to a fetched response. */
export async function withText(fetched: FetchedCopy): Promise<CopyToStore> {
  const name = fetched.kind === 'FETCH' ? new URL(fetched.url).pathname : fetched.url;
  const { text, title } = await extractReadableText(fetched.body, fetched.mediaType, name);
  return { ...fetched, text, title };
}

/** Fetches an address and extracts its text; throws the fetcher's AppErrors. */
export async function fetchCopy(url: string, options: ArchiveOptions): Promise<CopyToStore> {
  return withText(await fetchRaw(url, options));
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
  const textBytes = Buffer.from(copy.text, 'utf8');
  const [warcSha256, textSha256] = await Promise.all([
    putBlob(dir, record.bytes),
    putBlob(dir, textBytes),
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
    },
  });
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
): Promise<EvidenceCapture> {
  if (!file.bytes.length) throw new AppError('empty_input', 'The file is empty.');
  if (file.bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError('too_large', 'The file is larger than 5 MB.');
  }
  const mediaType = file.type.split(';')[0]!.trim().toLowerCase() || null;
  const { text, title } = await extractReadableText(file.bytes, mediaType, file.name);
  return storeCopy(
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
      title,
    },
    null,
  );
}

/** The cleaned text of a capture. */
export async function readCaptureText(dir: string, capture: EvidenceCapture): Promise<string> {
  return (await readBlob(dir, capture.textSha256)).toString('utf8');
}
