/**
 * The evaluation corpus's pages for tests (lib/import/fixtures/trafilatura-eval, Apache-2.0):
 * their file names in order and each page's HTML, decoded as an uploaded page is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeText } from './decode';

const PAGES = new URL('../../lib/import/fixtures/trafilatura-eval/pages/', import.meta.url);

/** The corpus's page files ("000.html.gz"...), sorted. */
export function corpusPageFiles(): string[] {
  return readdirSync(PAGES).sort();
}

/** A corpus page's HTML. */
export function corpusPage(file: string): string {
  return decodeText(gunzipSync(readFileSync(new URL(file, PAGES))), { html: true });
}
