/**
 * Runs before every page, and before API routes whose address has a percent sign (issue #11):
 * - the input rule on the address: a broken percent-encoding or a NUL answers 400 JSON on the
 *   API and the not-found page (404) for a page, before any route sees it;
 * - pages get a fresh CSP nonce (Next.js reads it from the request's Content-Security-Policy
 *   and puts it on its own scripts) and the security headers; API routes get theirs from the
 *   route wrapper;
 * - a page asked for while the database is down answers a friendly 503 page;
 * - signed-out visitors of a page go to the sign-in page. This only redirects: every page and
 *   route handler checks the session itself (API routes answer 401 with JSON).
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/server/platform/db';
import {
  errorResponse,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '@/server/platform/errors';
import { checkRequestUrl } from '@/server/platform/request-rules';
import {
  COMMON_SECURITY_HEADERS,
  HSTS,
  isHttps,
  pageCsp,
  withSecurityHeaders,
} from '@/server/platform/security-headers';

/** Where a malformed page address is sent: no route matches it, so Next renders not-found. */
const MALFORMED_PAGE = '/not-found-malformed-address';

export async function proxy(request: NextRequest) {
  const https = isHttps(request.headers, request.url);
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  let malformed = false;
  try {
    checkRequestUrl(request.url);
  } catch (error) {
    if (api) return withSecurityHeaders(errorResponse(error), https);
    malformed = true;
  }
  if (api) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const secure = (response: NextResponse | Response) => {
    response.headers.set('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) {
      response.headers.set(name, value);
    }
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  };
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  if (malformed) {
    return secure(
      NextResponse.rewrite(new URL(MALFORMED_PAGE, request.url), {
        request: { headers: requestHeaders },
      }),
    );
  }
  if (!(await databaseIsUp())) return secure(outagePage());

  const signInPage = pathname === '/signin' || pathname.startsWith('/signin/');
  if (!signInPage) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const signIn = new URL('/signin', request.url);
      if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      return secure(NextResponse.redirect(signIn));
    }
  }
  return secure(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** One `SELECT 1` per page view: an outage then answers 503 instead of a broken page. */
async function databaseIsUp(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    // Any other failure is left to the page's own error handling.
    return !isDatabaseUnavailable(error);
  }
}

/** A page with no script and only inline styles (its own CSP is replaced by `secure`). */
function outagePage(): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Factmark is unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2937">
<h1 style="font-size:1.5rem">Factmark is unavailable for a moment</h1>
<p>The app cannot reach its database right now. Nothing you saved is lost. Try again in a minute; this page does not reload by itself.</p>
<p><a href="">Try again</a></p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}

export const config = {
  // Pages (everything except the API, Next's static assets and the icons), and API addresses
  // with a percent sign: Next.js itself answers 500 to a malformed encoding in a route param,
  // so the input rule must see those first. Other API requests skip the proxy (it costs a few
  // milliseconds each; the route wrapper applies the same input rule).
  matcher: [
    '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)',
    '/api/(.*%.*)',
  ],
};
