/**
 * The evidence endpoints, by name, through the one client (./client): each call resolves to its
 * typed data or an ApiError.
 */
import type {
  AlertDTO,
  AnchoredQuoteDTO,
  ArchivedDTO,
  CaptureTextDTO,
  QuoteProofDTO,
  RecheckDTO,
} from '@/lib/evidence/api-types';
import { request } from './client';

const enc = encodeURIComponent;

export const evidenceApi = {
  archive: (url: string) => request<ArchivedDTO>('POST', '/api/evidence/captures', { url }),
  capture: (captureId: string) =>
    request<CaptureTextDTO>('GET', `/api/evidence/captures/${enc(captureId)}`),
  anchorQuote: (captureId: string, quote: string, start?: number) =>
    request<AnchoredQuoteDTO>('POST', `/api/evidence/captures/${enc(captureId)}/quote`, {
      quote,
      ...(start === undefined ? {} : { start }),
    }),
  recheck: (sourceId: string) =>
    request<RecheckDTO>('POST', `/api/evidence/sources/${enc(sourceId)}/recheck`),
  quoteProof: (evidenceId: string) =>
    request<QuoteProofDTO>('GET', `/api/evidence/quotes/${enc(evidenceId)}`),
  alerts: (claimId?: string) =>
    request<{ alerts: AlertDTO[] }>(
      'GET',
      `/api/evidence/alerts${claimId ? `?claim=${enc(claimId)}` : ''}`,
    ),
  dismissAlert: (alertId: string) =>
    request<void>('DELETE', `/api/evidence/alerts/${enc(alertId)}`),
};

/** Where the browser opens a stored copy (sandboxed) and downloads its WARC record. */
export const captureLinks = (captureId: string) => ({
  copy: `/api/evidence/captures/${enc(captureId)}/copy`,
  warc: `/api/evidence/captures/${enc(captureId)}/warc`,
});
