/**
 * "Bad input gets a clear error (4xx with a JSON body that says what is wrong) and loses
 * nothing; never a 500, never a library's error text": every route under app/api, every method
 * it exports, signed in as the demo ADMIN and once signed out, fed a fixed list of hostile
 * input (fuzz-cases.ts): bodies that are not JSON or of the wrong shape, one wrong field at a
 * time, huge strings, odd content types, hostile ids in the path and bad query values. Each
 * answer must be below 500 and, when it is a 4xx, `{"error":{"code","message"}}` with no
 * library text; at the end the records the cases aimed at are as they were.
 *
 * A route file added under app/api without a row in ROUTES fails the first test, so new
 * routes get fuzzed too; one that does not answer each method it does not implement with 405,
 * our JSON error and an Allow header (server/platform/api.ts `handleOtherMethods`) fails the
 * 405 test, which finds the route files on disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  expect,
  request as newRequest,
  test,
  type APIRequestContext,
  type APIResponse,
} from '@playwright/test';
import {
  createArticleOverHttp,
  createClaimOverHttp,
  demo,
  signInOverHttp,
  uniqueEmail,
} from '../helpers';
import {
  FIELD_VALUES,
  FORGED_CURSORS,
  HOSTILE_IDS,
  LIBRARY_TEXT,
  QUERY_VALUES,
  ROUTES,
  UNKNOWN_ID,
  type FuzzIds,
  type Method,
  type MethodCases,
  type RouteEntry,
} from './fuzz-cases';

const BASE_URL = process.env.FACTMARK_TEST_BASE_URL ?? 'http://localhost:3000';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Requests in flight at once: enough to keep the server busy, few enough to stay polite. */
const CONCURRENCY = 4;
/** A client address of its own for the sign-in posts, so they throttle no other suite. */
const FUZZ_CLIENT = { 'X-Forwarded-For': '10.250.0.1' };

interface Case {
  label: string;
  method: Method;
  url: string;
  headers?: Record<string, string>;
  data?: string | Buffer;
  /** The exact status expected, when the case has one (otherwise: anything below 500). */
  status?: number;
}

let admin: APIRequestContext;
let ids: FuzzIds;
let claimBefore: { text: string; version: number; reviewState: string };

test.beforeAll(async () => {
  admin = await newRequest.newContext({ baseURL: BASE_URL });
  await signInOverHttp(admin, demo('ADMIN').email, demo('ADMIN').password);
  const article = await createArticleOverHttp(admin, 'Fuzz target article');
  const claim = await createClaimOverHttp(admin, article.id, article.revision.id);
  const user = await admin.post('/api/users', {
    data: {
      email: uniqueEmail('fuzz-target'),
      name: 'Fuzz target',
      role: 'EDITOR',
      password: 'a fuzz passphrase 2026',
    },
  });
  expect(user.status()).toBe(201);
  const capture = await admin.post('/api/evidence/captures', {
    multipart: {
      file: {
        name: 'fuzz-evidence.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Some evidence text for the fuzz suite to quote from.\n'),
      },
    },
  });
  expect(capture.status(), await capture.text()).toBe(201);
  ids = {
    article: article.id,
    revision: article.revision.id,
    claim: claim.claimId,
    annotation: claim.annotationId,
    user: ((await user.json()) as { user: { id: string } }).user.id,
    capture: ((await capture.json()) as { capture: { id: string } }).capture.id,
  };
  claimBefore = (
    (await (await admin.get(`/api/claims/${ids.claim}`)).json()) as {
      claim: typeof claimBefore;
    }
  ).claim;
});

test.afterAll(async () => {
  await admin?.dispose();
});

test('every route file under app/api is in the fuzz table, with each method it exports', () => {
  const files = routeFiles();
  expect(
    files.map((f) => f.file).sort(),
    'route files missing from ROUTES in fuzz-cases.ts',
  ).toEqual(ROUTES.map((route) => route.file).sort());
  for (const route of ROUTES) {
    const methods = files.find((f) => f.file === route.file)?.methods ?? [];
    expect([...methods].sort(), `${route.file}: methods in ROUTES`).toEqual(
      Object.keys(route.methods).sort(),
    );
  }
});

for (const route of ROUTES) {
  if (route.file.includes('[...nextauth]')) continue;
  const name = route.file.replace(/^app/, '').replace(/\/route\.ts$/, '');
  test(`${name}: hostile input as ADMIN is a clean 4xx, never a 500`, async () => {
    test.setTimeout(60_000);
    const failures = await runAll(admin, casesFor(route, ids));
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

test('NextAuth routes: hostile input is never a 500 nor library text', async () => {
  const failures = await runAll(admin, authCases());
  expect(failures, failures.join('\n')).toEqual([]);
});

test('signed out: every route answers 401 JSON (or 400 for a hostile id), never a 500', async () => {
  const anonymous = await newRequest.newContext({ baseURL: BASE_URL });
  try {
    const cases: Case[] = [];
    for (const route of ROUTES) {
      if (route.file.includes('[...nextauth]')) continue;
      for (const [method, spec] of entries(route)) {
        const health = route.file === 'app/api/health/route.ts';
        // No route there: nothing to sign in for, so 404 to anyone.
        const noRoute = route.file === 'app/api/[...path]/route.ts';
        cases.push({
          label: `signed out ${method} ${spec.path}`,
          method,
          url: fill(spec.path, ids),
          ...(spec.body ? jsonBody('{"not": json') : {}),
          status: health ? 200 : noRoute ? 404 : 401,
        });
        if (spec.path.includes(':')) {
          cases.push({
            label: `signed out ${method} ${spec.path} with a hostile id`,
            method,
            url: fill(spec.path, ids, { index: 0, value: '..%2F..%2Fusers' }),
          });
        }
      }
    }
    cases.push(...authCases().map((c) => ({ ...c, label: `signed out ${c.label}` })));
    const failures = await runAll(anonymous, cases);
    expect(failures, failures.join('\n')).toEqual([]);
  } finally {
    await anonymous.dispose();
  }
});

test('an address under /api that no route answers: 404 JSON', async () => {
  const failures = await runAll(admin, [
    { label: 'unknown route', method: 'GET', url: '/api/no-such-route', status: 404 },
    {
      label: 'unknown sub-route',
      method: 'POST',
      url: `/api/claims/${ids.claim}/no-such-thing`,
      status: 404,
    },
  ]);
  expect(failures, failures.join('\n')).toEqual([]);
});

test('every route file, every method it does not export: 405 with a JSON error and Allow', async () => {
  const failures: string[] = [];
  const ask = (method: string, url: string) =>
    admin.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
  for (const { file, methods } of routeFiles()) {
    const url = addressOf(file);
    // What the address answers: its methods, HEAD wherever GET is (Next.js runs GET), OPTIONS.
    const allow = [...methods, 'OPTIONS', ...(methods.includes('GET') ? ['HEAD'] : [])].sort();
    const refused = ALL_METHODS.filter((method) => !methods.includes(method));
    for (const method of refused) {
      const response = await ask(method, url);
      const label = `${method} ${url} (${file})`;
      const problem = await problemOf(response, 405);
      if (problem) {
        failures.push(`${label}: ${problem}`);
        continue;
      }
      const listed = ALL_METHODS.filter((m) => methods.includes(m)).join(', ');
      const expected = {
        error: {
          code: 'method_not_allowed',
          message: `${method} is not allowed here; this address accepts ${listed}.`,
          allow,
        },
      };
      const body: unknown = await response.json();
      if (JSON.stringify(body) !== JSON.stringify(expected)) {
        failures.push(`${label}: body ${JSON.stringify(body)}`);
      }
      if (response.headers()['allow'] !== allow.join(', ')) {
        failures.push(`${label}: Allow ${response.headers()['allow']}`);
      }
    }
    if (!methods.includes('GET')) {
      const head = await ask('HEAD', url);
      if (head.status() !== 405 || head.headers()['allow'] !== allow.join(', ')) {
        failures.push(`HEAD ${url}: ${head.status()}, Allow ${head.headers()['allow']}`);
      }
    }
    // No route at the catch-all's addresses, so nothing to list: 404 like its other methods.
    const noRoute = file === 'app/api/[...path]/route.ts';
    const options = await ask('OPTIONS', url);
    const optionsAllow = options.headers()['allow'];
    if (noRoute ? options.status() !== 404 : options.status() !== 204) {
      failures.push(`OPTIONS ${url}: ${options.status()}`);
    } else if (!noRoute && optionsAllow !== allow.join(', ')) {
      failures.push(`OPTIONS ${url}: Allow ${optionsAllow}, expected ${allow.join(', ')}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

const NOT_A_METHOD = 'The request could not be read: its method is not a standard HTTP method.';

test('a method no address here answers (TRACE, WebDAV, made up): 4xx JSON, never a 500 nor an empty answer', async () => {
  // Next.js itself refuses these before any code of ours runs: TRACE with a 500 and its own
  // text, PROPFIND with an empty 400; Node's parser drops a method it does not know with an
  // empty 400. Scanners send all of them.
  const failures: string[] = [];
  const served = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  for (const url of ['/api/claims', '/api/health', `/api/claims/${ids.claim}`, '/', '/claims']) {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'PURGE']) {
      const response = await admin.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
      const label = `${method} ${url}`;
      const problem = await problemOf(response, 405);
      if (problem) {
        failures.push(`${label}: ${problem}`);
        continue;
      }
      const expected = {
        error: {
          code: 'method_not_allowed',
          message: `${method} is not a method this server answers; its addresses accept GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.`,
          allow: served,
        },
      };
      const body: unknown = await response.json();
      if (JSON.stringify(body) !== JSON.stringify(expected)) {
        failures.push(`${label}: body ${JSON.stringify(body)}`);
      }
      if (response.headers()['allow'] !== served.join(', ')) {
        failures.push(`${label}: Allow ${response.headers()['allow']}`);
      }
      if (response.headers()['x-content-type-options'] !== 'nosniff') {
        failures.push(`${label}: no X-Content-Type-Options`);
      }
    }
  }
  // A method that is no standard one (TRACK is IIS's TRACE): Node's parser cannot read the
  // request at all, so 400 (and the connection closes).
  for (const method of ['FOO', 'BREW', 'TRACK']) {
    const response = await admin.fetch('/api/claims', {
      method,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    const problem = await problemOf(response, 400);
    if (problem) failures.push(`${method}: ${problem}`);
    else if ((await response.json()).error?.message !== NOT_A_METHOD) {
      failures.push(`${method}: body ${await response.text()}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

test('request lines browsers never send, written on the socket: JSON answers, never a 500 nor an empty one', async () => {
  // Next.js answers `OPTIONS *` with a 500 and a request naming its whole URL (what a proxy is
  // sent) with a redirect to itself; Node answers an HTTP/1.1 request without Host with an
  // empty 400.
  const base = new URL(process.env.FACTMARK_TEST_BASE_URL!);
  const raw = (request: string) =>
    new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
      const socket = connect(Number(base.port), base.hostname, () => socket.write(request));
      let out = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (out += chunk));
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${request}`)));
      socket.on('error', reject);
      socket.on('close', () => {
        const split = out.indexOf('\r\n\r\n');
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0),
          headers: out.slice(0, split),
          body: out.slice(split + 4),
        });
      });
    });
  const host = `Host: ${base.host}\r\nConnection: close\r\n`;
  const cases: { request: string; status: number; code?: string }[] = [
    { request: `OPTIONS * HTTP/1.1\r\n${host}\r\n`, status: 204 },
    { request: `GET * HTTP/1.1\r\n${host}\r\n`, status: 400, code: 'bad_request' },
    { request: `GET health HTTP/1.1\r\n${host}\r\n`, status: 400, code: 'bad_request' },
    {
      request: `GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n`,
      status: 400,
      code: 'bad_request',
    },
    // The whole URL: served as its path on the host it names.
    { request: `GET ${base.origin}/api/health HTTP/1.1\r\n${host}\r\n`, status: 200 },
    {
      request: `GET ${base.origin}/api/nope HTTP/1.1\r\n${host}\r\n`,
      status: 404,
      code: 'not_found',
    },
  ];
  const failures: string[] = [];
  for (const { request, status, code } of cases) {
    const answer = await raw(request);
    const label = JSON.stringify(request.split('\r\n')[0]);
    if (answer.status !== status) {
      failures.push(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
      continue;
    }
    if (status === 204) {
      if (!/^Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS$/im.test(answer.headers)) {
        failures.push(`${label}: no Allow in ${answer.headers}`);
      }
      continue;
    }
    let body: { error?: { code?: string; message?: string } } = {};
    try {
      body = JSON.parse(
        /^Transfer-Encoding: chunked$/im.test(answer.headers) ? dechunk(answer.body) : answer.body,
      );
    } catch {
      failures.push(`${label}: not JSON: ${answer.body.slice(0, 200)}`);
      continue;
    }
    if (code && (body.error?.code !== code || !body.error.message)) {
      failures.push(`${label}: ${answer.body.slice(0, 200)}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

test('a sign-in address asked with the method it does not take: 405 naming the one it does', async () => {
  const ask = (method: string, url: string, form?: string) =>
    admin.fetch(url, {
      method,
      maxRedirects: 0,
      failOnStatusCode: false,
      ...(form === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...FUZZ_CLIENT },
            data: Buffer.from(form),
          }),
    });
  const get = await ask('GET', '/api/auth/callback/credentials');
  expect(get.status()).toBe(405);
  expect(get.headers()['allow']).toBe('OPTIONS, POST');
  expect((await get.json()).error).toEqual({
    code: 'method_not_allowed',
    message: 'GET is not allowed here; this address accepts POST.',
    allow: ['OPTIONS', 'POST'],
  });
  const post = await ask('POST', '/api/auth/csrf', 'a=b');
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  expect((await post.json()).error.message).toBe(
    'POST is not allowed here; this address accepts GET.',
  );
  // HEAD is answered wherever GET is, as the Allow headers say.
  expect((await ask('HEAD', '/api/auth/session')).status()).toBe(200);
  expect((await ask('HEAD', '/api/auth/callback/credentials')).status()).toBe(405);
  expect((await ask('GET', '/api/auth/no-such-action')).status()).toBe(404);
});

test('nothing was lost or changed: the target claim, its span, the article and the session', async () => {
  const claim = (await (await admin.get(`/api/claims/${ids.claim}`)).json()) as {
    claim: typeof claimBefore & { appearances: { annotationId: string }[] };
  };
  expect(claim.claim).toMatchObject({
    text: claimBefore.text,
    version: claimBefore.version,
    reviewState: claimBefore.reviewState,
  });
  expect(claim.claim.appearances.map((a) => a.annotationId)).toContain(ids.annotation);
  const article = (await (await admin.get(`/api/articles/${ids.article}`)).json()) as {
    article: { revision: { id: string }; revisionCount: number };
  };
  expect(article.article.revision.id).toBe(ids.revision);
  expect(article.article.revisionCount).toBe(1);
  // (`disabled: true` is one of the values the suite sends, and a valid one: not checked here.)
  const users = (await (await admin.get('/api/users')).json()) as {
    users: { id: string; role: string }[];
  };
  expect(users.users.find((u) => u.id === ids.user)?.role).toBe('EDITOR');
  expect((await admin.get('/api/me')).status()).toBe(200);
});

// ---------------------------------------------------------------------------------------------

const ALL_METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every route file under app/api, found on disk, with the methods it exports a handler of its
 * own for (`export const GET = …`, `export { x as GET }`; not the 405 handlers of
 * `export const { PUT, … } = handleOtherMethods(…)`).
 */
function routeFiles(): { file: string; methods: Method[] }[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (entry === 'route.ts') files.push(relative(ROOT, full).split('\\').join('/'));
    }
  };
  visit(join(ROOT, 'app', 'api'));
  return files.map((file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const exported = new Set<Method>();
    for (const m of source.matchAll(
      /export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    ))
      exported.add(m[1] as Method);
    for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) {
      exported.add(m[1] as Method);
    }
    return { file, methods: ALL_METHODS.filter((method) => exported.has(method)) };
  });
}

/** An address a route file answers: its folders, with a well-formed id for each [param]. */
function addressOf(file: string): string {
  return file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[\.\.\.\w+\]/g, 'some/path')
    .replace(/\[\w+\]/g, UNKNOWN_ID);
}

function entries(route: RouteEntry): [Method, MethodCases][] {
  return Object.entries(route.methods) as [Method, MethodCases][];
}

/** The template with its placeholders filled; `hostile` replaces the `index`th placeholder. */
function fill(path: string, ids: FuzzIds, hostile?: { index: number; value: string }): string {
  let at = -1;
  return path.replace(/:(article|revision|claim|annotation|user|capture|unknown)\b/g, (_, key) => {
    at++;
    if (hostile && at === hostile.index) return hostile.value;
    return key === 'unknown' ? UNKNOWN_ID : ids[key as keyof FuzzIds];
  });
}

function jsonBody(text: string | Buffer, type = 'application/json') {
  return {
    headers: { 'content-type': type },
    data: typeof text === 'string' ? Buffer.from(text) : text,
  };
}

/** Sets the dotted `path` of a deep copy of `value` to `replacement`. */
function withField(value: Record<string, unknown>, path: string, replacement: unknown) {
  const copy = structuredClone(value);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = replacement;
  return copy;
}

/** A multipart/form-data body with the given parts (a filename makes a part a file). */
function multipart(parts: { name: string; filename?: string; type?: string; content: string }[]) {
  const boundary = 'fuzz-boundary-7f3a';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${disposition}\r\n` +
          (part.type ? `Content-Type: ${part.type}\r\n` : '') +
          `\r\n${part.content}\r\n`,
      ),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return jsonBody(Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`);
}

/** Every case for one route: bodies, fields, content types, ids in the path, query values. */
function casesFor(route: RouteEntry, ids: FuzzIds): Case[] {
  const cases: Case[] = [];
  for (const [method, spec] of entries(route)) {
    const path = fill(spec.path, ids);
    const base = spec.query?.base(ids) ?? {};
    // Every case carries the base query (e.g. the stale `version` of a DELETE), so one that gets
    // through validation is still refused and deletes nothing.
    const withBase = (address: string) =>
      Object.keys(base).length ? `${address}?${new URLSearchParams(base)}` : address;
    const url = withBase(path);
    const at = `${method} ${spec.path}`;
    const template = spec.body?.(ids);

    if (template) {
      const valid = JSON.stringify(template);
      const firstString = findStringField(template) ?? 'filler';
      const raw: [string, string | Buffer, string?][] = [
        ['not JSON', 'this is not JSON'],
        ['truncated JSON', valid.slice(0, Math.ceil(valid.length / 2))],
        ['empty body', ''],
        ['JSON array', '[]'],
        ['JSON null', 'null'],
        ['JSON string', '"text"'],
        ['JSON number', '42'],
        ['JSON true', 'true'],
        ['arrays 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)],
        ['objects 50,000 deep', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)],
        [
          'a field nested 10,000 deep',
          JSON.stringify(withField(template, firstString, 0)).replace(
            /0([,}])/,
            `${'['.repeat(10_000)}${']'.repeat(10_000)}$1`,
          ),
        ],
        [
          'unknown fields only',
          '{"zzz":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
        ],
        ['valid body plus prototype keys', valid.replace(/^\{/, '{"__proto__":{"role":"ADMIN"},')],
        ['1 MB string', JSON.stringify(withField(template, firstString, 'x'.repeat(1_000_000)))],
        ['2 MB body', JSON.stringify({ ...template, padding: 'y'.repeat(2_000_000) })],
        [
          'invalid UTF-8',
          Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        ],
        ['byte order mark', `\uFEFF${valid}`],
        ['duplicate keys', valid.replace(/^\{/, '{"zzz":1,"zzz":[],')],
        ['text/plain', valid, 'text/plain'],
        ['a form post', 'a=b&c=d', 'application/x-www-form-urlencoded'],
        ['multipart without a boundary', valid, 'multipart/form-data'],
        ['JSON-patch type', valid, 'application/json-patch+json'],
        ['octet stream', valid, 'application/octet-stream'],
        ['JSON type with a charset', valid, 'application/json; charset=latin1'],
      ];
      for (const [name, data, type] of raw) {
        cases.push({ label: `${at}: ${name}`, method, url, ...jsonBody(data, type) });
      }
      for (const field of spec.fields ?? []) {
        for (const { name, value } of FIELD_VALUES) {
          cases.push({
            label: `${at}: ${field} = ${name}`,
            method,
            url,
            ...jsonBody(JSON.stringify(withField(template, field, value))),
          });
        }
      }
    } else if (method !== 'GET') {
      // A body the method does not read must not change what it answers.
      cases.push({ label: `${at}: a body it does not read`, method, url, ...jsonBody('{"x":') });
    }

    if (spec.multipart) {
      const file = { name: 'file', filename: 'fuzz.txt', type: 'text/plain' };
      const uploads: [string, ReturnType<typeof multipart>][] = [
        ['multipart garbage', jsonBody('garbage', 'multipart/form-data; boundary=xyz')],
        ['multipart without a file', multipart([{ name: 'note', content: 'nothing' }])],
        ['multipart file as a plain field', multipart([{ name: 'file', content: 'text' }])],
        ['multipart empty file', multipart([{ ...file, content: '' }])],
        [
          'multipart file named with NUL',
          multipart([{ ...file, filename: 'a\u0000b.txt', content: 'Text.' }]),
        ],
        [
          'multipart file named with ../',
          multipart([{ ...file, filename: '../../etc/passwd', content: 'Text.' }]),
        ],
        [
          'multipart file of binary',
          multipart([{ ...file, type: 'image/png', content: '\u0000\u0001\u00ff' }]),
        ],
        [
          'multipart two files',
          multipart([
            { ...file, content: 'A.' },
            { ...file, content: 'B.' },
          ]),
        ],
      ];
      for (const [name, body] of uploads) {
        // The input rule (NUL, broken UTF-16) holds for a form's file name as for any string.
        const status = name === 'multipart file named with NUL' ? 400 : undefined;
        cases.push({ label: `${at}: ${name}`, method, url, ...body, status });
      }
    }

    const slots =
      spec.path.match(/:(article|revision|claim|annotation|user|capture|unknown)\b/g) ?? [];
    slots.forEach((slot, index) => {
      for (const { name, value } of HOSTILE_IDS) {
        cases.push({
          label: `${at}: ${slot} = ${name}`,
          method,
          url: withBase(fill(spec.path, ids, { index, value })),
          ...(template ? jsonBody(JSON.stringify(template)) : {}),
        });
      }
    });

    if (method === 'GET' || method === 'DELETE') {
      cases.push({
        label: `${at}: unknown, repeated parameter`,
        method,
        url: `${url}${url.includes('?') ? '&' : '?'}zzz=1&zzz=2`,
      });
      for (const param of spec.query?.params ?? []) {
        const values = param === 'after' ? [...QUERY_VALUES, ...FORGED_CURSORS] : QUERY_VALUES;
        for (const { name, value } of values) {
          const params = new URLSearchParams({ ...base, [param]: value });
          cases.push({ label: `${at}: ?${param} = ${name}`, method, url: `${path}?${params}` });
        }
        const rest = new URLSearchParams(Object.entries(base).filter(([key]) => key !== param));
        const twice = `${param}=${encodeURIComponent(base[param] ?? 'a')}&${param}=-1`;
        cases.push({
          label: `${at}: ?${param} repeated`,
          method,
          url: `${path}?${[rest.toString(), twice].filter(Boolean).join('&')}`,
        });
      }
    }
  }
  return cases;
}

/** The dotted path of the first string field of a body (for the 1 MB case). */
function findStringField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return path;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findStringField(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** NextAuth's routes: its actions, unknown ones, and sign-in posts that are not forms. */
function authCases(): Case[] {
  const form = (body: string) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...FUZZ_CLIENT },
    data: Buffer.from(body),
  });
  const post = (label: string, url: string, body: ReturnType<typeof form>): Case => ({
    label: `POST ${url}: ${label}`,
    method: 'POST',
    url,
    ...body,
  });
  const credentials = '/api/auth/callback/credentials';
  return [
    ...[
      '/api/auth/session',
      '/api/auth/csrf',
      '/api/auth/providers',
      '/api/auth/signin',
      '/api/auth/signin/credentials',
      '/api/auth/signout',
      '/api/auth/error?error=%3Cscript%3E',
      '/api/auth/no-such-action',
      '/api/auth/callback/no-such-provider',
      credentials,
      `/api/auth/session?callbackUrl=${encodeURIComponent('https://evil.example/')}`,
      `/api/auth/${'x'.repeat(5000)}`,
      '/api/auth/%00',
    ].map((url): Case => ({ label: `GET ${url.slice(0, 80)}`, method: 'GET', url })),
    {
      label: `POST ${credentials}: JSON`,
      method: 'POST',
      url: credentials,
      headers: { 'content-type': 'application/json', ...FUZZ_CLIENT },
      data: Buffer.from('{"email":"a@b.c","password":"x"}'),
    },
    {
      label: `POST ${credentials}: text/plain`,
      method: 'POST',
      url: credentials,
      headers: { 'content-type': 'text/plain', ...FUZZ_CLIENT },
      data: Buffer.from('email=a@b.c'),
    },
    post('empty form', credentials, form('')),
    post('no CSRF token', credentials, form('email=fuzz%40test.example&password=x&json=true')),
    post('NUL in the email', credentials, form('email=a%00b&password=x')),
    post('broken percent-encoding', credentials, form('email=%E0%A4%A&password=x')),
    post('repeated fields', credentials, form('email=a&email=b&password=x&password=y')),
    post('100 kB form', credentials, form(`email=${'x'.repeat(100_000)}`)),
    post('unknown action', '/api/auth/no-such-action', form('a=b')),
    post('unknown provider', '/api/auth/callback/no-such-provider', form('a=b')),
    post('session update without CSRF', '/api/auth/session', form('data=%7B%7D')),
  ];
}

/** Runs the cases, CONCURRENCY at a time; returns one line per case that broke the rule. */
async function runAll(context: APIRequestContext, cases: Case[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      let response: APIResponse;
      try {
        response = await context.fetch(c.url, {
          method: c.method,
          headers: c.headers,
          data: c.data,
          maxRedirects: 0,
          failOnStatusCode: false,
        });
      } catch (error) {
        failures.push(`${c.label}: no answer (${(error as Error).message.split('\n')[0]})`);
        continue;
      }
      const problem = await problemOf(response, c.status);
      if (problem) failures.push(`${c.label}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** What is wrong with an answer, or null when it keeps the rule. */
async function problemOf(response: APIResponse, expected?: number): Promise<string | null> {
  const status = response.status();
  const text = (await response.body()).toString('utf8');
  const shown = `${status} ${text.slice(0, 300)}`;
  if (expected !== undefined && status !== expected) return `expected ${expected}, got ${shown}`;
  if (status >= 500) return shown;
  const leak = libraryText(status < 400 ? '' : text);
  if (status < 400) return null;
  if (!/application\/json/.test(response.headers()['content-type'] ?? '')) {
    return `not JSON (${response.headers()['content-type'] ?? 'no type'}): ${shown}`;
  }
  let error: { code?: unknown; message?: unknown; url?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    return `unparseable JSON: ${shown}`;
  }
  if (typeof error?.code !== 'string' || !/^[a-z_]+$/.test(error.code)) {
    return `no error.code: ${shown}`;
  }
  if (typeof error.message !== 'string' || error.message.trim() === '') {
    return `no error.message: ${shown}`;
  }
  return leak ? `library text /${leak}/ in ${shown}` : null;
}

/** A chunked body's data (each chunk: its size in hex, CRLF, the data, CRLF; size 0 ends). */
function dechunk(body: string): string {
  let data = '';
  for (let at = 0; ;) {
    const end = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, end), 16);
    if (!(size > 0)) return data;
    data += body.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
}

/** The first library-text pattern found in `text`, or null. */
function libraryText(text: string): string | null {
  return LIBRARY_TEXT.find((pattern) => pattern.test(text))?.source ?? null;
}
