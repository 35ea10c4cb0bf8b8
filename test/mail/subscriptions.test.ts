import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { WindowLimiter } from '../../src/server/security/window-limiter.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startSmtp, type ReceivedMail, type SmtpSink } from '../support/smtp.js';

const PUBLIC = 'https://comments.example.org';
const HOUR = 3_600_000;
const pathOf = (url: string) => url.slice(PUBLIC.length);
const linkIn = (mail: ReceivedMail, kind: string) => {
  const m = new RegExp(`${PUBLIC.replace(/[.]/g, '\\.')}/subscriptions/${kind}\\?token=[A-Za-z0-9_.-]+`).exec(mail.text);
  assert.ok(m, `no ${kind} link in: ${mail.text}`);
  return m[0];
};

for (const engine of ENGINES) {
  describe(`${engine.name}: "Notify of" subscriptions and mail`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let smtp: SmtpSink;
    before(async () => {
      smtp = await startSmtp();
      t = await createTestApp({ engine, config: { smtpUrl: smtp.url, publicUrl: PUBLIC, rateLimitSubscriptions: '1000' } });
    });
    after(async () => {
      await t?.close();
      await smtp?.stop();
    });
    afterEach(async () => {
      const db = t.parley.storage.db;
      for (const table of ['digest_items', 'subscriptions', 'mail_addresses', 'outbox', 'comments'] as const) await db.deleteFrom(table).execute();
      smtp.mails.length = 0;
      t.clock.now += 2 * HOUR;
    });

    const run = () => t.parley.outbox.runOnce();
    const csrf = async (remoteAddress = '127.0.0.1') => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN }, remoteAddress });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().token as string;
    };
    const subscribe = async (o: { email: string; kind?: string; mode?: string; commentId?: string; token?: string | null; remoteAddress?: string; headers?: Record<string, string> }) => {
      const token = o.token === undefined ? await csrf(o.remoteAddress) : o.token;
      return t.app.inject({
        method: 'POST', url: '/api/v1/subscriptions', remoteAddress: o.remoteAddress ?? '127.0.0.1',
        headers: { origin: ORIGIN, ...(token ? { 'x-parley-csrf': token } : {}), ...o.headers },
        payload: { site: SITE, url: PAGE, email: o.email, kind: o.kind ?? 'page', mode: o.mode ?? 'immediate', ...(o.commentId ? { commentId: o.commentId } : {}) },
      });
    };
    const mailsTo = (email: string) => smtp.mails.filter((m) => m.to === email);
    /** Subscribes and clicks the confirmation link. */
    const subscribed = async (o: Parameters<typeof subscribe>[0]) => {
      assert.equal((await subscribe(o)).statusCode, 202);
      await run();
      const confirmation = mailsTo(o.email.toLowerCase()).at(-1)!;
      const res = await t.app.inject({ method: 'GET', url: pathOf(linkIn(confirmation, 'confirm')) });
      assert.equal(res.statusCode, 200);
      smtp.mails.length = 0;
    };

    test('a confirmation mail is sent; its link activates the subscription, once', async () => {
      const res = await subscribe({ email: 'Reader@Example.ORG' });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { status: 'pending' });
      const { comment } = await post(t.app, { body: 'before confirming' });
      await run();
      assert.equal(smtp.mails.length, 1, 'only the confirmation: a pending subscription gets nothing');
      const mail = smtp.mails[0]!;
      assert.equal(mail.to, 'reader@example.org');
      assert.match(mail.subject, /Confirm your notifications from News/);
      assert.match(mail.text, /new comments on https:\/\/news\.example\.org\/columns\/first/);
      assert.match(mail.html, /<a href="https:\/\/comments\.example\.org\/subscriptions\/confirm\?token=/);
      const confirm = pathOf(linkIn(mail, 'confirm'));
      const page = await t.app.inject({ method: 'GET', url: confirm });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /Notifications confirmed/);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      const again = await t.app.inject({ method: 'GET', url: confirm });
      assert.match(again.body, /already used or has expired/);
      const forged = await t.app.inject({ method: 'GET', url: `${confirm.slice(0, -3)}abc` });
      assert.equal(forged.statusCode, 404);
      assert.ok(comment.id);
      await post(t.app, { body: 'after confirming', name: 'Bo' });
      await run();
      assert.equal(smtp.mails.length, 2);
      assert.match(smtp.mails[1]!.subject, /New comment by Bo/);
    });

    test('immediate notifications to page and reply subscribers carry one-click unsubscribe headers; only POST unsubscribes', async () => {
      await subscribed({ email: 'page@example.org' });
      const { comment: parent } = await post(t.app, { body: 'first', email: 'author@example.org', name: 'Ada' });
      await subscribed({ email: 'author@example.org', kind: 'replies' });
      await run();
      smtp.mails.length = 0;
      await post(t.app, { body: 'A *reply* <script>x</script>', name: 'Bo <b>', parentId: parent.id });
      await run();
      assert.deepEqual(smtp.mails.map((m) => m.to).sort(), ['author@example.org', 'page@example.org']);
      for (const mail of smtp.mails) {
        const unsubscribe = linkIn(mail, 'unsubscribe');
        assert.equal(mail.header('List-Unsubscribe'), `<${unsubscribe}>`);
        assert.ok(unsubscribe.startsWith('https://'));
        assert.equal(mail.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
        assert.ok(linkIn(mail, 'manage'));
        assert.match(mail.text, /A \*reply\* <script>x<\/script>/, 'the text part has the comment as written');
        assert.doesNotMatch(mail.html, /<script>|<b>/, 'the HTML part is escaped and sanitised');
        assert.match(mail.html, /Bo &lt;b&gt;/);
      }
      const toAuthor = mailsTo('author@example.org')[0]!;
      assert.match(toAuthor.subject, /Bo <b> replied to you/);
      const unsubscribe = pathOf(linkIn(toAuthor, 'unsubscribe'));
      const manage = await t.app.inject({ method: 'GET', url: pathOf(linkIn(toAuthor, 'manage')) });
      assert.match(manage.body, /replies to your comments on News/);
      const shown = await t.app.inject({ method: 'GET', url: unsubscribe });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /<form method="post"/);
      const oneClick = await t.app.inject({ method: 'POST', url: unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      assert.equal(oneClick.statusCode, 200);
      assert.match(oneClick.body, /Unsubscribed/);
      smtp.mails.length = 0;
      await post(t.app, { body: 'another reply', parentId: parent.id });
      await run();
      assert.deepEqual(smtp.mails.map((m) => m.to), ['page@example.org'], 'GET left page@ subscribed; POST removed author@');
      // the manage page changes a mode and unsubscribes with forms
      const pageMail = smtp.mails[0]!;
      const manageUrl = pathOf(linkIn(pageMail, 'manage'));
      const view = await t.app.inject({ method: 'GET', url: manageUrl });
      const id = /name="id" value="([^"]+)"/.exec(view.body)![1]!;
      const changed = await t.app.inject({ method: 'POST', url: manageUrl, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `action=mode&id=${id}&mode=daily` });
      assert.equal(changed.statusCode, 303);
      assert.match((await t.app.inject({ method: 'GET', url: manageUrl })).body, /<option value="daily" selected>/);
      await t.app.inject({ method: 'POST', url: manageUrl, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'action=unsubscribe-all' });
      assert.match((await t.app.inject({ method: 'GET', url: manageUrl })).body, /You have no notifications/);
    });

    test('an hourly digest bundles several comments into one mail when due', async () => {
      await subscribed({ email: 'digest@example.org', mode: 'hourly' });
      for (const body of ['one', 'two', 'three']) {
        await post(t.app, { body: `digest ${body}` });
        t.clock.now += 60_000;
      }
      await run();
      assert.equal(smtp.mails.length, 0, 'not before the digest is due');
      t.clock.now += HOUR;
      await run();
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0]!;
      assert.match(mail.subject, /3 new comments on News/);
      for (const body of ['one', 'two', 'three']) assert.match(mail.text, new RegExp(`digest ${body}`));
      assert.equal(mail.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      t.clock.now += 2 * HOUR;
      await run();
      assert.equal(smtp.mails.length, 1, 'sent once');
      await t.app.inject({ method: 'POST', url: pathOf(linkIn(mail, 'unsubscribe')), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      await post(t.app, { body: 'after unsubscribing' });
      t.clock.now += 2 * HOUR;
      await run();
      assert.equal(smtp.mails.length, 1);
    });

    test('flood: 50 requests for one address send one confirmation mail per hour', async () => {
      const answers = [];
      for (let i = 0; i < 50; i++) {
        answers.push(await subscribe({ email: i % 2 ? 'victim@example.org' : 'VICTIM@example.org', kind: ['page', 'replies'][i % 2]! }));
        if (i % 10 === 0) await run();
      }
      assert.ok(answers.every((a) => a.statusCode === 202 && a.body === '{"status":"pending"}'), 'every answer is identical');
      await run();
      assert.equal(mailsTo('victim@example.org').length, 1);
      t.clock.now += HOUR / 2;
      await subscribe({ email: 'victim@example.org' });
      await run();
      assert.equal(mailsTo('victim@example.org').length, 1, 'still one within the hour');
      t.clock.now += HOUR / 2;
      await run();
      assert.equal(mailsTo('victim@example.org').length, 2, 'the requests made meanwhile: one more mail after the hour');
      t.clock.now += 3 * HOUR;
      await run();
      assert.equal(mailsTo('victim@example.org').length, 2);
      // exact matching: a pattern is just an address nobody has
      assert.equal((await subscribe({ email: '%@example.org' })).statusCode, 202);
      assert.equal((await subscribe({ email: '*@example.org' })).statusCode, 202);
      await run();
      assert.deepEqual(smtp.mails.map((m) => m.to).filter((to) => to !== 'victim@example.org').sort(), ['%@example.org', '*@example.org']);
    });

    test('flood: many requests from one IP are rate limited (429), whatever X-Forwarded-For says', async () => {
      const saved = t.parley.subscribeLimiter;
      t.parley.subscribeLimiter = new WindowLimiter(5, HOUR);
      try {
        const statuses = [];
        for (let i = 0; i < 30; i++) {
          const res = await subscribe({ email: `target${i}@example.org`, remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
          statuses.push(res.statusCode);
          if (res.statusCode === 429) {
            assert.equal(res.json().error.code, 'RATE_LIMITED');
            assert.ok(Number(res.headers['retry-after']) > 0);
          }
        }
        assert.equal(statuses.filter((s) => s === 202).length, 5);
        await run();
        assert.equal(smtp.mails.length, 5, 'at most the allowed mails');
        assert.equal((await subscribe({ email: 'other@example.org', remoteAddress: '203.0.113.8' })).statusCode, 202, 'another client is not limited');
      } finally {
        t.parley.subscribeLimiter = saved;
      }
    });

    test('subscription requests without a valid CSRF token are refused and send nothing', async () => {
      const missing = await subscribe({ email: 'x@example.org', token: null });
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().error.code, 'CSRF_INVALID');
      assert.equal((await subscribe({ email: 'x@example.org', token: 'bm9wZQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode, 403);
      const otherIp = await csrf('192.0.2.1');
      assert.equal((await subscribe({ email: 'x@example.org', token: otherIp })).statusCode, 403, 'bound to the client IP');
      const old = await csrf();
      t.clock.now += HOUR + 1;
      assert.equal((await subscribe({ email: 'x@example.org', token: old })).statusCode, 403, 'expired');
      const foreign = await t.app.inject({ method: 'GET', url: `/api/v1/csrf?site=${SITE}`, headers: { origin: 'https://evil.example' } });
      assert.equal(foreign.statusCode, 403);
      const noOrigin = await t.app.inject({ method: 'GET', url: `/api/v1/csrf?site=${SITE}` });
      assert.equal(noOrigin.statusCode, 403);
      const preflight = await t.app.inject({
        method: 'OPTIONS', url: '/api/v1/subscriptions',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-parley-csrf' },
      });
      assert.match(String(preflight.headers['access-control-allow-headers']), /X-Parley-CSRF/i);
      const evilPreflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/csrf', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
      assert.equal(evilPreflight.headers['access-control-allow-origin'], undefined, 'other origins cannot read a token');
      const postNotify = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: PAGE, body: 'hi', author: { name: 'A', email: 'x@example.org' }, notify: ['page'] },
      });
      assert.equal(postNotify.statusCode, 403);
      await run();
      assert.equal(smtp.mails.length, 0);
      assert.equal((await t.parley.storage.db.selectFrom('subscriptions').selectAll().execute()).length, 0);
    });

    test('a comment posted with notify (and a CSRF token) subscribes its author after confirmation', async () => {
      const token = await csrf();
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, 'x-parley-csrf': token },
        payload: { site: SITE, url: PAGE, body: 'mine', author: { name: 'Ada', email: 'ada@example.org' }, notify: ['page', 'replies'] },
      });
      assert.equal(res.statusCode, 201, res.body);
      await run();
      assert.equal(smtp.mails.length, 1);
      assert.match(smtp.mails[0]!.text, /- new comments on https:\/\/news\.example\.org\/columns\/first \(at once\)/);
      assert.match(smtp.mails[0]!.text, /- replies to your comments on News \(at once\)/);
      await t.app.inject({ method: 'GET', url: pathOf(linkIn(smtp.mails[0]!, 'confirm')) });
      smtp.mails.length = 0;
      await post(t.app, { body: 'a reply to Ada', parentId: res.json().comment.id });
      await run();
      assert.equal(smtp.mails.length, 1, 'one mail although page and replies both match');
      assert.match(smtp.mails[0]!.subject, /replied to you/);
    });

    test('nobody hears of their own comment, nor of one deleted before delivery; one mail per address per comment', async () => {
      const { comment: root } = await post(t.app, { body: 'root', email: 'me@example.org' });
      // one confirmation mail lists all three (a second one would wait for the hour)
      assert.equal((await subscribe({ email: 'me@example.org', kind: 'replies' })).statusCode, 202);
      assert.equal((await subscribe({ email: 'me@example.org', kind: 'comment', commentId: root.id })).statusCode, 202);
      await subscribed({ email: 'me@example.org' });
      assert.equal((await t.parley.storage.db.selectFrom('subscriptions').where('status', '=', 'active').selectAll().execute()).length, 3);
      await post(t.app, { body: 'my own', email: 'ME@example.org', parentId: root.id });
      await run();
      assert.equal(smtp.mails.length, 0, 'own comment');
      const doomed = await post(t.app, { body: 'regret', parentId: root.id });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${doomed.comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${doomed.editToken}` } });
      await run();
      assert.equal(smtp.mails.length, 0, 'deleted before delivery');
      await post(t.app, { body: 'a real reply', parentId: root.id });
      await run();
      assert.equal(smtp.mails.length, 1, 'three matching subscriptions, one mail');
    });

    test('SMTP down, then up: the notification is delivered later, exactly once', async () => {
      await subscribed({ email: 'patient@example.org' });
      await smtp.stop();
      try {
        await post(t.app, { body: 'while SMTP is down' });
        await run();
        const job = await t.parley.storage.db.selectFrom('outbox').selectAll().where('topic', '=', 'mail.notify').executeTakeFirstOrThrow();
        assert.equal(job.done_at, null);
        assert.match(job.last_error ?? '', /ECONNREFUSED|connect/i);
        t.clock.now += 10_000;
        await run();
        t.clock.now += 30_000;
        await run();
      } finally {
        await smtp.start();
      }
      assert.equal(smtp.mails.length, 0);
      t.clock.now += HOUR;
      await run();
      assert.equal(smtp.mails.length, 1);
      assert.match(smtp.mails[0]!.text, /while SMTP is down/);
      t.clock.now += 10 * HOUR;
      await run();
      assert.equal(smtp.mails.length, 1);
    });

    /** A comment that @mentions the comments named (by their author's name in the body), then the outbox runs. */
    const mentioning = async (o: { name: string; email?: string; body: string; mentions: string[]; parentId?: string }) => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: PAGE, body: o.body, author: { name: o.name, ...(o.email ? { email: o.email } : {}) }, mentions: o.mentions, ...(o.parentId ? { parentId: o.parentId } : {}) },
      });
      assert.equal(res.statusCode, 201, res.body);
      await run();
    };

    test('@mentions: a mentioned author who follows replies gets one mail, as for a reply, with the link in it', async () => {
      const ada = await post(t.app, { name: 'Ada', email: 'ada@example.org', body: 'Trams first.' });
      const other = await post(t.app, { name: 'Ada', email: 'ada@example.org', body: 'And buses.' });
      await subscribed({ email: 'ada@example.org', kind: 'replies' });
      await subscribed({ email: 'cy@example.org', kind: 'replies' });
      await run();
      smtp.mails.length = 0;
      await mentioning({ name: 'Bo', body: 'I disagree with @Ada here.', mentions: [ada.comment.id, other.comment.id] });
      assert.deepEqual(smtp.mails.map((m) => m.to), ['ada@example.org'], 'one mail for two of her comments; nobody else');
      const mail = smtp.mails[0]!;
      assert.match(mail.subject, /Bo replied to you/);
      assert.match(mail.text, /I disagree with @Ada here\./);
      assert.match(mail.html, /<a class="mention" href="#parley-comment-[0-9a-z]+" data-comment="[0-9a-z]+">@Ada<\/a>/);
    });

    test('@mentions: a reply that also mentions its parent notifies once; nobody for their own comment, or when the name is not in the text', async () => {
      const ada = await post(t.app, { name: 'Ada', email: 'ada@example.org' });
      await subscribed({ email: 'ada@example.org', kind: 'replies' });
      await run();
      smtp.mails.length = 0;
      await mentioning({ name: 'Bo', body: '@Ada indeed', mentions: [ada.comment.id], parentId: ada.comment.id });
      assert.equal(mailsTo('ada@example.org').length, 1);
      smtp.mails.length = 0;
      await mentioning({ name: 'Ada', email: 'ada@example.org', body: 'As @Ada said', mentions: [ada.comment.id] });
      assert.equal(smtp.mails.length, 0, 'her own comment');
      await mentioning({ name: 'Bo', body: 'No name here', mentions: [ada.comment.id] });
      assert.equal(smtp.mails.length, 0, 'not mentioned by name: no link, no mail');
    });
  });
}
