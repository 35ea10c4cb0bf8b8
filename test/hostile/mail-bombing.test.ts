import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mailboxOf } from '../../src/core/notification/mailbox.js';
import { createTestApp, ORIGIN, PAGE, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';

/**
 * Mail bombing through address variants: per-address caps held only for the exact address, so `victim+1@…`,
 * `victim+2@…` from 100 clients delivered 100 confirmations and 100 sign-in links to one mailbox. Now one mailbox
 * gets at most 3 requested mails an hour, whatever the spelling, and a client over its subscription budget still
 * has its comment posted (only the subscription is refused, and the answer says so).
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: mail bombing through address variants`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let smtp: SmtpSink;
    before(async () => {
      smtp = await startSmtp();
      t = await createTestApp({ engine, config: { smtpUrl: smtp.url, publicUrl: 'https://comments.example.org', rateLimitSubscriptions: '10' } });
    });
    after(async () => {
      await t?.close();
      await smtp?.stop();
    });
    const csrf = async (ip: string) => (await t.app.inject({ url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN }, remoteAddress: ip })).json().token as string;

    test('100 clients asking for 100 spellings of one address: at most 3 mails reach the mailbox', async () => {
      for (let i = 0; i < 50; i++) {
        const ip = `198.51.100.${i + 1}`;
        const email = i % 3 === 0 ? `Vic.tim+${i}@gmail.com` : i % 3 === 1 ? `victim+${i}@googlemail.com` : `v.ictim+x${i}@GMAIL.com`;
        const sub = await t.app.inject({
          method: 'POST', url: '/api/v1/subscriptions', remoteAddress: ip, headers: { origin: ORIGIN, 'x-parley-csrf': await csrf(ip) },
          payload: { site: SITE, url: PAGE, email, kind: 'page', mode: 'immediate' },
        });
        assert.equal(sub.statusCode, 202, sub.body);
        const ip2 = `203.0.113.${i + 1}`;
        const link = await t.app.inject({
          method: 'POST', url: '/api/v1/auth/magic-link', remoteAddress: ip2, headers: { origin: ORIGIN, 'x-parley-csrf': await csrf(ip2) },
          payload: { site: SITE, email: email.replace('+', `+s${i}`) },
        });
        assert.equal(link.statusCode, 202, link.body);
      }
      await t.parley.outbox.runOnce();
      const toVictim = smtp.mails.filter((m) => mailboxOf(m.to) === 'victim@gmail.com');
      assert.ok(toVictim.length >= 1, 'the first request still gets its mail');
      assert.ok(toVictim.length <= 3, `${toVictim.length} mails reached one mailbox`);
    });

    test('the 11th "notify me" comment in an hour from one client is posted; only the subscription is refused', async () => {
      const ip = '192.0.2.77';
      const answers: Array<string | undefined> = [];
      for (let i = 0; i < 11; i++) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/v1/comments', remoteAddress: ip, headers: { origin: ORIGIN, 'x-parley-csrf': await csrf(ip) },
          payload: { site: SITE, url: PAGE, body: `comment ${i}`, author: { name: 'N', email: `n${i}@example.net` }, notify: ['page'] },
        });
        assert.equal(res.statusCode, 201, res.body);
        answers.push(res.json().subscription);
      }
      assert.deepEqual(answers.slice(0, 10), Array(10).fill('pending'));
      assert.equal(answers[10], 'refused');
    });
  });
}
