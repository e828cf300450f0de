/**
 * Export benchmarks over HTTP (issue #6), end to end against a production build on 127.0.0.1:
 *  - 10,000 APPROVED claims as ClaimReview JSON-LD and as CSV
 *    (GET /api/claims/export?format=claimreview|csv): under 1 s each until the whole body is
 *    read, with the server's resident memory growing by less than 100 MB;
 *  - the annotated HTML of a 20,000-word article with 2,000 annotations
 *    (GET /api/articles/:id/export?format=html&scope=all): under 500 ms.
 * Memory is the VmRSS of the process that serves the requests (`next start` may fork a child:
 * the leaf of the process tree under the spawned one), read from /proc every 20 ms.
 * Runs on its own throw-away embedded PostgreSQL and production build (.next-test).
 * Prints figures, asserts nothing. Usage: npx tsx bench/export-http.bench.ts
 */
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
import { createArticle } from '../server/articles-create';

const WORDS = 20_000;
const HTML_ANNOTATIONS = 2_000;
const APPROVED_CLAIMS = 10_000;
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

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '?';
  }
}

async function main() {
  const database = await startBenchDatabase();
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
      articleId: string,
      revisionId: string,
      prefix: string,
      count: number,
      approved: boolean,
    ) => {
      const claims = [];
      const annotations = [];
      const decisions = [];
      for (let i = 0; i < count; i++) {
        const start = Math.floor((i / count) * (text.length - 200)) + Math.floor(random() * 40);
        const end = start + 20 + Math.floor(random() * 120);
        const id = `${prefix}-${i}`;
        claims.push({
          id,
          text: `Claim ${i}: ${text.slice(start, Math.min(end, start + 60))}`,
          claimant: i % 3 === 0 ? `Claimant ${i % 50}` : null,
          verdict: verdicts[i % verdicts.length]!,
          rationale: `Rationale for claim ${i}, with "quotes", commas, and a line\nbreak.`,
          reviewState: approved ? ('APPROVED' as const) : ('DRAFT' as const),
          authorId: editor.id,
        });
        annotations.push({
          claimId: id,
          articleId,
          revisionId,
          ...describeTextQuote(text, { start, end }),
          createdById: editor.id,
        });
        if (approved) {
          decisions.push({
            claimId: id,
            reviewerId: reviewerRow.id,
            decision: 'APPROVE' as const,
          });
        }
      }
      await prisma.claim.createMany({ data: claims });
      await prisma.annotation.createMany({ data: annotations });
      if (decisions.length > 0) await prisma.reviewDecision.createMany({ data: decisions });
    };

    // Article A: the 2,000-annotation article for the HTML export (draft claims, scope=all).
    const htmlArticle = await createArticle(prisma, editor, { title: 'HTML benchmark', text });
    await insertClaims(
      htmlArticle.id,
      htmlArticle.revision.id,
      'bench-html',
      HTML_ANNOTATIONS,
      false,
    );
    // Article B: the same text, carrying the 10,000 approved claims for the claims exports.
    const bulkArticle = await createArticle(prisma, editor, { title: 'Export benchmark', text });
    await insertClaims(
      bulkArticle.id,
      bulkArticle.revision.id,
      'bench-approved',
      APPROVED_CLAIMS,
      true,
    );
    const approvedTotal = await prisma.claim.count({ where: { reviewState: 'APPROVED' } });
    console.log(
      `[bench] articles: ${WORDS} words (${text.length} characters); HTML article ${HTML_ANNOTATIONS} annotations; ${APPROVED_CLAIMS} approved claims inserted (${approvedTotal} approved in the database, including demo data)`,
    );

    server = await startBenchServer(database.url);
    const { baseUrl } = server;
    const tree = leafProcess(server.process.pid!);
    const serverPid = tree.at(-1)!;
    console.log(
      `[bench] process tree: ${tree.join(' -> ')}; measuring VmRSS of ${serverPid} (${processName(serverPid).slice(0, 120)})`,
    );

    const cookie = await signInCookie(baseUrl, editorAccount.email, editorAccount.password);

    const measure = async (label: string, path: string, targetMs: number) => {
      const times: number[] = [];
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
        const t0 = performance.now();
        let ms: number;
        try {
          const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
          if (response.status !== 200) {
            throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
          }
          bytes = (await response.arrayBuffer()).byteLength;
          ms = performance.now() - t0;
        } finally {
          clearInterval(poll);
        }
        const end = rss(serverPid) ?? 0;
        runPeak = Math.max(runPeak, end);
        if (run === 0) continue; // warm-up: compiles routes, fills caches
        if (run === 1) baseline = before;
        times.push(ms);
        growths.push(runPeak - before);
        peak = Math.max(peak, runPeak);
        after = end;
      }
      console.log(
        `[bench] ${label}: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target ${targetMs} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')}), ${(bytes / MB).toFixed(2)} MB body; RSS before ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, after ${(after / MB).toFixed(0)} MB, growth per run (peak - before) max ${(Math.max(...growths) / MB).toFixed(1)} MB (runs ${growths.map((g) => (g / MB).toFixed(1)).join(', ')}; target < 100 MB)`,
      );
    };

    await measure(
      `claims export, ClaimReview JSON-LD, ${APPROVED_CLAIMS} approved`,
      '/api/claims/export?format=claimreview',
      1000,
    );
    await measure(
      `claims export, CSV, ${APPROVED_CLAIMS} approved`,
      '/api/claims/export?format=csv',
      1000,
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
