import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from '@playwright/test';
import { STORED_COPY_CSP } from './service';

// A stored page that tries everything: inline and external scripts, an event handler, external
// CSS, images, fonts, a frame, fetch and a meta refresh.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Stored</title>
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:1/refresh">
<script>document.title = 'script ran'; fetch('http://127.0.0.1:1/fetch');</script>
<script src="http://127.0.0.1:1/app.js"></script>
<link rel="stylesheet" href="http://127.0.0.1:1/site.css">
<style>@font-face { font-family: x; src: url(http://127.0.0.1:1/font.woff); } body { font-family: x; }</style>
</head><body onload="document.title = 'onload ran'">
<p>The ministry said 1,200 wells were drilled.</p>
<img src="http://127.0.0.1:1/pixel.gif" alt=""><img src="/local.gif" alt="">
<iframe src="http://127.0.0.1:1/frame.html"></iframe></body></html>`;

describe('a stored copy under its Content-Security-Policy (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  before(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/copy') {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': STORED_COPY_CSP,
      });
      response.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    });
  });
  after(async () => {
    await browser?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs no script and sends no request beyond the page itself', async () => {
    const page = await browser.newPage();
    // Request interception: every request the page really sends passes through here.
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.continue();
    });
    const blocked: string[] = [];
    page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(`${origin}/copy`);
    await page.waitForTimeout(500);
    assert.equal(await page.title(), 'Stored');
    assert.equal(
      await page.locator('p').textContent(),
      'The ministry said 1,200 wells were drilled.',
    );
    assert.deepEqual(requests, [`${origin}/copy`], blocked.join('\n'));
    assert.equal(page.url(), `${origin}/copy`);
    await page.close();
  });
});
