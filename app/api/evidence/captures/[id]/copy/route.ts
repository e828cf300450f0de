import { idParamsSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { storedCopyResponse } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';

type Ctx = { params: Promise<unknown> };

/** The stored page itself, under a CSP that lets nothing run or load (see STORED_COPY_CSP). */
export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  return storedCopyResponse(db(), evidenceSettings().dir, id);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
