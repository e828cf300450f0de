import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { readSaveRequest } from '@/server/import/request';
import { saveImport } from '@/server/import/save';
import { requireUser } from '@/server/platform/session';

/**
 * Saves a previewed import (any signed-in role): `{title, text, rawInput, byline, sourceName,
 * sourceUrl, publishedAt, allowDuplicate}`. 201 `{article}`; 409 duplicate_article with
 * `matches` when the library has the text already and allowDuplicate is not set.
 */
export const POST = route(
  async (request) => {
    const user = await requireUser();
    const input = await readSaveRequest(request);
    return Response.json(await saveImport(db(), user, input), { status: 201 });
  },
  { body: 'text' },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
