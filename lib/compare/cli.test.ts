import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentStatements } from './segment';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/compare.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });

type Span = { start: number; end: number };
interface Output {
  pairs: { a: Span; b: Span; kind: string; differences: { type: string; a: Span; b: Span }[] }[];
  onlyA: Span[];
  onlyB: Span[];
}

describe('npm run compare -- A B --json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
  // Astral characters and CRLF before the statements: offsets must count UTF-16 code units.
  const a =
    '\uFEFF𝐍𝐄𝐖𝐒 😀\r\nThe council voted 9 to 4 on Monday.\r\nThe mayor, Ruth Adams, said it would cost 40,000 euros.\r\nA petition was signed by residents.';
  const b =
    'The mayor, Ruth Adams, stated it would cost 45,000 euros.\nThe council voted 9 to 4 on Monday.\nResidents also marched to the town hall.';
  const pathA = join(dir, 'a.txt');
  const pathB = join(dir, 'b.txt');
  writeFileSync(pathA, a);
  writeFileSync(pathB, b);
  const result = run(pathA, pathB, '--json');
  const output = JSON.parse(result.stdout) as Output;

  it('prints one JSON object with pairs, onlyA and onlyB', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(Object.keys(output), ['pairs', 'onlyA', 'onlyB']);
    assert.equal(result.stdout.trim().split('\n').length, 1);
  });

  it('gives offsets that slice each file to its statements', () => {
    const slice = (text: string, s: Span) => text.slice(s.start, s.end);
    assert.deepEqual(
      output.pairs.map((p) => [slice(a, p.a), slice(b, p.b), p.kind]),
      [
        ['The council voted 9 to 4 on Monday.', 'The council voted 9 to 4 on Monday.', 'same'],
        [
          'The mayor, Ruth Adams, said it would cost 40,000 euros.',
          'The mayor, Ruth Adams, stated it would cost 45,000 euros.',
          'differs',
        ],
      ],
    );
    const difference = output.pairs[1]!.differences[0]!;
    assert.equal(difference.type, 'number');
    assert.equal(slice(a, difference.a), '40,000');
    assert.equal(slice(b, difference.b), '45,000');
    assert.deepEqual(
      output.onlyA.map((s) => slice(a, s)),
      ['𝐍𝐄𝐖𝐒 😀', 'A petition was signed by residents.'],
    );
    assert.deepEqual(
      output.onlyB.map((s) => slice(b, s)),
      ['Residents also marched to the town hall.'],
    );
  });

  it('places every statement of each text in exactly one place', () => {
    for (const [text, side, only] of [
      [a, 'a', output.onlyA],
      [b, 'b', output.onlyB],
    ] as const) {
      const spans = [...output.pairs.map((p) => p[side]), ...only];
      for (const statement of segmentStatements(text)) {
        const holders = spans.filter((s) => s.start <= statement.start && statement.end <= s.end);
        assert.equal(holders.length, 1, text.slice(statement.start, statement.end));
      }
    }
  });

  it('compares the sample pair as read, with the 29 of the 37 as a number difference', () => {
    const mfa = join(root, 'prisma/demo/mfa-astana-2-talks.txt');
    const sample = JSON.parse(
      run(mfa, join(root, 'prisma/demo/astana-times-astana-2-talks-scraped.txt'), '--json').stdout,
    ) as Output;
    const text = readFileSync(mfa, 'utf8');
    const numbers = sample.pairs.flatMap((p) => p.differences).filter((d) => d.type === 'number');
    assert.ok(numbers.some((d) => text.slice(d.a.start, d.a.end) === '29 of the 37'));
  });

  it('exits 2 with a clear message for a missing file', () => {
    const missing = run(join(dir, 'nope.txt'), pathB, '--json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No such file: .*nope\.txt/);
    assert.equal(missing.stdout, '');
  });
});
