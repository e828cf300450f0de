import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { search } from '@/server/queries/search';
import { searchQuerySchema } from '@/lib/search/types';

/**
 * Global search: `?q=` (1-200 characters), `type=all|articles|claims`, `offset=` (0-190).
 * Any signed-in role; 200 with ranked, highlighted articles and claims.
 */
export const GET = route(async (request) => {
  await requireUser();
  const params = new URL(request.url).searchParams;
  const query = searchQuerySchema.parse(Object.fromEntries(params));
  return Response.json(await search(db(), query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
