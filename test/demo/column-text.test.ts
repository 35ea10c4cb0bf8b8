import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { columnText } from '../../src/demo/column-text.js';
import { demoColumns, demoPages } from '../../src/demo/demo-pages.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(executablePath) ? false : `no Chromium at ${executablePath} (npm test installs it)`;

let app: FastifyInstance;
let browser: Browser;
let base: string;
before(async () => {
  if (skip) return;
  app = Fastify();
  await app.register((a) => demoPages(a, { baseUrl: 'http://127.0.0.1', siteId: 'demo' }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('the demo gives Parley each column’s text exactly as the browser holds it (so passage anchors agree)', { skip }, async () => {
  const page = await browser.newPage();
  await page.route('**/*.js', (route) => route.abort());
  for (const column of demoColumns) {
    await page.goto(`${base}/columns/${column.slug}`);
    const domText = await page.evaluate(() => document.querySelector('.column-body')!.textContent);
    assert.equal(columnText(column), domText, column.slug);
  }
});
