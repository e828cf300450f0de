/**
 * The route wrapper every handler under app/api goes through, and its body parser. Before the
 * handler runs it applies the rules that hold for the whole API (issue #11):
 * - the input rule of request-rules.ts on the URL and the route params (400);
 * - cross-site requests refused on state-changing methods (403, see `checkSameOrigin`);
 * - a declared body larger than the route's limit refused before it is read (413);
 * and after it: every error through the one mapper (503 with Retry-After when the database is
 * down), the security headers on every answer. `handleOtherMethods` answers the methods a route
 * does not implement (405 with an Allow header).
 */
import { z } from 'zod';
import {
  allowedMethods,
  AppError,
  errorResponse,
  methodNotAllowed,
  ROUTE_METHODS,
  zodMessage,
  type RouteMethod,
} from './errors';
import { checkParams, checkRequestUrl, checkStrings } from './request-rules';
import { securitySettings } from './security-settings';
import { isHttps, withSecurityHeaders } from './security-headers';

// Validation issues in our words, not zod's (see zodMessage): every route loads this module
// before it parses anything.
z.config({ customError: zodMessage });

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

export interface RouteOptions {
  /**
   * Which body limit applies: `default` (FACTMARK_MAX_BODY_BYTES) or `text` for the routes that
   * take a whole article or document (FACTMARK_MAX_TEXT_BODY_BYTES; an evidence upload then
   * meets its own 5 MB limit).
   */
  body?: 'default' | 'text';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The body limit of each request, for parseBody (set by the wrapper). */
const bodyLimits = new WeakMap<Request, number>();

/** Wraps a route handler: the request rules before it, the error mapper and headers after. */
export function route<Ctx = unknown>(
  handler: Handler<Ctx>,
  options: RouteOptions = {},
): Handler<Ctx> {
  return async (request, context) => {
    let response: Response;
    const t0 = performance.now();
    try {
      const settings = securitySettings();
      const maxBodyBytes =
        options.body === 'text'
          ? settings.FACTMARK_MAX_TEXT_BODY_BYTES
          : settings.FACTMARK_MAX_BODY_BYTES;
      checkRequest(request, maxBodyBytes);
      const limited = limitUndeclaredBody(request, maxBodyBytes);
      bodyLimits.set(limited, maxBodyBytes);
      const params = (context as { params?: unknown } | undefined)?.params;
      if (params) checkParams(await params);
      response = await handler(limited, context);
    } catch (error) {
      // A handler may take a body cut off at its limit for a broken one (a multipart reader
      // says "could not be read"): it was too large.
      response = errorResponse(overflowed.get(request) ?? error);
    }
    response.headers.set('server-timing', `app;dur=${(performance.now() - t0).toFixed(1)}`);
    // The answer to a change is the changed row or an error: never cached, and too small for
    // gzip to pay for itself (compressing it cost as much time as the claim's audit row).
    if (!SAFE_METHODS.has(request.method) && !response.headers.has('cache-control')) {
      response.headers.set('cache-control', 'no-store, no-transform');
    }
    return withSecurityHeaders(response, isHttps(request.headers, request.url));
  };
}

/** The handlers `handleOtherMethods` returns for a route that implements the methods `M`. */
export type OtherMethods<M extends RouteMethod> = Record<
  Exclude<RouteMethod, M> | 'OPTIONS' | ('GET' extends M ? never : 'HEAD'),
  Handler<unknown>
>;

/**
 * Handlers for the methods a route file does not implement, given those it does: 405
 * method_not_allowed with an Allow header for each other method (and for HEAD where there is no
 * GET), and OPTIONS as 204 with the same Allow header. Without them Next.js answers 405 with an
 * empty body, and its own OPTIONS would count these handlers as methods. Every route file
 * exports them in one line (the API fuzz suite checks each file and method):
 *
 *     export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
 */
export function handleOtherMethods<const M extends RouteMethod>(
  ...implemented: M[]
): OtherMethods<M> {
  const refuse = route(async (request) => {
    throw methodNotAllowed(request.method, implemented);
  });
  const allow = allowedMethods(implemented).join(', ');
  const handlers: Record<string, Handler<unknown>> = {
    OPTIONS: route(async () => new Response(null, { status: 204, headers: { Allow: allow } })),
  };
  for (const method of ROUTE_METHODS) {
    if (!implemented.includes(method as M)) handlers[method] = refuse;
  }
  if (!implemented.includes('GET' as M)) handlers.HEAD = refuse;
  return handlers as OtherMethods<M>;
}

/** The checks that come before any handler (also used by the sign-in route); throws AppError. */
export function checkRequest(request: Request, maxBodyBytes: number): void {
  checkRequestUrl(request.url);
  if (!SAFE_METHODS.has(request.method)) checkSameOrigin(request);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge(maxBodyBytes);
}

/** Requests whose body of undeclared length passed the route's limit, with its 413 (see below). */
const overflowed = new WeakMap<Request, AppError>();

/**
 * The request to hand to the handler: as it is when the body's length is declared (the check
 * above refused one over the limit, and the HTTP server reads no more than declared), else a
 * copy whose body fails with 413 too_large as soon as more than `limit` bytes arrived. Every
 * reader is then bounded, `request.formData()` included, which would otherwise take a chunked
 * upload of any size into memory.
 */
function limitUndeclaredBody(request: Request, limit: number): Request {
  if (!request.body || request.headers.has('content-length')) return request;
  let size = 0;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size <= limit) return controller.enqueue(chunk);
        const error = tooLarge(limit);
        overflowed.set(request, error);
        controller.error(error);
      },
    }),
  );
  return new Request(request, { body, duplex: 'half' } as RequestInit);
}

const tooLarge = (limit: number) =>
  new AppError(
    'too_large',
    `The request body is larger than ${limit >= 1_000_000 ? `${Math.round(limit / 100_000) / 10} MB` : `${Math.round(limit / 1000)} kB`}.`,
  );

/**
 * Refuses a request a browser sent from another site: `Sec-Fetch-Site` other than same-origin
 * (or "none": typed by the user), or an `Origin` that is neither this server's own origin (as
 * the client addressed it) nor a configured public origin (FACTMARK_PUBLIC_ORIGIN, NEXTAUTH_URL).
 * Clients that send neither header (curl, scripts) are not browsers acting for someone else.
 */
export function checkSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw crossSite();
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const proto = isHttps(request.headers, request.url) ? 'https' : 'http';
  const own = host ? `${proto}://${host}` : new URL(request.url).origin;
  const allowed = [own, new URL(request.url).origin, ...securitySettings().publicOrigins];
  if (!allowed.includes(origin)) throw crossSite();
}

const crossSite = () =>
  new AppError('forbidden', 'Cross-site requests are not accepted. Use Factmark itself.');

/**
 * Parses the JSON body with `schema`. Throws 415 unsupported_type unless the Content-Type is
 * application/json, 413 too_large as soon as more than the route's limit has arrived, 400
 * invalid_json, 400 bad_request for a NUL or unpaired surrogate in any string, or the schema's
 * validation_failed.
 */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError('unsupported_type', 'Send the request body as application/json.');
  }
  const limit = bodyLimits.get(request) ?? securitySettings().FACTMARK_MAX_BODY_BYTES;
  const text = await readLimited(request, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body must be valid JSON.');
  }
  checkStrings(raw);
  return schema.parse(raw);
}

/** Reads the body as UTF-8, stopping (413) as soon as it exceeds `limit` bytes. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid UTF-8.');
  }
}

/** Parses route params (already awaited) with `schema`. */
export async function parseParams<S extends z.ZodType>(
  params: Promise<unknown>,
  schema: S,
): Promise<z.infer<S>> {
  return schema.parse(await params);
}
