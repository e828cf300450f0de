import { z } from 'zod';
import { parseParams, route } from '@/server/platform/api';
import { getArticleOrThrow } from '@/server/articles';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { splitParagraphs } from '@/lib/text';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** One article with its current revision's text and paragraphs (with offsets). */
export const GET = route(async (_request, { params }: { params: Promise<unknown> }) => {
  await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const article = await getArticleOrThrow(db(), id);
  return Response.json({
    article: { ...article, paragraphs: splitParagraphs(article.revision.text) },
  });
});
