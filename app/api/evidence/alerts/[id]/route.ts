import { idParamsSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { resolveAlert } from '@/server/evidence/service';

type Ctx = { params: Promise<unknown> };

/**
 * Dismisses an alert once the change has been dealt with: 204, audited with who did it (the
 * claim's history shows it). 404 when unknown or already dismissed.
 */
export const DELETE = route(async (_request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  await resolveAlert(db(), user, id);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = handleOtherMethods('DELETE');
