import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { previewImport } from '@/server/import/preview';
import { readImportSource } from '@/server/import/request';
import { importSettings } from '@/server/import/settings';
import { requireUser } from '@/server/platform/session';

/**
 * Cleans an input without saving it (any signed-in role): JSON `{kind: "text", text}` or
 * `{kind: "url", url}`, or a multipart upload with a `file` (.txt, .md, .html, .docx).
 * 200 `{preview}`; 400, 413, 415, 422, 502, 504 as the input fails.
 */
export const POST = route(
  async (request) => {
    await requireUser();
    const source = await readImportSource(request);
    return Response.json({ preview: await previewImport(db(), source, importSettings()) });
  },
  { body: 'text' },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
