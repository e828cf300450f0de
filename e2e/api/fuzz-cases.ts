/**
 * Case tables for the API fuzz suite (fuzz.spec.ts): every route file under app/api with the
 * methods it exports, the body and query each method reads, and the hostile values sent through
 * them. Fixed lists, no randomness: a failure names the case that broke.
 *
 * Paths are templates: `:article`, `:revision`, `:claim`, `:annotation`, `:user` and `:capture`
 * are filled with real ids the suite creates; `:unknown` with an id that names nothing, where a
 * request that passed validation would change something lasting (submit every claim of an
 * article, re-check a source, dismiss an alert). Bodies are valid but for the field under test,
 * and name a stale `version` (999) where a valid one would decide or edit a claim, so a case
 * that is let through answers 409 and changes nothing.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FuzzIds {
  article: string;
  revision: string;
  claim: string;
  annotation: string;
  user: string;
  capture: string;
}

export interface MethodCases {
  /** The address, a template (see above). */
  path: string;
  /** A JSON body the method reads, valid but for what each case changes. */
  body?: (ids: FuzzIds) => Record<string, unknown>;
  /** Dotted paths (`span.start`, `claims.0.version`) of the body fields given wrong values. */
  fields?: readonly string[];
  /** Also takes a multipart upload (field `file`). */
  multipart?: boolean;
  /** Query parameters the method reads: the base query, and the parameters given bad values. */
  query?: { base: (ids: FuzzIds) => Record<string, string>; params: readonly string[] };
}

export interface RouteEntry {
  /** The route file, relative to the project. */
  file: string;
  methods: Partial<Record<Method, MethodCases>>;
}

/** An id that names nothing (well formed, so it gets past the input rule to the database). */
export const UNKNOWN_ID = 'fuzz-unknown-id';
/** A claim version nobody saw: a decision or edit naming it is refused with 409. */
const STALE = 999;

const span = (ids: FuzzIds) => ({
  articleId: ids.article,
  revisionId: ids.revision,
  start: 60,
  end: 75,
  version: STALE,
});
const SPAN_FIELDS = ['articleId', 'revisionId', 'start', 'end', 'version'] as const;

const evidence = {
  url: 'https://example.org/evidence',
  title: 'A source',
  quote: 'A quoted passage',
  accessedAt: '2024-03-05',
  captureId: null,
  quoteStart: 0,
};
const EVIDENCE_FIELDS = [
  'evidence',
  'evidence.0',
  'evidence.0.url',
  'evidence.0.title',
  'evidence.0.quote',
  'evidence.0.accessedAt',
  'evidence.0.captureId',
  'evidence.0.quoteStart',
] as const;

const article = {
  title: 'Fuzz article',
  text: 'Fuzz text of a new article.',
  rawInput: 'Fuzz raw input.',
  sourceName: 'Fuzz source',
  sourceUrl: 'https://example.org/fuzz',
  byline: 'Fuzz Author',
  publishedAt: '2024-03-05',
};
const ARTICLE_FIELDS = Object.keys(article);

/** Every route under app/api. The suite fails when a route file or method is missing here. */
export const ROUTES: readonly RouteEntry[] = [
  {
    file: 'app/api/[...path]/route.ts',
    methods: {
      GET: { path: '/api/no-such-route' },
      POST: { path: '/api/no/such/route' },
      PUT: { path: '/api/claims/:claim/no-such-action' },
      PATCH: { path: '/api/no-such-route' },
      DELETE: { path: '/api/no-such-route' },
    },
  },
  { file: 'app/api/admin/jobs/route.ts', methods: { GET: { path: '/api/admin/jobs' } } },
  {
    file: 'app/api/annotations/[id]/route.ts',
    methods: {
      PATCH: { path: '/api/annotations/:annotation', body: span, fields: SPAN_FIELDS },
      DELETE: {
        path: '/api/annotations/:annotation',
        query: { base: () => ({ version: String(STALE) }), params: ['version'] },
      },
    },
  },
  {
    file: 'app/api/articles/[id]/annotations/route.ts',
    methods: { GET: { path: '/api/articles/:article/annotations' } },
  },
  {
    file: 'app/api/articles/[id]/export/route.ts',
    methods: {
      GET: {
        path: '/api/articles/:article/export',
        query: { base: () => ({ format: 'json' }), params: ['format', 'scope'] },
      },
    },
  },
  {
    file: 'app/api/articles/[id]/proposals/[proposalId]/route.ts',
    methods: {
      POST: {
        path: '/api/articles/:article/proposals/:unknown',
        body: (ids) => ({ action: 'accept', baseRevisionId: ids.revision }),
        fields: ['action', 'baseRevisionId'],
      },
    },
  },
  {
    file: 'app/api/articles/[id]/revisions/route.ts',
    methods: {
      POST: {
        path: '/api/articles/:article/revisions',
        // The edits do not make the text: a case that passes validation is refused with 400.
        body: (ids) => ({
          baseRevisionId: ids.revision,
          text: 'A text the edits do not make.',
          edits: [{ from: 0, to: 0, insert: 'X' }],
        }),
        fields: [
          'baseRevisionId',
          'text',
          'edits',
          'edits.0',
          'edits.0.from',
          'edits.0.to',
          'edits.0.insert',
        ],
      },
    },
  },
  {
    file: 'app/api/articles/[id]/route.ts',
    methods: {
      GET: { path: '/api/articles/:article' },
      PATCH: {
        path: '/api/articles/:article',
        body: () => ({ title: 'Fuzz article' }),
        fields: ['title', 'byline', 'sourceName', 'sourceUrl', 'publishedAt'],
      },
    },
  },
  {
    file: 'app/api/articles/[id]/submit-all/route.ts',
    methods: { POST: { path: '/api/articles/:unknown/submit-all' } },
  },
  {
    file: 'app/api/articles/[id]/watch/route.ts',
    methods: {
      GET: { path: '/api/articles/:article/watch' },
      POST: { path: '/api/articles/:unknown/watch' },
      PUT: { path: '/api/articles/:article/watch' },
    },
  },
  {
    file: 'app/api/articles/route.ts',
    methods: {
      GET: {
        path: '/api/articles',
        query: {
          base: () => ({}),
          params: ['q', 'source', 'author', 'from', 'to', 'states', 'sort', 'limit', 'after'],
        },
      },
      POST: { path: '/api/articles', body: () => ({ ...article }), fields: ARTICLE_FIELDS },
    },
  },
  // NextAuth's own routes: cases of their own in fuzz.spec.ts (form posts, NextAuth's actions).
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    methods: { GET: { path: '' }, POST: { path: '' } },
  },
  {
    file: 'app/api/claims/[id]/annotations/route.ts',
    methods: { POST: { path: '/api/claims/:claim/annotations', body: span, fields: SPAN_FIELDS } },
  },
  {
    file: 'app/api/claims/[id]/approve/route.ts',
    methods: {
      POST: {
        path: '/api/claims/:claim/approve',
        body: () => ({ version: STALE, comment: 'Fine.', confirmChangedText: false }),
        fields: ['version', 'comment', 'confirmChangedText'],
      },
    },
  },
  {
    file: 'app/api/claims/[id]/comments/route.ts',
    methods: {
      GET: { path: '/api/claims/:claim/comments' },
      POST: {
        path: '/api/claims/:claim/comments',
        body: () => ({ body: 'A fuzz comment.' }),
        fields: ['body'],
      },
    },
  },
  {
    file: 'app/api/claims/[id]/evidence-package/route.ts',
    methods: { GET: { path: '/api/claims/:claim/evidence-package' } },
  },
  {
    file: 'app/api/claims/[id]/history/route.ts',
    methods: { GET: { path: '/api/claims/:claim/history' } },
  },
  {
    file: 'app/api/claims/[id]/reopen/route.ts',
    methods: {
      POST: {
        path: '/api/claims/:claim/reopen',
        body: () => ({ version: STALE, reason: 'A reason.' }),
        fields: ['version', 'reason'],
      },
    },
  },
  {
    file: 'app/api/claims/[id]/request-changes/route.ts',
    methods: {
      POST: {
        path: '/api/claims/:claim/request-changes',
        body: () => ({ version: STALE, comment: 'Please change.' }),
        fields: ['version', 'comment'],
      },
    },
  },
  {
    file: 'app/api/claims/[id]/route.ts',
    methods: {
      GET: { path: '/api/claims/:claim' },
      PATCH: {
        path: '/api/claims/:claim',
        body: () => ({
          version: STALE,
          text: 'An edited claim',
          claimant: 'Someone',
          verdict: 'TRUE',
          rationale: 'Because.',
          evidence: [{ ...evidence }],
        }),
        fields: ['version', 'text', 'claimant', 'verdict', 'rationale', ...EVIDENCE_FIELDS],
      },
      DELETE: {
        path: '/api/claims/:claim',
        query: { base: () => ({ version: String(STALE) }), params: ['version', 'reason'] },
      },
    },
  },
  {
    file: 'app/api/claims/[id]/submit/route.ts',
    methods: {
      POST: {
        path: '/api/claims/:claim/submit',
        body: () => ({ version: STALE }),
        fields: ['version'],
      },
    },
  },
  {
    file: 'app/api/claims/export/route.ts',
    methods: {
      GET: {
        path: '/api/claims/export',
        query: {
          base: () => ({ format: 'json' }),
          params: [
            'format',
            'state',
            'verdict',
            'article',
            'author',
            'reviewer',
            'from',
            'to',
            'q',
          ],
        },
      },
    },
  },
  {
    file: 'app/api/claims/route.ts',
    methods: {
      GET: { path: '/api/claims', query: { base: () => ({}), params: ['q'] } },
      POST: {
        path: '/api/claims',
        body: (ids) => ({
          span: { articleId: ids.article, revisionId: ids.revision, start: 4, end: 12 },
          claim: {
            text: 'A fuzz claim',
            claimant: 'Someone',
            verdict: 'UNVERIFIED',
            rationale: '',
            evidence: [{ ...evidence }],
          },
        }),
        fields: [
          'span',
          'span.articleId',
          'span.revisionId',
          'span.start',
          'span.end',
          'claim',
          'claim.text',
          'claim.claimant',
          'claim.verdict',
          'claim.rationale',
          ...EVIDENCE_FIELDS.map((field) => `claim.${field}`),
        ],
      },
    },
  },
  {
    file: 'app/api/compare/route.ts',
    methods: {
      GET: {
        path: '/api/compare',
        query: {
          base: (ids) => ({ a: ids.article, b: ids.article }),
          params: ['a', 'b', 'format', 'download'],
        },
      },
    },
  },
  {
    file: 'app/api/evidence/alerts/[id]/route.ts',
    methods: { DELETE: { path: '/api/evidence/alerts/:unknown' } },
  },
  {
    file: 'app/api/evidence/alerts/route.ts',
    methods: {
      GET: { path: '/api/evidence/alerts', query: { base: () => ({}), params: ['claim'] } },
    },
  },
  {
    file: 'app/api/evidence/captures/[id]/copy/route.ts',
    methods: { GET: { path: '/api/evidence/captures/:capture/copy' } },
  },
  {
    file: 'app/api/evidence/captures/[id]/quote/route.ts',
    methods: {
      POST: {
        path: '/api/evidence/captures/:capture/quote',
        body: () => ({ quote: 'evidence', start: 0 }),
        fields: ['quote', 'start'],
      },
    },
  },
  {
    file: 'app/api/evidence/captures/[id]/route.ts',
    methods: { GET: { path: '/api/evidence/captures/:capture' } },
  },
  {
    file: 'app/api/evidence/captures/[id]/warc/route.ts',
    methods: { GET: { path: '/api/evidence/captures/:capture/warc' } },
  },
  {
    file: 'app/api/evidence/captures/route.ts',
    methods: {
      POST: {
        path: '/api/evidence/captures',
        // A private address: refused (422) before anything is fetched.
        body: () => ({ url: 'http://127.0.0.1:1/fuzz' }),
        fields: ['url'],
        multipart: true,
      },
    },
  },
  {
    file: 'app/api/evidence/quotes/[id]/route.ts',
    methods: { GET: { path: '/api/evidence/quotes/:unknown' } },
  },
  {
    file: 'app/api/evidence/sources/[id]/recheck/route.ts',
    methods: { POST: { path: '/api/evidence/sources/:unknown/recheck' } },
  },
  { file: 'app/api/health/route.ts', methods: { GET: { path: '/api/health' } } },
  {
    file: 'app/api/import/preview/route.ts',
    methods: {
      POST: {
        path: '/api/import/preview',
        body: () => ({ kind: 'text', text: 'A fuzz text to preview.' }),
        fields: ['kind', 'text', 'url'],
        multipart: true,
      },
    },
  },
  {
    file: 'app/api/import/route.ts',
    methods: {
      POST: {
        path: '/api/import',
        body: () => ({ ...article, title: 'Fuzz import', allowDuplicate: false }),
        fields: [...ARTICLE_FIELDS, 'allowDuplicate', 'fetchedUrl'],
      },
    },
  },
  {
    file: 'app/api/library/values/route.ts',
    methods: {
      GET: {
        path: '/api/library/values',
        query: { base: () => ({ field: 'source', q: 'a' }), params: ['field', 'q'] },
      },
    },
  },
  {
    file: 'app/api/me/claims/route.ts',
    methods: {
      GET: { path: '/api/me/claims', query: { base: () => ({}), params: ['state', 'limit'] } },
    },
  },
  { file: 'app/api/me/route.ts', methods: { GET: { path: '/api/me' } } },
  {
    file: 'app/api/people/route.ts',
    methods: {
      GET: { path: '/api/people', query: { base: () => ({ q: 'a' }), params: ['q', 'among'] } },
    },
  },
  {
    file: 'app/api/review-queue/approve/route.ts',
    methods: {
      POST: {
        path: '/api/review-queue/approve',
        body: (ids) => ({ claims: [{ id: ids.claim, version: STALE }] }),
        fields: ['claims', 'claims.0', 'claims.0.id', 'claims.0.version'],
      },
    },
  },
  {
    file: 'app/api/review-queue/route.ts',
    methods: {
      GET: {
        path: '/api/review-queue',
        query: { base: () => ({}), params: ['article', 'author', 'verdict', 'after', 'limit'] },
      },
    },
  },
  {
    file: 'app/api/search/route.ts',
    methods: {
      GET: {
        path: '/api/search',
        query: { base: () => ({ q: 'minister' }), params: ['q', 'type', 'offset', 'typing'] },
      },
    },
  },
  {
    file: 'app/api/users/[id]/route.ts',
    methods: {
      PATCH: {
        path: '/api/users/:user',
        body: () => ({ name: 'Fuzz target' }),
        fields: ['name', 'role', 'password', 'disabled'],
      },
    },
  },
  {
    file: 'app/api/users/route.ts',
    methods: {
      GET: { path: '/api/users' },
      POST: {
        path: '/api/users',
        body: () => ({
          email: 'fuzz-new-user@test.example',
          name: 'Fuzz new user',
          role: 'EDITOR',
          password: 'a fuzz passphrase 2026',
        }),
        fields: ['email', 'name', 'role', 'password'],
      },
    },
  },
];

/** Values given to one body field at a time: wrong types, edge numbers, odd strings. */
export const FIELD_VALUES: readonly { name: string; value: unknown }[] = [
  { name: 'null', value: null },
  { name: 'true', value: true },
  { name: '-1', value: -1 },
  { name: '1.5', value: 1.5 },
  { name: '2^31 (past a PostgreSQL integer)', value: 2 ** 31 },
  { name: '2^53 (past a safe integer)', value: 2 ** 53 },
  { name: '1e308', value: 1e308 },
  { name: 'empty string', value: '' },
  { name: 'spaces', value: '   ' },
  { name: 'unicode', value: 'é😀日本\u202Eabc' },
  { name: '100 kB string', value: 'x'.repeat(100_000) },
  { name: 'impossible date', value: '2024-02-30' },
  { name: 'year 0', value: '0000-01-01' },
  { name: 'array', value: ['x'] },
  { name: 'object', value: { $gt: '' } },
];

/** Values given to one query parameter at a time. */
export const QUERY_VALUES: readonly { name: string; value: string }[] = [
  { name: 'empty', value: '' },
  { name: 'impossible date', value: '2024-02-30' },
  { name: 'year 0', value: '0000-01-01' },
  { name: 'year 10000', value: '10000-01-01' },
  { name: 'negative', value: '-1' },
  { name: 'fraction', value: '1.5' },
  { name: 'huge number', value: '99999999999999999999' },
  { name: 'past a PostgreSQL integer', value: '2147483648' },
  { name: 'overflowing float', value: '1e309' },
  { name: 'NaN', value: 'NaN' },
  { name: 'hex', value: '0x1F' },
  { name: 'unicode', value: 'é😀日本' },
  { name: '5,000 characters', value: 'x'.repeat(5000) },
];

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Forged page cursors, for the parameters named `after`. */
export const FORGED_CURSORS: readonly { name: string; value: string }[] = [
  { name: 'not base64', value: '!!!***' },
  { name: 'base64 of nothing useful', value: b64('garbage') },
  { name: 'JSON null', value: b64('null') },
  {
    name: 'library cursor, impossible date',
    value: b64('{"s":"imported","k":"2024-02-30","id":"x"}'),
  },
  {
    name: 'library cursor, year 0',
    value: b64('{"s":"published","k":"0000-01-01 00:00:00","id":"x"}'),
  },
  { name: 'library cursor, huge count', value: b64('{"s":"open","k":"999999999","id":"x"}') },
  { name: 'library cursor, wrong types', value: b64('{"s":"title","k":5,"id":[]}') },
  {
    name: 'library cursor, long title key',
    value: b64(`{"s":"title","k":"${'é'.repeat(1500)}","id":"x"}`),
  },
  { name: 'queue cursor, impossible date', value: b64('2024-02-30T00:00:00.000Z|x') },
  { name: 'queue cursor, year 0', value: b64('0000-01-01T00:00:00.000Z|x') },
  { name: 'queue cursor, no id', value: b64('2024-01-01T00:00:00.000Z|') },
  { name: 'queue cursor, huge year', value: b64('+275760-09-13T00:00:00.000Z|x') },
  { name: 'queue cursor, unicode id', value: b64('2024-01-01T00:00:00.000Z|é\u0000') },
];

/** Ids in the path: too long, not id-shaped, escaping, encoded. Each raw, as sent. */
export const HOSTILE_IDS: readonly { name: string; value: string }[] = [
  { name: '65 characters', value: 'x'.repeat(65) },
  { name: '2,000 characters', value: 'x'.repeat(2000) },
  { name: '10,000 characters', value: 'x'.repeat(10_000) },
  { name: 'accented', value: encodeURIComponent('é') },
  { name: 'CJK', value: encodeURIComponent('日本語') },
  { name: 'emoji', value: encodeURIComponent('😀') },
  { name: 'encoded NUL', value: '%00' },
  { name: 'encoded ../', value: '..%2F..%2Fusers' },
  { name: 'encoded ..\\', value: '..%5C..%5Cusers' },
  { name: 'double-encoded ..', value: '%252e%252e' },
  { name: 'encoded slash', value: 'a%2Fb' },
  { name: 'space', value: 'a%20b' },
  { name: 'SQL', value: encodeURIComponent(`'; DROP TABLE "User";--`) },
  { name: 'HTML', value: encodeURIComponent('<script>alert(1)</script>') },
  { name: 'the word null', value: 'null' },
  { name: 'negative number', value: '-1' },
];

/** Text a client must never see in an error: library and runtime error text, stack frames. */
export const LIBRARY_TEXT: readonly RegExp[] = [
  /prisma/i,
  /Invalid `/,
  /ZodError/,
  /\bat [\w$.<>[\] ]+ \(/, // a stack frame: "at fn (file:1:2)"
  /\n\s+at /,
  /TypeError|RangeError|ReferenceError|SyntaxError/,
  /Unexpected token/,
  /\bundefined\b/,
  /Maximum call stack/,
  /node_modules|\.next\/server/,
  /\[object Object\]/,
  /invalid input syntax|violates|duplicate key|out of range for type/i,
  /ECONN|EPIPE/,
];
