/**
 * WARC (ISO 28500, version 1.1) records of evidence captures, written and read with warcio
 * (webrecorder's warcio.js). A capture is one gzip-compressed `response` record: the status
 * line, the response headers and the body as received. The body is stored decoded (the fetcher
 * undoes gzip/deflate/br), so `Content-Encoding` and `Transfer-Encoding` are dropped and
 * `Content-Length` states the stored length, which keeps the record replayable as it stands.
 */
import { STATUS_CODES } from 'node:http';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';

const WARC_VERSION = 'WARC/1.1';
const SOFTWARE = 'Factmark evidence archive (warcio.js)';
const DROPPED_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

export interface ResponseCapture {
  url: string;
  fetchedAt: Date;
  status: number;
  headers: readonly (readonly [string, string])[];
  body: Uint8Array;
}

export interface WrittenRecord {
  /** The gzip-compressed record (a valid .warc.gz on its own). */
  bytes: Uint8Array;
  recordId: string;
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** Serialises one capture as a gzip-compressed WARC `response` record. */
export async function writeResponseRecord(capture: ResponseCapture): Promise<WrittenRecord> {
  const httpHeaders: [string, string][] = capture.headers
    .filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => [name, value]);
  httpHeaders.push(['Content-Length', String(capture.body.length)]);
  const record = WARCRecord.create(
    {
      url: capture.url,
      date: capture.fetchedAt.toISOString(),
      type: 'response',
      warcVersion: WARC_VERSION,
      statusline: `HTTP/1.1 ${capture.status} ${STATUS_CODES[capture.status] ?? ''}`.trimEnd(),
      httpHeaders,
    },
    once(capture.body),
  );
  const bytes = await WARCSerializer.serialize(record, { gzip: true });
  return { bytes, recordId: record.warcHeaders.headers.get('WARC-Record-ID') ?? '' };
}

/** A `warcinfo` record naming the file and the software (first record of a package). */
export async function writeInfoRecord(filename: string): Promise<Uint8Array> {
  const record = WARCRecord.createWARCInfo(
    { filename, warcVersion: WARC_VERSION },
    { software: SOFTWARE, format: 'WARC File Format 1.1' },
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

export interface ReadRecord {
  type: string | null;
  url: string | null;
  date: string | null;
  recordId: string | null;
  status: number | null;
  headers: [string, string][];
  body: Uint8Array;
}

/** Reads every record of a WARC file (gzip-compressed or not) with warcio's parser. */
export async function readRecords(bytes: Uint8Array): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for await (const record of new WARCParser(once(bytes))) {
    const body = await record.readFully(false);
    const http = record.httpHeaders;
    records.push({
      type: record.warcType ?? null,
      url: record.warcTargetURI ?? null,
      date: record.warcDate ?? null,
      recordId: record.warcHeaders.headers.get('WARC-Record-ID') ?? null,
      status: http ? Number(http.statusCode) : null,
      headers: http ? [...http.headers.entries()] : [],
      body,
    });
  }
  return records;
}
