/**
 * The demo publication, served by Parley on its own origin, in headless Chromium against a real listening server:
 * - the page's same-origin GET carries no Origin header, and it must still get the CSRF token that subscriptions and
 *   sign-in need;
 * - it is a publisher's page like any other: not framable by another site (clickjacking of the comment form) and under
 *   a strict Content-Security-Policy, which the widget and inline feedback must work under without a violation.
 * Run alone: node --import tsx --test test/browser/same-origin.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoColumns, demoColumnUrl } from '../../src/demo/demo-pages.js';
import { startDemoServer, type DemoServer } from '../support/listening.js';
import { buildWidget, launchBrowser, skipReason } from './harness.js';

describe('demo publication on Parley\'s own origin', { skip: skipReason }, () => {
  let t: DemoServer;
  let browser: Browser;
  before(async () => {
    buildWidget();
    t = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the column page fetches a CSRF token for the demo site', async () => {
    const page = await browser.newPage();
    const sent: Record<string, string>[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/csrf')) sent.push(r.headers());
    });
    await page.goto(demoColumnUrl(t.base, demoColumns[0]!.slug));
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/v1/csrf?site=demo');
      return { status: res.status, body: (await res.json()) as { token?: string; error?: { code: string } } };
    });
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.origin, undefined, 'Chromium sends no Origin on a same-origin GET');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.ok(answer.body.token);
    await page.close();
  });

  test('every demo page forbids framing and sets a CSP without unsafe script sources', async () => {
    for (const path of ['/', new URL(demoColumnUrl(t.base, demoColumns[0]!.slug)).pathname, '/columns/no-such-column']) {
      const res = await fetch(`${t.base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  test('the widget, inline feedback and posting run without a CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(demoColumnUrl(t.base, demoColumns[0]!.slug));
    await page.locator('#parley [aria-busy=false]').first().waitFor({ state: 'attached' });
    await page.locator('#parley textarea').first().fill('A comment under a strict CSP.');
    await page.locator('#parley input[name=name]').first().fill('Csp');
    await page.locator('#parley button[type=submit]').first().click();
    await page.locator('#parley article', { hasText: 'A comment under a strict CSP.' }).waitFor();
    assert.deepEqual(violations, []);
    await page.close();
  });
});
