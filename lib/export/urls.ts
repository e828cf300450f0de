/**
 * Absolute URLs: the app's own pages (claims, articles, annotations), which the JSON-LD exports
 * use as identifiers, and the check that decides whether a stored URL may become a link.
 */

/** Schemes a stored URL may have to be rendered as a link. Anything else stays plain text. */
export const LINKABLE_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/**
 * The URL normalised by the WHATWG parser and then made a valid RFC 3986 URI when it is an
 * absolute http(s) URL, otherwise null. `javascript:`, `data:`, relative and malformed URLs give
 * null and must never become links. Every export writes URLs through this one function.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  // An export asks for the same article addresses again and again (one per claim in it).
  let safe = SAFE_URLS.get(url);
  if (safe === undefined) {
    safe = parseSafeHttpUrl(url);
    if (SAFE_URLS.size >= SAFE_URLS_LIMIT) SAFE_URLS.clear();
    SAFE_URLS.set(url, safe);
  }
  return safe;
}

/** Recent answers of `safeHttpUrl`, emptied when full so memory stays bounded. */
const SAFE_URLS = new Map<string, string | null>();
const SAFE_URLS_LIMIT = 2_000;

function parseSafeHttpUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!LINKABLE_PROTOCOLS.includes(parsed.protocol)) return null;
  // The host (IPv6 brackets included) and user info are already RFC 3986 after WHATWG parsing;
  // the path, query and fragment may still hold characters RFC 3986 forbids there.
  const tail = parsed.pathname + parsed.search + parsed.hash;
  const head = parsed.href.slice(0, parsed.href.length - tail.length);
  return head + toRfc3986(tail);
}

/**
 * Characters RFC 3986 allows in a path, query and fragment (unreserved, sub-delims, ":", "@",
 * "/", "?", "#" as the fragment's start) and "%" when it begins a percent-encoding. WHATWG URLs
 * leave "[", "]", "{", "}", "|", "^", "`" and "\\" as typed, which strict URI parsers (the W3C
 * Web Annotation suite's `format: uri`, Google's validator) reject.
 */
const RFC3986_FORBIDDEN = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]/g;
/** The same test without the global flag's `lastIndex` state: is anything to encode at all? */
const HAS_FORBIDDEN = new RegExp(RFC3986_FORBIDDEN.source);

/** "%XX" for each UTF-8 byte of `c` (after WHATWG parsing, almost always one ASCII byte). */
function percentEncode(c: string): string {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code < 0x80) return PERCENT_ENCODED_ASCII[code]!;
  return [...new TextEncoder().encode(c)]
    .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}
const PERCENT_ENCODED_ASCII = Array.from(
  { length: 0x80 },
  (_, b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
);

function toRfc3986(tail: string): string {
  // "#" is only legal once, as the fragment's start: later ones are encoded.
  const hash = tail.indexOf('#');
  // Most stored URLs need nothing: checked first, since exports write thousands of them.
  if (!HAS_FORBIDDEN.test(tail) && (hash < 0 || tail.indexOf('#', hash + 1) < 0)) return tail;
  const encode = (part: string) => part.replace(RFC3986_FORBIDDEN, percentEncode);
  if (hash < 0) return encode(tail);
  return `${encode(tail.slice(0, hash))}#${encode(tail.slice(hash + 1)).replace(/#/g, '%23')}`;
}

/** A stored URL as the data exports (CSV, JSON) write it: RFC 3986 when it is an http(s) URL,
 * else the stored text unchanged (it is data, and the export does not drop it). */
export function exportedUrl(url: string | null): string | null {
  return safeHttpUrl(url) ?? url;
}

/** Builds the app's URLs from `appBaseUrl`; path segments are percent-encoded. */
export type AppUrls = {
  readonly base: string;
  readonly claim: (claimId: string) => string;
  readonly article: (articleId: string) => string;
  readonly revision: (articleId: string, revisionNumber: number) => string;
  readonly annotation: (annotationId: string) => string;
  readonly annotationCollection: (articleId: string, revisionNumber: number) => string;
  /** An evidence quote's own annotation (W3C export). */
  readonly evidence: (evidenceId: string) => string;
  /** A stored copy of an evidence source, as Factmark serves it (sandboxed). */
  readonly capture: (captureId: string) => string;
};

/** The app's URL scheme for exported identifiers (`/claims/:id`, `/articles/:id`, ...). */
export function appUrls(appBaseUrl: string): AppUrls {
  const base = appBaseUrl.replace(TRAILING_SLASHES, '');
  const seg = encodeURIComponent;
  return {
    base,
    claim: (id) => `${base}/claims/${seg(id)}`,
    article: (id) => `${base}/articles/${seg(id)}`,
    revision: (id, n) => `${base}/articles/${seg(id)}/revisions/${n}`,
    annotation: (id) => `${base}/annotations/${seg(id)}`,
    annotationCollection: (id, n) => `${base}/articles/${seg(id)}/revisions/${n}/annotations`,
    evidence: (id) => `${base}/evidence/${seg(id)}`,
    capture: (id) => `${base}/api/evidence/captures/${seg(id)}/copy`,
  };
}

const TRAILING_SLASHES = /\/+$/;
