/**
 * The demo publication is a publisher's page like any other: it must not be framable by another site (clickjacking
 * of the comment form) and it runs under a strict Content-Security-Policy. The widget and inline feedback must work
 * under it without a single violation: the column loads, a passage is selected and commented on, a comment posted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoColumns, demoColumnUrl } from '../../src/demo/demo-pages.js';
import { startDemoServer, type DemoServer } from '../support/listening.js';
import { buildWidget, launchBrowser, skipReason } from './harness.js';

describe('demo pages: framing protection and a strict CSP the widget works under', { skip: skipReason }, () => {
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
