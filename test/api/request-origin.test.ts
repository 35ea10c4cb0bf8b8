/**
 * Which page a request comes from, over real HTTP (a listening Parley, Node's fetch): the demo publication Parley
 * serves itself sends no Origin on a same-origin GET, only `Sec-Fetch-Site: same-origin`; an embed on another site
 * sends Origin; a page on an origin no site allows is refused, whether it says so by Origin or only by Referer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoColumns, demoColumnUrl } from '../../src/demo/demo-pages.js';
import { ORIGIN, PAGE, SITE } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startDemoServer, type DemoServer } from '../support/listening.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';

const SAME = { 'sec-fetch-site': 'same-origin' };

for (const engine of ENGINES) {
  describe(`${engine.name}: the requesting page's origin`, { skip: engine.skipReason }, () => {
    let t: DemoServer;
    let smtp: SmtpSink;
    before(async () => {
      smtp = await startSmtp();
      t = await startDemoServer({ engine, config: { smtpUrl: smtp.url, rateLimitSubscriptions: '1000' } });
    });
    after(async () => {
      await t?.close();
      await smtp?.stop();
    });

    const get = (path: string, headers: Record<string, string>) => fetch(`${t.base}${path}`, { headers });
    const postJson = (path: string, headers: Record<string, string>, body: unknown) =>
      fetch(`${t.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const mailTo = async (address: string) => {
      for (let i = 0; i < 100; i++) {
        await t.parley.outbox.runOnce();
        const mail = smtp.mails.find((m) => m.to === address);
        if (mail) return mail;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no mail to ${address}`);
    };

    test('the demo page, on Parley\'s own origin, gets a CSRF token, subscribes and asks for a sign-in link', async () => {
      const column = demoColumnUrl(t.base, demoColumns[0]!.slug);
      const csrf = await get('/api/v1/csrf?site=demo', { ...SAME, referer: column });
      assert.equal(csrf.status, 200, await csrf.clone().text());
      const { token } = (await csrf.json()) as { token: string };
      assert.ok(token);

      // Chromium adds Origin to a same-origin POST; without it, Sec-Fetch-Site alone says where it comes from.
      const sub = await postJson('/api/v1/subscriptions', { ...SAME, 'x-parley-csrf': token }, { site: 'demo', url: column, email: 'reader@example.org', kind: 'page', mode: 'immediate' });
      assert.equal(sub.status, 202, await sub.clone().text());
      assert.match((await mailTo('reader@example.org')).subject, /Confirm your notifications/);

      const link = await postJson('/api/v1/auth/magic-link', { ...SAME, origin: t.base, 'x-parley-csrf': token }, { site: 'demo', email: 'signer@example.org', returnUrl: column });
      assert.equal(link.status, 202, await link.clone().text());
      assert.match((await mailTo('signer@example.org')).text, /#parley-signin=/);
    });

    test('an embed on another allowed site (Origin header) gets its token', async () => {
      const res = await get(`/api/v1/csrf?site=${SITE}`, { origin: ORIGIN, 'sec-fetch-site': 'cross-site', referer: PAGE });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    });

    test('a page on an origin the site does not allow is refused, by Origin or by Referer', async () => {
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        { referer: 'https://evil.example/page', 'sec-fetch-site': 'cross-site' },
        { origin: 'null', referer: 'https://evil.example/page' },
        { origin: ORIGIN }, // allowed by site "news", not by "demo"
      ]) {
        const res = await get('/api/v1/csrf?site=demo', headers);
        assert.equal(res.status, 403, JSON.stringify(headers));
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'ORIGIN_NOT_ALLOWED');
      }
    });

    test('a request that names no page at all gets no token (tools need none)', async () => {
      const res = await get('/api/v1/csrf?site=demo', {});
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'ORIGIN_NOT_ALLOWED');
    });

    test('a comment list asked by Referer only is checked against the site\'s origins', async () => {
      const ok = await get(`/api/v1/comments?site=demo&url=${encodeURIComponent(demoColumnUrl(t.base, demoColumns[0]!.slug))}`, { ...SAME });
      assert.equal(ok.status, 200);
      const refused = await get(`/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, { referer: 'https://evil.example/x' });
      assert.equal(refused.status, 403);
    });
  });
}
