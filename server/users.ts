/** User accounts: queries and mutations, each mutation audited in its own transaction. */
import type { Role } from '@/lib/domain';
import type { NewUser, UserUpdate } from '@/lib/users';
import { AppError, notFound } from './platform/errors';
import { queryRows, type PrismaClient } from './platform/db';
import { Prisma } from './generated/prisma/client';
import { getDummyHash, hashPassword, verifyPassword } from './platform/passwords';

export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export function listUsers(prisma: PrismaClient) {
  return prisma.user.findMany({
    select: publicUserSelect,
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
  });
}

/** Creates a user; a taken email is a 409 conflict. `actorId` is null for the CLI. */
export async function createUser(prisma: PrismaClient, input: NewUser, actorId: string | null) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true },
    });
    if (existing)
      throw new AppError('conflict', `A user with email ${input.email} already exists.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: publicUserSelect,
    });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role },
      },
    });
    return user;
  });
}

/**
 * Changes a user's name, role, password or disabled state. A new password, a new role and
 * disabling each end every session of the user at once (the rows go, and every request checks
 * its row). Demoting or disabling the last active admin is refused with 409 last_admin; the
 * admin rows are locked for the check so two concurrent changes cannot both pass it.
 */
export async function updateUser(
  prisma: PrismaClient,
  id: string,
  update: UserUpdate,
  actorId: string,
) {
  const passwordHash =
    update.password === undefined ? undefined : await hashPassword(update.password);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: publicUserSelect });
    if (!before) throw notFound('User');
    const demoting = update.role !== undefined && update.role !== 'ADMIN';
    const disabling = update.disabled === true && before.disabledAt === null;
    if (before.role === 'ADMIN' && before.disabledAt === null && (demoting || disabling)) {
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
      if (admins.every((admin) => admin.id === id)) {
        throw new AppError(
          'last_admin',
          disabling
            ? 'This is the last active admin: make someone else an admin before disabling it.'
            : 'This is the last admin: make someone else an admin first.',
        );
      }
    }
    const disabledAt =
      update.disabled === undefined
        ? undefined
        : update.disabled
          ? (before.disabledAt ?? new Date())
          : null;
    const after = await tx.user.update({
      where: { id },
      data: { name: update.name, role: update.role, disabledAt, passwordHash },
      select: publicUserSelect,
    });
    const roleChanged = after.role !== before.role;
    if (passwordHash || roleChanged || (after.disabledAt && !before.disabledAt)) {
      await endAllSessions(tx, id);
    }
    const action = passwordHash
      ? 'user.update_password'
      : after.disabledAt && !before.disabledAt
        ? 'user.disable'
        : !after.disabledAt && before.disabledAt
          ? 'user.enable'
          : 'user.update';
    await tx.auditEvent.create({
      data: {
        actorId,
        action,
        entityType: 'User',
        entityId: id,
        // Never the password or its hash: only that it changed.
        before: { name: before.name, role: before.role, disabled: before.disabledAt !== null },
        after: {
          name: after.name,
          role: after.role,
          disabled: after.disabledAt !== null,
          ...(passwordHash ? { passwordChanged: true } : {}),
        },
      },
    });
    return after;
  });
}

type SessionStore = Pick<PrismaClient, 'userSession'>;

/** Starts a session for a user who just signed in; returns its id (kept in the JWT). */
export async function startSession(prisma: SessionStore, userId: string): Promise<string> {
  const session = await prisma.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/** Ends every session of a user, on every app instance (sign-out, reset, role change, disable). */
export async function endAllSessions(prisma: SessionStore, userId: string): Promise<void> {
  await prisma.userSession.deleteMany({ where: { userId } });
}

/** Don't write lastSeenAt more than once a minute per session: reads stay reads. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The user of session `sessionId` if it is still valid: it exists (not ended), belongs to
 * `userId`, is younger than `maxAgeMs`, was used within `idleMs`, and the account is not
 * disabled. Null otherwise (and an expired session is deleted). Marks the session as used.
 */
export async function resumeSession(
  prisma: PrismaClient,
  sessionId: string,
  userId: string,
  limits: { maxAgeMs: number; idleMs: number },
  now = new Date(),
): Promise<SessionUser | null> {
  // Through the pool: every signed-in request reads this row, so it skips Prisma's query
  // building and interpreter.
  const [session] = await queryRows<{
    userId: string;
    createdAt: Date;
    lastSeenAt: Date;
    user: { id: string; email: string; name: string; role: Role; disabledAt: string | null };
  }>(
    prisma,
    Prisma.sql`
    SELECT s."userId", s."createdAt", s."lastSeenAt",
           json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role,
                             'disabledAt', u."disabledAt") AS "user"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`,
  );
  if (!session || session.userId !== userId || session.user.disabledAt) return null;
  const t = now.getTime();
  if (
    t - session.createdAt.getTime() > limits.maxAgeMs ||
    t - session.lastSeenAt.getTime() > limits.idleMs
  ) {
    await prisma.userSession.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (t - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export const WRONG_CREDENTIALS = 'Wrong email or password.';
export const ACCOUNT_DISABLED = 'This account is disabled. Ask an admin to enable it.';

/**
 * Checks an email and password (throttling is counted before, by the sign-in route). An unknown
 * email is checked against a dummy hash with the same argon2id parameters, so it takes as long
 * and answers the same as a wrong password. A disabled account says so only to someone who
 * gives its right password.
 */
export async function verifySignIn(
  prisma: PrismaClient,
  email: string,
  password: string,
): Promise<SignInResult> {
  const dummy = getDummyHash();
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummy), password);
  if (!user || !valid) return { ok: false, message: WRONG_CREDENTIALS };
  if (user.disabledAt) return { ok: false, message: ACCOUNT_DISABLED };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
