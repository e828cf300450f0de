import { z } from 'zod';
import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { listOpenAlerts } from '@/server/evidence/service';

const querySchema = z.object({ claim: z.string().min(1).max(64).optional() });

/** Changed sources: open "source changed since cited" alerts, `?claim=` for one claim's. */
export const GET = route(async (request) => {
  await requireUser();
  const { claim } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ alerts: await listOpenAlerts(db(), claim) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
