/**
 * Library and search benchmark (issue #17), over HTTP against a production build:
 * 10,000 articles (100 of them 20,000 words, the rest ~600) and 100,000 claims with claimants,
 * rationales and evidence. 20 concurrent clients each send a request every 500 ms for
 * DURATION_MS, alternating GET /api/search?q= (a word, a two-word query, a misspelled name)
 * and GET /api/articles (a random sort, sometimes a filter, sometimes the next page).
 * (BENCH_MIX=search: searches only.) Then the library page (GET /, HTML) is fetched one at a time. Targets: p95 <= 100 ms for both
 * APIs, <= 300 ms for the page. Seeding is plain SQL (generate_series) with the search
 * triggers off, then the migration's own backfill statements.
 * The clients start 25 ms apart (500 ms / 20), so their requests are spread over each interval;
 * a client whose answer takes longer than 500 ms sends its next request at once. The CPU the
 * app server, PostgreSQL and this generator used while the clients ran is printed per request:
 * all three share the machine's cores, so the generator's share is not the server's to spend.
 * Prints figures, asserts nothing. Usage: npx tsx bench/search.bench.ts
 *
 * BENCH_DB_DIR=/some/folder keeps the seeded database there and reuses it on the next run at the
 * same scale (seeding takes minutes); new migrations are applied to it first.
 */
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import {
  log,
  percentile,
  processTreeCpuMs,
  signInCookie,
  startBenchDatabase,
  startBenchServer,
} from './harness';
import { DEMO_ACCOUNTS } from '../prisma/demo/demo';

/** BENCH_SCALE=0.2 seeds a fifth (for a quick look on a busy machine); the target is at 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ARTICLES = Math.round(10_000 * SCALE);
const LONG_ARTICLES = Math.round(100 * SCALE);
const LONG_WORDS = 20_000;
const SHORT_WORDS = 600;
const CLAIMS = Math.round(100_000 * SCALE);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const INTERVAL_MS = 500;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 20_000);
/**
 * BENCH_MIX=search: every request of every client is a search (20 clients each searching every
 * 500 ms, twice the search load of the default mix, which alternates search and library).
 */
const SEARCH_ONLY = process.env.BENCH_MIX === 'search';

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'sen',
  'ta',
  'vel',
  'dor',
  'an',
  'is',
  'ku',
  'pre',
  'lo',
  'gar',
  'net',
  'ul',
  'ber',
];
/** A vocabulary of made-up words, so frequencies are controlled (like a real Zipf-ish mix). */
function vocabulary(size: number): string[] {
  const words = new Set<string>();
  let seed = 7;
  // 32-bit LCG in integer arithmetic (a float product would lose bits and cycle early).
  const next = () =>
    ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % SYLLABLES.length;
  while (words.size < size) {
    words.add(Array.from({ length: 2 + (next() % 3) }, () => SYLLABLES[next()]).join(''));
  }
  return [...words];
}
const NAMES = [
  'Tokayev',
  'Petrova',
  'Lavrov',
  'Abdrakhmanov',
  'Nazarbayev',
  'de Mistura',
  'Jafari',
  'Idrissova',
  'Kowalczyk',
  'Oyelaran',
];
const MISSPELLED = [
  'Tokaev',
  'Petrovva',
  'Lavrof',
  'Abdrahmanov',
  'Nazarbaev',
  'Mistoura',
  'Jaffari',
  'Idrisova',
  'Kovalczyk',
  'Oyelaren',
];

async function seed(prisma: import('../server/platform/db').PrismaClient) {
  const vocab = vocabulary(5000);
  const started = Date.now();
  const [seeded] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Article" WHERE "id" LIKE 'ba%'`;
  if (seeded!.n === ARTICLES) {
    log(`reusing the seeded database (${ARTICLES} articles)`);
    return vocab;
  }
  if (seeded!.n > 0) throw new Error(`BENCH_DB_DIR holds another scale (${seeded!.n} articles)`);
  const userId = (await prisma.user.findFirstOrThrow({ where: { role: 'EDITOR' } })).id;
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      // Skewed word choice (power of random()) so some words are common and most are rare.
      const words = (n: string) =>
        `array_to_string(ARRAY(SELECT ($1::text[])[1 + floor(power(random(), 2.5) * array_length($1::text[], 1))::int] FROM generate_series(1, ${n})), ' ')`;
      await tx.$executeRawUnsafe(
        `INSERT INTO "Article" ("id", "title", "sourceName", "byline", "publishedAt", "createdById", "createdAt", "updatedAt")
         SELECT 'ba' || i, initcap(${words('6 + 0 * i')}), 'Source ' || (i % 40), 'Reporter ' || (i % 300),
                CASE WHEN i % 7 = 0 THEN NULL ELSE now() - (i % 3000) * interval '1 day' END,
                $2, now() - i * interval '1 minute', now()
         FROM generate_series(1, ${ARTICLES}) i`,
        vocab,
        userId,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "ArticleRevision" ("id", "articleId", "number", "text", "sha256", "createdById")
         SELECT 'br' || i, 'ba' || i, 1, t, md5(t), $2
         FROM (SELECT i, ${words(`CASE WHEN i <= ${LONG_ARTICLES} THEN ${LONG_WORDS} ELSE ${SHORT_WORDS} END + 0 * i`)} AS t
               FROM generate_series(1, ${ARTICLES}) i) x`,
        vocab,
        userId,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "Claim" ("id", "text", "claimant", "rationale", "reviewState", "authorId", "updatedAt")
         SELECT 'bc' || i, ${words('12 + 0 * i')}, ($3::text[])[1 + i % 10] || ' ' || (i % 97),
                ${words('30 + 0 * i')},
                (ARRAY['DRAFT','SUBMITTED','CHANGES_REQUESTED','APPROVED'])[1 + i % 4]::"ReviewState", $2, now()
         FROM generate_series(1, ${CLAIMS}) i`,
        vocab,
        userId,
        NAMES,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "Annotation" ("id", "claimId", "articleId", "revisionId", "start", "end", "exact", "prefix", "suffix", "createdById", "updatedAt")
         SELECT 'bn' || i, 'bc' || i, 'ba' || (1 + i % ${ARTICLES}), 'br' || (1 + i % ${ARTICLES}), 0, 5, 'x', '', '', $1, now()
         FROM generate_series(1, ${CLAIMS}) i`,
        userId,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "Evidence" ("id", "claimId", "url", "title", "quote", "createdById")
         SELECT 'be' || i, 'bc' || i, 'https://example.org/' || i, ${words('5 + 0 * i')}, ${words('20 + 0 * i')}, $2
         FROM generate_series(1, ${CLAIMS}, 2) i`,
        vocab,
        userId,
      );
      // The migration's backfill, for everything the triggers skipped.
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = origin`);
      await tx.$executeRawUnsafe(
        `INSERT INTO search.article_doc ("articleId", "meta", "byline", "createdAt", "publishedKey", "titleKey")
         SELECT "id", search.article_meta("title", "byline", "sourceName"), "byline", "createdAt",
                coalesce("publishedAt", '-infinity'::timestamp), lower("title")
         FROM "Article"
         ON CONFLICT ("articleId") DO NOTHING`,
      );
      await tx.$executeRawUnsafe(
        `UPDATE search.article_doc d SET "body" = setweight(to_tsvector('english', r."text"), 'C'), "revisionId" = r."id"
         FROM "ArticleRevision" r WHERE r."articleId" = d."articleId" AND r."id" LIKE 'br%'`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search.article_value ("field", "value", "articles")
         SELECT 'source', "sourceName", count(*)::int FROM "Article" WHERE "id" LIKE 'ba%' GROUP BY 2
         UNION ALL
         SELECT 'author', "byline", count(*)::int FROM "Article" WHERE "id" LIKE 'ba%' GROUP BY 2
         ON CONFLICT ("field", "value") DO UPDATE SET "articles" = search.article_value."articles" + EXCLUDED."articles"`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search.article_passage ("articleId", "n", "text", "words")
         SELECT r."articleId", p."n", p."text", to_tsvector('english', p."text")
         FROM "ArticleRevision" r, search.passages(r."text") p WHERE r."id" LIKE 'br%'`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search.article_claims ("articleId", "draft", "submitted", "changesRequested", "approved")
         SELECT ar."id",
                count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'DRAFT')::int,
                count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'SUBMITTED')::int,
                count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'CHANGES_REQUESTED')::int,
                count(DISTINCT c."id") FILTER (WHERE c."reviewState" = 'APPROVED')::int
         FROM "Article" ar
         LEFT JOIN "Annotation" a ON a."articleId" = ar."id"
         LEFT JOIN "Claim" c ON c."id" = a."claimId"
         WHERE ar."id" LIKE 'ba%'
         GROUP BY ar."id"`,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search.claim_doc ("claimId", "document", "claimant", "createdAt")
         SELECT "id", search.claim_document("id"), "claimant", "createdAt" FROM "Claim" WHERE "id" LIKE 'bc%'`,
      );
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
  // As pgbench does before a run: a bulk load leaves every page without its visibility bits
  // and hint bits, so the first reads write them and autovacuum starts during the measurement
  // (its CPU is counted as PostgreSQL's); an archive built over weeks has long been vacuumed.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE');
  log(
    `seeded ${ARTICLES} articles (${LONG_ARTICLES} × ${LONG_WORDS} words) and ${CLAIMS} claims in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return vocab;
}

async function main() {
  log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores, shared)`,
  );
  const database = await startBenchDatabase({ keepIn: process.env.BENCH_DB_DIR });
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  try {
    const vocab = await seed(database.prisma);
    server = await startBenchServer(database.url);
    const editor = DEMO_ACCOUNTS.find((a) => a.role === 'EDITOR')!;
    const cookie = await signInCookie(server.baseUrl, editor.email, editor.password);
    const base = server.baseUrl;
    // node:http with keep-alive rather than fetch: the generator shares the machine's cores with
    // the server, and fetch (undici) cost it 3-3.5 ms of CPU per request, this about half.
    // Asks for gzip like a browser, so the server compresses as it would for one.
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
    const get = (path: string) =>
      new Promise<{ ms: number; body: string }>((resolve, reject) => {
        const t = performance.now();
        const sent = request(
          base + path,
          { agent, headers: { cookie, 'accept-encoding': 'gzip' } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const raw = Buffer.concat(chunks);
              const gzip = response.headers['content-encoding'] === 'gzip';
              const body = (gzip ? gunzipSync(raw) : raw).toString('utf8');
              if (response.statusCode !== 200) {
                reject(new Error(`${path}: ${response.statusCode} ${body.slice(0, 200)}`));
              } else {
                resolve({ ms: performance.now() - t, body });
              }
            });
          },
        );
        sent.on('error', reject);
        sent.end();
      });
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
    const searchPath = () => {
      const kind = Math.random();
      const q =
        kind < 0.4 ? pick(vocab) : kind < 0.7 ? `${pick(vocab)} ${pick(vocab)}` : pick(MISSPELLED);
      return `/api/search?q=${encodeURIComponent(q)}`;
    };
    const sorts = ['imported', 'published', 'title', 'open'];
    const libraryPath = async () => {
      const params = new URLSearchParams({ sort: pick(sorts) });
      const r = Math.random();
      if (r < 0.2) params.set('q', pick(vocab));
      else if (r < 0.35) params.set('source', `Source ${Math.floor(Math.random() * 40)}`);
      else if (r < 0.5) params.append('states', pick(['DRAFT', 'SUBMITTED', 'APPROVED']));
      return `/api/articles?${params}`;
    };
    // Warm up (compiles routes, fills caches).
    for (let i = 0; i < 5; i++) {
      await get(searchPath());
      await get(await libraryPath());
      await get('/');
    }
    const timings = { search: [] as number[], library: [] as number[], next: [] as number[] };
    // CPU of the app server, of PostgreSQL (postmaster and backends) and of this generator while
    // the clients run: all three share the machine's cores.
    const cpu = () => ({
      app: processTreeCpuMs(server!.process.pid!),
      pg: processTreeCpuMs(database.postmasterPid()),
      generator: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    });
    const cpu0 = cpu();
    const started = performance.now();
    const deadline = Date.now() + DURATION_MS;
    let errors = 0;
    const client = async (n: number) => {
      await new Promise((r) => setTimeout(r, (INTERVAL_MS / CLIENTS) * n));
      let turn = n;
      while (Date.now() < deadline) {
        const tick = Date.now();
        try {
          if (SEARCH_ONLY || turn % 2 === 0) {
            timings.search.push((await get(searchPath())).ms);
          } else {
            const first = await get(await libraryPath());
            timings.library.push(first.ms);
            const next = (JSON.parse(first.body) as { next: string | null }).next;
            if (next && turn % 3 === 0) {
              timings.next.push((await get(`/api/articles?after=${encodeURIComponent(next)}`)).ms);
            }
          }
        } catch (error) {
          errors += 1;
          if (errors < 5) log(String(error));
        }
        turn += 1;
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - tick))));
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const elapsed = performance.now() - started;
    const cpu1 = cpu();
    const requests = timings.search.length + timings.library.length + timings.next.length;
    const used = (k: 'app' | 'pg' | 'generator') => cpu1[k] - cpu0[k];
    const perRequest = (k: 'app' | 'pg' | 'generator') => (used(k) / requests).toFixed(1);
    log(
      `CPU while the clients ran (${(requests / (elapsed / 1000)).toFixed(1)} requests/s): per request app ${perRequest('app')} ms, PostgreSQL ${perRequest('pg')} ms, generator ${perRequest('generator')} ms; ` +
        `${(((used('app') + used('pg') + used('generator')) / elapsed) * 100).toFixed(0)} % of one core in all (app ${((used('app') / elapsed) * 100).toFixed(0)} %), load average ${loadavg()[0]!.toFixed(2)}`,
    );
    const line = (name: string, values: number[]) =>
      log(
        `${name}: n=${values.length} p50=${percentile(values, 50).toFixed(0)} ms p95=${percentile(values, 95).toFixed(0)} ms max=${Math.max(...values).toFixed(0)} ms`,
      );
    log(
      `${CLIENTS} clients, one request each per ${INTERVAL_MS} ms (${SEARCH_ONLY ? 'searches only' : 'search and library in turn'}), for ${DURATION_MS / 1000} s; errors: ${errors}`,
    );
    line('search API (target p95 <= 100 ms)', timings.search);
    if (timings.library.length) line('library API (target p95 <= 100 ms)', timings.library);
    if (timings.next.length) line('library API, next page', timings.next);
    // One request at a time: what each costs without queueing behind the others (on a shared
    // machine, the loaded figures above mostly measure the queue).
    const alone = { search: [] as number[], library: [] as number[] };
    for (let i = 0; i < 40; i++) {
      alone.search.push((await get(searchPath())).ms);
      alone.library.push((await get(await libraryPath())).ms);
    }
    line('search API, one at a time', alone.search);
    line('library API, one at a time', alone.library);
    const page: number[] = [];
    for (let i = 0; i < 20; i++) page.push((await get('/')).ms);
    line('library page HTML, one at a time (target <= 300 ms)', page);
    log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    agent.destroy();
  } finally {
    server?.stop();
    await database.stop();
  }
}

await main();
