/**
 * The browser's one client of the JSON API: every call resolves to its typed data or an
 * ApiError (./errors), never throws for an HTTP failure. Response types come from ./types,
 * the same ones the routes are checked against.
 */
import type { TextEdit } from '@/lib/anchoring/text-edits';
import type { ClaimUpdate, NewClaim, SpanInput } from '@/lib/claims';
import type { AnchorState } from '@/lib/domain';
import type { LibraryValueField, LibraryValues } from '@/lib/library';
import type { PeopleGroup, PeopleResults } from '@/lib/people';
import type { SearchResults } from '@/lib/search/types';
import { toApiError, type ApiError } from './errors';
import type {
  ArticleAnnotationsDTO,
  ClaimCreatedDTO,
  ClaimDTO,
  CommentDTO,
  DiscussionDTO,
  HistoryEntryDTO,
  SpanLinkedDTO,
} from './types';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One request; 204 resolves to `undefined` data. A network failure becomes status 0. A
 * `FormData` body (a file upload) is sent as multipart; any other body as JSON.
 */
export async function request<T>(
  method: Method,
  url: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    const form = body instanceof FormData;
    response = await fetch(url, {
      method,
      headers: body === undefined || form ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      error: {
        status: 0,
        code: 'network',
        message: 'The server could not be reached.',
        details: {},
      },
    };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  return { ok: false, error: toApiError(response.status, payload) };
}

const enc = encodeURIComponent;

/** Every endpoint the workspace uses, by name. */
export const api = {
  articleAnnotations: (articleId: string) =>
    request<ArticleAnnotationsDTO>('GET', `/api/articles/${enc(articleId)}/annotations`),
  reviseArticle: (
    articleId: string,
    body: { baseRevisionId: string; text: string; edits?: TextEdit[] },
  ) =>
    request<{ revision: { number: number }; summary: Record<AnchorState, number> }>(
      'POST',
      `/api/articles/${enc(articleId)}/revisions`,
      body,
    ),
  getClaim: (claimId: string) => request<{ claim: ClaimDTO }>('GET', `/api/claims/${enc(claimId)}`),
  searchClaims: (q: string) => request<{ claims: ClaimDTO[] }>('GET', `/api/claims?q=${enc(q)}`),
  /** Articles by title, byline, source or text, best first (the global search, articles only). */
  searchArticles: (q: string) =>
    request<SearchResults>('GET', `/api/search?type=articles&typing=1&q=${enc(q.slice(0, 200))}`),
  /** Source names or authors containing or resembling `q` (the library's filters). */
  libraryValues: (field: LibraryValueField, q: string) =>
    request<LibraryValues>('GET', `/api/library/values?field=${field}&q=${enc(q.slice(0, 200))}`),
  /** People of a filter's group whose name contains or resembles `q` (the people filters). */
  searchPeople: (q: string, among: PeopleGroup) =>
    request<PeopleResults>('GET', `/api/people?among=${among}&q=${enc(q.slice(0, 100))}`),
  createClaim: (body: NewClaim) => request<ClaimCreatedDTO>('POST', '/api/claims', body),
  updateClaim: (claimId: string, body: ClaimUpdate) =>
    request<{ claim: ClaimDTO }>('PATCH', `/api/claims/${enc(claimId)}`, body),
  deleteClaim: (claimId: string) => request<void>('DELETE', `/api/claims/${enc(claimId)}`),
  linkSpan: (claimId: string, span: SpanInput) =>
    request<SpanLinkedDTO>('POST', `/api/claims/${enc(claimId)}/annotations`, span),
  removeSpan: (annotationId: string) =>
    request<void>('DELETE', `/api/annotations/${enc(annotationId)}`),
  reattachSpan: (annotationId: string, span: SpanInput) =>
    request<unknown>('PATCH', `/api/annotations/${enc(annotationId)}`, span),
  submitClaim: (claimId: string, version: number) =>
    request<unknown>('POST', `/api/claims/${enc(claimId)}/submit`, { version }),
  discussion: (claimId: string) =>
    request<DiscussionDTO>('GET', `/api/claims/${enc(claimId)}/comments`),
  addComment: (claimId: string, body: string) =>
    request<{ comment: CommentDTO }>('POST', `/api/claims/${enc(claimId)}/comments`, { body }),
  history: (claimId: string) =>
    request<{ history: HistoryEntryDTO[] }>('GET', `/api/claims/${enc(claimId)}/history`),
};
