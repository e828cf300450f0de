import { route } from '@/server/api';
import { listArticles } from '@/server/articles';
import { db } from '@/server/db';
import { requireUser } from '@/server/session';

/** The library: every article with its claim counts by review state. Any signed-in role. */
export const GET = route(async () => {
  await requireUser();
  return Response.json({ articles: await listArticles(db()) });
});
