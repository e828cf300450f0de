/**
 * Where the slow adds of bench/editor.bench.ts lose their time, read from the Chromium trace it
 * records with BENCH_EDITOR_TRACE=file.json (issue #16: adding a claim within one frame).
 *
 * For each add (the page's `factmark:claim-add:start` mark) it prints the page's main-thread
 * task that does the add: its wall time and the CPU time the thread got in it (the rest it was
 * runnable or waiting, not running: on this 2-core host, taken by other threads), then what the
 * page's other threads ran in the 30 ms from the add: V8 compiling hot code (Maglev, TurboFan),
 * rasterising, and anything else. The summary sets the slowest quarter of adds beside the rest.
 * Tracing slows every figure down; compare the adds with each other, not with the bench's.
 *
 * Usage: npx tsx bench/editor-trace.ts trace.json
 */
import { readFileSync } from 'node:fs';
import { median } from './harness';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; src_file?: string };
}

/** How long after an add's start its frame has been drawn (the bench's adds are 400 ms apart). */
const WINDOW_US = 30_000;

function analyse(path: string) {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args!.name!);
  }
  const marks = events.filter(
    (e) => e.name === 'factmark:claim-add:start' && ['R', 'I', 'i', 'n'].includes(e.ph),
  );
  if (marks.length === 0) throw new Error(`${path} holds no add (factmark:claim-add:start)`);
  const pid = marks[0]!.pid;
  const mainKey = [...threadNames].find(
    ([key, name]) => name === 'CrRendererMain' && key.startsWith(`${pid}:`),
  )?.[0];
  if (!mainKey) throw new Error(`no main thread found for the page's process ${pid}`);
  const complete = events.filter((e) => e.ph === 'X' && e.pid === pid && e.dur !== undefined);
  const tasks = complete
    .filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  const workers = complete
    .filter(
      (e) =>
        threadNames.get(`${e.pid}:${e.tid}`) === 'ThreadPoolForegroundWorker' &&
        (e.name === 'ThreadPool_RunTask' || e.name === 'RasterTask'),
    )
    .sort((a, b) => a.ts - b.ts);

  const adds = marks
    .map((mark) => mark.ts)
    .sort((a, b) => a - b)
    .flatMap((start, index) => {
      const task = tasks.findLast((t) => t.ts <= start && start <= t.ts + t.dur!);
      if (!task) return [];
      let compile = 0;
      let raster = 0;
      let other = 0;
      for (const w of workers) {
        if (w.ts < start || w.ts >= start + WINDOW_US) continue;
        const ms = w.dur! / 1000;
        if (w.name === 'RasterTask') raster += ms;
        else if (/maglev|compiler-dispatcher|turbofan/i.test(w.args?.src_file ?? '')) compile += ms;
        else if (w.name === 'ThreadPool_RunTask') other += ms;
      }
      // Raster tasks run inside the pool's own tasks: counted once, as raster.
      other = Math.max(0, other - raster);
      const wall = task.dur! / 1000;
      const cpu = (task.tdur ?? task.dur!) / 1000;
      return [{ index, wall, cpu, offCpu: wall - cpu, compile, raster, other }];
    });

  const fixed = (n: number) => n.toFixed(1).padStart(6);
  console.log('  add   wall    cpu  offcpu | others: compile raster  other (ms)');
  for (const a of adds) {
    console.log(
      `${String(a.index).padStart(5)} ${fixed(a.wall)} ${fixed(a.cpu)} ${fixed(a.offCpu)} |        ${fixed(a.compile)} ${fixed(a.raster)} ${fixed(a.other)}`,
    );
  }
  // The first three adds run cold code (interpreted, then compiled): summarised apart.
  const warm = adds.slice(3);
  const byWall = [...warm].sort((a, b) => b.wall - a.wall);
  const slow = byWall.slice(0, Math.ceil(warm.length / 4));
  const rest = byWall.slice(slow.length);
  const line = (label: string, group: typeof adds) =>
    console.log(
      `${label}: ${group.length} adds, median wall ${median(group.map((a) => a.wall)).toFixed(1)} ms, cpu ${median(group.map((a) => a.cpu)).toFixed(1)} ms, off cpu ${median(group.map((a) => a.offCpu)).toFixed(1)} ms; other threads: V8 compiling ${median(group.map((a) => a.compile)).toFixed(1)} ms, raster ${median(group.map((a) => a.raster)).toFixed(1)} ms, other ${median(group.map((a) => a.other)).toFixed(1)} ms`,
    );
  line('first three (cold)', adds.slice(0, 3));
  line('slowest quarter', slow);
  line('the rest', rest);
}

analyse(process.argv[2] ?? '');
