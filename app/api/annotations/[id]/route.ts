import { z } from 'zod';
import { parseBody, parseParams, route } from '@/server/platform/api';
import { deleteAnnotation, reattachAnnotation } from '@/server/spans';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { spanSchema } from '@/lib/claims';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
type Ctx = { params: Promise<unknown> };

/** Re-attach a span (e.g. an orphan) to a place on the current revision the user chose. */
export const PATCH = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const span = await parseBody(request, spanSchema);
  return Response.json({ annotation: await reattachAnnotation(db(), user, id, span) });
});

export const DELETE = route(async (_request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  await deleteAnnotation(db(), user, id);
  return new Response(null, { status: 204 });
});
