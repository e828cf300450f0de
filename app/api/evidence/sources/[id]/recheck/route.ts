import { idParamsSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { recheckSource } from '@/server/evidence/watch';
import { evidenceSettings } from '@/server/evidence/settings';
import { importSettings } from '@/server/import/settings';
import { paceForPerson } from '@/server/jobs/fetch-gate';
import { notFound } from '@/server/platform/errors';

type Ctx = { params: Promise<unknown> };

/**
 * Re-checks a source now (the "Check now" button): `{outcome: unchanged|changed|failed,
 * captureId?, alerts?, error?}`.
 */
export const POST = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  const settings = evidenceSettings();
  const result = await recheckSource(db(), id, {
    dir: settings.dir,
    fetch: importSettings(),
    watchIntervalHours: settings.watchIntervalHours,
    pace: paceForPerson(db(), settings.hostIntervalMs),
  });
  if (result.outcome === 'missing') throw notFound('The source');
  return Response.json(result);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
