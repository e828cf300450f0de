/**
 * NextAuth's routes, behind the same rules as every other route (issue #11): the input rule,
 * cross-site refusal and a small body limit; form posts only. A sign-in attempt is counted in
 * PostgreSQL before its password is checked: past a limit it answers 429 with Retry-After (the
 * same for any email), and an account tried from everywhere is slowed, never locked.
 */
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { checkRequest, handleOtherMethods, readLimited } from '@/server/platform/api';
import { authOptions } from '@/server/platform/auth';
import { db } from '@/server/platform/db';
import { AppError, errorResponse, methodNotAllowed, ROUTE_METHODS } from '@/server/platform/errors';
import { checkStrings } from '@/server/platform/request-rules';
import { isHttps, withSecurityHeaders } from '@/server/platform/security-headers';
import { clientAddress, countSignInAttempt } from '@/server/platform/sign-in-counters';
import { describeRetry } from '@/lib/sign-in-throttle';

const nextAuth = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

/** A sign-in form is a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 16_000;

/**
 * The NextAuth addresses the app and next-auth/react use, by method. NextAuth answers any other
 * in its own words (400 text/plain "This action with HTTP GET is not supported by NextAuth.js",
 * a 500 "Callback for provider type credentials not supported" for a GET of the callback), so
 * those get our 404 (no such address) or 405 (an address asked with the other method) before
 * NextAuth sees them.
 */
const AUTH_ACTIONS: Record<string, ReadonlySet<string>> = {
  GET: new Set([
    'session',
    'csrf',
    'providers',
    'signin',
    'signin/credentials',
    'signout',
    'error',
  ]),
  POST: new Set(['signin/credentials', 'callback/credentials', 'signout', 'session', '_log']),
};

async function guarded(request: Request, context: unknown): Promise<Response> {
  let response: Response;
  try {
    checkRequest(request, MAX_AUTH_BODY_BYTES);
    const action = new URL(request.url).pathname.replace(/^\/api\/auth\//, '');
    // HEAD is GET without the body (Next.js drops it); NextAuth itself knows only GET and POST.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (!AUTH_ACTIONS[method]?.has(action)) {
      const accepted = ROUTE_METHODS.filter((m) => AUTH_ACTIONS[m]?.has(action));
      if (accepted.length > 0) throw methodNotAllowed(request.method, accepted);
      throw new AppError('not_found', 'There is no such sign-in address.');
    }
    if (request.method === 'POST') {
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (type !== 'application/x-www-form-urlencoded') {
        throw new AppError('unsupported_type', 'Send the sign-in form as a form post.');
      }
      const form = new URLSearchParams(await readLimited(request.clone(), MAX_AUTH_BODY_BYTES));
      checkStrings(Object.fromEntries(form));
      if (new URL(request.url).pathname.endsWith('/callback/credentials')) {
        const decision = await countSignInAttempt(
          db(),
          clientAddress(request.headers),
          form.get('email') ?? '',
        );
        if (!decision.allowed) {
          throw new AppError('too_many_requests', describeRetry(decision.retryAfterSeconds), {
            retryAfter: decision.retryAfterSeconds,
          });
        }
        if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      }
    }
    const asked =
      method === request.method
        ? request
        : new NextRequest(request.url, { method, headers: request.headers });
    response = await nextAuth(asked, context);
    // NextAuth writes its refusals as plain text (a POST to session without a CSRF token is a
    // 400 reading "[object Object]"): answer them, and any failure of its own, as ours.
    if (response.status >= 400 && !/json/.test(response.headers.get('content-type') ?? '')) {
      response =
        response.status >= 500
          ? errorResponse(
              new Error(`NextAuth answered ${response.status}: ${await response.text()}`),
            )
          : errorResponse(new AppError('bad_request', 'This sign-in request is not valid.'));
    }
  } catch (error) {
    response = errorResponse(error);
  }
  return withSecurityHeaders(response, isHttps(request.headers, request.url));
}

export { guarded as GET, guarded as POST };
export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
