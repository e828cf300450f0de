import { idParamsSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { quoteProof } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';

type Ctx = { params: Promise<unknown> };

/** An evidence quote highlighted in its stored copy, with the fetch date (reviewers' view). */
export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  return Response.json(await quoteProof(db(), evidenceSettings().dir, id));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
