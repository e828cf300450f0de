/**
 * Import benchmark, end to end and in process: the server import service (server/import)
 * against a real embedded PostgreSQL with a library of articles, no mocks. Target: a 1 MB
 * scraped page imported in under 1 s.
 *
 * Run: npx tsx bench/import.bench.ts
 *
 * "End to end" is what the Import page does: the preview (decode, clean, compare with every
 * article in the library) and the save (compare again, insert article, revision and audit
 * event; the page is not in the library yet, so the save goes through). Measured for:
 *   - the 1 MB page of bench/clean.bench.ts pasted as text (the target);
 *   - the same page as a 1 MB HTML document fetched from a local HTTP server on 127.0.0.1
 *     (allowed explicitly), through the DOM (parse5 + linkedom) and Readability (for reference).
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveImportSchema } from '../lib/import';
import { PROJECT_ROOT } from '../server/dev/bootstrap';
import { createPrismaClient } from '../server/platform/db';
import { startEmbeddedPostgres } from '../server/dev/embedded-postgres';
import { parseAllowHosts } from '../server/import/address-policy';
import { previewImport } from '../server/import/preview';
import type { ImportSource } from '../server/import/prepare';
import { saveImport } from '../server/import/save';
import { MAX_IMPORT_BYTES, type ImportSettings } from '../server/import/settings';
import { migrate } from '../server/dev/migrate';
import { buildScrapedPage, toHtmlPage } from './import-page';

const TARGET_MS = 1000;
const RUNS = 5;
/** Articles already in the library, each compared with every import. */
const LIBRARY_SIZE = 300;
const LIBRARY_ARTICLE_WORDS = 600;

const WORDS = (
  'council budget minister talks opposition election declaration regional water plan report ' +
  'agency statement committee reform government president parliament court ruling inquiry'
).split(' ');

function libraryText(seed: number): string {
  const words: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < LIBRARY_ARTICLE_WORDS; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    words.push(WORDS[x % WORDS.length]!);
    if (i % 12 === 11) words.push(`${seed}-${i}.`);
  }
  return words.join(' ');
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'factmark-bench-'));
  chmodSync(work, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: join(work, 'pg'),
    port: 0,
    database: 'bench',
    persistent: false,
  });
  const page = buildScrapedPage(1_000_000);
  const html = toHtmlPage(page);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const prisma = createPrismaClient(cluster.url);
  try {
    await migrate(cluster.url, { migrationsDir: join(PROJECT_ROOT, 'prisma', 'migrations') });
    const user = await prisma.user.create({
      data: { email: 'bench@bench.example', name: 'Bench', role: 'EDITOR', passwordHash: 'x' },
    });
    const sessionUser = { id: user.id, email: user.email, name: user.name, role: user.role };
    for (let i = 0; i < LIBRARY_SIZE; i++) {
      const text = libraryText(i + 1);
      await prisma.article.create({
        data: {
          title: `Library article ${i + 1}`,
          createdById: user.id,
          revisions: { create: { number: 1, text, sha256: 'x', createdById: user.id } },
        },
      });
    }
    const settings: ImportSettings = {
      allowHosts: parseAllowHosts(`127.0.0.1:${port}`),
      timeoutMs: 10_000,
      maxBytes: MAX_IMPORT_BYTES,
      maxRedirects: 5,
    };

    console.log(
      `library: ${LIBRARY_SIZE} articles of ~${LIBRARY_ARTICLE_WORDS} words; page: ${(Buffer.byteLength(page) / 1e6).toFixed(2)} MB text, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB HTML`,
    );
    const cases: [string, ImportSource, number | null][] = [
      ['1 MB scraped text, pasted', { kind: 'text', text: page }, TARGET_MS],
      ['1 MB HTML page, fetched by URL', { kind: 'url', url: `http://127.0.0.1:${port}/` }, null],
    ];
    let ok = true;
    for (const [name, source, target] of cases) {
      const previews: number[] = [];
      const saves: number[] = [];
      const totals: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const preview = await previewImport(prisma, source, settings);
        const previewed = performance.now();
        const { article } = await saveImport(
          prisma,
          sessionUser,
          saveImportSchema.parse({
            title: `Bench ${name} ${run}`,
            text: preview.text,
            rawInput: preview.rawInput,
          }),
        );
        const done = performance.now();
        // Each run imports into the same library: remove the article again (not timed), so the
        // save's own library check passes as it does for a new article.
        await prisma.article.delete({ where: { id: article.id } });
        if (run === 0) continue; // warm-up (JIT, first jsdom load)
        previews.push(previewed - started);
        saves.push(done - previewed);
        totals.push(done - started);
      }
      const total = median(totals);
      console.log(
        `${name}: preview median ${median(previews).toFixed(0)} ms, save median ${median(saves).toFixed(0)} ms, ` +
          `end to end median ${total.toFixed(0)} ms, max ${Math.max(...totals).toFixed(0)} ms`,
      );
      if (target !== null) {
        if (total < target) console.log(`OK: under ${target} ms`);
        else {
          ok = false;
          console.log(`SLOW: target is ${target} ms`);
        }
      }
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
    server.close();
    await cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
