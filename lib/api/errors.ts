/**
 * The error body every route sends and every client reads: `{"error":{"code","message","issues?"}}`
 * plus optional details (e.g. `current` for a version conflict). One definition for both sides.
 */
import { z } from 'zod';

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: ErrorIssue[] } & Record<string, unknown>;
}

const errorBodySchema = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .passthrough(),
});

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
  const parsed = errorBodySchema.safeParse(payload);
  if (!parsed.success) {
    return { status, code: 'error', message: `Request failed (${status}).`, details: {} };
  }
  const { code, message, issues, ...details } = parsed.data.error;
  return { status, code, message, ...(issues ? { issues } : {}), details };
}

/** One line for the user: the message and, for invalid fields, which ones. */
export function describeError(error: ApiError): string {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues ? `${error.message} ${issues}` : error.message;
}
