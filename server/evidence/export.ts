/**
 * Evidence rows as the exports show them (issue #15): the capture's metadata and the quote's
 * selectors, with TextPositionSelector offsets turned from stored UTF-16 indices into Unicode
 * code points (which needs the capture's stored text: read once per capture per export).
 */
import type { ExportEvidence } from '@/lib/export';
import type { CaptureKind, QuoteAnchor } from '../generated/prisma/client';
import { readBlob } from './blob-store';

/** What an export reads of an evidence row. */
export const exportEvidenceSelect = {
  id: true,
  url: true,
  title: true,
  quote: true,
  accessedAt: true,
  quoteStart: true,
  quoteEnd: true,
  quotePrefix: true,
  quoteSuffix: true,
  quoteAnchor: true,
  capture: {
    select: {
      id: true,
      kind: true,
      url: true,
      fetchedAt: true,
      payloadSha256: true,
      warcRecordId: true,
      textSha256: true,
    },
  },
} as const;

export interface ExportEvidenceRow {
  id: string;
  url: string;
  title: string | null;
  quote: string | null;
  accessedAt: Date | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  quoteAnchor: QuoteAnchor | null;
  capture: {
    id: string;
    kind: CaptureKind;
    url: string;
    fetchedAt: Date;
    payloadSha256: string;
    warcRecordId: string;
    textSha256: string;
  } | null;
}

/** Stored texts by sha256, shared by one export's claims. */
export type CaptureTexts = Map<string, Promise<string | null>>;

/** True when the row's quote was placed in its capture, so its selector needs the stored text. */
function needsCaptureText(row: ExportEvidenceRow): boolean {
  return (
    row.capture !== null &&
    row.quoteAnchor !== null &&
    row.quoteAnchor !== 'NOT_FOUND' &&
    row.quoteStart !== null &&
    row.quoteEnd !== null
  );
}

/**
 * The stored texts the rows' quote selectors need, by sha256: each read once (and remembered in
 * `texts`, so one export reads a text once however many claims cite it); null when unreadable.
 */
export async function readCaptureTexts(
  rows: Iterable<ExportEvidenceRow>,
  dir: string,
  texts: CaptureTexts = new Map(),
): Promise<ReadonlyMap<string, string | null>> {
  const wanted = new Set<string>();
  for (const row of rows) if (needsCaptureText(row)) wanted.add(row.capture!.textSha256);
  const read = new Map<string, string | null>();
  await Promise.all(
    [...wanted].map(async (sha) => {
      if (!texts.has(sha)) {
        texts.set(
          sha,
          readBlob(dir, sha).then(
            (b) => b.toString('utf8'),
            () => null,
          ),
        );
      }
      read.set(sha, await texts.get(sha)!);
    }),
  );
  return read;
}

/**
 * The export shape of one row, given the texts `readCaptureTexts` read for its batch. A capture
 * whose text cannot be read (blob store moved) keeps its metadata and loses only the position
 * selector's code point conversion: the stored UTF-16 offsets are exported then, which equal
 * code points unless the text has astral characters.
 */
export function toExportEvidenceRow(
  row: ExportEvidenceRow,
  texts: ReadonlyMap<string, string | null>,
): ExportEvidence {
  const { capture } = row;
  if (!capture) {
    // Most rows: built in one literal, an export maps tens of thousands.
    return {
      id: row.id,
      url: row.url,
      title: row.title,
      quote: row.quote,
      accessedAt: row.accessedAt,
      capture: null,
      quoteSelector: null,
    };
  }
  const base = {
    id: row.id,
    url: row.url,
    title: row.title,
    quote: row.quote,
    accessedAt: row.accessedAt,
  };
  let quoteSelector: ExportEvidence['quoteSelector'] = null;
  if (needsCaptureText(row)) {
    const text = texts.get(capture.textSha256) ?? null;
    const start = row.quoteStart!;
    const end = row.quoteEnd!;
    const toCodePoint = (offset: number) => (text ? [...text.slice(0, offset)].length : offset);
    quoteSelector = {
      exact: text ? text.slice(start, end) : (row.quote ?? ''),
      prefix: row.quotePrefix ?? '',
      suffix: row.quoteSuffix ?? '',
      start: toCodePoint(start),
      end: toCodePoint(end),
      match: row.quoteAnchor === 'EXACT' ? 'EXACT' : 'FUZZY',
    };
  }
  return {
    ...base,
    capture: {
      id: capture.id,
      kind: capture.kind,
      url: capture.url,
      fetchedAt: capture.fetchedAt,
      sha256: capture.payloadSha256,
      warcRecordId: capture.warcRecordId,
    },
    quoteSelector,
  };
}

/** The export shape of the rows (`toExportEvidenceRow`), reading the stored texts they need. */
export async function toExportEvidence(
  rows: readonly ExportEvidenceRow[],
  dir: string,
  texts: CaptureTexts = new Map(),
): Promise<ExportEvidence[]> {
  const read = await readCaptureTexts(rows, dir, texts);
  return rows.map((row) => toExportEvidenceRow(row, read));
}
