import { idParamsSchema } from '@/lib/evidence/schemas';
import { getArticleOrThrow } from '@/server/articles';
import {
  getArticleWatchView,
  recheckArticle,
  startWatching,
} from '@/server/evidence/article-watch';
import { evidenceSettings } from '@/server/evidence/settings';
import { importSettings } from '@/server/import/settings';
import { paceForPerson } from '@/server/jobs/fetch-gate';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { notFound } from '@/server/platform/errors';
import { requireUser } from '@/server/platform/session';

type Ctx = { params: Promise<unknown> };

/** The article's source watch and open revision proposal: `{watch}` (null: not watched). */
export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  await getArticleOrThrow(db(), id);
  return Response.json({ watch: await getArticleWatchView(db(), id) });
});

/**
 * Re-fetches the article's source now (the "Check now" button):
 * `{outcome: unchanged|proposed|failed, proposalId?, error?}`; 404 when it is not watched.
 */
export const POST = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  const settings = evidenceSettings();
  const result = await recheckArticle(db(), id, {
    fetch: importSettings(),
    watchIntervalHours: settings.watchIntervalHours,
    pace: paceForPerson(db(), settings.hostIntervalMs),
  });
  if (result.outcome === 'missing') throw notFound('The watched article');
  return Response.json(result);
});

/**
 * Starts watching the article at its source address (an article imported before watching
 * existed, or pasted with its address): `{watch}`. 400 without an http(s) source address.
 */
export const PUT = route(async (_request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  await startWatching(db(), user, id, evidenceSettings().watchIntervalHours);
  return Response.json({ watch: await getArticleWatchView(db(), id) });
});

export const { PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST', 'PUT');
