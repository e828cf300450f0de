import { z } from 'zod';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { getArticleAnnotations } from '@/server/queries/article-annotations';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import type { ArticleAnnotationsDTO } from '@/lib/api/types';
import { toWire } from '@/lib/api/wire';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** The current revision, its spans in text order, the orphaned spans and their claims. */
export const GET = route(async (_request, { params }: { params: Promise<unknown> }) => {
  await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const body: ArticleAnnotationsDTO = toWire(await getArticleAnnotations(db(), id));
  return Response.json(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
