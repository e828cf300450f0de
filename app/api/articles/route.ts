import { handleOtherMethods, parseBody, route } from '@/server/platform/api';
import { createArticle } from '@/server/articles-create';
import { newArticleSchema } from '@/lib/articles';
import { fromSearchParams, libraryQuerySchema } from '@/lib/library';
import { listLibrary } from '@/server/queries/library';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';

/**
 * The library, one page at a time: `q`, `source`, `author`, `from`/`to` (published, yyyy-mm-dd),
 * `states` (repeatable: articles with a claim in any of them), `sort`
 * (imported|published|title|open), `limit` (1-200, default 50) and `after` (the `next` cursor of
 * the previous page). Any signed-in role.
 */
export const GET = route(async (request) => {
  await requireUser();
  const params = fromSearchParams(new URL(request.url).searchParams);
  return Response.json(await listLibrary(db(), libraryQuerySchema.parse(params)));
});

/** A new article from plain text (EDITOR, REVIEWER, ADMIN); 201 with its id and revision. */
export const POST = route(
  async (request) => {
    const user = await requireUser();
    const input = await parseBody(request, newArticleSchema);
    return Response.json({ article: await createArticle(db(), user, input) }, { status: 201 });
  },
  { body: 'text' },
);

export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
