/**
 * The production server (npm start, the test run, the benchmarks): the Next.js build served
 * through server/platform/http-server, which answers the requests Next.js and Node would
 * answer with a 500 or an empty 400 before our code runs.
 *
 * `node scripts/run-bundled.mjs serve --port 3000 [--hostname 127.0.0.1]`, precompiled (no tsx
 * in the server's process). The build folder is next.config.js's (FACTMARK_DIST_DIR).
 */
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServer } from '../server/platform/http-server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3000' }, hostname: { type: 'string' } },
});
const port = Number(values.port);
const hostname = values.hostname;
// As `next start` does, before Next.js is loaded (it reads it when imported).
(process.env as Record<string, string>).NODE_ENV = 'production';
// run-bundled sets argv[1] to this file's path, as tsx would: the project is its parent folder.
const dir = join(dirname(process.argv[1]!), '..');

const { default: next } = await import('next');
const app = next({ dev: false, dir, port, hostname });
await app.prepare();
const server = createAppServer(app.getRequestHandler());
server.listen(port, hostname, () => {
  console.log(`Next.js production server on http://${hostname ?? 'localhost'}:${port}`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
