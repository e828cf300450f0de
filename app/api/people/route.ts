import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { findPeople } from '@/server/queries/people';
import { peopleQuerySchema, type PeopleResults } from '@/lib/people';

/**
 * People by name for the Author and Reviewer filters: `?q=` (1-100 characters) and
 * `among=all|reviewers|queue-authors`. Any signed-in role; 200 with `{ people: [{id, name}] }`.
 */
export const GET = route(async (request) => {
  await requireUser();
  const params = new URL(request.url).searchParams;
  const query = peopleQuerySchema.parse(Object.fromEntries(params));
  const body: PeopleResults = { people: await findPeople(db(), query) };
  return Response.json(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
