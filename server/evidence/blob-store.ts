/**
 * The content-addressed blob store of evidence: one file per sha256 under the evidence folder
 * (`ab/abcdef…`), written once (a second put of the same bytes writes nothing), atomically (a
 * temporary file renamed into place, so a reader never sees half a file).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const sha256Hex = (bytes: Uint8Array | string) =>
  createHash('sha256').update(bytes).digest('hex');

const pathOf = (dir: string, sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError(`Not a sha256: ${sha256}`);
  return join(dir, sha256.slice(0, 2), sha256);
};

/** Stores `bytes` and returns their sha256 (hex); nothing is written when already stored. */
export async function putBlob(dir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  const path = pathOf(dir, sha256);
  try {
    await stat(path);
    return sha256;
  } catch {
    // Not stored yet.
  }
  await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  return sha256;
}

/** The stored bytes of `sha256`; throws (ENOENT) when the blob is missing. */
export async function readBlob(dir: string, sha256: string): Promise<Buffer> {
  return readFile(pathOf(dir, sha256));
}
