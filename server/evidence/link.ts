/**
 * Tying a claim's evidence to its stored copy: when evidence names a capture and a quote, the
 * quote is anchored in the capture's text on the server (the client's offsets are only a hint
 * between repeats), so what is saved is always what the copy holds.
 */
import { copyMatchesAddress } from '@/lib/evidence/copy-address';
import { anchorQuote } from '@/lib/evidence/quote';
import type { EvidenceInput } from '@/lib/claims';
import { AppError } from '../platform/errors';
import type { PrismaClient } from '../platform/db';
import type { QuoteAnchor } from '../generated/prisma/client';
import { readCaptureText } from './capture';
import { evidenceSettings } from './settings';

export interface EvidenceAnchorData {
  captureId: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  quoteAnchor: QuoteAnchor | null;
}

const NONE: EvidenceAnchorData = {
  captureId: null,
  quoteStart: null,
  quoteEnd: null,
  quotePrefix: null,
  quoteSuffix: null,
  quoteAnchor: null,
};

/**
 * The capture and quote selectors of each evidence item, in order. Throws AppError
 * validation_failed naming the item when it names a capture that does not exist, or one
 * fetched from another address (lib/evidence/copy-address.ts).
 */
export async function anchorEvidence(
  prisma: PrismaClient,
  evidence: readonly EvidenceInput[],
  dir = evidenceSettings().dir,
): Promise<EvidenceAnchorData[]> {
  const ids = [...new Set(evidence.map((e) => e.captureId).filter((id): id is string => !!id))];
  if (!ids.length) return evidence.map(() => NONE);
  const captures = new Map(
    (
      await prisma.evidenceCapture.findMany({
        where: { id: { in: ids } },
        include: { source: { select: { url: true } } },
      })
    ).map((c) => [c.id, c]),
  );
  const texts = new Map<string, Promise<string>>();
  return Promise.all(
    evidence.map(async (item, index): Promise<EvidenceAnchorData> => {
      if (!item.captureId) return NONE;
      const capture = captures.get(item.captureId);
      if (!capture) {
        throw new AppError('validation_failed', 'The stored copy of this evidence was not found.', {
          issues: [{ path: `evidence.${index}.captureId`, message: 'Unknown stored copy.' }],
        });
      }
      const origin = {
        kind: capture.kind,
        url: capture.url,
        sourceUrl: capture.source?.url ?? null,
      };
      if (!copyMatchesAddress(origin, item.url)) {
        throw new AppError(
          'validation_failed',
          'This stored copy is of another address: archive the cited address itself.',
          {
            issues: [
              {
                path: `evidence.${index}.captureId`,
                message: 'The stored copy is of another address.',
              },
            ],
          },
        );
      }
      if (!item.quote) return { ...NONE, captureId: capture.id };
      if (!texts.has(capture.id)) texts.set(capture.id, readCaptureText(dir, capture));
      const found = anchorQuote(
        await texts.get(capture.id)!,
        item.quote,
        item.quoteStart ?? undefined,
      );
      return {
        captureId: capture.id,
        quoteStart: found.anchor?.start ?? null,
        quoteEnd: found.anchor?.end ?? null,
        quotePrefix: found.anchor?.prefix ?? null,
        quoteSuffix: found.anchor?.suffix ?? null,
        quoteAnchor: found.state,
      };
    }),
  );
}
