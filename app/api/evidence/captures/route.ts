import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { AppError } from '@/server/platform/errors';
import { requireUser } from '@/server/platform/session';
import { archiveSource, storeUpload } from '@/server/evidence/capture';
import { readCaptureRequest } from '@/server/evidence/request';
import { captureView } from '@/server/evidence/service';
import { evidenceSettings } from '@/server/evidence/settings';
import { importSettings } from '@/server/import/settings';
import { paceForPerson } from '@/server/jobs/fetch-gate';
import { queueClean } from '@/server/jobs/sender';

/**
 * Archives an evidence source (any signed-in role): JSON `{url}` fetches it now through the
 * import's SSRF-safe fetcher; a multipart `file` (HTML, text, Markdown, Word, PDF) is stored as
 * the copy. 201 `{capture, source}`; a failed fetch answers with its error (422, 502, 504) and
 * `source` (state FAILED, retry by posting again).
 */
export const POST = route(
  async (request) => {
    await requireUser();
    const input = await readCaptureRequest(request);
    const settings = evidenceSettings();
    if (input.kind === 'file') {
      const capture = await storeUpload(db(), settings.dir, input, { queueClean });
      return Response.json({ capture: captureView(capture), source: null }, { status: 201 });
    }
    const result = await archiveSource(db(), input.url, {
      dir: settings.dir,
      fetch: importSettings(),
      watchIntervalHours: settings.watchIntervalHours,
      queueClean,
      pace: paceForPerson(db(), settings.hostIntervalMs),
    });
    const source = {
      id: result.source.id,
      url: result.source.url,
      state: result.source.state,
      lastError: result.source.lastError,
      lastCheckedAt: result.source.lastCheckedAt?.toISOString() ?? null,
    };
    if (result.error) {
      throw new AppError(result.error.code as 'fetch_failed', result.error.message, { source });
    }
    return Response.json(
      { capture: result.capture ? captureView(result.capture) : null, source },
      { status: result.created ? 201 : 200 },
    );
  },
  // A document, like an article: the document-sized body limit, so that the upload's own 5 MB
  // check (server/evidence/request.ts) is the one a file meets (the default 1 MB refused a
  // 2 MB report's PDF).
  { body: 'text' },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('POST');
