/**
 * The one input rule for the whole app (issue #11), applied by the route wrapper (api.ts), the
 * sign-in route and the proxy before anything reaches a handler, a page or the database:
 * - addresses: every path segment and query component must be valid percent-encoded UTF-8;
 * - text: no NUL and no unpaired UTF-16 surrogate in any string (path, query, JSON body, form),
 *   since PostgreSQL cannot store either and they are never part of real text;
 * - ids in the path look like ids (letters, digits, `_`, `-`, at most 64).
 * Each failure is a 400 bad_request with a sentence saying what was wrong.
 */
import { AppError } from './errors';

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const BAD_CHARACTER =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The ids we issue are cuids; seeds and tests use readable slugs. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `text` holds a NUL or an unpaired surrogate. */
export function hasBadCharacter(text: string): boolean {
  return BAD_CHARACTER.test(text);
}

const badRequest = (message: string) => new AppError('bad_request', message);

function decodeComponent(raw: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badRequest(`The ${what} has an invalid percent-encoding.`);
  }
  if (hasBadCharacter(decoded)) {
    throw badRequest(
      `The ${what} contains a character that is not allowed (NUL or broken UTF-16).`,
    );
  }
  return decoded;
}

/**
 * Checks a request URL's path and query string; throws 400 bad_request. `new URL()` silently
 * turns broken encodings into U+FFFD, so the raw text is decoded here, component by component.
 */
export function checkRequestUrl(url: string): void {
  const { pathname, search } = new URL(url);
  for (const segment of pathname.split('/')) decodeComponent(segment, 'address');
  if (search.length > 1) {
    for (const pair of search.slice(1).split('&')) {
      for (const part of pair.split('=')) {
        // Next.js has already turned a broken sequence into U+FFFD by the time we see it.
        if (decodeComponent(part.replace(/\+/g, ' '), 'query string').includes('\uFFFD')) {
          throw badRequest('The query string has an invalid percent-encoding.');
        }
      }
    }
  }
}

/**
 * How deep a JSON body may nest. Our deepest body (a new claim's evidence) is 4 levels; a body
 * nested thousands of levels deep is an attack on whatever walks it recursively (this check,
 * zod, JSON.stringify in the audit log), which would die with a stack overflow: a 500.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Checks every string (keys included) of a parsed JSON or form value; throws 400 bad_request
 * for a NUL or an unpaired surrogate, and for nesting deeper than MAX_JSON_DEPTH. Walks with
 * its own stack, not recursion, so no depth can overflow the call stack.
 */
export function checkStrings(value: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasBadCharacter(value)) throw badCharacter(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError(
        'bad_request',
        `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
      );
    }
    const items = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    // Pushed last to first, so the first bad string in document order is the one reported.
    for (const [key, item] of items.reverse()) {
      if (!Array.isArray(value) && hasBadCharacter(key)) throw badCharacter(path);
      stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
}

const badCharacter = (path: string) =>
  new AppError(
    'bad_request',
    'A text contains a character that is not allowed (NUL or broken UTF-16).',
    {
      issues: [{ path: path || '(body)', message: 'NUL or an unpaired surrogate is not allowed.' }],
    },
  );

/** Checks route params (already decoded by Next.js): strings clean, ids shaped like ids. */
export function checkParams(params: unknown): void {
  if (params === null || typeof params !== 'object') return;
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item !== 'string') continue;
      if (hasBadCharacter(item) || item.includes('%')) {
        throw badRequest('The address contains a character that is not allowed.');
      }
      if ((key === 'id' || key.endsWith('Id')) && !ID_PATTERN.test(item)) {
        throw badRequest(`The ${key} in the address is not a valid id.`);
      }
    }
  }
}
