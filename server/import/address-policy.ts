/**
 * Which network addresses a URL import may connect to. Only public unicast addresses, so an
 * import cannot be aimed at the server's own network (loopback, private ranges, link-local
 * cloud metadata, ...). IPv6 forms that embed an IPv4 address (mapped ::ffff:a.b.c.d,
 * compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address.
 * An explicit allow list (FACTMARK_IMPORT_ALLOW_HOSTS) can open single hosts or host:port
 * pairs, e.g. the local test server.
 */
import { isIP } from 'node:net';

/** IPv4 ranges that are not public unicast, [first octets as a 32-bit number, prefix, name]. */
const IPV4_BLOCKED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

const IPV4_RANGES = IPV4_BLOCKED.map(([base, prefix, name]) => ({
  base: ipv4ToNumber(base),
  size: 2 ** (32 - prefix),
  name,
}));

function blockedIpv4(value: number): string | null {
  for (const r of IPV4_RANGES) if (value >= r.base && value < r.base + r.size) return r.name;
  return null;
}

/** The eight 16-bit words of an IPv6 address (zone index dropped), or null. */
export function ipv6Words(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(text) !== 6) return null;
  // A trailing dotted IPv4 ("::ffff:1.2.3.4") becomes its two hex words.
  text = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a, b, c, d) =>
    [Number(a) * 256 + Number(b), Number(c) * 256 + Number(d)].map((n) => n.toString(16)).join(':'),
  );
  const parse = (part: string) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const gap = text.indexOf('::');
  if (gap < 0) {
    const words = parse(text);
    return words.length === 8 ? words : null;
  }
  const left = parse(text.slice(0, gap));
  const right = parse(text.slice(gap + 2));
  const zeros = 8 - left.length - right.length;
  if (zeros < 1) return null;
  return [...left, ...new Array<number>(zeros).fill(0), ...right];
}

/**
 * Why an address may not be fetched ("loopback", "private", ...), or null when it is a public
 * unicast address. Anything that is not an IP address is refused ("not an IP address").
 */
export function blockedRange(address: string): string | null {
  const family = isIP(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (family === 4) return blockedIpv4(ipv4ToNumber(address));
  if (family !== 6) return 'not an IP address';
  const w = ipv6Words(address);
  if (!w) return 'not an IP address';
  const embedded = (hi: number, lo: number) => blockedIpv4(hi * 65536 + lo);
  const zeroUpTo = (n: number) => w.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && w[7] === 1) return 'loopback';
  if (zeroUpTo(5) && w[5] === 0xffff) return embedded(w[6]!, w[7]!);
  if (zeroUpTo(6)) return embedded(w[6]!, w[7]!) ?? 'IPv4-compatible';
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0))
    return embedded(w[6]!, w[7]!);
  if (w[0] === 0x64 && w[1] === 0xff9b && w[2] === 1) return 'local NAT64';
  if (w[0] === 0x2002) return embedded(w[1]!, w[2]!);
  if (w[0]! >= 0xfc00 && w[0]! <= 0xfdff) return 'unique local (private)';
  if (w[0]! >= 0xfe80 && w[0]! <= 0xfebf) return 'link-local';
  if (w[0]! >= 0xfec0 && w[0]! <= 0xfeff) return 'site-local';
  if (w[0]! >= 0xff00) return 'multicast';
  if (w[0] === 0x2001 && w[1] === 0x0db8) return 'documentation';
  if (w[0] === 0x2001 && w[1]! < 0x0200) return 'IETF protocol assignments';
  // Global unicast is 2000::/3; everything else is reserved.
  if (w[0]! < 0x2000 || w[0]! > 0x3fff) return 'reserved';
  return null;
}

/** One entry of the allow list: a host name or IP address, optionally with a port. */
export interface AllowEntry {
  host: string;
  /** Null: any port. */
  port: number | null;
}

/**
 * Parses FACTMARK_IMPORT_ALLOW_HOSTS: comma- or space-separated `host`, `host:port`,
 * `[ipv6]` or `[ipv6]:port` entries. Throws an Error naming a malformed entry.
 */
export function parseAllowHosts(value: string | undefined): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const m = /^(?:\[([0-9a-f:.%a-z]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/i.exec(raw);
    const port = m?.[3] === undefined ? null : Number(m[3]);
    if (!m || (port !== null && (port < 1 || port > 65535)) || (m[1] && isIP(m[1]) !== 6)) {
      throw new Error(
        `FACTMARK_IMPORT_ALLOW_HOSTS: "${raw}" is not host, host:port or [ipv6]:port`,
      );
    }
    entries.push({ host: normalizeHost(m[1] ?? m[2]!), port });
  }
  return entries;
}

/** Lower case; IPv6 in its canonical compressed form so equal addresses compare equal. */
export function normalizeHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 6) {
    const words = ipv6Words(bare);
    if (words) return words.map((w) => w.toString(16)).join(':');
  }
  return bare;
}

/**
 * True when the allow list opens this connection: an entry naming the URL's host name or the
 * resolved address, with no port or the URL's port.
 */
export function isAllowed(
  entries: readonly AllowEntry[],
  target: { hostname: string; address: string; port: number },
): boolean {
  const hostname = normalizeHost(target.hostname);
  const address = normalizeHost(target.address);
  return entries.some(
    (e) =>
      (e.host === hostname || e.host === address) && (e.port === null || e.port === target.port),
  );
}
