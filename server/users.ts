/** User accounts: queries and mutations, each mutation audited in its own transaction. */
import type { Role } from '@/lib/domain';
import type { NewUser, UserUpdate } from '@/lib/users';
import { signInWaitMs, describeWait } from '@/lib/sign-in-throttle';
import { AppError, notFound } from './platform/errors';
import type { PrismaClient } from './platform/db';
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
 * Changes a user's name, role or password. Demoting the last active admin is refused with 409
 * last_admin; the admin rows are locked for the check so two concurrent demotions cannot both
 * pass it.
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
    if (update.role !== undefined && update.role !== 'ADMIN' && before.role === 'ADMIN') {
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
      if (admins.every((admin) => admin.id === id)) {
        throw new AppError(
          'last_admin',
          'This is the last admin: make someone else an admin first.',
        );
      }
    }
    const after = await tx.user.update({
      where: { id },
      data: {
        name: update.name,
        role: update.role,
        ...(passwordHash ? { passwordHash, failedSignIns: 0, lastFailedSignInAt: null } : {}),
      },
      select: publicUserSelect,
    });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: passwordHash ? 'user.update_password' : 'user.update',
        entityType: 'User',
        entityId: id,
        // Never the password or its hash: only that it changed.
        before: { name: before.name, role: before.role },
        after: {
          name: after.name,
          role: after.role,
          ...(passwordHash ? { passwordChanged: true } : {}),
        },
      },
    });
    return after;
  });
}

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export const WRONG_CREDENTIALS = 'Wrong email or password.';

/**
 * Checks an email and password. Counts consecutive failures on the account and, past the free
 * attempts, refuses to check at all until the wait is over (the message says how long).
 */
export async function verifySignIn(
  prisma: PrismaClient,
  email: string,
  password: string,
): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabledAt) {
    await verifyPassword(await getDummyHash(), password);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  const wait = signInWaitMs(user, new Date());
  if (wait > 0) return { ok: false, message: describeWait(wait) };

  if (!(await verifyPassword(user.passwordHash, password))) {
    const updated = await prisma.user.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 }, lastFailedSignInAt: new Date() },
      select: { failedSignIns: true, lastFailedSignInAt: true },
    });
    const nextWait = signInWaitMs(updated, new Date());
    return {
      ok: false,
      message: nextWait > 0 ? `${WRONG_CREDENTIALS} ${describeWait(nextWait)}` : WRONG_CREDENTIALS,
    };
  }
  if (user.failedSignIns > 0) {
    await prisma.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lastFailedSignInAt: null },
    });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
