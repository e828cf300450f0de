/** GET /api/health: 200 with the database reachable, 503 when it is not. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('answers 200 with the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

test('answers 503 when the database is unreachable', async ({ request }) => {
  test.setTimeout(60_000);
  const serve = process.env.FACTMARK_SERVE_SCRIPT;
  expect(serve, 'run through npm test').toBeTruthy();
  const [appPort, deadDbPort] = await Promise.all([freePort(), freePort()]);
  const server = spawn(process.execPath, [serve!, 'serve', '--port', String(appPort)], {
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://nobody:nothing@127.0.0.1:${deadDbPort}/none`,
    },
    stdio: 'ignore',
  });
  try {
    let response;
    for (let attempt = 0; attempt < 120 && !response; attempt++) {
      response = await request.get(`http://127.0.0.1:${appPort}/api/health`).catch(() => undefined);
      if (!response) await new Promise((r) => setTimeout(r, 250));
    }
    expect(response?.status()).toBe(503);
    expect(await response!.json()).toEqual({
      status: 'unavailable',
      database: 'down',
      error: { code: 'service_unavailable', message: 'The database is not reachable.' },
    });
  } finally {
    server.kill('SIGTERM');
  }
});
