import { z } from 'zod';
import { handleOtherMethods, parseBody, parseParams, route } from '@/server/platform/api';
import { deleteClaim, getClaimOrThrow, updateClaim } from '@/server/claims';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { claimDeleteQuerySchema, claimUpdateSchema } from '@/lib/claims';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
type Ctx = { params: Promise<unknown> };

export const GET = route(async (_request, { params }: Ctx) => {
  await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  return Response.json({ claim: await getClaimOrThrow(db(), id) });
});

/** Edit a claim; the body names the `version` it read (409 with the current claim if stale). */
export const PATCH = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const update = await parseBody(request, claimUpdateSchema);
  return Response.json({ claim: await updateClaim(db(), user, id, update) });
});

/**
 * Delete a claim: its author or an admin; an approved one only an admin, with `?reason=`
 * (audited). `?version=` the user saw: 409 with the current state when it changed since.
 */
export const DELETE = route(async (request, { params }: Ctx) => {
  const user = await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const query = claimDeleteQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await deleteClaim(db(), user, id, query);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, OPTIONS } = handleOtherMethods('GET', 'PATCH', 'DELETE');
