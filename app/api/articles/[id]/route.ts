import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { updateArticleDetails } from '@/server/articles-edit';
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

/**
 * Corrects the article's details (title, byline, sourceName, sourceUrl, publishedAt as
 * yyyy-mm-dd; any subset, "" clears). Any annotating role; 200 `{article, backToReview}` with
 * the details as saved and how many approved claims a new source, source name or date sent
 * back to review; 400 with the bad fields, 404 for an unknown article. Audited as
 * `article.update` (and `claim.source_changed` on each claim sent back).
 */
export const PATCH = route(async (request, { params }: { params: Promise<unknown> }) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const input = await parseBody(request, z.record(z.string(), z.unknown()));
  return Response.json(await updateArticleDetails(db(), user, id, input));
});

export const { POST, PUT, DELETE, OPTIONS } = handleOtherMethods('GET', 'PATCH');
