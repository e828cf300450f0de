/**
 * Case tables for the security suite (issue #11): hostile strings and addresses, the routes
 * they are sent through, and the weak passwords the policy must refuse.
 */

/** Strings no route may store or choke on: NUL, lone surrogates, both at the edges. */
export const HOSTILE_STRINGS: readonly { name: string; value: string }[] = [
  { name: 'NUL', value: 'before\u0000after' },
  { name: 'only NUL', value: '\u0000' },
  { name: 'lone high surrogate', value: 'broken \uD83D text' },
  { name: 'lone low surrogate', value: '\uDE00 at the start' },
  { name: 'high surrogate at the end', value: 'ends badly \uD800' },
];

/** Ids in the path that must answer 400 JSON (never 500), signed in or out. */
export const HOSTILE_ID_SEGMENTS: readonly string[] = [
  '%FF%FE',
  '%C0%AF',
  '%00',
  'abc%00def',
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%ED%A0%80',
];

/**
 * Query strings that must answer 400 JSON, never 500 or a dropped connection. Next.js decodes a
 * broken sequence to U+FFFD before any code of ours sees it, so that character counts as broken.
 */
export const HOSTILE_QUERIES: readonly string[] = [
  'q=%00',
  'q=%FF',
  'q=%E0%A4%A',
  'q=a%00b&format=csv',
  '%00=x',
  'q=%ED%A0%80',
];

/**
 * Route templates with the methods and JSON bodies to carry a hostile string. `:claim`,
 * `:article`, `:annotation`, `:revision` are filled with real ids; `$` is the hostile string.
 */
export const BODY_ROUTES: readonly { method: 'POST' | 'PATCH'; path: string; body: unknown }[] = [
  { method: 'POST', path: '/api/articles', body: { title: '$', text: 'Some text $ here.' } },
  {
    method: 'POST',
    path: '/api/articles/:article/revisions',
    body: { baseRevisionId: ':revision', text: 'Changed $ text' },
  },
  {
    method: 'POST',
    path: '/api/claims',
    body: {
      span: { articleId: ':article', revisionId: ':revision', start: 0, end: 5 },
      claim: { text: '$', claimant: '$' },
    },
  },
  { method: 'PATCH', path: '/api/claims/:claim', body: { version: 1, text: '$' } },
  { method: 'PATCH', path: '/api/claims/:claim', body: { version: 1, claimant: '$' } },
  { method: 'PATCH', path: '/api/claims/:claim', body: { version: 1, rationale: '$' } },
  {
    method: 'PATCH',
    path: '/api/claims/:claim',
    body: {
      version: 1,
      evidence: [{ url: 'https://example.org/$', title: '$', quote: '$', accessedAt: null }],
    },
  },
  { method: 'POST', path: '/api/claims/:claim/comments', body: { body: '$' } },
  {
    method: 'POST',
    path: '/api/claims/:claim/request-changes',
    body: { version: 1, comment: '$' },
  },
  { method: 'POST', path: '/api/claims/:claim/reopen', body: { version: 1, reason: '$' } },
  { method: 'POST', path: '/api/import/preview', body: { kind: 'text', text: 'Text $ here.' } },
  { method: 'POST', path: '/api/import', body: { title: '$', text: 'Imported $ text.' } },
  {
    method: 'POST',
    path: '/api/users',
    body: {
      email: 'x$@example.org',
      name: '$',
      role: 'EDITOR',
      password: 'a fine long passphrase $',
    },
  },
  { method: 'PATCH', path: '/api/users/:user', body: { name: '$' } },
];

/** GET routes with an id in the path, and POST routes without a body of their own. */
export const ID_ROUTES: readonly { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string }[] = [
  { method: 'GET', path: '/api/articles/$' },
  { method: 'GET', path: '/api/articles/$/export?format=md' },
  { method: 'GET', path: '/api/articles/$/annotations' },
  { method: 'GET', path: '/api/claims/$' },
  { method: 'GET', path: '/api/claims/$/comments' },
  { method: 'GET', path: '/api/claims/$/history' },
  { method: 'POST', path: '/api/articles/$/submit-all' },
  { method: 'DELETE', path: '/api/annotations/$' },
  { method: 'PATCH', path: '/api/users/$' },
];

/** GET routes that take a query string. */
export const QUERY_ROUTES: readonly string[] = [
  '/api/claims/export',
  '/api/claims',
  '/api/review-queue',
  '/api/me/claims',
  '/api/articles',
];

/** Refused by the policy, each for a reason the answer names. */
export const WEAK_PASSWORDS: readonly string[] = [
  '1234567890',
  'password12',
  ' '.repeat(10),
  'password1234',
  'qwertyuiop12',
  'short',
  'aaaaaaaaaaaaaaaa',
];
