/**
 * `npm run -s clean -- <file|-> [--removed] [--json]`
 * Prints the cleaned text of an HTML, Markdown, text or .docx input (a file, or "-" for standard
 * input) without saving anything: the same pipeline as the Import page. --removed also lists
 * what was removed and why (on standard error); --json prints metadata, text and removed blocks
 * as JSON instead. (`-s` keeps npm's own banner out of the output.)
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatOfFile } from '../lib/import';
import { AppError } from '../server/platform/errors';
import { decodeText } from '../server/import/decode';
import { prepareImport, type ImportSource } from '../server/import/prepare';
import { importSettings } from '../server/import/settings';

const USAGE = 'usage: npm run -s clean -- <file|-> [--removed] [--json]';

function sourceOf(input: string): ImportSource {
  const bytes = readFileSync(input === '-' ? 0 : input);
  const name = input === '-' ? 'stdin' : basename(input);
  // Known extensions go the upload way (.docx included); anything else is read as text, and
  // HTML source is recognised by its content.
  if (input !== '-' && formatOfFile(name)) return { kind: 'file', name, type: '', bytes };
  return { kind: 'text', text: decodeText(bytes, { html: true }) };
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { removed: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const input = positionals[0]!;
  let source: ImportSource;
  try {
    source = sourceOf(input);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new Error(`Cannot read ${input}.`);
  }
  const prepared = await prepareImport(source, importSettings());
  const { clean, metadata } = prepared;
  if (values.json) {
    const removed = clean.removed.map(({ reason, label, text, startLine, endLine }) => ({
      reason,
      label,
      text,
      ...(prepared.linesInRawInput ? { startLine, endLine } : {}),
    }));
    console.log(JSON.stringify({ metadata, text: clean.text, removed }, null, 2));
    return;
  }
  process.stdout.write(clean.text ? `${clean.text}\n` : '');
  if (values.removed) {
    for (const group of clean.removed) {
      const lines = prepared.linesInRawInput
        ? ` (lines ${group.startLine}${group.endLine > group.startLine ? `–${group.endLine}` : ''})`
        : '';
      console.error(`[${group.label}]${lines}\n  ${group.text.replace(/\n/g, '\n  ')}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
