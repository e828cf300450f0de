/**
 * Every claim action over HTTP under the editors' load (issue #10): 20 clients, each acting
 * every 500 ms (open loop), cycle through create → edit → link a passage → submit → approve on
 * their own claims, every action through the one rulebook (row lock, version check, transition,
 * audit). Prints p50/p95/max per action; target p95 ≤ 25 ms.
 *
 *   npx tsx bench/claim-actions.bench.ts [seconds]
 */
import { demo } from '../e2e/helpers';
import {
  log,
  median,
  percentile,
  signInCookie,
  startBenchDatabase,
  startBenchServer,
} from './harness';

const CLIENTS = 20;
const INTERVAL_MS = 500;
const SECONDS = Number(process.argv[2] ?? 20);
const TARGET_P95_MS = 25;
/** Seconds of load before measuring: compiles the routes and fills the pool. */
const WARMUP_SECONDS = 5;
const ACTIONS = ['create', 'edit', 'link', 'submit', 'approve'] as const;
type Action = (typeof ACTIONS)[number];

const SENTENCE = 'The second round of talks was attended by 37 people from 12 groups.';
const TEXT = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${SENTENCE}`).join('\n');

async function main() {
  const database = await startBenchDatabase();
  const server = await startBenchServer(database.url);
  try {
    const editor = await signInCookie(
      server.baseUrl,
      demo('EDITOR').email,
      demo('EDITOR').password,
    );
    const reviewer = await signInCookie(
      server.baseUrl,
      demo('REVIEWER').email,
      demo('REVIEWER').password,
    );
    const call = async (cookie: string, method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      const ms = performance.now() - started;
      // The handler's own time (Server-Timing: app), apart from Next.js and the network.
      const app = Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);
      if (response.status >= 300) {
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      }
      return { json, ms, app };
    };
    const created = await call(editor, 'POST', '/api/articles', { title: 'Bench', text: TEXT });
    const article = created.json.article as { id: string; revision: { id: string } };
    const span = (line: number) => {
      const start = TEXT.indexOf(`${line + 1}. `) + `${line + 1}. `.length;
      return {
        articleId: article.id,
        revisionId: article.revision.id,
        start,
        end: start + 30,
      };
    };

    const latencies = new Map<Action, number[]>(ACTIONS.map((a) => [a, []]));
    const handlerTimes = new Map<Action, number[]>(ACTIONS.map((a) => [a, []]));
    let errors = 0;
    let line = 0;
    const measureFrom = performance.now() + WARMUP_SECONDS * 1000;
    const until = measureFrom + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        let step = 0;
        let claim = { id: '', version: 0 };
        // Spread the clients over the interval.
        await new Promise((r) => setTimeout(r, (client * INTERVAL_MS) / CLIENTS));
        while (performance.now() < until) {
          const tick = performance.now();
          const action = ACTIONS[step % ACTIONS.length]!;
          try {
            let result: { json: Record<string, unknown>; ms: number; app: number };
            switch (action) {
              case 'create':
                result = await call(editor, 'POST', '/api/claims', {
                  span: span(line++ % 400),
                  claim: {
                    text: `Attendance ${client}-${step}`,
                    verdict: 'TRUE',
                    rationale: 'Both reports say 37.',
                    evidence: [{ url: 'https://example.org/report' }],
                  },
                });
                break;
              case 'edit':
                result = await call(editor, 'PATCH', `/api/claims/${claim.id}`, {
                  version: claim.version,
                  rationale: `Both reports say 37 (${step}).`,
                });
                break;
              case 'link':
                result = await call(editor, 'POST', `/api/claims/${claim.id}/annotations`, {
                  ...span(line++ % 400),
                  version: claim.version,
                });
                break;
              case 'submit':
                result = await call(editor, 'POST', `/api/claims/${claim.id}/submit`, {
                  version: claim.version,
                });
                break;
              case 'approve':
                result = await call(reviewer, 'POST', `/api/claims/${claim.id}/approve`, {
                  version: claim.version,
                });
                break;
            }
            const c = result.json.claim as { id: string; version: number };
            claim = { id: c.id, version: c.version };
            if (tick >= measureFrom) {
              latencies.get(action)!.push(result.ms);
              if (Number.isFinite(result.app)) handlerTimes.get(action)!.push(result.app);
            }
          } catch (error) {
            errors++;
            if (errors <= 3) log(String(error));
            step = -1; // start again with a new claim
          }
          step++;
          const wait = INTERVAL_MS - (performance.now() - tick);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }),
    );
    log(
      `${CLIENTS} clients, each acting every ${INTERVAL_MS} ms for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up (target p95 ${TARGET_P95_MS} ms)`,
    );
    for (const action of ACTIONS) {
      const values = latencies.get(action)!;
      if (values.length === 0) continue;
      const p95 = percentile(values, 95);
      const handler = handlerTimes.get(action)!;
      log(
        `${action.padEnd(8)} n=${values.length} p50 ${median(values).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms ${p95 <= TARGET_P95_MS ? 'OK' : 'OVER TARGET'}` +
          (handler.length > 0
            ? ` (in the handler: p50 ${median(handler).toFixed(1)} ms, p95 ${percentile(handler, 95).toFixed(1)} ms)`
            : ''),
      );
    }
    log(`errors: ${errors}`);
  } finally {
    server.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
