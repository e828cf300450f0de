/**
 * Who is asking. The JWT only says which user signed in; the role and the account's state are
 * read from the database on every request, so a role change or a disabled account takes effect
 * at once rather than when the token expires.
 */
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/domain';
import { authOptions } from './auth';
import { db } from './db';
import { forbidden, unauthorized } from './errors';
import type { SessionUser } from '../users';

/**
 * The signed-in user, or null when signed out (or the account is gone or disabled). Memoised
 * per request, so the header, the metadata and the page share one lookup.
 */
export const getUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
