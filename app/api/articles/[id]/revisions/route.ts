import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { reviseArticle } from '@/server/revisions';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { revisionSchema } from '@/lib/claims';
import { sha256Hex } from '@/lib/text';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Save edited text as a new revision; every span is re-anchored. Answers the anchor summary. */
export const POST = route(
  async (request, { params }: { params: Promise<unknown> }) => {
    const user = await requireUser();
    const { id } = await parseParams(params, paramsSchema);
    const input = await parseBody(request, revisionSchema);
    return Response.json(await reviseArticle(db(), user, id, input, sha256Hex), { status: 201 });
  },
  { body: 'text' },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
