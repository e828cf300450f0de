/**
 * Who is asking. The JWT only names a user and a session row; the row, the role and the
 * account's state are read from the database on every request, so ending a session, a role
 * change or a disabled account takes effect at once rather than when the token expires.
 */
import { decode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/domain';
import { db } from './db';
import { forbidden, unauthorized } from './errors';
import { securitySettings } from './security-settings';
import { resumeSession, type SessionUser } from '../users';

/**
 * The signed-in user, or null when signed out, when the session was ended (sign-out, password
 * reset, role change, disabled account), is older than FACTMARK_SESSION_HOURS or was idle longer
 * than FACTMARK_SESSION_IDLE_MINUTES. Memoised per request, so the header, the metadata and the
 * page share one lookup.
 */
export const getUser = cache(async (): Promise<SessionUser | null> => {
  // Only the session cookie (never an Authorization header), decoded as NextAuth wrote it; a
  // cheaper read than getServerSession, which runs NextAuth's whole handler and re-issues the
  // cookie on every request. The cookie needs no renewal: its lifetime equals the session row's
  // FACTMARK_SESSION_HOURS, counted from sign-in either way.
  const token = await getToken({
    req: { cookies: await cookies(), headers: new Headers() } as unknown as Parameters<
      typeof getToken
    >[0]['req'],
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeRemembered,
  });
  const id = token?.sub;
  const sessionId = token?.sid;
  if (!id || !sessionId) return null;
  const settings = securitySettings();
  return resumeSession(db(), sessionId, id, {
    maxAgeMs: settings.FACTMARK_SESSION_HOURS * 3_600_000,
    idleMs: settings.FACTMARK_SESSION_IDLE_MINUTES * 60_000,
  });
});

/** For route handlers: the signed-in user; throws 401 when signed out. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getUser();
  if (!user) throw unauthorized();
  return user;
}

/** For route handlers: the signed-in user with one of `roles`; throws 401 or 403. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw forbidden(`This needs the ${roles.join(' or ')} role.`);
  return user;
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await getUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * Session cookies decoded lately, by cookie value. Decoding derives the key from the secret
 * (HKDF) and decrypts the cookie on every request, about a millisecond each; a cookie's payload
 * never changes, so it is decoded once and only its expiry checked again. The session row is
 * still read on every request, so a revoked session ends at once.
 */
const decodedCookies = new Map<string, JWT>();
const REMEMBERED_COOKIES = 1000;
/** Seconds of clock difference NextAuth's own decode tolerates on `exp`. */
const CLOCK_TOLERANCE_S = 15;

async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const known = decodedCookies.get(token);
  if (known) {
    if (typeof known.exp === 'number' && known.exp + CLOCK_TOLERANCE_S < Date.now() / 1000) {
      decodedCookies.delete(token);
      return null;
    }
    return known;
  }
  const payload = await decode(params);
  if (payload) {
    if (decodedCookies.size >= REMEMBERED_COOKIES) {
      decodedCookies.delete(decodedCookies.keys().next().value!);
    }
    decodedCookies.set(token, payload);
  }
  return payload;
}
