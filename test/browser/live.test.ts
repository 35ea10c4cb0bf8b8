/**
 * Live updates in the widget, in headless Chromium against a real, listening Parley (an EventSource needs a real
 * streaming connection, which the harness's routed `inject` cannot give). The publisher page is served by the same
 * app (extra route), so page and Parley share the origin http://127.0.0.1:<port>.
 * Run alone: node --import tsx --test test/browser/live.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { buildWidget, launchBrowser, skipReason } from './harness.js';

describe('widget: live updates', { skip: skipReason }, () => {
  let t: TestApp;
  let browser: Browser;
  let base = '';
  const articleUrl = () => `${base}/article`;

  before(async () => {
    buildWidget();
    t = await createTestApp({
      extraRoutes: async (app) => {
        app.get('/article', async (_request, reply) =>
          reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title>
<link rel="canonical" href="${articleUrl()}"></head><body style="margin:2em;font-family:serif">
<article><h1>A column</h1>${'<p>Words worth reading, at some length.</p>'.repeat(20)}</article>
<div id="parley"></div><script src="${base}/embed.js" data-site="live" async></script></body></html>`),
        );
      },
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await addSite(t.parley.deps, { id: 'live', name: 'Live', origins: [base] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const post = async (body: string) => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: base },
      payload: { site: 'live', url: articleUrl(), body, author: { name: 'Grace' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { comment: { id: string } }).comment.id;
  };
  const shadow = <T>(page: Page, fn: string) => page.evaluate(`(() => { const root = document.querySelector('#parley').shadowRoot; ${fn} })()`) as Promise<T>;

  test('a new comment is announced and offered, the reader’s place does not move, a click inserts it', async () => {
    const seeded: string[] = [];
    for (let i = 1; i <= 12; i++) seeded.push(await post(`Earlier comment ${i}`));
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(articleUrl());
    await page.locator('#parley [role=feed][aria-busy=false]').waitFor({ state: 'attached' });
    // the stream is open (the server counts it) before anything is posted
    for (let i = 0; i < 50 && t.parley.live.hub.streamCount === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(t.parley.live.hub.streamCount, 1);

    // the reader is in the middle of the comments
    const reading = `#parley-comment-${seeded[5]}`;
    await page.locator(`#parley ${reading}`).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 100));
    const before = await page.evaluate(() => window.scrollY);
    const topBefore = await shadow<number>(page, `return root.querySelector('${reading}').getBoundingClientRect().top;`);

    const fresh = await post('Posted while you were reading');
    const button = page.locator('#parley button.new');
    await button.filter({ hasText: '1 new comment' }).waitFor();
    await page.locator('#parley [aria-live=polite]').filter({ hasText: '1 new comment' }).waitFor();
    assert.equal(await page.locator(`#parley #parley-comment-${fresh}`).count(), 0, 'not inserted before the reader asks');
    assert.equal(await page.evaluate(() => window.scrollY), before, 'the page did not scroll');
    assert.equal(await shadow<number>(page, `return root.querySelector('${reading}').getBoundingClientRect().top;`), topBefore, 'what the reader reads did not move');

    // a second one: the count follows
    const second = await post('And another');
    await button.filter({ hasText: '2 new comments' }).waitFor();

    // votes on visible comments apply in place
    const vote = await t.app.inject({
      method: 'POST', url: `/api/v1/comments/${seeded[5]}/vote`, headers: { origin: base, 'x-parley-voter': 'voter-live-aaaaaaaaaaaa' }, payload: { value: 1 },
    });
    assert.equal(vote.statusCode, 200);
    await page.locator(`#parley ${reading} .score`).first().filter({ hasText: '1' }).waitFor();
    assert.equal(await shadow<number>(page, `return root.querySelector('${reading}').getBoundingClientRect().top;`), topBefore);

    await button.click();
    await page.locator(`#parley #parley-comment-${fresh}`).waitFor();
    await page.locator(`#parley #parley-comment-${second}`).waitFor();
    assert.equal(await button.count(), 0);
    await page.locator('#parley .count').filter({ hasText: '14 comments' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
