import { parseBody, route } from '@/server/platform/api';
import { createArticle } from '@/server/articles-create';
import { newArticleSchema } from '@/lib/articles';
import { listArticles } from '@/server/articles';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';

/** The library: every article with its claim counts by review state. Any signed-in role. */
export const GET = route(async () => {
  await requireUser();
  return Response.json({ articles: await listArticles(db()) });
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
