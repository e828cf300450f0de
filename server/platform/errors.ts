/**
 * The one place that turns a thrown error into an HTTP response. Bodies look like
 * `{"error":{"code","message","issues?"}}`; codes are snake_case and map to statuses in
 * ERROR_STATUS. Unknown errors become a generic 500 and are logged, never sent to the client.
 */
import { z } from 'zod';

/** What zod's type names mean to someone writing a request. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  null: 'null',
  literal: 'a fixed value',
  record: 'an object',
  tuple: 'a list',
};

/**
 * zod's own words for a wrong type name JavaScript's types ("Invalid input: expected string,
 * received undefined"): library text, and "undefined" says nothing to a client. This error map
 * says it in ours ("Required.", "Expected text."); a message a schema sets itself still wins.
 * Installed with `z.config` by the route wrapper (api.ts), not here: the command-line cleaner
 * loads this module for AppError and must not load zod.
 */
export const zodMessage: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'Required.';
  return `Expected ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
};

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  // A method the address does not answer; the answer carries an Allow header (RFC 9110).
  method_not_allowed: 405,
  conflict: 409,
  last_admin: 409,
  // A passage linked to a claim a second time (issue #16).
  already_linked: 409,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
  // Import (issue #7): what can go wrong with a pasted text, an upload or a fetched page.
  empty_input: 400,
  duplicate_article: 409,
  too_large: 413,
  unsupported_type: 415,
  unreadable_input: 422,
  no_text: 422,
  address_not_allowed: 422,
  fetch_failed: 502,
  fetch_timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  path: string;
  message: string;
}

/** An expected failure with a code the client can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const unauthorized = () => new AppError('unauthorized', 'Sign in to continue.');
export const forbidden = (message = 'Your role does not allow this.') =>
  new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/** The methods a route can implement, in the order a message lists them. */
export const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * What an address answers, for its Allow header (sorted, as Next.js writes it): the methods
 * `implemented`, HEAD wherever GET is (Next.js answers it with the GET handler), and OPTIONS.
 */
export function allowedMethods(implemented: readonly RouteMethod[]): string[] {
  const allow = new Set<string>([...implemented, 'OPTIONS']);
  if (allow.has('GET')) allow.add('HEAD');
  return [...allow].sort();
}

/**
 * 405 method_not_allowed for `method` at an address that implements `implemented`: the message
 * names them, and `allow` (in the body and the Allow header) lists every method it answers.
 */
export const methodNotAllowed = (method: string, implemented: readonly RouteMethod[]) => {
  const listed = ROUTE_METHODS.filter((m) => implemented.includes(m)).join(', ');
  return new AppError(
    'method_not_allowed',
    `${method} is not allowed here; this address accepts ${listed}.`,
    { allow: allowedMethods(implemented) },
  );
};

/** Builds the JSON error response for anything thrown by a route handler. */
export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    return body(400, {
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      issues: error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      })),
    });
  }
  if (error instanceof AppError) {
    const { retryAfter, allow } = error.details ?? {};
    const headers: Record<string, string> = {};
    if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
    if (Array.isArray(allow)) headers['Allow'] = allow.join(', ');
    return body(
      error.status,
      { code: error.code, message: error.message, ...error.details },
      headers,
    );
  }
  if (isDatabaseUnavailable(error)) {
    console.error('[factmark] database unavailable:', describeForLog(error));
    return body(
      503,
      { code: 'service_unavailable', message: DATABASE_UNAVAILABLE },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  if (isBadTextForDatabase(error)) {
    return body(400, {
      code: 'bad_request',
      message: 'A text contains a character that is not allowed (NUL or broken UTF-16).',
    });
  }
  if (isBadDateForDatabase(error)) {
    console.error('[factmark] a date passed validation but not PostgreSQL:', describeForLog(error));
    return body(400, {
      code: 'bad_request',
      message: 'A date or time does not exist or is out of range (years 1-9999).',
    });
  }
  if (isTransactionConflict(error)) {
    console.warn('[factmark] transaction aborted, answered 409:', describeForLog(error));
    return body(409, { code: 'conflict', message: TRANSACTION_CONFLICT });
  }
  const prismaCode = prismaErrorCode(error);
  if (prismaCode === 'P2002') {
    return body(409, { code: 'conflict', message: 'A record with these values already exists.' });
  }
  if (prismaCode === 'P2025') {
    return body(404, { code: 'not_found', message: 'The record was not found.' });
  }
  console.error('[factmark] unhandled error in a route handler:', error);
  return body(500, { code: 'internal_error', message: 'Something went wrong on the server.' });
}

function prismaErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

function body(
  status: number,
  error: Record<string, unknown>,
  headers?: Record<string, string>,
): Response {
  return Response.json({ error }, { status, headers });
}

export const DATABASE_UNAVAILABLE =
  'Factmark cannot reach its database right now. Nothing was changed; try again in a minute.';
/** What a 503 asks clients to wait: long enough for a database restart or failover. */
export const RETRY_AFTER_SECONDS = 30;

/** Driver-adapter kinds and PostgreSQL classes that mean "the database is not there". */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
  'TransactionAlreadyClosed',
]);
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

const UNAVAILABLE_CODES =
  /^(P1\d{3}|P2024|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|08\w{3}|57P0[1-3]|53300)$/;

function causeOf(error: unknown): { kind?: string; code?: string; originalCode?: string } {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: unknown } } })?.meta;
  const cause = meta?.driverAdapterError?.cause ?? (error as { cause?: unknown })?.cause;
  return typeof cause === 'object' && cause !== null ? (cause as Record<string, string>) : {};
}

/** True for an error that means the database is down or unreachable (answer 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: string }).name ?? '';
  if (name === 'PrismaClientInitializationError') return true;
  const code = String((error as { code?: unknown }).code ?? '');
  const cause = causeOf(error);
  return (
    // node-postgres' pool had no free connection within connectionTimeoutMillis: overloaded.
    (error as { message?: unknown }).message === POOL_TIMEOUT ||
    UNAVAILABLE_CODES.test(code) ||
    UNAVAILABLE_KINDS.has(cause.kind ?? '') ||
    UNAVAILABLE_CODES.test(cause.originalCode ?? cause.code ?? '')
  );
}

export const TRANSACTION_CONFLICT =
  'Someone else was changing the same items at the same moment, so nothing was saved. ' +
  'Please try again.';

/** Deadlock detected (40P01), serialization failure (40001), and Prisma's code for either. */
const CONFLICT_CODES = /^(40P01|40001|P2034)$/;

/**
 * True when PostgreSQL aborted the transaction to break a deadlock or a serialization conflict
 * (Prisma's P2034 for a model query; P2010 with a `TransactionWriteConflict` cause for a raw
 * one; the bare SQLSTATE from node-postgres). Nothing was written: the request can be retried.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const cause = causeOf(error);
  return (
    CONFLICT_CODES.test(String((error as { code?: unknown }).code ?? '')) ||
    cause.kind === 'TransactionWriteConflict' ||
    CONFLICT_CODES.test(cause.originalCode ?? cause.code ?? '')
  );
}

/** PostgreSQL refusing a text (NUL byte, bad encoding): the input rule should have caught it. */
function isBadTextForDatabase(error: unknown): boolean {
  const code = sqlState(error);
  return code === '22021' || code === '22P05';
}

/**
 * PostgreSQL refusing a date or time: invalid_datetime_format (22007), datetime_field_overflow
 * (22008: 30 February, year 0), invalid_time_zone_displacement_value (22009: what it makes of a
 * `+010000-…` year). The date schemas in lib/dates.ts should have caught it.
 */
function isBadDateForDatabase(error: unknown): boolean {
  const code = sqlState(error);
  return code === '22007' || code === '22008' || code === '22009';
}

/**
 * The SQLSTATE of a database error: from Prisma's driver-adapter cause, or node-postgres' own
 * error (the reads that go straight through the pool, `queryRows`).
 */
function sqlState(error: unknown): string {
  const cause = causeOf(error);
  const wrapped = cause.originalCode ?? cause.code;
  if (wrapped) return wrapped;
  const own = (error as { code?: unknown } | null)?.code;
  return typeof own === 'string' && /^[0-9A-Z]{5}$/.test(own) ? own : '';
}

/** The kind of failure for the log, without the query text Prisma puts in its message. */
function describeForLog(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const cause = causeOf(error);
  return [code, cause.kind, cause.originalCode ?? cause.code].filter(Boolean).join(' ');
}
