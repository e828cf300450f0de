import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireRole } from '@/server/platform/session';
import { failedWork } from '@/server/evidence/service';

/** ADMIN: background jobs that failed for good and sources whose last fetch failed. */
export const GET = route(async () => {
  await requireRole('ADMIN');
  return Response.json(await failedWork(db()));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
