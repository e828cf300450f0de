/**
 * Export benchmarks over HTTP (issues #6, #13), end to end against a production build on 127.0.0.1:
 *  - 10,000 APPROVED claims (valid approvals, one span and one evidence source each, over 100
 *    dated articles with source URLs) as ClaimReview JSON-LD and as CSV
 *    (GET /api/claims/export?format=claimreview|csv): at most 500 ms each until the whole body
 *    is read, with the server's resident memory growing by less than 100 MB (flat);
 *  - the annotated HTML of a 20,000-word article with 2,000 annotations
 *    (GET /api/articles/:id/export?format=html&scope=all): under 500 ms.
 * Memory is the VmRSS of the process that serves the requests (a server may fork a child:
 * the leaf of the process tree under the spawned one), read from /proc every 20 ms.
 * Runs on its own throw-away embedded PostgreSQL and production build (.next-test).
 * Prints figures, asserts nothing. Usage: npx tsx bench/export-http.bench.ts [--no-http]
 * [--keep DIR] (`--no-http`: only the in-process figures, without building and starting the app;
 * `--keep DIR`: keep the seeded database in DIR and reuse it on the next run, to compare code
 * changes on the same data without seeding again).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describeTextQuote } from '../lib/anchoring';
import {
  median,
  signInCookie,
  startBenchDatabase,
  startBenchServer,
  type BenchServer,
} from './harness';
import { createRandom, createTextGenerator } from '../lib/anchoring/fixtures/generate';
import { DEMO_ACCOUNTS } from '../prisma/demo/demo';
import { claimApprovalHash } from '../lib/review';
import { createArticle } from '../server/articles-create';
import { exportConfig, streamExportClaimBatches } from '../server/export';
import { collectChunks, toClaimReviewJsonLd, toCsv } from '../lib/export';

const WORDS = 20_000;
const HTML_ARTICLE_TITLE = 'HTML benchmark';
const HTML_ANNOTATIONS = 2_000;
const APPROVED_CLAIMS = 10_000;
const BULK_ARTICLES = 100;
const BULK_WORDS = 1_500;
const RUNS = 3;
const RSS_POLL_MS = 20;
const MB = 1024 * 1024;

/** Resident set size of a process in bytes, or null if it is gone. */
function rss(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return [];
  const children: number[] = [];
  for (const task of readdirSync(dir)) {
    try {
      const text = readFileSync(`${dir}/${task}/children`, 'utf8').trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    } catch {
      // the thread ended while being read
    }
  }
  return children;
}

/** The leaf of the process tree under `pid` (following the first child), and the path to it. */
function leafProcess(pid: number): number[] {
  const path = [pid];
  for (;;) {
    const children = childrenOf(path.at(-1)!);
    if (children.length === 0) return path;
    path.push(children[0]!);
  }
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (Linux's USER_HZ). */
const CLOCK_TICKS_PER_S = 100;

/**
 * CPU time (user + system) the process has used so far, in ms, with `reaped` its ended and
 * waited-for children's too; 0 if it is gone.
 */
function cpuMs(pid: number, reaped = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15,
    // cutime 16, cstime 17.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const ticks = fields[11]! + fields[12]! + (reaped ? fields[13]! + fields[14]! : 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** CPU time of the process and all its descendants, living or ended, in ms. */
function treeCpuMs(pid: number): number {
  return cpuMs(pid, true) + childrenOf(pid).reduce((sum, child) => sum + treeCpuMs(child), 0);
}

/** The parent of a process, from /proc. */
function parentOf(pid: number): number {
  const match = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]);
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '?';
  }
}

/** The value after `--name` on the command line, if given. */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main() {
  const database = await startBenchDatabase({ keepIn: option('keep') });
  let server: BenchServer | undefined;
  try {
    const { prisma } = database;
    const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const editorAccount = account('EDITOR');
    const editorRow = await prisma.user.findUniqueOrThrow({
      where: { email: editorAccount.email },
    });
    const reviewerRow = await prisma.user.findUniqueOrThrow({
      where: { email: account('REVIEWER').email },
    });
    const editor = {
      id: editorRow.id,
      email: editorRow.email,
      name: editorRow.name,
      role: editorRow.role,
    };
    const verdicts = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'FALSE', 'UNVERIFIED'] as const;
    const random = createRandom(2026);
    const text = createTextGenerator(random).article(WORDS);

    /** `count` claims, one annotation each spread over `text` in `articleId`. */
    const insertClaims = async (
      text: string,
      articleId: string,
      revisionId: string,
      prefix: string,
      count: number,
      approved: boolean,
    ) => {
      const claims = [];
      const annotations = [];
      const evidence = [];
      const decisions = [];
      for (let i = 0; i < count; i++) {
        const start = Math.floor((i / count) * (text.length - 200)) + Math.floor(random() * 40);
        const end = start + 20 + Math.floor(random() * 120);
        const id = `${prefix}-${i}`;
        const claim = {
          id,
          text: `Claim ${i}: ${text.slice(start, Math.min(end, start + 60))}`,
          claimant: i % 3 === 0 ? `Claimant ${i % 50}` : null,
          verdict: verdicts[i % verdicts.length]!,
          rationale: `Rationale for claim ${i}, with "quotes", commas, and a line\nbreak.`,
          reviewState: approved ? ('APPROVED' as const) : ('DRAFT' as const),
          authorId: editor.id,
        };
        claims.push(claim);
        const quote = describeTextQuote(text, { start, end });
        annotations.push({ claimId: id, articleId, revisionId, ...quote, createdById: editor.id });
        const source = {
          url: `https://stats.example.org/table?filter[year]=${2000 + (i % 25)}&row=${i}`,
          title: `Source ${i}`,
          quote: null,
        };
        evidence.push({ claimId: id, ...source, createdById: editor.id });
        if (approved) {
          // The hash the rulebook stores on approval, so the approval holds and is published.
          const snapshotHash = claimApprovalHash({
            ...claim,
            evidence: [source],
            anchors: [{ articleId, revisionId, start, end, exact: quote.exact }],
          });
          decisions.push({
            claimId: id,
            reviewerId: reviewerRow.id,
            decision: 'APPROVE' as const,
            snapshotHash,
          });
        }
      }
      await prisma.claim.createMany({ data: claims });
      await prisma.annotation.createMany({ data: annotations });
      await prisma.evidence.createMany({ data: evidence });
      if (decisions.length > 0) await prisma.reviewDecision.createMany({ data: decisions });
    };

    // A database kept by an earlier run (`--keep`) already holds the data.
    const kept = await prisma.article.findFirst({
      where: { title: HTML_ARTICLE_TITLE },
      select: { id: true },
    });
    let htmlArticle = kept;
    if (!htmlArticle) {
      // Article A: the 2,000-annotation article for the HTML export (draft claims, scope=all).
      const created = await createArticle(prisma, editor, { title: HTML_ARTICLE_TITLE, text });
      htmlArticle = created;
      await insertClaims(
        text,
        created.id,
        created.revision.id,
        'bench-html',
        HTML_ANNOTATIONS,
        false,
      );
      // The 10,000 approved claims spread over 100 dated articles with source addresses (a
      // newsroom's archive, and what a ClaimReview appearance needs). One article per 100 claims
      // also keeps the seeding linear: the search triggers recount an article's claims per span.
      const bulkText = createTextGenerator(random).article(BULK_WORDS);
      for (let a = 0; a < BULK_ARTICLES; a++) {
        const article = await createArticle(prisma, editor, {
          title: `Export benchmark ${a}`,
          text: bulkText,
          sourceName: 'Bench Gazette',
          sourceUrl: `https://news.example.org/${2026 - (a % 5)}/story-${a}`,
          publishedAt: `2025-${String((a % 12) + 1).padStart(2, '0')}-15`,
        });
        await insertClaims(
          bulkText,
          article.id,
          article.revision.id,
          `bench-approved-${a}`,
          APPROVED_CLAIMS / BULK_ARTICLES,
          true,
        );
      }
      // A settled database, as a deployment's would be: without this, the first reads after the
      // bulk insert pay for setting hint bits and race autovacuum, and the figures wander.
      await prisma.$executeRawUnsafe('VACUUM ANALYZE');
    }
    const approvedTotal = await prisma.claim.count({ where: { reviewState: 'APPROVED' } });
    console.log(
      `[bench] articles: ${WORDS} words (${text.length} characters); HTML article ${HTML_ANNOTATIONS} annotations; ${APPROVED_CLAIMS} approved claims ${kept ? 'kept from an earlier run' : 'inserted'} (${approvedTotal} approved in the database, including demo data)`,
    );

    // The same exports in this process, without HTTP: where the time goes (reading vs writing).
    // Read in batches as the route reads them, inside an async context as Next runs a request
    // (its AsyncLocalStorage turns on Node's promise hooks, which made per-claim steps costly).
    const context = new AsyncLocalStorage<object>();
    const inProcess = async (label: string, run: () => Promise<number>) => {
      const times: number[] = [];
      const cpu: number[] = [];
      let items = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        items = await context.run({}, run);
        const used = process.cpuUsage(c0);
        if (i > 0) {
          times.push(performance.now() - t0);
          cpu.push((used.user + used.system) / 1000);
        }
      }
      console.log(
        `[bench] in process, ${label}: median ${median(times).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU of this process (runs ${times.map((t) => t.toFixed(0)).join(', ')}; ${items} claims or characters)`,
      );
    };
    const approvedClaims = () => streamExportClaimBatches(prisma, { state: 'APPROVED' });
    await inProcess('reading the approved claims', async () => {
      let n = 0;
      for await (const batch of approvedClaims()) n += batch.length;
      return n;
    });
    await inProcess(
      'reading + writing CSV',
      async () => (await collectChunks(toCsv(approvedClaims()))).length,
    );
    const config = exportConfig(new Request('http://127.0.0.1/'));
    await inProcess(
      'reading + writing ClaimReview',
      async () => (await collectChunks(toClaimReviewJsonLd(approvedClaims(), config))).length,
    );

    if (process.argv.includes('--no-http')) return;
    server = await startBenchServer(database.url);
    const { baseUrl } = server;
    const tree = leafProcess(server.process.pid!);
    const serverPid = tree.at(-1)!;
    console.log(
      `[bench] process tree: ${tree.join(' -> ')}; measuring VmRSS of ${serverPid} (${processName(serverPid).slice(0, 120)})`,
    );

    const cookie = await signInCookie(baseUrl, editorAccount.email, editorAccount.password);
    // PostgreSQL's work per request: the CPU of the postmaster's whole tree (its backends).
    const [{ pid: backendPid }] = await prisma.$queryRaw<[{ pid: number }]>`
      SELECT pg_backend_pid() AS "pid"`;
    const postmasterPid = parentOf(backendPid);

    const measure = async (
      label: string,
      path: string,
      targetMs: number,
      count?: (body: string) => number,
    ) => {
      let items: number | null = null;
      const times: number[] = [];
      const firstBytes: number[] = [];
      const serverCpu: number[] = [];
      const databaseCpu: number[] = [];
      let encoding = 'none';
      const growths: number[] = [];
      let bytes = 0;
      let baseline = 0;
      let peak = 0;
      let after = 0;
      for (let run = 0; run < RUNS + 1; run++) {
        const before = rss(serverPid) ?? 0;
        let runPeak = before;
        const poll = setInterval(() => {
          runPeak = Math.max(runPeak, rss(serverPid) ?? 0);
        }, RSS_POLL_MS);
        const cpu0 = cpuMs(serverPid);
        const db0 = treeCpuMs(postmasterPid);
        const t0 = performance.now();
        let ms: number;
        let firstByte: number;
        try {
          const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
          firstByte = performance.now() - t0;
          if (response.status !== 200) {
            throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
          }
          encoding = response.headers.get('content-encoding') ?? 'none';
          const body = await response.arrayBuffer();
          ms = performance.now() - t0;
          bytes = body.byteLength;
          items = count?.(new TextDecoder().decode(body)) ?? null;
        } finally {
          clearInterval(poll);
        }
        const end = rss(serverPid) ?? 0;
        runPeak = Math.max(runPeak, end);
        if (run === 0) continue; // warm-up: compiles routes, fills caches
        if (run === 1) baseline = before;
        times.push(ms);
        firstBytes.push(firstByte);
        serverCpu.push(cpuMs(serverPid) - cpu0);
        databaseCpu.push(treeCpuMs(postmasterPid) - db0);
        growths.push(runPeak - before);
        peak = Math.max(peak, runPeak);
        after = end;
      }
      console.log(
        `[bench] ${label}: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target ${targetMs} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')}), ${(bytes / MB).toFixed(2)} MB body${items === null ? '' : ` (${items} claims)`}; RSS before ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, after ${(after / MB).toFixed(0)} MB, growth per run (peak - before) max ${(Math.max(...growths) / MB).toFixed(1)} MB (runs ${growths.map((g) => (g / MB).toFixed(1)).join(', ')}; target < 100 MB)`,
      );
      const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
      console.log(
        `[bench]   ${label}: first byte median ${median(firstBytes).toFixed(0)} ms; CPU per request (load-independent, 10 ms ticks): server ${median(serverCpu).toFixed(0)} ms (runs ${list(serverCpu)}), PostgreSQL ${median(databaseCpu).toFixed(0)} ms (runs ${list(databaseCpu)}); content-encoding ${encoding}`,
      );
    };

    await measure(
      `claims export, ClaimReview JSON-LD, ${APPROVED_CLAIMS} approved`,
      '/api/claims/export?format=claimreview',
      500,
      (body) => (JSON.parse(body) as unknown[]).length,
    );
    await measure(
      `claims export, CSV, ${APPROVED_CLAIMS} approved`,
      '/api/claims/export?format=csv',
      500,
      (body) => body.match(/\r\nbench-approved-/g)?.length ?? 0,
    );
    await measure(
      `annotated HTML, ${WORDS} words, ${HTML_ANNOTATIONS} annotations`,
      `/api/articles/${htmlArticle.id}/export?format=html&scope=all`,
      500,
    );
  } finally {
    server?.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
