import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { deleteAnnotation, reattachAnnotation } from '@/server/spans';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { spanChangeSchema, spanDeleteQuerySchema } from '@/lib/claims';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
type Ctx = { params: Promise<unknown> };

/**
 * Re-attach a span (e.g. an orphan) to a place on the current revision the user chose. On an
 * approved claim this sends it back to review; to the place it already is, 400.
 */
export const PATCH = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const { version, ...span } = await parseBody(request, spanChangeSchema);
  return Response.json({ annotation: await reattachAnnotation(db(), user, id, span, { version }) });
});

export const DELETE = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const query = spanDeleteQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await deleteAnnotation(db(), user, id, query);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = handleOtherMethods('PATCH', 'DELETE');
