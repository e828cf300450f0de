/**
 * The evidence endpoints, by name, through the one client (./client): each call resolves to its
 * typed data or an ApiError.
 */
import type {
  AlertDTO,
  AnchoredQuoteDTO,
  ArchivedDTO,
  ArticleRecheckDTO,
  ArticleWatchDTO,
  CaptureTextDTO,
  QuoteProofDTO,
  RecheckDTO,
} from '@/lib/evidence/api-types';
import { request, type ApiResult } from './client';

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
  articleWatch: (articleId: string) =>
    request<{ watch: ArticleWatchDTO | null }>('GET', `/api/articles/${enc(articleId)}/watch`),
  watchArticle: (articleId: string) =>
    request<{ watch: unknown }>('PUT', `/api/articles/${enc(articleId)}/watch`),
  recheckArticle: (articleId: string) =>
    request<ArticleRecheckDTO>('POST', `/api/articles/${enc(articleId)}/watch`),
  acceptProposal: (articleId: string, proposalId: string, baseRevisionId: string) =>
    request<unknown>('POST', `/api/articles/${enc(articleId)}/proposals/${enc(proposalId)}`, {
      action: 'accept',
      baseRevisionId,
    }),
  dismissProposal: (articleId: string, proposalId: string) =>
    request<void>('POST', `/api/articles/${enc(articleId)}/proposals/${enc(proposalId)}`, {
      action: 'dismiss',
    }),
};

/** Stores a file the user has (HTML, text, Markdown, Word, PDF) as an evidence copy. */
export function uploadCopy(file: File): Promise<ApiResult<ArchivedDTO>> {
  const form = new FormData();
  form.append('file', file);
  return request<ArchivedDTO>('POST', '/api/evidence/captures', form);
}

/** Where the browser opens a stored copy (sandboxed) and downloads its WARC record. */
export const captureLinks = (captureId: string) => ({
  copy: `/api/evidence/captures/${enc(captureId)}/copy`,
  warc: `/api/evidence/captures/${enc(captureId)}/warc`,
});
