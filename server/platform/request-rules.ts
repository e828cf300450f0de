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

/** Checks every string (keys included) of a parsed JSON or form value; throws 400. */
export function checkStrings(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (hasBadCharacter(value)) {
      throw new AppError(
        'bad_request',
        'A text contains a character that is not allowed (NUL or broken UTF-16).',
        {
          issues: [
            { path: path || '(body)', message: 'NUL or an unpaired surrogate is not allowed.' },
          ],
        },
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkStrings(item, path ? `${path}.${index}` : String(index)));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      checkStrings(key, path);
      checkStrings(item, path ? `${path}.${key}` : key);
    }
  }
}

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
