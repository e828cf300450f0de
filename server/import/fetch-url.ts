/**
 * Fetching a page for import, safely: http(s) only; the host name resolved and every address
 * checked (address-policy) before connecting, and the connection pinned to the checked address
 * (so a second DNS answer cannot swap in an inner one); redirects followed by hand, each hop
 * checked the same way; one time limit over everything; the body streamed and cut off at the
 * size limit (after decompression). Every failure is an AppError with a 4xx/5xx code.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { AppError } from '../platform/errors';
import { blockedRange, isAllowed, type AllowEntry } from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (tests pass their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  allowHosts: readonly AllowEntry[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  resolve?: Resolver;
}

export interface FetchedPage {
  /** The address finally fetched (after redirects). */
  url: string;
  /** Media type, lower case, without parameters; null when the server sent none. */
  mediaType: string | null;
  charset: string | null;
  bytes: Buffer;
  /** HTTP status and response headers as received (evidence archiving keeps them). */
  status: number;
  headers: [string, string][];
}

const ACCEPT =
  'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8,*/*;q=0.1';
const USER_AGENT = 'Factmark/0.1 (article import; +https://github.com/factmark)';

const defaultResolve: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family,
  }));

/** A DNS lookup for the socket that only ever answers the address already checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((
    _hostname: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

/** Drops a response body we will not read (its abort error is expected, not a failure). */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);

function parseHttpUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new AppError('fetch_failed', `The site redirected to an invalid address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'address_not_allowed',
      `Only http and https addresses can be imported${base ? ' (the site redirected to another kind)' : ''}.`,
    );
  }
  if (url.username || url.password) {
    throw new AppError(
      'address_not_allowed',
      'Addresses with a user name or password are not imported.',
    );
  }
  return url;
}

/** Resolves and checks the URL's host; returns the address to connect to. */
async function checkedAddress(
  url: URL,
  options: FetchOptions,
  deadline: Promise<never>,
): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  let addresses: ResolvedAddress[];
  const family = isIP(hostname);
  if (family) addresses = [{ address: hostname, family }];
  else {
    try {
      addresses = await Promise.race([(options.resolve ?? defaultResolve)(hostname), deadline]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('fetch_failed', `The host ${hostname} could not be found.`);
    }
  }
  if (!addresses.length)
    throw new AppError('fetch_failed', `The host ${hostname} could not be found.`);
  for (const { address } of addresses) {
    if (isAllowed(options.allowHosts, { hostname, address, port })) continue;
    const blocked = blockedRange(address);
    if (blocked) {
      // The message never names the resolved address or its range: that would turn the import
      // into a DNS oracle for the server's own network (issue #11). The log keeps the detail.
      console.warn(`[factmark] URL import refused: ${url.host} -> ${blocked} address`);
      throw new AppError(
        'address_not_allowed',
        `${url.host} is not on a public address; only public addresses can be imported.`,
      );
    }
  }
  return addresses[0]!;
}

function decoderFor(encoding: string | undefined) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new AppError('fetch_failed', `The site sent an unsupported encoding (${encoding}).`);
  }
}

const tooLarge = (maxBytes: number) =>
  new AppError('too_large', `The page is larger than ${Math.round(maxBytes / 1_000_000)} MB.`);

async function readLimited(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      discard(body);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Maps a network error to the AppError the client sees. */
function networkError(error: unknown, url: URL, timedOut: boolean): AppError {
  if (error instanceof AppError) return error;
  if (timedOut) {
    return new AppError('fetch_timeout', `${url.host} did not answer in time.`);
  }
  const code = (error as { code?: string })?.code ?? '';
  const reason =
    code === 'ECONNREFUSED'
      ? 'refused the connection'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'could not be found'
        : code.startsWith('UND_ERR_CONNECT') || code === 'ETIMEDOUT'
          ? 'could not be reached'
          : /CERT|SSL|TLS/i.test(code)
            ? 'has an invalid certificate'
            : 'could not be reached';
  return new AppError('fetch_failed', `${url.host} ${reason}.`);
}

/**
 * Fetches an http(s) URL for import. Throws AppError: address_not_allowed (422) for a private,
 * loopback or otherwise inner address (directly, by DNS, or by redirect), fetch_failed (502)
 * for an unreachable host, an error status or too many redirects, fetch_timeout (504), and
 * too_large (413) past `maxBytes`.
 */
export async function fetchUrl(input: string, options: FetchOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  let timedOut = false;
  let rejectDeadline: (error: AppError) => void = () => {};
  const deadline = new Promise<never>((_, reject) => {
    rejectDeadline = reject;
  });
  deadline.catch(() => {});
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    rejectDeadline(new AppError('fetch_timeout', 'The site did not answer in time.'));
  }, options.timeoutMs);
  let url = parseHttpUrl(input);
  const agents: Agent[] = [];
  try {
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      const pinned = await checkedAddress(url, options, deadline);
      const agent = new Agent({
        connect: { lookup: pinnedLookup(pinned), timeout: options.timeoutMs },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      agents.push(agent);
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(url, {
          dispatcher: agent,
          method: 'GET',
          headers: {
            accept: ACCEPT,
            'accept-encoding': 'gzip, deflate, br',
            'user-agent': USER_AGENT,
          },
          signal: controller.signal,
          maxRedirections: 0,
        });
      } catch (error) {
        throw networkError(error, url, timedOut);
      }
      const { statusCode, headers, body } = response;
      const header = (name: string) => {
        const value = headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      if (isRedirect(statusCode) && header('location')) {
        discard(body);
        url = parseHttpUrl(header('location')!, url);
        continue;
      }
      if (statusCode < 200 || statusCode >= 300) {
        discard(body);
        throw new AppError('fetch_failed', `${url.host} answered ${statusCode} for this address.`);
      }
      const contentType = header('content-type') ?? null;
      const [mediaType, ...params] = (contentType ?? '').split(';').map((p) => p.trim());
      const charset =
        params
          .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
          .find((c): c is string => !!c) ?? null;
      const declared = Number(header('content-length'));
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        discard(body);
        throw tooLarge(options.maxBytes);
      }
      let bytes: Buffer;
      try {
        const decoder = decoderFor(header('content-encoding'));
        if (decoder) body.on('error', (error) => decoder.destroy(error));
        bytes = await readLimited(decoder ? body.pipe(decoder) : body, options.maxBytes);
      } catch (error) {
        discard(body);
        if (error instanceof AppError) throw error;
        if (timedOut) throw networkError(error, url, true);
        throw new AppError('fetch_failed', `${url.host} sent a broken response.`);
      }
      const received = Object.entries(headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(
          (v): [string, string] => [name, v],
        ),
      );
      return {
        url: url.toString(),
        mediaType: mediaType?.toLowerCase() || null,
        charset,
        bytes,
        status: statusCode,
        headers: received,
      };
    }
    throw new AppError(
      'fetch_failed',
      `The site redirected more than ${options.maxRedirects} times.`,
    );
  } finally {
    clearTimeout(timer);
    for (const agent of agents) agent.destroy().catch(() => {});
  }
}
