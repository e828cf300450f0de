import { handleOtherMethods, parseBody, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireRole } from '@/server/platform/session';
import { createUser, listUsers } from '@/server/users';
import { newUserSchema } from '@/lib/users';

/** ADMIN: every user (never a password hash). */
export const GET = route(async () => {
  await requireRole('ADMIN');
  return Response.json({ users: await listUsers(db()) });
});

/** ADMIN: create a user; 409 when the email is taken. */
export const POST = route(async (request) => {
  const admin = await requireRole('ADMIN');
  const input = await parseBody(request, newUserSchema);
  return Response.json({ user: await createUser(db(), input, admin.id) }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
