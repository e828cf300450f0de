import { z } from 'zod';
import { parseBody, route } from '@/server/platform/api';
import { createClaim, searchClaims } from '@/server/claims';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { newClaimSchema } from '@/lib/claims';

const querySchema = z.object({ q: z.string().trim().max(200).default('') });

/** Claims matching `q` in their text or claimant (for "Link to existing claim"). */
export const GET = route(async (request) => {
  await requireUser();
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ claims: await searchClaims(db(), q) });
});

/** A new claim on a selected span of an article's current revision. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const input = await parseBody(request, newClaimSchema);
  return Response.json({ claim: await createClaim(db(), user, input) }, { status: 201 });
});
