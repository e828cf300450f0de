/** Reading the body of POST /api/evidence/captures: JSON `{url}` or a multipart `file`. */
import { archiveRequestSchema } from '@/lib/evidence/schemas';
import { parseBody } from '../platform/api';
import { AppError } from '../platform/errors';
import { checkStrings } from '../platform/request-rules';
import { MAX_UPLOAD_BYTES } from './capture';

export type CaptureRequest =
  { kind: 'url'; url: string } | { kind: 'file'; name: string; type: string; bytes: Uint8Array };

export async function readCaptureRequest(request: Request): Promise<CaptureRequest> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) {
    return { kind: 'url', ...(await parseBody(request, archiveRequestSchema)) };
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES + 65_536) {
    throw new AppError('too_large', 'The file is larger than 5 MB.');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', 'The upload could not be read.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    throw new AppError('validation_failed', 'Choose a file to upload.', {
      issues: [{ path: 'file', message: 'Choose a file to upload.' }],
    });
  }
  // The input rule holds for a form's strings too: a NUL in the file name reached PostgreSQL
  // (as the copy's name) only after the copy was written to the blob store.
  checkStrings({ file: file.name });
  return {
    kind: 'file',
    name: file.name || 'upload',
    type: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}
