/** The review components' one way to call the JSON API from the browser. */

export interface ApiError {
  status: number;
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
  [detail: string]: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Sends JSON and returns the answer, or the API's error (with a readable message). */
export async function sendJson<T = unknown>(
  url: string,
  method: 'POST' | 'PATCH',
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      error: { status: 0, code: 'network', message: 'The server could not be reached.' },
    };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: payload as T };
  const error = (payload as { error?: Partial<ApiError> } | null)?.error;
  return {
    ok: false,
    error: {
      ...error,
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : 'unknown',
      message:
        typeof error?.message === 'string' ? error.message : `Request failed (${response.status}).`,
    },
  };
}

/** The error as one line for an alert: the message, then what each named field needs. */
export function describeError(error: ApiError): string {
  const issues = (error.issues ?? [])
    .map((i) => i.message)
    .filter((m) => m && !error.message.includes(m));
  return [error.message, ...issues].join(' ');
}
