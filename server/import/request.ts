/**
 * Reading an import request: a JSON body (pasted text or an address) or a multipart upload
 * (field "file"). Sizes are checked before the body is read where the client declared one, and
 * again on what arrived.
 */
import { z } from 'zod';
import { previewJsonSchema, saveImportSchema, type SaveImport } from '@/lib/import';
import { parseBody } from '../platform/api';
import { AppError } from '../platform/errors';
import { checkStrings } from '../platform/request-rules';
import { utf8Length } from './decode';
import type { ImportSource } from './prepare';
import { MAX_IMPORT_BYTES } from './settings';

/** Room for the multipart envelope or JSON syntax around the input itself. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError('too_large', `The input is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB.`);

function declaredLength(request: Request): number {
  const value = Number(request.headers.get('content-length'));
  return Number.isFinite(value) ? value : 0;
}

const uploadSchema = z.object({
  file: z.custom<File>(
    (value) => typeof File !== 'undefined' && value instanceof File,
    'Choose a file to upload.',
  ),
});

/**
 * The input of POST /api/import/preview. Throws 400 (validation_failed, invalid_json,
 * empty_input, bad_request) or 413 too_large.
 */
export async function readImportSource(request: Request): Promise<ImportSource> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (declaredLength(request) > MAX_IMPORT_BYTES + ENVELOPE_BYTES) throw tooLarge();
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError('bad_request', 'The upload could not be read.');
    }
    const { file } = uploadSchema.parse({ file: form.get('file') ?? undefined });
    // The input rule holds for a form's strings too (the file name comes back in the preview).
    checkStrings({ file: file.name });
    if (file.size === 0) throw new AppError('empty_input', 'The file is empty.');
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    return {
      kind: 'file',
      name: file.name,
      type: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    };
  }
  // JSON may escape every character of the text (\uXXXX): allow for it, then check the text.
  if (declaredLength(request) > 6 * MAX_IMPORT_BYTES + ENVELOPE_BYTES) throw tooLarge();
  const input = await parseBody(request, previewJsonSchema);
  if (input.kind === 'text' && utf8Length(input.text) > MAX_IMPORT_BYTES) throw tooLarge();
  return input;
}

/** The body of POST /api/import (text and raw input may each be up to the limit). */
export async function readSaveRequest(request: Request): Promise<SaveImport> {
  if (declaredLength(request) > 12 * MAX_IMPORT_BYTES + ENVELOPE_BYTES) throw tooLarge();
  return parseBody(request, saveImportSchema);
}
