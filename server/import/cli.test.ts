import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanText } from '@/lib/import';
import { PROJECT_ROOT } from '../dev/bootstrap';
import { createTestDatabase, type TestDatabase } from '../dev/test-db';

const FIXTURES = join(PROJECT_ROOT, 'lib', 'import', 'fixtures');

function run(script: string, args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', script), ...args],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', input },
  );
}

/** `npm run -s clean -- ...` without npm: the precompiled bundle the npm script runs. */
function runClean(args: string[], input?: string) {
  return spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts', 'run-bundled.mjs'), 'clean', ...args],
    { cwd: PROJECT_ROOT, env: process.env, encoding: 'utf8', input },
  );
}

describe('npm run clean', () => {
  it('prints the cleaned text of a scraped text file, and nothing else', () => {
    const file = join(FIXTURES, 'astana-times-astana-2-talks-scraped.txt');
    const result = runClean([file]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${cleanText(readFileSync(file, 'utf8')).text}\n`);
  });

  it('loads no package a text file does not need (its answer in under half a second)', () => {
    // Node's module debug log names every ES module the run loads, the bundle's own chunks too.
    const result = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts', 'run-bundled.mjs'), 'clean', '-'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NODE_DEBUG: 'esm' },
        encoding: 'utf8',
        input: 'One line of text.',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    const loaded = new Set(
      [
        ...result.stderr.matchAll(/Storing file:\/\/\S*?\/node_modules\/((?:@[^/]+\/)?[^/\s]+)/g),
      ].map((m) => m[1]),
    );
    // The log is read as expected: it names the bundle (kept in node_modules/.cache).
    assert.ok(loaded.has('.cache'), [...loaded].join(', '));
    // zod (the API's schemas), the DOM and Readability cost a tenth of a second each to load.
    for (const unneeded of ['zod', 'linkedom', 'parse5', '@mozilla/readability', 'mammoth'])
      assert.ok(!loaded.has(unneeded), `${unneeded} was loaded: ${[...loaded].join(', ')}`);
  });

  it('reads HTML from standard input and lists what it removed', () => {
    const html = readFileSync(join(FIXTURES, 'astana-times-page.html'), 'utf8');
    const result = runClean(['-', '--removed'], html);
    assert.equal(result.status, 0, result.stderr);
    // The headline is the title (listed with what was removed), the text starts with the body.
    assert.match(result.stdout, /^ASTANA – Representatives of the Syrian opposition/);
    assert.match(
      result.stderr,
      /\[Headline \(used as the title\)\]\n {2}Representatives of Syrian Opposition Meet in Astana/,
    );
    assert.match(result.stderr, /\[Related-stories list\]\n {2}Most Recent Stories/);
  });

  it('prints JSON with metadata for a .docx file', () => {
    const result = runClean([join(FIXTURES, 'water-plan.docx'), '--json']);
    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { metadata: { title: string }; removed: unknown[] };
    assert.equal(output.metadata.title, 'Council Approves Water Plan');
    assert.equal(output.removed.length, 3); // metadata line, duplicate, headline
  });

  it('says what is wrong with a missing file or a binary input', () => {
    const missing = runClean([join(FIXTURES, 'no-such-file.txt')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Cannot read/);
    const binary = runClean(['-'], '\u0000\u0001\u0002\u0003');
    assert.equal(binary.status, 1);
    assert.match(binary.stderr, /binary file/);
  });
});

describe('npm run import', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('importcli');
    for (const [email, role] of [
      ['first.admin@test.example', 'ADMIN'],
      ['second.admin@test.example', 'ADMIN'],
      ['editor@test.example', 'EDITOR'],
    ] as const) {
      await db.prisma.user.create({ data: { email, name: email, role, passwordHash: 'x' } });
    }
  });
  after(() => db.drop());

  it('imports files as the first admin by default, or as the given user', async () => {
    const result = run(
      'import.ts',
      [join(FIXTURES, 'mfa-astana-2-talks.txt'), join(FIXTURES, 'water-plan.docx')],
      { DATABASE_URL: db.url },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Importing as first\.admin@test\.example \(ADMIN\)\./);
    assert.match(result.stdout, /Imported .*mfa-astana-2-talks\.txt \(text\) as “Representatives/);
    assert.match(
      result.stdout,
      /Imported .*water-plan\.docx \(docx\) as “Council Approves Water Plan”/,
    );

    const asEditor = run(
      'import.ts',
      [join(FIXTURES, 'html-article.txt'), '--as', 'editor@test.example'],
      {
        DATABASE_URL: db.url,
      },
    );
    assert.equal(asEditor.status, 0, asEditor.stderr);
    const article = await db.prisma.article.findFirstOrThrow({
      where: { title: 'Council Votes to Keep Library Open on Sundays' },
      include: { createdBy: true, revisions: true },
    });
    assert.equal(article.createdBy.email, 'editor@test.example');
    assert.equal(article.byline, 'Oliver Grant');
    assert.equal(article.publishedAt?.toISOString().slice(0, 10), '2022-02-02');
    assert.ok(!article.revisions[0]!.text.includes('Riverside Gazette'));
  });

  it('skips an article already in the library unless told to import it anyway', async () => {
    const file = join(FIXTURES, 'mfa-astana-2-talks.txt');
    const skipped = run('import.ts', [file], { DATABASE_URL: db.url });
    assert.equal(skipped.status, 1);
    assert.match(skipped.stderr, /Skipped .*: the library already has it as “Representatives/);
    const forced = run('import.ts', [file, '--allow-duplicate'], { DATABASE_URL: db.url });
    assert.equal(forced.status, 0, forced.stderr);
  });

  it('reports bad inputs and unknown users clearly', () => {
    const bad = run('import.ts', [join(FIXTURES, 'no-such.txt'), 'http://10.0.0.1/page'], {
      DATABASE_URL: db.url,
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Failed .*no-such\.txt: No such file/);
    assert.match(
      bad.stderr,
      /Failed http:\/\/10\.0\.0\.1\/page: 10\.0\.0\.1 is not on a public address/,
    );
    const nobody = run(
      'import.ts',
      [join(FIXTURES, 'news-site.txt'), '--as', 'nobody@test.example'],
      {
        DATABASE_URL: db.url,
      },
    );
    assert.equal(nobody.status, 1);
    assert.match(nobody.stderr, /No user with email nobody@test\.example\./);
  });
});
