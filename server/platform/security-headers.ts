/**
 * The security headers every response carries (issue #11). Pages get a Content-Security-Policy
 * with a per-request nonce (set by proxy.ts, which Next.js reads to mark its own scripts); API
 * responses and downloads get a policy that allows nothing at all. HSTS only over https.
 */

/** Headers for every response, page or API. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Old browsers that ignore CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
  // Links to evidence sources must not tell other sites which article or claim was open.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** For API responses: nothing may load, run or frame. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The pages' policy: scripts only with this request's nonce (and what they load, through
 * 'strict-dynamic'); styles from our origin plus inline ones (React renders style attributes,
 * which a nonce cannot cover; styles cannot run code); nothing framed, nothing framing us.
 * `dev` adds 'unsafe-eval', which React needs for its development-mode stack traces only.
 */
export function pageCsp(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** True when the client reached us over https (directly or through a proxy that says so). */
export function isHttps(headers: Headers, url: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return forwarded ? forwarded === 'https' : url.startsWith('https:');
}

/**
 * Adds the headers to `response` where the handler did not set its own; a handler's own CSP
 * (the HTML export's) keeps its rules and gains frame-ancestors 'none' if it lacks it.
 */
export function withSecurityHeaders(response: Response, https: boolean): Response {
  const headers = response.headers;
  try {
    for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) {
      if (!headers.has(name)) headers.set(name, value);
    }
    const csp = headers.get('content-security-policy');
    if (!csp) headers.set('Content-Security-Policy', API_CSP);
    else if (!/frame-ancestors/.test(csp)) {
      headers.set(
        'Content-Security-Policy',
        `${csp.replace(/;?\s*$/, '')}; frame-ancestors 'none'`,
      );
    }
    if (https) headers.set('Strict-Transport-Security', HSTS);
    return response;
  } catch {
    // Immutable headers (a Response.redirect): copy into a new response.
    return withSecurityHeaders(new Response(response.body, response), https);
  }
}
