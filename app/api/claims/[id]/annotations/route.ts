import { z } from 'zod';
import { parseBody, parseParams, route } from '@/server/platform/api';
import { linkSpan } from '@/server/spans';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { spanSchema } from '@/lib/claims';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Attach another span (this or another article) to an existing claim. */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const span = await parseBody(request, spanSchema);
  return Response.json({ claim: await linkSpan(db(), user, id, span) }, { status: 201 });
});
