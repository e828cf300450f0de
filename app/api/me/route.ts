import { handleOtherMethods, route } from '@/server/platform/api';
import { requireUser } from '@/server/platform/session';

/** The signed-in user as the server sees them (role read from the database). */
export const GET = route(async () => Response.json({ user: await requireUser() }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
