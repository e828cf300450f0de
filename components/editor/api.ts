/** Small JSON client for the article workspace: every call resolves to data or an error body. */

export interface ApiError {
  status: number;
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
  current?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function api<T>(url: string, method = 'GET', body?: unknown): Promise<ApiResult<T>> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return { ok: true, data: undefined as T };
  const payload = (await response.json().catch(() => null)) as
    { error?: Omit<ApiError, 'status'> } | T | null;
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: Omit<ApiError, 'status'> } | null)?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? 'error',
      message: error?.message ?? `Request failed (${response.status}).`,
      ...error,
    },
  };
}

/** One line for the user: the message and, for invalid fields, which ones. */
export function describeError(error: ApiError): string {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues ? `${error.message} ${issues}` : error.message;
}
