import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { findLibraryValues } from '@/server/queries/library';
import { libraryValuesQuerySchema, type LibraryValues } from '@/lib/library';

/**
 * The library's Source and Author filters as the user types: `?field=source|author&q=` (1-200
 * characters). Any signed-in role; 200 with `{ values: [{value, count}] }`, at most 20.
 */
export const GET = route(async (request) => {
  await requireUser();
  const params = new URL(request.url).searchParams;
  const query = libraryValuesQuerySchema.parse(Object.fromEntries(params));
  const body: LibraryValues = { values: await findLibraryValues(db(), query) };
  return Response.json(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
