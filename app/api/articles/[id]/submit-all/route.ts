import { z } from 'zod';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { submitAllOfArticle } from '@/server/review';
import { requireUser } from '@/server/platform/session';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Submit every claim of this article that the signed-in user wrote and that is a draft or was
 * sent back: `{submitted, refused}` (each refusal says what is missing). 404 for no article.
 */
export const POST = route(async (_request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  return Response.json(await submitAllOfArticle(db(), user, id));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
