/**
 * Benchmarks of the annotation editor (issues #4, #16), printed as figures:
 *  - opening a 20,000-word article with 2,000 annotations in headless Chromium until the
 *    highlights are shown by the live editor and the claims list is usable (the rows in view
 *    drawn, every row reachable by scrolling: timed too) (target 0.8 s median), beside the
 *    floor: Chromium opening the static annotated-HTML export of the same article, measured in
 *    the same run (aim: at most 1.4 times it);
 *  - adding a claim to it, ADD_SAMPLES times, measured in the page as the work until the frame
 *    showing it is painted (target 16 ms, one frame: median and p95 printed), the task after it
 *    where the claim joins the list, and the frame after those on its own (the new highlight's
 *    card and the text's focus), then as many again
 *    after scrolling through the whole claims list (as a user who read it), beside the floor:
 *    a fixed piece of script as long as the median add's and a one-word change, measured the same
 *    way in the same page (what any change costs this page's frame, and the host's spread);
 *  - creating a claim through the API with 20 concurrent clients, p95 (target 30 ms).
 * Runs on its own throw-away embedded PostgreSQL and production build (.next-test), on
 * 127.0.0.1 only. Usage: npx tsx bench/editor.bench.ts
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { describeTextQuote } from '../lib/anchoring';
import {
  median,
  percentile,
  startBenchDatabase,
  startBenchServer,
  type BenchServer,
} from './harness';
import { createRandom, createTextGenerator } from '../lib/anchoring/fixtures/generate';
import { DEMO_ACCOUNTS } from '../prisma/demo/demo';
import { findChromium } from '../scripts/chromium';
import { createArticle } from '../server/articles-create';

// The workload; BENCH_EDITOR_WORDS / BENCH_EDITOR_ANNOTATIONS try others (how the
// figures grow with the article and its claims).
const WORDS = Number(process.env.BENCH_EDITOR_WORDS ?? 20_000);
const ANNOTATIONS = Number(process.env.BENCH_EDITOR_ANNOTATIONS ?? 2_000);
const OPEN_RUNS = 3;
/** Claims added one by one in the page (enough for a p95 that is not the maximum of a few). */
const ADD_SAMPLES = 40;
const API_CLIENTS = 20;
const API_REQUESTS_PER_CLIENT = 25;
/** How often each simulated editor saves a claim (far more often than a person does). */
const CLIENT_INTERVAL_MS = 500;

async function main() {
  const database = await startBenchDatabase();
  let server: BenchServer | undefined;
  try {
    const { prisma } = database;
    const editorAccount = DEMO_ACCOUNTS.find((a) => a.role === 'EDITOR')!;
    const editorRow = await prisma.user.findUniqueOrThrow({
      where: { email: editorAccount.email },
    });
    const editor = {
      id: editorRow.id,
      email: editorRow.email,
      name: editorRow.name,
      role: editorRow.role,
    };

    // A 20,000-word article with 2,000 claims spread over it (some overlapping).
    const random = createRandom(2026);
    const text = createTextGenerator(random).article(WORDS);
    const article = await createArticle(prisma, editor, { title: 'Benchmark article', text });
    const claims = [];
    const annotations = [];
    const verdicts = ['UNVERIFIED', 'TRUE', 'MOSTLY_TRUE', 'MIXED', 'MISLEADING', 'FALSE'] as const;
    for (let i = 0; i < ANNOTATIONS; i++) {
      const start = Math.floor((i / ANNOTATIONS) * (text.length - 200)) + Math.floor(random() * 40);
      const end = start + 20 + Math.floor(random() * 120);
      const id = `bench-claim-${i}`;
      claims.push({
        id,
        text: `Claim ${i}: ${text.slice(start, Math.min(end, start + 60))}`,
        verdict: verdicts[i % verdicts.length]!,
        authorId: editor.id,
      });
      annotations.push({
        claimId: id,
        articleId: article.id,
        revisionId: article.revision.id,
        ...describeTextQuote(text, { start, end }),
        createdById: editor.id,
      });
    }
    await prisma.claim.createMany({ data: claims });
    await prisma.annotation.createMany({ data: annotations });
    console.log(
      `[bench] article: ${WORDS} words (${text.length} characters), ${ANNOTATIONS} annotations`,
    );

    server = await startBenchServer(database.url, { FACTMARK_DB_POOL_SIZE: '20' });
    const { baseUrl } = server;

    const browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // e.g. BENCH_EDITOR_JS_FLAGS=--trace-deopt (with DEBUG=pw:browser to see what it prints):
        // V8's view of the page's code, while looking into a slow add.
        ...(process.env.BENCH_EDITOR_JS_FLAGS
          ? [`--js-flags=${process.env.BENCH_EDITOR_JS_FLAGS}`]
          : []),
      ],
    });
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
    await page.request.post('/api/auth/callback/credentials', {
      form: {
        csrfToken,
        email: editorAccount.email,
        password: editorAccount.password,
        json: 'true',
      },
    });

    // 1. Open the article: from navigation start until the highlights are drawn by the live
    // editor (ProseMirror's own DOM, so hydration is done and they answer clicks) and the claims
    // list is usable: its rows in view are drawn and say they are 1..N of every claim (rows out
    // of view are drawn as they are scrolled to; that is timed below).
    const usable = (count: number) => {
      const list = document.querySelector('[aria-label="Claims in text order"]');
      const first = list?.querySelector(':scope > li[aria-posinset="1"]');
      if (!list || !first || first.getAttribute('aria-setsize') !== String(count)) return false;
      // No placeholder where the list is visible.
      const panel = list.closest('aside')!.getBoundingClientRect();
      const bottom = Math.min(panel.bottom, window.innerHeight);
      for (const pending of list.querySelectorAll(':scope > li[data-block]')) {
        const box = pending.getBoundingClientRect();
        if (box.bottom > panel.top && box.top < bottom) return false;
      }
      // The moment it became usable (polled every frame), as the page's clock reads it; marked,
      // so that a trace of the opening shows it.
      if (!document.querySelector('.article-view .ProseMirror .hl')) return false;
      return performance.mark('bench:usable').startTime;
    };
    const openTimes: number[] = [];
    const serverTimes: number[] = [];
    const firstBytes: number[] = [];
    const allDrawnTimes: number[] = [];
    let documentBytes = 0;
    // BENCH_EDITOR_OPEN_TRACE=file.json records a Chromium trace of these openings.
    const openTraceTo = process.env.BENCH_EDITOR_OPEN_TRACE;
    if (openTraceTo) await browser.startTracing(page, { path: openTraceTo });
    for (let run = 0; run < OPEN_RUNS + 1; run++) {
      await page.goto(`/articles/${article.id}`);
      const usableAt = await page.waitForFunction(usable, ANNOTATIONS, { timeout: 60_000 });
      const ms = Number(await usableAt.jsonValue());
      // The highlights out of view are drawn in idle time after that: timed too.
      await page.waitForFunction(
        () => performance.getEntriesByName('factmark:highlights-drawn').length > 0,
        undefined,
        { timeout: 60_000 },
      );
      const [responseEnd, firstByte, bytes, allDrawn] = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return [
          nav.responseEnd,
          nav.responseStart,
          nav.transferSize,
          performance.getEntriesByName('factmark:highlights-drawn')[0]!.startTime,
        ];
      });
      if (run > 0) {
        openTimes.push(ms); // the first run warms the server's caches
        serverTimes.push(responseEnd);
        firstBytes.push(firstByte);
        documentBytes = bytes;
        allDrawnTimes.push(allDrawn);
      }
    }
    if (openTraceTo) await browser.stopTracing();
    // The floor: the static annotated-HTML export of the same article (every claim), opened by
    // the same Chromium from the same origin until its load event.
    const exported = await page.request.get(
      `/api/articles/${article.id}/export?format=html&scope=all`,
    );
    if (!exported.ok()) throw new Error(`export answered ${exported.status()}`);
    const exportHtml = await exported.text();
    const staticUrl = `${baseUrl}/__bench-static-export.html`;
    await page.route(staticUrl, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: exportHtml }),
    );
    const staticTimes: number[] = [];
    for (let run = 0; run < OPEN_RUNS + 1; run++) {
      await page.goto(staticUrl, { waitUntil: 'load' });
      const ms = await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .loadEventEnd || performance.now(),
      );
      if (run > 0) staticTimes.push(ms);
    }
    // Every row is reachable: scroll the list to its end and time until the last claim's row
    // is drawn (from the scroll to the next frame after it appears).
    const scrollTimes: number[] = [];
    for (let run = 0; run < OPEN_RUNS; run++) {
      await page.goto(`/articles/${article.id}`);
      await page.waitForFunction(usable, ANNOTATIONS, { timeout: 60_000 });
      scrollTimes.push(
        await page.evaluate(async (count) => {
          const list = document.querySelector('[aria-label="Claims in text order"]')!;
          const t0 = performance.now();
          list.closest('aside')!.scrollTop = 1e9;
          while (!list.querySelector(`:scope > li[aria-posinset="${count}"]`)) {
            await new Promise((frame) => requestAnimationFrame(frame));
          }
          return performance.now() - t0;
        }, ANNOTATIONS),
      );
    }
    const open = median(openTimes);
    const floor = median(staticTimes);
    console.log(
      `[bench] open article, interactive: median ${open.toFixed(0)} ms, max ${Math.max(...openTimes).toFixed(0)} ms (target 800 ms); page received after ${median(serverTimes).toFixed(0)} ms (first byte ${median(firstBytes).toFixed(0)} ms, ${(documentBytes / 1024).toFixed(0)} KiB)`,
    );
    console.log(
      `[bench] every highlight drawn (the rest in idle time): median ${median(allDrawnTimes).toFixed(0)} ms`,
    );
    console.log(
      `[bench] scroll the claims list to its end, last claim drawn: median ${median(scrollTimes).toFixed(0)} ms, max ${Math.max(...scrollTimes).toFixed(0)} ms`,
    );
    console.log(
      `[bench] static annotated-HTML export of the same article (${(exportHtml.length / 1024).toFixed(0)} KiB), loaded: median ${floor.toFixed(0)} ms; workspace / static = ${(open / floor).toFixed(2)}x (aim <= 1.4x)`,
    );
    await page.goto(`/articles/${article.id}`);
    await page.waitForFunction(usable, ANNOTATIONS, { timeout: 60_000 });
    // As before the highlights were drawn in idle time: the page has settled (every highlight
    // drawn), as it has long before a person has selected and typed a claim.
    await page.waitForFunction(
      () => performance.getEntriesByName('factmark:highlights-drawn').length > 0,
      undefined,
      { timeout: 60_000 },
    );

    // 2. Add claims with the keyboard, measured in the page (components/editor/frame-timing:
    // the page's work from the server's answer until the frame showing the claim is painted:
    // the form closed, the highlight drawn with its ring), the task after it where the claim
    // joins the workspace's data (the list's row, count and active row: factmark:claim-add:data,
    // its script), and the frame after those on its own (the new highlight's card drawn, the
    // text focused: factmark:highlight-shown).
    // ADD_SAMPLES times, each on a passage with no highlight yet, spread over the article:
    // scrolled into view and selected as a drag would select it (a click would open the claims
    // under the pointer), then A opens the form and Ctrl+Enter saves it.
    type Add = {
      total: number;
      script: number;
      render: number;
      wall: number;
      data: number;
      next: Frame;
    };
    type Frame = { total: number; script: number; render: number };
    // BENCH_EDITOR_PROFILE=file.cpuprofile records the page's CPU profile while adding them,
    // BENCH_EDITOR_TRACE=file.json a Chromium trace (style, layout and paint too), with
    // BENCH_EDITOR_TRACE_CATEGORIES=a,b,... other categories than Playwright's default (e.g.
    // disabled-by-default-devtools.timeline.invalidationTracking: which nodes each change
    // restyles or lays out again, and why).
    const profileTo = process.env.BENCH_EDITOR_PROFILE;
    const traceTo = process.env.BENCH_EDITOR_TRACE;
    const traceCategories = process.env.BENCH_EDITOR_TRACE_CATEGORIES?.split(',');
    if (traceTo)
      await browser.startTracing(page, {
        path: traceTo,
        ...(traceCategories ? { categories: traceCategories } : {}),
      });
    const cdp = profileTo ? await context.newCDPSession(page) : null;
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp?.send('Profiler.start');
    // One series of adds, each at (sample + offset) / ADD_SAMPLES of the article.
    let done = 0;
    const addSeries = async (offset: number) => {
      const series: Add[] = [];
      for (let sample = 0; sample < ADD_SAMPLES; sample++) {
        const picked = await page.evaluate(
          (fraction) => {
            const root = document.querySelector<HTMLElement>('.article-view .ProseMirror')!;
            const paragraphs = [...root.children] as HTMLElement[];
            for (let p = Math.floor(fraction * paragraphs.length); p < paragraphs.length; p++) {
              const walker = document.createTreeWalker(paragraphs[p]!, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement?.closest('.hl')) continue;
                // Four whole words of text no highlight covers.
                const words = /(?:^|\s)(\w+(?:\s+\w+){3})(?=\s|$)/.exec((node as Text).data);
                if (!words) continue;
                const start = words.index + words[0].length - words[1]!.length;
                paragraphs[p]!.scrollIntoView({ block: 'center' });
                root.focus({ preventScroll: true });
                getSelection()!.setBaseAndExtent(node, start, node, start + words[1]!.length);
                return words[1]!;
              }
            }
            return null;
          },
          (sample + offset) / ADD_SAMPLES,
        );
        if (!picked) throw new Error(`no passage without a highlight after ${sample} samples`);
        await page.waitForTimeout(100); // the selection reaches the editor, the scroll settles
        await page.keyboard.press('a');
        // The form opens with its Claim field focused (the passage's words in it).
        await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
        await page.keyboard.press('Control+Enter');
        // Waited for by a performance observer, whose callbacks run in tasks of their own once
        // the measures are recorded: polling in animation frames (waitForFunction's default)
        // would run the bench's own script in the very frames being timed.
        const measured = await page.evaluate(
          (count) =>
            new Promise<Add>((resolve, reject) => {
              const timeout = setTimeout(() => {
                observer.disconnect();
                reject(new Error(`add ${count}: its measures were not recorded in 30 s`));
              }, 30_000);
              const observer = new PerformanceObserver(() => {
                const add = performance.getEntriesByName('factmark:claim-add');
                const next = performance.getEntriesByName('factmark:highlight-shown');
                const data = performance.getEntriesByName('factmark:claim-add:data');
                if (add.length < count || next.length < count || data.length < count) return;
                observer.disconnect();
                clearTimeout(timeout);
                const [addEntry, nextEntry] = [add.at(-1), next.at(-1)] as PerformanceMeasure[];
                resolve({
                  total: addEntry!.duration,
                  ...(addEntry!.detail as Pick<Add, 'script' | 'render' | 'wall'>),
                  data: data.at(-1)!.duration,
                  next: {
                    total: nextEntry!.duration,
                    ...(nextEntry!.detail as Omit<Frame, 'total'>),
                  },
                });
              });
              // Buffered: measures recorded before the observer was made count too.
              observer.observe({ type: 'measure', buffered: true });
            }),
          done + 1,
        );
        series.push(measured);
        done++;
        await page.waitForTimeout(300); // the frames after it settle before the next one
      }
      return series;
    };
    const adds = await addSeries(0.5);
    // The same after scrolling through the whole claims list (a user who read it): an add must
    // not cost more for each row scrolled past.
    const listDrawn = await page.evaluate(async (count) => {
      const list = document.querySelector('[aria-label="Claims in text order"]')!;
      const panel = list.closest('aside')!;
      // Down by a screen each frame, as a user scrolling through it draws every block.
      for (
        let step = 0;
        step < 10_000 &&
        (panel.scrollTop + panel.clientHeight < panel.scrollHeight - 1 ||
          !list.querySelector(`:scope > li[aria-posinset="${count}"]`));
        step++
      ) {
        panel.scrollTop += panel.clientHeight;
        await new Promise((frame) => requestAnimationFrame(frame));
        await new Promise((frame) => requestAnimationFrame(frame));
      }
      panel.scrollTop = 0;
      await new Promise((frame) => requestAnimationFrame(frame));
      return list.querySelectorAll(':scope > li[aria-posinset]').length;
    }, ANNOTATIONS + ADD_SAMPLES);
    const addsAllDrawn = await addSeries(0.25);
    // The floor, measured the same way (as components/editor/frame-timing does; the page's copy
    // of it is not reachable from here) in the same page: a fixed piece of script as long as the
    // median add's script, then a one-word change drawn in the next frame. Its frame is what any
    // change costs on this page; its spread is the host's (the 2 cores are shared with Chromium's
    // other threads, the app server and PostgreSQL), and an add of that size shows it too.
    const scriptMedian = median(adds.map((a) => a.script));
    const fixedWork = await page.evaluate(
      async ({ targetMs, samples }) => {
        // (No named helper: the bench's compiler would wrap it in a function the page lacks.)
        let hash = 2166136261;
        // Rounds for targetMs, found from the median of a few timed runs, five times over.
        let rounds = 100_000;
        for (let pass = 0; pass < 5; pass++) {
          const times = Array.from({ length: 5 }, () => {
            const t0 = performance.now();
            for (let i = 0; i < rounds; i++) hash = Math.imul(hash ^ i, 16777619);
            return performance.now() - t0;
          }).sort((a, b) => a - b);
          rounds = Math.max(1, Math.round((rounds * targetMs) / Math.max(times[2]!, 0.01)));
        }
        const word = document.body.appendChild(document.createElement('span'));
        const totals: { total: number; script: number; render: number }[] = [];
        for (let sample = 0; sample < samples; sample++) {
          await new Promise((settle) => setTimeout(settle, 300));
          // Begun on a server's answer, as an add is (the server and PostgreSQL are still busy).
          await (await fetch('/api/health')).text();
          totals.push(
            await new Promise<{ total: number; script: number; render: number }>((done) => {
              const start = performance.now();
              for (let i = 0; i < rounds; i++) hash = Math.imul(hash ^ i, 16777619);
              word.textContent = String(hash + sample);
              const scriptEnd = performance.now();
              requestAnimationFrame((frameTime) => {
                const frame = Math.max(frameTime, scriptEnd);
                const channel = new MessageChannel();
                channel.port1.onmessage = () => {
                  channel.port1.close();
                  const script = scriptEnd - start;
                  const render = performance.now() - frame;
                  done({ total: script + render, script, render });
                };
                channel.port2.postMessage(null);
              });
            }),
          );
        }
        word.remove();
        return totals;
      },
      { targetMs: scriptMedian, samples: ADD_SAMPLES },
    );
    if (traceTo) await browser.stopTracing();
    if (cdp && profileTo) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
    }
    // BENCH_EDITOR_SAMPLES=file.json keeps every add's figures, in order (which adds are slow).
    const samplesTo = process.env.BENCH_EDITOR_SAMPLES;
    if (samplesTo) writeFileSync(samplesTo, JSON.stringify({ adds, addsAllDrawn }, null, 1));
    const stat = (values: number[]) =>
      `median ${median(values).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
    console.log(
      `[bench] add one claim (${adds.length} samples), work until painted: ${stat(adds.map((a) => a.total))}, max ${Math.max(...adds.map((a) => a.total)).toFixed(1)} ms (target 16 ms, one frame); script ${stat(adds.map((a) => a.script))}; frame rendering ${stat(adds.map((a) => a.render))}; until painted, waiting for the frame included: ${stat(adds.map((a) => a.wall))}`,
    );
    const dataTasks = [...adds, ...addsAllDrawn].map((a) => a.data);
    console.log(
      `[bench] the claim joining the list, in a task between the add's frame and the next (${dataTasks.length} samples): script ${stat(dataTasks)}, max ${Math.max(...dataTasks).toFixed(1)} ms`,
    );
    const nextFrames = [...adds, ...addsAllDrawn].map((a) => a.next);
    console.log(
      `[bench] the frame after each add (the new highlight's card drawn, the text focused) (${nextFrames.length} samples): ${stat(nextFrames.map((f) => f.total))}, max ${Math.max(...nextFrames.map((f) => f.total)).toFixed(1)} ms (target 16 ms); script ${stat(nextFrames.map((f) => f.script))}; frame rendering ${stat(nextFrames.map((f) => f.render))}`,
    );
    console.log(
      `[bench] add one claim after scrolling through the whole claims list (${listDrawn} rows drawn then) (${addsAllDrawn.length} samples): ${stat(addsAllDrawn.map((a) => a.total))}, max ${Math.max(...addsAllDrawn.map((a) => a.total)).toFixed(1)} ms; script ${stat(addsAllDrawn.map((a) => a.script))}; frame rendering ${stat(addsAllDrawn.map((a) => a.render))}`,
    );
    console.log(
      `[bench] the floor, for comparison: a fixed piece of script as long as the median add's (${scriptMedian.toFixed(1)} ms), then a one-word change, each on a server's answer, measured the same way in the same page (${fixedWork.length} samples): ${stat(fixedWork.map((f) => f.total))}, max ${Math.max(...fixedWork.map((f) => f.total)).toFixed(1)} ms; script ${stat(fixedWork.map((f) => f.script))}; frame rendering ${stat(fixedWork.map((f) => f.render))}`,
    );
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await browser.close();
    // BENCH_EDITOR_OPEN_ONLY=1 stops after the page figures (while working on the page).
    if (process.env.BENCH_EDITOR_OPEN_ONLY) return;

    // 3. Create claims through the API, 20 clients at once. Each client is an editor saving a
    // claim every CLIENT_INTERVAL_MS (open loop, as people do), then the same 20 clients sending
    // back to back (closed loop) to show where the server saturates.
    let next = 0;
    const createOne = async () => {
      const start = (next++ % 2500) * 50;
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}/api/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          span: { articleId: article.id, revisionId: article.revision.id, start, end: start + 30 },
          claim: { text: `API claim ${next}`, verdict: 'UNVERIFIED' },
        }),
      });
      if (response.status !== 201) throw new Error(`create claim answered ${response.status}`);
      return performance.now() - t0;
    };
    const report = (label: string, latencies: number[], seconds: number) =>
      console.log(
        `[bench] create claim API, ${label}: p50 ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms, ${(latencies.length / seconds).toFixed(0)} req/s`,
      );
    for (const [label, pace] of [
      [
        `${API_CLIENTS} clients each saving every ${CLIENT_INTERVAL_MS} ms (target p95 30 ms)`,
        true,
      ],
      [`${API_CLIENTS} clients back to back (saturation)`, false],
    ] as const) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: API_CLIENTS }, async (_, client) => {
          if (pace)
            await new Promise((r) => setTimeout(r, (client * CLIENT_INTERVAL_MS) / API_CLIENTS));
          for (let i = 0; i < API_REQUESTS_PER_CLIENT; i++) {
            const t0 = performance.now();
            latencies.push(await createOne());
            const wait = CLIENT_INTERVAL_MS - (performance.now() - t0);
            if (pace && wait > 0) await new Promise((r) => setTimeout(r, wait));
          }
        }),
      );
      report(label, latencies, (performance.now() - started) / 1000);
    }
  } finally {
    server?.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
