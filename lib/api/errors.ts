/**
 * The error body every route sends and every client reads: `{"error":{"code","message","issues?"}}`
 * plus optional details (e.g. `current` for a version conflict). One definition for both sides.
 */
export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: ErrorIssue[] } & Record<string, unknown>;
}

/**
 * Whether `payload` is our error body. Checked by hand, not with zod: this runs in the browser,
 * where zod's compiled parsers would need `eval`, which the Content-Security-Policy refuses.
 */
function isErrorBody(payload: unknown): payload is ErrorBody {
  if (typeof payload !== 'object' || payload === null) return false;
  const error = (payload as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, issues } = error as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (issues === undefined ||
      (Array.isArray(issues) &&
        issues.every(
          (i) =>
            typeof i === 'object' &&
            i !== null &&
            typeof (i as ErrorIssue).path === 'string' &&
            typeof (i as ErrorIssue).message === 'string',
        )))
  );
}

/** An error as the client sees it: the body's fields plus the HTTP status. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  issues?: ErrorIssue[];
  /** Details the route added (for a version conflict: the current record). */
  details: Record<string, unknown>;
}

/**
 * Reads an error response's JSON (or null when it had none); a body that is not ours (a proxy's
 * page, an empty reply) still gives a usable message naming the status.
 */
export function toApiError(status: number, payload: unknown): ApiError {
  if (!isErrorBody(payload)) {
    return { status, code: 'error', message: `Request failed (${status}).`, details: {} };
  }
  const { code, message, issues, ...details } = payload.error;
  return { status, code, message, ...(issues ? { issues } : {}), details };
}

/** One line for the user: the message and, for invalid fields, which ones. */
export function describeError(error: ApiError): string {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues ? `${error.message} ${issues}` : error.message;
}
