/**
 * Absolute URLs: the app's own pages (claims, articles, annotations), which the JSON-LD exports
 * use as identifiers, and the check that decides whether a stored URL may become a link.
 */

/** Schemes a stored URL may have to be rendered as a link. Anything else stays plain text. */
export const LINKABLE_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/**
 * The URL normalised by the WHATWG parser (so it has no spaces, quotes or angle brackets) when it
 * is an absolute http(s) URL, otherwise null. `javascript:`, `data:`, relative and malformed URLs
 * give null and must never become links.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return LINKABLE_PROTOCOLS.includes(parsed.protocol) ? parsed.href : null;
}

/** Builds the app's URLs from `appBaseUrl`; path segments are percent-encoded. */
export type AppUrls = {
  readonly base: string;
  readonly claim: (claimId: string) => string;
  readonly article: (articleId: string) => string;
  readonly revision: (articleId: string, revisionNumber: number) => string;
  readonly annotation: (annotationId: string) => string;
  readonly annotationCollection: (articleId: string, revisionNumber: number) => string;
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
  };
}

const TRAILING_SLASHES = /\/+$/;
