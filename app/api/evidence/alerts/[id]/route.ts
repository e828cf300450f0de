import { idParamsSchema } from '@/lib/evidence/schemas';
import { parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { resolveAlert } from '@/server/evidence/service';

type Ctx = { params: Promise<unknown> };

/** Dismisses an alert once the change has been dealt with: 204. */
export const DELETE = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  await resolveAlert(db(), id);
  return new Response(null, { status: 204 });
});
