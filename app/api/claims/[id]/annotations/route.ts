import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { linkSpanReturningIt } from '@/server/spans';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { spanChangeSchema } from '@/lib/claims';
import type { SpanLinkedDTO } from '@/lib/api/types';
import { toWire } from '@/lib/api/wire';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Attach another span (this or another article) to an existing claim: 201 `{claim, annotation}`;
 * 409 `already_linked` when the passage already belongs to this claim. On an approved claim this
 * sends it back to review with a note.
 */
export const POST = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const { version, ...span } = await parseBody(request, spanChangeSchema);
  const body: SpanLinkedDTO = toWire(await linkSpanReturningIt(db(), user, id, span, { version }));
  return Response.json(body, { status: 201 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
