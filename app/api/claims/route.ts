import { z } from 'zod';
import { handleOtherMethods, parseBody, route } from '@/server/platform/api';
import { createClaimOnSpan, searchClaims } from '@/server/claims';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { newClaimSchema } from '@/lib/claims';
import type { ClaimCreatedDTO } from '@/lib/api/types';
import { toWire } from '@/lib/api/wire';

const querySchema = z.object({ q: z.string().trim().max(200).default('') });

/** Claims matching `q` in their text or claimant (for "Link to existing claim"). */
export const GET = route(async (request) => {
  await requireUser();
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ claims: await searchClaims(db(), q) });
});

/** A new claim on a selected span of an article's current revision: 201 `{claim, annotation}`. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const input = await parseBody(request, newClaimSchema);
  const body: ClaimCreatedDTO = toWire(await createClaimOnSpan(db(), user, input));
  return Response.json(body, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET', 'POST');
