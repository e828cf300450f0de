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

/**
 * The export shape of the rows. A capture whose text cannot be read (blob store moved) keeps
 * its metadata and loses only the position selector's code point conversion: the stored
 * UTF-16 offsets are exported then, which equal code points unless the text has astral
 * characters.
 */
export async function toExportEvidence(
  rows: readonly ExportEvidenceRow[],
  dir: string,
  texts: CaptureTexts = new Map(),
): Promise<ExportEvidence[]> {
  return Promise.all(
    rows.map(async (row): Promise<ExportEvidence> => {
      const { capture } = row;
      const base = {
        id: row.id,
        url: row.url,
        title: row.title,
        quote: row.quote,
        accessedAt: row.accessedAt,
      };
      if (!capture) return { ...base, capture: null, quoteSelector: null };
      const placed =
        row.quoteAnchor !== null &&
        row.quoteAnchor !== 'NOT_FOUND' &&
        row.quoteStart !== null &&
        row.quoteEnd !== null;
      let quoteSelector: ExportEvidence['quoteSelector'] = null;
      if (placed) {
        if (!texts.has(capture.textSha256)) {
          texts.set(
            capture.textSha256,
            readBlob(dir, capture.textSha256).then(
              (b) => b.toString('utf8'),
              () => null,
            ),
          );
        }
        const text = await texts.get(capture.textSha256)!;
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
    }),
  );
}
