import { idParamsSchema, quoteRequestSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { anchorInCapture } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';

type Ctx = { params: Promise<unknown> };

/**
 * Anchors a quote in a stored copy: body `{quote, start?}` → `{state: EXACT|FUZZY|NOT_FOUND,
 * anchor: {start, end, exact, prefix, suffix} | null, score}`.
 */
export const POST = route(async (request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  const { quote, start } = await parseBody(request, quoteRequestSchema);
  return Response.json(await anchorInCapture(db(), evidenceSettings().dir, id, quote, start));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
