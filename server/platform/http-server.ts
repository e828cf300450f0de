/**
 * The app's HTTP server: Next.js's request handler behind the answers that Next.js and Node
 * would otherwise give before any code of ours runs, which break the input rule (a 4xx with
 * our JSON error, never a 500, never an empty answer or a library's text):
 * - a method none of our addresses answers (TRACE, WebDAV's PROPFIND or MKCOL, PURGE):
 *   Next.js answers TRACE with a 500 and its own text, the others with an empty 400 on the API
 *   and with the page itself (200, as if asked with GET) elsewhere. Here: 405, the JSON error
 *   and Allow, on every address;
 * - a request Node's parser cannot read (a method it has no name for, such as IIS's TRACK; a
 *   broken or oversized header) or a CONNECT: Node writes an empty 400 or drops the
 *   connection. Here: the status Node would give, with the JSON error; the connection closes;
 * - request lines no browser sends: `OPTIONS *` (Next.js: 500; here 204 with Allow), an
 *   HTTP/1.1 request without Host (Node: an empty 400; here 400 JSON), a target that is no path
 *   (Next.js: 500; here 400 JSON) and the absolute form `GET http://host/path` (Next.js: a
 *   redirect to itself; here served as the path on the host it names).
 * Every such answer carries the security headers an API answer has.
 */
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@/lib/api/errors';
import { API_CSP, COMMON_SECURITY_HEADERS, HSTS, isHttps } from './security-headers';

/** The methods some address of ours answers (each route its own few; pages GET and HEAD). */
export const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const SERVED = new Set(SERVED_METHODS);
const ALLOW = SERVED_METHODS.join(', ');
/** What every answer of ours carries, as an API answer does. */
const SECURITY_HEADERS = { 'Content-Security-Policy': API_CSP, ...COMMON_SECURITY_HEADERS };

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** An http.Server that hands `handle` every request it can answer, and answers the others. */
export function createAppServer(handle: Handler): Server {
  // A request without Host is ours to answer (Node's own answer has no body).
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    const own = ownAnswer(request);
    if (!own) return void handle(request, response);
    const { status, headers, body } = overHttps(request, own);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' || status === 204 ? undefined : body);
  });
  server.on('connect', (request: IncomingMessage, socket: Duplex) =>
    writeRaw(socket, overHttps(request, wrongMethod(request))),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client gone (or a socket already answered) gets nothing.
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    writeRaw(socket, unreadable(error.code));
  });
  return server;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The answer to a request Next.js must not see, or null to hand it over. A request naming its
 * whole URL (the absolute form, which proxies are sent) is handed over as its path, on the host
 * it names, as HTTP says (RFC 9112 3.2.2).
 */
function ownAnswer(request: IncomingMessage): Answer | null {
  if (!request.method || !SERVED.has(request.method)) return wrongMethod(request);
  if (request.httpVersion === '1.1' && !request.headers.host) {
    return answer(400, {
      code: 'bad_request',
      message: 'The request has no Host header, which HTTP/1.1 requires.',
    });
  }
  const target = request.url ?? '';
  if (target.startsWith('/')) return null;
  if (target === '*' && request.method === 'OPTIONS') {
    // The server as a whole: what it answers (RFC 9110 9.3.7).
    return { status: 204, headers: { ...SECURITY_HEADERS, Allow: ALLOW }, body: '' };
  }
  if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    request.url = `${url.pathname}${url.search}`;
    request.headers.host = url.host;
    return null;
  }
  return answer(400, {
    code: 'bad_request',
    message: 'The request names no address: it must start with / (or be a whole http URL).',
  });
}

/** 405 for a method no address here answers. */
function wrongMethod(request: IncomingMessage): Answer {
  const method = request.method ?? 'The method';
  const listed = `${SERVED_METHODS.slice(0, -1).join(', ')} or ${SERVED_METHODS.at(-1)}`;
  return answer(
    405,
    {
      code: 'method_not_allowed',
      message: `${method} is not a method this server answers; its addresses accept ${listed}.`,
      allow: SERVED_METHODS,
    },
    { Allow: ALLOW },
  );
}

/**
 * `answer` with HSTS when `request` came over https, itself or through a proxy (as the route
 * wrapper and proxy.ts add it). What Node cannot parse gets none: there is no request to ask.
 */
function overHttps(request: IncomingMessage, answer: Answer): Answer {
  const forwarded = request.headers['x-forwarded-proto'];
  const https = isHttps(
    new Headers(forwarded ? { 'x-forwarded-proto': String(forwarded) } : {}),
    (request.socket as { encrypted?: boolean }).encrypted ? 'https:' : 'http:',
  );
  if (!https) return answer;
  return { ...answer, headers: { ...answer.headers, 'Strict-Transport-Security': HSTS } };
}

/** What Node's parser refused, with the status Node itself would have given. */
function unreadable(code: string | undefined): Answer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return answer(431, {
        code: 'headers_too_large',
        message: 'The request headers are too large.',
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return answer(408, {
        code: 'request_timeout',
        message: 'The request was not received in time.',
      });
    case 'HPE_INVALID_METHOD':
      return answer(400, {
        code: 'bad_request',
        message: 'The request could not be read: its method is not a standard HTTP method.',
      });
    default:
      return answer(400, {
        code: 'bad_request',
        message: 'The request could not be read as HTTP.',
      });
  }
}

function answer(
  status: number,
  error: ErrorBody['error'],
  extra: Record<string, string> = {},
): Answer {
  const body = JSON.stringify({ error } satisfies ErrorBody);
  return {
    status,
    body,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
      ...extra,
    },
  };
}

/** Writes `answer` on a socket Node has not made a response for, then closes it. */
function writeRaw(socket: Duplex, { status, headers, body }: Answer): void {
  const head = Object.entries({ ...headers, Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n\r\n${body}`);
}
