import { route } from '@/server/api';
import { requireUser } from '@/server/session';

/** The signed-in user as the server sees them (role read from the database). */
export const GET = route(async () => Response.json({ user: await requireUser() }));
