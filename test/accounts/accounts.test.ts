import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { signSsoJwt } from '../../src/server/security/sso-jwt.js';
import { cookieSecure } from '../../src/server/http/identity.js';
import { banUser, newSsoSecret, setSiteStaff, userHistory } from '../../src/server/use-cases/accounts.js';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startSmtp, type ReceivedMail, type SmtpSink } from '../support/smtp.js';

const PUBLIC = 'https://comments.example.org';
const MIN = 60_000;
const HOUR = 60 * MIN;

/** Set-Cookie headers of a response, by cookie name: value and attributes (each cookie must be set once). */
function setCookies(res: { headers: Record<string, unknown> }): Map<string, { value: string; attrs: string[] }> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
  const names = list.map((c) => c.slice(0, c.indexOf('=')));
  assert.equal(new Set(names).size, names.length, `each cookie is set once: ${list.join(' | ')}`);
  return new Map(list.map((c) => {
    const [pair, ...attrs] = c.split(/;\s*/);
    const i = pair!.indexOf('=');
    return [pair!.slice(0, i), { value: decodeURIComponent(pair!.slice(i + 1)), attrs }];
  }));
}

const linkIn = (mail: ReceivedMail) => {
  const m = /https:\/\/comments\.example\.org(\/auth\/verify\?token=[A-Za-z0-9_.-]+)/.exec(mail.text);
  assert.ok(m, `no sign-in link in: ${mail.text}`);
  return m[1]!;
};

for (const engine of ENGINES) {
  describe(`${engine.name}: accounts, sessions, SSO, badges and bans`, { skip: engine.skipReason }, () => {
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
      smtp.mails.length = 0;
      t.clock.now += 2 * HOUR;
    });

    const run = () => t.parley.outbox.runOnce();
    const csrf = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN } });
      return res.json().token as string;
    };
    const askLink = async (email: string, o: { token?: string | null } = {}) => {
      const token = o.token === undefined ? await csrf() : o.token;
      return t.app.inject({
        method: 'POST', url: '/api/v1/auth/magic-link',
        headers: { origin: ORIGIN, ...(token ? { 'x-parley-csrf': token } : {}) },
        payload: { site: SITE, email },
      });
    };
    /** Asks for a link, delivers the mail, and returns the link's path with the browser's nonce cookie. */
    const linkFor = async (email: string) => {
      const res = await askLink(email);
      assert.equal(res.statusCode, 202, res.body);
      const nonce = setCookies(res).get('parley_login');
      assert.ok(nonce);
      await run();
      const mail = smtp.mails.filter((m) => m.to === email).at(-1);
      assert.ok(mail, 'the sign-in mail arrived');
      return { path: linkIn(mail), cookie: `parley_login=${encodeURIComponent(nonce.value)}`, mail, nonce };
    };
    /** Signs in by magic link; returns the session cookie header and its CSRF token. */
    const signIn = async (email: string) => {
      const { path, cookie } = await linkFor(email);
      const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie } });
      assert.equal(res.statusCode, 200, res.body);
      const session = setCookies(res).get('parley_session')!;
      const sessionCookie = `parley_session=${encodeURIComponent(session.value)}`;
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: ORIGIN, cookie: sessionCookie } });
      return { cookie: sessionCookie, csrf: me.json().csrf as string, user: me.json().user as { id: string; name: string } };
    };
    const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: ORIGIN, cookie } }).then((r) => r.json().user);

    test('a magic link arrives by mail, signs in once, in the browser that asked; cookie attributes', async () => {
      const res = await askLink('Reader@Example.org');
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { status: 'sent' });
      const nonce = setCookies(res).get('parley_login')!;
      for (const a of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/', 'Max-Age=900']) assert.ok(nonce.attrs.includes(a), `nonce cookie has ${a}: ${nonce.attrs}`);
      await run();
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0]!;
      assert.equal(mail.to, 'reader@example.org');
      assert.match(mail.subject, /Sign in to comment on News/);
      assert.match(mail.html, /<a href="https:\/\/comments\.example\.org\/auth\/verify\?token=/);
      const path = linkIn(mail);
      // another browser (no nonce cookie), a scanner, or a wrong cookie: refused, and the link is not used up
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
      const other = await t.app.inject({ method: 'GET', url: path, headers: { cookie: 'parley_login=someone-else' } });
      assert.equal(other.statusCode, 404);
      assert.match(other.body, /opened in another browser/);
      const cookie = `parley_login=${encodeURIComponent(nonce.value)}`;
      const ok = await t.app.inject({ method: 'GET', url: path, headers: { cookie } });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /You are signed in/);
      assert.match(ok.body, /return to the article|Return to the article/i);
      assert.match(ok.headers['content-security-policy'] as string, /script-src 'sha256-/);
      assert.match(ok.body, /postMessage\(\{type:"parley:signed-in"\},t\)/);
      const session = setCookies(ok).get('parley_session')!;
      assert.ok(session.value.length >= 32);
      for (const a of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/']) assert.ok(session.attrs.includes(a), `session cookie has ${a}: ${session.attrs}`);
      assert.equal(setCookies(ok).get('parley_login')!.value, '', 'the nonce cookie is cleared');
      const stored = await t.parley.storage.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.every((s) => s.token_hash !== session.value), 'only a hash of the session token is stored');
      // single use
      assert.equal((await t.app.inject({ method: 'GET', url: path, headers: { cookie } })).statusCode, 404);
      const user = await me(`parley_session=${encodeURIComponent(session.value)}`);
      assert.deepEqual({ ...user, id: undefined }, { id: undefined, name: 'reader', url: null, badge: null, via: 'email' });
    });

    test('a link asked from an article goes back to it (#parley-signin=): the widget signs in there, in the browser that asked', async () => {
      const ask = (returnUrl: string) => csrf().then((token) => t.app.inject({
        method: 'POST', url: '/api/v1/auth/magic-link', headers: { origin: ORIGIN, 'x-parley-csrf': token }, payload: { site: SITE, email: 'hand@example.org', returnUrl },
      }));
      for (const bad of ['https://evil.example/steal', 'blob:https://news.example.org/x', 'https://paypal.com-secure@news.example.org/columns/first',
        'https://news.example.org//evil.example/x', `https://news.example.org/${'é'.repeat(1500)}`, 'javascript:alert(1)']) {
        const res = await ask(bad);
        assert.equal(res.statusCode, 400, bad);
        assert.equal(res.json().error.code, 'INVALID_URL', bad);
      }
      const res = await ask(`${PAGE}?utm=x#old-fragment`);
      assert.equal(res.statusCode, 202, res.body);
      const nonce = setCookies(res).get('parley_login')!;
      await run();
      const mail = smtp.mails.at(-1)!;
      const m = /https:\/\/news\.example\.org\/columns\/first\?utm=x#parley-signin=([A-Za-z0-9_.%-]+)/.exec(mail.text);
      assert.ok(m, `the link opens the article: ${mail.text}`);
      assert.match(mail.html, /href="https:\/\/news\.example\.org\/columns\/first\?utm=x#parley-signin=/);
      const token = decodeURIComponent(m[1]!);
      const verify = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', headers: { origin: ORIGIN, ...headers }, payload: { token } });
      const cookie = `parley_login=${encodeURIComponent(nonce.value)}`;
      const evil = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', headers: { origin: 'https://evil.example', cookie }, payload: { token } });
      assert.equal(evil.statusCode, 403, 'only pages of a site may sign in');
      const ok = await verify({ cookie });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual({ ...ok.json().user, id: undefined }, { id: undefined, name: 'hand', url: null, badge: null, via: 'email' });
      const session = setCookies(ok).get('parley_session')!;
      for (const a of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/']) assert.ok(session.attrs.includes(a), `session cookie has ${a}`);
      assert.equal(setCookies(ok).get('parley_login')!.value, '', 'the nonce cookie is cleared');
      // the session works with the CSRF token it came with
      const sessionCookie = `parley_session=${encodeURIComponent(session.value)}`;
      const posted = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, cookie: sessionCookie, 'x-parley-csrf': ok.json().csrf }, payload: { site: SITE, url: PAGE, body: 'signed in by hand-back' } });
      assert.equal(posted.statusCode, 201, posted.body);
      assert.equal(posted.json().comment.author.verified, true);
      assert.equal((await verify({ cookie })).json().error.code, 'SIGN_IN_LINK_INVALID', 'single use');

      // Another browser (no nonce, or a wrong one) is refused with a stable code, and the link is used up then: its
      // token was shown to the publisher's page, so whoever asked for it elsewhere cannot use it after a leak.
      const again = await ask(PAGE);
      const nonce2 = setCookies(again).get('parley_login')!;
      await run();
      const token2 = decodeURIComponent(/#parley-signin=([A-Za-z0-9_.%-]+)/.exec(smtp.mails.at(-1)!.text)![1]!);
      const verify2 = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', headers: { origin: ORIGIN, ...headers }, payload: { token: token2 } });
      const other = await verify2({ cookie: 'parley_login=someone-else' });
      assert.equal(other.statusCode, 400);
      assert.equal(other.json().error.code, 'SIGN_IN_LINK_INVALID');
      const late = await verify2({ cookie: `parley_login=${encodeURIComponent(nonce2.value)}` });
      assert.equal(late.json().error.code, 'SIGN_IN_LINK_INVALID', 'used up by the wrong browser');
    });

    test('site staff (parley user staff) are labelled on that site only; /me?site= shows it', async () => {
      await addSite(t.parley.deps, { id: 'other', name: 'Other', origins: ['https://other.example.org'] });
      const a = await signIn('desk@example.org');
      await setSiteStaff(t.parley.deps, SITE, 'Desk@Example.org', true);
      const postAs = (site: string, origin: string, url: string) => t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { site, url, body: 'From the desk' } });
      assert.equal((await postAs(SITE, ORIGIN, PAGE)).json().comment.author.badge, 'staff');
      assert.equal((await postAs('other', 'https://other.example.org', 'https://other.example.org/a')).json().comment.author.badge, null);
      const meOn = (site: string) => t.app.inject({ method: 'GET', url: `/api/v1/me?site=${site}`, headers: { origin: ORIGIN, cookie: a.cookie } }).then((r) => r.json().user);
      assert.equal((await meOn(SITE)).badge, 'staff');
      assert.equal((await meOn('other')).badge, null);
      await setSiteStaff(t.parley.deps, SITE, 'desk@example.org', false);
      assert.equal((await postAs(SITE, ORIGIN, PAGE)).json().comment.author.badge, null);
    });

    test('"Notify of" for a signed-in verified reader starts at once, with no confirmation mail; other addresses are confirmed', async () => {
      const a = await signIn('follower@example.org');
      smtp.mails.length = 0;
      const subscribe = (payload: Record<string, unknown>, headers: Record<string, string> = { cookie: a.cookie, 'x-parley-csrf': a.csrf }) =>
        t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: { origin: ORIGIN, ...headers }, payload: { site: SITE, url: PAGE, kind: 'page', ...payload } });
      const own = await subscribe({});
      assert.equal(own.statusCode, 202, own.body);
      assert.deepEqual(own.json(), { status: 'active' });
      assert.equal((await subscribe({}, { cookie: a.cookie })).json().error.code, 'CSRF_INVALID', 'the session\'s CSRF token is required');
      // another address from the same account is a guest's request: pending, confirmed by mail
      const otherAddress = await subscribe({ email: 'someone.else@example.org' });
      assert.deepEqual(otherAddress.json(), { status: 'pending' });
      // a guest without an address
      const guest = await subscribe({}, { 'x-parley-csrf': await csrf() });
      assert.equal(guest.json().error.code, 'EMAIL_INVALID');
      await run();
      assert.deepEqual(smtp.mails.map((m) => m.to), ['someone.else@example.org'], 'only the other address got a confirmation mail');
      smtp.mails.length = 0;
      // the subscription is live: a new comment by somebody else reaches the reader
      await post(t.app, { body: 'A new voice', name: 'Newcomer' });
      await run();
      const note = smtp.mails.find((m) => m.to === 'follower@example.org');
      assert.ok(note, 'the notification arrived');
      assert.match(note.text, /A new voice/);
      assert.match(note.header('List-Unsubscribe-Post') ?? '', /List-Unsubscribe=One-Click/);
      // a comment posted with notify by the signed-in reader says so in its answer
      const withNotify = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { site: SITE, url: PAGE, body: 'Tell me about replies', notify: ['replies'] } });
      assert.equal(withNotify.json().subscription, 'active');
      const guestNotify = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, 'x-parley-csrf': await csrf() }, payload: { site: SITE, url: PAGE, body: 'me too', author: { name: 'G', email: 'g@example.org' }, notify: ['page'] } });
      assert.equal(guestNotify.json().subscription, 'pending');
      await run();
    });

    test('publisher SSO users subscribe at once only when the publisher says their address is verified', async () => {
      const secret = await newSsoSecret(t.parley.deps, SITE);
      const exp = Math.floor(t.clock.now / 1000) + 3600;
      const subscribe = (claims: Record<string, unknown>) => csrf().then((token) => t.app.inject({
        method: 'POST', url: '/api/v1/subscriptions',
        headers: { origin: ORIGIN, 'x-parley-csrf': token, authorization: `ParleySSO ${signSsoJwt({ exp, ...claims }, secret)}` },
        payload: { site: SITE, url: PAGE, kind: 'page' },
      }));
      assert.deepEqual((await subscribe({ sub: 's1', name: 'Checked', email: 'checked@example.org', email_verified: true })).json(), { status: 'active' });
      assert.deepEqual((await subscribe({ sub: 's2', name: 'Unchecked', email: 'unchecked@example.org' })).json(), { status: 'pending' });
      assert.equal((await subscribe({ sub: 's3', name: 'No mail' })).json().error.code, 'EMAIL_INVALID');
      assert.equal((await subscribe({ sub: 's4', name: 'Odd', email: 'o@example.org', email_verified: 'yes' })).json().error.code, 'SSO_INVALID');
      const me = await t.app.inject({ method: 'GET', url: `/api/v1/me?site=${SITE}`, headers: { origin: ORIGIN, authorization: `ParleySSO ${signSsoJwt({ sub: 's1', name: 'Checked', exp }, secret)}` } });
      assert.deepEqual({ ...me.json().user, id: undefined }, { id: undefined, name: 'Checked', url: null, badge: null, via: 'sso' });
      await run();
      assert.deepEqual(smtp.mails.map((m) => m.to), ['unchecked@example.org']);
    });

    test('a magic link expires after 15 minutes; requests need the CSRF token and are limited per address', async () => {
      const { path, cookie } = await linkFor('late@example.org');
      t.clock.now += 16 * MIN;
      assert.equal((await t.app.inject({ method: 'GET', url: path, headers: { cookie } })).statusCode, 404);
      const noToken = await askLink('late@example.org', { token: null });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().error.code, 'CSRF_INVALID');
      smtp.mails.length = 0;
      for (let i = 0; i < 6; i++) assert.equal((await askLink('flood@example.org')).statusCode, 202);
      await run();
      assert.equal(smtp.mails.filter((m) => m.to === 'flood@example.org').length, 3, 'at most 3 links per address per hour');
      const evil = await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', headers: { origin: 'https://evil.example', 'x-parley-csrf': await csrf() }, payload: { site: SITE, email: 'x@example.org' } });
      assert.equal(evil.statusCode, 403);
    });

    test('/me, profile changes need the session CSRF token; logout and logout-all', async () => {
      const a = await signIn('ada@example.org');
      assert.equal(a.user.name, 'ada');
      assert.ok(a.csrf);
      assert.deepEqual(await me(''), null);
      const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { origin: ORIGIN, cookie: a.cookie }, payload: { name: 'Ada L.' } });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().error.code, 'CSRF_INVALID');
      const other = await signIn('bob@example.org');
      const wrongCsrf = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': other.csrf }, payload: { name: 'Ada L.' } });
      assert.equal(wrongCsrf.statusCode, 403, 'another session\'s token does not work');
      const changed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { name: 'Ada L.', url: 'https://ada.example' } });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await me(a.cookie)).name, 'Ada L.');
      const badUrl = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { url: 'javascript:x' } });
      assert.equal(badUrl.json().error.code, 'AUTHOR_URL_INVALID');
      // logout: this session only
      const a2 = await signIn('ada@example.org');
      assert.equal(a2.user.id, a.user.id, 'the same account');
      const logoutNoCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: ORIGIN, cookie: a.cookie } });
      assert.equal(logoutNoCsrf.statusCode, 403);
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf } });
      assert.equal(out.statusCode, 204);
      assert.equal(setCookies(out).get('parley_session')!.value, '');
      assert.equal(await me(a.cookie), null);
      assert.equal((await me(a2.cookie)).name, 'Ada L.', 'the other browser is still signed in');
      const a3 = await signIn('ada@example.org');
      const all = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: { origin: ORIGIN, cookie: a3.cookie, 'x-parley-csrf': a3.csrf } });
      assert.equal(all.statusCode, 204);
      assert.equal(await me(a2.cookie), null);
      assert.equal(await me(a3.cookie), null);
      assert.equal((await me(other.cookie)).name, 'bob', 'other accounts stay signed in');
    });

    test('CORS allows credentials for the sites\' origins only, never with *', async () => {
      const pre = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/me', headers: { origin: ORIGIN, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type,x-parley-csrf' } });
      assert.equal(pre.headers['access-control-allow-origin'], ORIGIN);
      assert.equal(pre.headers['access-control-allow-credentials'], 'true');
      const evil = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/me', headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' } });
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
      assert.equal(evil.headers['access-control-allow-credentials'], undefined);
      const got = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: ORIGIN } });
      assert.equal(got.headers['access-control-allow-origin'], ORIGIN);
      const evilGet = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: 'https://evil.example' } });
      assert.equal(evilGet.statusCode, 403);
    });

    test('signed-in comments: the account is the author, verified; CSRF required; guest comments can be claimed', async () => {
      const a = await signIn('claire@example.org');
      const postAs = (headers: Record<string, string>, extra: object = {}) => t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, ...headers }, payload: { site: SITE, url: PAGE, body: 'Signed in comment', ...extra },
      });
      const noCsrf = await postAs({ cookie: a.cookie });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().error.code, 'CSRF_INVALID');
      const res = await postAs({ cookie: a.cookie, 'x-parley-csrf': a.csrf }, { author: { name: 'Impostor' } });
      assert.equal(res.statusCode, 201, res.body);
      const { comment } = res.json();
      assert.deepEqual(comment.author, { name: 'claire', url: null, badge: null, verified: true, avatar: null, key: comment.author.key });
      // a guest: not verified
      const guest = await post(t.app, { body: 'as a guest', name: 'Claire' });
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, headers: { origin: ORIGIN } });
      const byId = new Map(list.json().comments.map((c: { id: string }) => [c.id, c]));
      const guestAuthor = (byId.get(guest.comment.id) as { author: { key: string } }).author;
      assert.deepEqual(guestAuthor, { name: 'Claire', url: null, badge: null, verified: false, avatar: null, key: guestAuthor.key });
      // an ended session without a name is not silently a guest
      const ended = await postAs({ cookie: 'parley_session=ended' });
      assert.equal(ended.json().error.code, 'SIGN_IN_REQUIRED');
      // the account edits its own comment without the edit token
      const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${comment.id}`, headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { body: 'edited by session' } });
      assert.equal(edit.statusCode, 200, edit.body);
      // the guest comment is not the account's until claimed with its token
      const before = await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${guest.comment.id}`, headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { body: 'not yet' } });
      assert.equal(before.json().error.code, 'NOT_AUTHOR');
      const claimNoCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', headers: { origin: ORIGIN, cookie: a.cookie }, payload: { tokens: [{ id: guest.comment.id, editToken: guest.editToken }] } });
      assert.equal(claimNoCsrf.statusCode, 403);
      const other = await post(t.app, { body: 'someone else', name: 'Dan' });
      const claim = await t.app.inject({
        method: 'POST', url: '/api/v1/auth/claim', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf },
        payload: { tokens: [{ id: guest.comment.id, editToken: guest.editToken }, { id: other.comment.id, editToken: 'wrong' }] },
      });
      assert.equal(claim.statusCode, 200, claim.body);
      assert.deepEqual(claim.json(), { claimed: [guest.comment.id] });
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${guest.comment.id}`, headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf } });
      assert.ok([200, 204].includes(del.statusCode), del.body);
      const notMine = await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${other.comment.id}`, headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf } });
      assert.equal(notMine.json().error.code, 'NOT_AUTHOR');
      const anon = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', headers: { origin: ORIGIN }, payload: { tokens: [] } });
      assert.equal(anon.json().error.code, 'SIGN_IN_REQUIRED');
    });

    test('publisher SSO: a valid HS256 JWT signs the user in with the publisher\'s name and badge; bad ones are refused', async () => {
      const secret = await newSsoSecret(t.parley.deps, SITE);
      const exp = Math.floor(t.clock.now / 1000) + 3600;
      const postWith = (jwt: string) => t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, authorization: `ParleySSO ${jwt}` }, payload: { site: SITE, url: PAGE, body: 'From the newsroom' },
      });
      const good = await postWith(signSsoJwt({ sub: '42', name: 'Eve Editor', badge: 'author', url: 'https://news.example.org/eve', exp }, secret));
      assert.equal(good.statusCode, 201, good.body);
      assert.deepEqual(good.json().comment.author, { name: 'Eve Editor', url: 'https://news.example.org/eve', badge: 'author', verified: true, avatar: null, key: good.json().comment.author.key });
      const staff = await postWith(signSsoJwt({ sub: '7', name: 'Sam', badge: 'staff', exp }, secret));
      assert.equal(staff.json().comment.author.badge, 'staff');
      const plain = await postWith(signSsoJwt({ sub: '8', name: 'Reader', badge: 'emperor', exp }, secret));
      assert.equal(plain.json().comment.author.badge, null, 'unknown badges are ignored');
      // the SSO user edits their comment by the same identity
      const id = good.json().comment.id as string;
      const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, authorization: `ParleySSO ${signSsoJwt({ sub: '42', name: 'Eve Editor', exp }, secret)}` }, payload: { body: 'edited' } });
      assert.equal(edit.statusCode, 200, edit.body);
      const refused: Array<[string, string]> = [
        ['expired', signSsoJwt({ sub: '42', name: 'Eve', exp: Math.floor(t.clock.now / 1000) - 1 }, secret)],
        ['too far ahead', signSsoJwt({ sub: '42', name: 'Eve', exp: Math.floor(t.clock.now / 1000) + 25 * 3600 }, secret)],
        ['no exp', signSsoJwt({ sub: '42', name: 'Eve' }, secret)],
        ['no sub', signSsoJwt({ name: 'Eve', exp }, secret)],
        ['bad signature', signSsoJwt({ sub: '42', name: 'Eve', exp }, 'another secret')],
        ['alg none', signSsoJwt({ sub: '42', name: 'Eve', exp }, secret, { alg: 'none' }).replace(/\.[^.]+$/, '.')],
        ['alg none signed', signSsoJwt({ sub: '42', name: 'Eve', exp }, secret, { alg: 'none' })],
        ['alg HS512', signSsoJwt({ sub: '42', name: 'Eve', exp }, secret, { alg: 'HS512' })],
        ['garbage', 'not.a.jwt'],
      ];
      for (const [why, jwt] of refused) {
        const res = await postWith(jwt);
        assert.equal(res.statusCode, 401, `${why}: ${res.body}`);
        assert.equal(res.json().error.code, 'SSO_INVALID', why);
      }
    });

    test('the page\'s authors named by the publisher (site key) get the author badge on that page only', async () => {
      const secret = await newSsoSecret(t.parley.deps, SITE);
      const key = await newSiteKey(t.parley.deps, SITE);
      const exp = Math.floor(t.clock.now / 1000) + 3600;
      const page2 = 'https://news.example.org/columns/second';
      const put = (k: string | null) => t.app.inject({ method: 'PUT', url: '/api/v1/pages/authors', headers: k ? { authorization: `Bearer ${k}` } : {}, payload: { site: SITE, url: PAGE, authorIds: ['col-99'] } });
      assert.equal((await put(null)).statusCode, 401);
      const ok = await put(key);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { authorIds: ['col-99'] });
      const jwt = signSsoJwt({ sub: 'col-99', name: 'Columnist', exp }, secret);
      const postOn = (url: string) => t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, authorization: `ParleySSO ${jwt}` }, payload: { site: SITE, url, body: 'A word from the author' } });
      assert.equal((await postOn(PAGE)).json().comment.author.badge, 'author');
      assert.equal((await postOn(page2)).json().comment.author.badge, null);
      // a magic-link account named by its id
      const a = await signIn('writer@example.org');
      await t.app.inject({ method: 'PUT', url: '/api/v1/pages/authors', headers: { authorization: `Bearer ${key}` }, payload: { site: SITE, url: page2, authorIds: [a.user.id] } });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { site: SITE, url: page2, body: 'mine' } });
      assert.deepEqual(res.json().comment.author, { name: 'writer', url: null, badge: 'author', verified: true, avatar: null, key: res.json().comment.author.key });
    });

    test('moderators see an address\'s history and ban it: its posts are refused with AUTHOR_BANNED', async () => {
      await post(t.app, { body: 'troll one', name: 'Troll', email: 'Troll@Example.org' });
      await post(t.app, { body: 'troll two', name: 'Troll', email: 'troll@example.org' });
      const history = await userHistory(t.parley.deps, SITE, 'troll@example.org');
      assert.deepEqual(history.comments.map((c) => c.body).sort(), ['troll one', 'troll two']);
      assert.equal(history.banned, false);
      await banUser(t.parley.deps, SITE, 'TROLL@example.org');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN }, payload: { site: SITE, url: PAGE, body: 'again', author: { name: 'Troll', email: 'troll@example.org' } } });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'AUTHOR_BANNED');
      // a signed-in account of that address too
      const a = await signIn('troll@example.org');
      const signed = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, cookie: a.cookie, 'x-parley-csrf': a.csrf }, payload: { site: SITE, url: PAGE, body: 'again' } });
      assert.equal(signed.json().error.code, 'AUTHOR_BANNED');
      assert.equal((await userHistory(t.parley.deps, SITE, 'troll@example.org')).banned, true);
      // others still post
      await post(t.app, { body: 'fine', name: 'Ok', email: 'ok@example.org' });
    });
  });
}

test('cookies are Secure except when Parley is served over http on localhost', () => {
  assert.equal(cookieSecure('https://comments.example.org'), true);
  assert.equal(cookieSecure('http://localhost:8080'), false);
  assert.equal(cookieSecure('http://127.0.0.1:8080'), false);
  assert.equal(cookieSecure('http://comments.example.org'), true);
});

test('without SMTP_URL, asking for a magic link says sign-in by email is off (MAIL_DISABLED), instead of pretending to send', async () => {
  const t = await createTestApp();
  try {
    const token = (await t.app.inject({ method: 'GET', url: `/api/v1/csrf?site=${SITE}`, headers: { origin: ORIGIN } })).json().token as string;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', headers: { origin: ORIGIN, 'x-parley-csrf': token }, payload: { site: SITE, email: 'a@example.org' } });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'MAIL_DISABLED');
    assert.equal(res.headers['set-cookie'], undefined, 'no nonce cookie for a link that will never come');
  } finally {
    await t.close();
  }
});
