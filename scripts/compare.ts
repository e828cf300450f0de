/**
 * `npm run -s compare -- A.txt B.txt [--json] [--locale xx]`
 * Compares two UTF-8 text files as they are (no cleaning). With --json prints one JSON object
 * (`{pairs, onlyA, onlyB}`, offsets as JavaScript string indices into each file's text);
 * without it, a readable list. Exits 2 on bad arguments or unreadable files.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareTexts } from '../lib/compare';
import { toComparisonJson } from '../lib/compare/report-json';
import type { Span } from '../lib/compare/types';

const USAGE = 'usage: npm run -s compare -- A.txt B.txt [--json] [--locale en]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function read(path: string): string {
  try {
    // Kept exactly as read (a byte-order mark too), so offsets index the file's own text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`No such file: ${path}`);
    if (code === 'EISDIR') fail(`Not a file: ${path}`);
    if (error instanceof TypeError) fail(`Not UTF-8 text: ${path}`);
    fail(`Cannot read ${path}`);
  }
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const [pathA, pathB, ...extra] = parsed.positionals;
if (!pathA || !pathB || extra.length > 0) fail('Give exactly two files.');
const textA = read(pathA);
const textB = read(pathB);
const comparison = compareTexts(textA, textB, { locale: parsed.values.locale });

if (parsed.values.json) {
  process.stdout.write(`${JSON.stringify(toComparisonJson(comparison))}\n`);
} else {
  const quote = (text: string, s: Span) => JSON.stringify(text.slice(s.start, s.end));
  for (const pair of comparison.pairs) {
    process.stdout.write(
      `${pair.kind.toUpperCase()}\n  A ${quote(textA, pair.a)}\n  B ${quote(textB, pair.b)}\n`,
    );
    for (const d of pair.differences) {
      const a = d.absent === 'a' ? '(not stated)' : quote(textA, d.a);
      const b = d.absent === 'b' ? '(not stated)' : quote(textB, d.b);
      process.stdout.write(`    ${d.type}: ${a} / ${b}\n`);
    }
  }
  for (const s of comparison.onlyA) process.stdout.write(`ONLY A ${quote(textA, s)}\n`);
  for (const s of comparison.onlyB) process.stdout.write(`ONLY B ${quote(textB, s)}\n`);
}
