import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireRole } from '@/server/platform/session';
import { updateUser } from '@/server/users';
import { userUpdateSchema } from '@/lib/users';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** ADMIN: change a user's name, role or password; 409 last_admin for the last admin's demotion. */
export const PATCH = route(async (request, { params }: { params: Promise<unknown> }) => {
  const admin = await requireRole('ADMIN');
  const { id } = await parseParams(params, paramsSchema);
  const update = await parseBody(request, userUpdateSchema);
  return Response.json({ user: await updateUser(db(), id, update, admin.id) });
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = handleOtherMethods('PATCH');
