/**
 * Refusals a page can read: a page on an origin no site allows, or naming a site that does not exist, must see
 * Parley's JSON error (so the widget can say what is wrong), not a CORS failure that looks like a network error.
 *
 * Chromium against a real listening Parley: the harness's routed answers (Playwright `route.fulfill`) are not
 * subject to CORS, so they cannot show what a browser hides. The "other site" is the same server reached as
 * http://localhost:<port>, an origin no site allows (site "demo" allows http://127.0.0.1:<port>).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PAGE, SITE } from '../support/app.js';
import { startDemoServer, type DemoServer } from '../support/listening.js';
import { launchBrowser, skipReason } from './harness.js';

describe('refusals are readable cross-origin', { skip: skipReason }, () => {
  let t: DemoServer;
  let browser: Browser;
  let other = '';
  before(async () => {
    t = await startDemoServer();
    other = t.base.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const fetchFrom = async (origin: string, path: string) => {
    const page = await browser.newPage();
    // A page of that origin without the demo's CSP (its connect-src 'self' would forbid the cross-origin call).
    await page.goto(`${origin}/healthz`);
    const answer = await page.evaluate(async (url) => {
      try {
        const res = await fetch(url);
        return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
      } catch (e) {
        return { thrown: String(e) };
      }
    }, `${t.base}${path}`);
    await page.close();
    return answer;
  };

  test('a page on an origin no site allows reads ORIGIN_NOT_ALLOWED, with what to do', async () => {
    const answer = await fetchFrom(other, `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`);
    assert.ok(!('thrown' in answer), JSON.stringify(answer));
    assert.equal(answer.status, 403);
    assert.equal(answer.body!.error!.code, 'ORIGIN_NOT_ALLOWED');
    assert.match(answer.body!.error!.message, new RegExp(`${other} is not an origin of site 'news'.*parley site update news --origin`));
  });

  test('a site that does not exist reads SITE_NOT_FOUND, with how to create it', async () => {
    const answer = await fetchFrom(other, `/api/v1/comments?site=nope&url=${encodeURIComponent(`${other}/article`)}`);
    assert.ok(!('thrown' in answer), JSON.stringify(answer));
    assert.equal(answer.status, 404);
    assert.equal(answer.body!.error!.code, 'SITE_NOT_FOUND');
    assert.ok(answer.body!.error!.message.includes(`Site 'nope' does not exist: create it with \`parley site add nope --origin ${other}\``), answer.body!.error!.message);
  });

  test('a successful answer stays unreadable for an origin no site allows', async () => {
    const answer = await fetchFrom(other, '/healthz');
    assert.ok('thrown' in answer, JSON.stringify(answer));
  });

  test('the site\'s own pages still get their origin reflected, with credentials', async () => {
    const res = await fetch(`${t.base}/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, { headers: { origin: 'https://news.example.org' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://news.example.org');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  });

  test('refusals grant no credentials to other origins', async () => {
    const res = await fetch(`${t.base}/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, { headers: { origin: 'https://evil.example', cookie: 'parley_session=x' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });
});
