import { idParamsSchema } from '@/lib/evidence/schemas';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { claimEvidencePackage } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';

type Ctx = { params: Promise<unknown> };

/** Every stored copy of the claim's evidence in one .warc.gz (opens in replay tools). */
export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, idParamsSchema);
  return claimEvidencePackage(db(), evidenceSettings().dir, id);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
