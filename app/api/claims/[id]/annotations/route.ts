import { z } from 'zod';
import { parseBody, parseParams, route } from '@/server/platform/api';
import { linkSpan } from '@/server/spans';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { spanChangeSchema } from '@/lib/claims';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Attach another span (this or another article) to an existing claim. On an approved claim this
 * sends it back to review with a note.
 */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const { version, ...span } = await parseBody(request, spanChangeSchema);
  return Response.json(
    { claim: await linkSpan(db(), user, id, span, { version }) },
    { status: 201 },
  );
});
