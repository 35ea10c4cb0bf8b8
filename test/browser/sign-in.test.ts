/**
 * Signing in by magic link inside an embed on another site, in headless Chromium, with real parts: the publisher's
 * page is served over HTTPS as https://news.example.org:<port>, Parley (a listening app behind a TLS terminator, as
 * behind a reverse proxy) as https://comments.example.net:<port> — two different sites, so the embed's cookies are
 * third-party and partitioned (CHIPS) — and mail goes over SMTP to a real smtp-server on loopback. Chromium resolves
 * both names to 127.0.0.1 (--host-resolver-rules) and accepts the test's self-signed certificate.
 *
 * The reader signs in from the widget, opens the mailed link in a new tab (as from a mail client), is signed in
 * there, subscribes from the comment form without a confirmation mail, sees another reader's comment arrive live
 * without the page moving, follows a comment's replies, and signs out.
 * Run alone: node --import tsx --test test/browser/sign-in.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type SmtpSink } from '../support/smtp.js';
import { buildWidget, launchBrowser, skipReason } from './harness.js';

const opensslMissing = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'openssl not found (apt-get install openssl): the test makes a self-signed certificate with it';
  }
})();

const listen = (server: HttpsServer | TlsServer) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

describe('widget: magic-link sign-in inside an embed on another site', { skip: skipReason || opensslMissing }, () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let browser: Browser;
  let pages: HttpsServer;
  let proxy: TlsServer;
  let dir = '';
  let article = '';
  let parleyBase = '';
  let appPort = 0;
  const READER = 'reader@example.org';

  before(async () => {
    buildWidget();
    dir = mkdtempSync(join(tmpdir(), 'parley-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=parley-test',
      '-addext', 'subjectAltName=DNS:news.example.org,DNS:comments.example.net',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };

    // Parley behind a TLS terminator (raw TCP piped to the app, like a reverse proxy doing TLS only)
    proxy = createTlsServer(tls, (socket) => {
      const upstream = connect(appPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    parleyBase = `https://comments.example.net:${await listen(proxy)}`;
    // the publisher's article, on another site
    pages = createHttpsServer(tls, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A column</title>
<link rel="canonical" href="${article}"></head><body style="margin:2em;font-family:serif">
<article><h1>A column</h1>${'<p>Words worth reading, at some length, before the discussion.</p>'.repeat(12)}</article>
<div id="parley"></div><script src="${parleyBase}/embed.js" data-site="paper" async></script></body></html>`);
    });
    const pageOrigin = `https://news.example.org:${await listen(pages)}`;
    article = `${pageOrigin}/columns/first`;

    smtp = await startSmtp();
    t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl: parleyBase, rateLimitSubscriptions: '1000' } });
    Object.defineProperty(t.clock, 'now', { get: () => Date.now(), configurable: true });
    await addSite(t.parley.deps, { id: 'paper', name: 'The Paper', origins: [pageOrigin] });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    appPort = Number(new URL(base).port);
    t.parley.outbox.start();
    browser = await launchBrowser(['--host-resolver-rules=MAP news.example.org 127.0.0.1, MAP comments.example.net 127.0.0.1']);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
    pages?.close();
    proxy?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const until = async <T>(what: string, f: () => T | undefined | Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const v = await f();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const open = async (context: BrowserContext, url = article) => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.locator('#parley [role=feed][aria-busy=false]').waitFor({ state: 'attached' });
    return Object.assign(page, { problems });
  };
  const post = async (body: string, name = 'Grace') => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: new URL(article).origin },
      payload: { site: 'paper', url: article, body, author: { name } },
    });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { comment: { id: string } }).comment.id;
  };
  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to === to);
  const status = (page: Page) => page.locator('#parley .status');

  test('sign in from the embed, by the mailed link, in the browser that asked; subscribe; live comment; follow; sign out', async () => {
    for (let i = 1; i <= 8; i++) await post(`Earlier comment ${i}`);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1000, height: 700 } });
    const page = await open(context);

    // guests see "Sign in"; account.js is not loaded until it is needed
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const email = page.getByRole('textbox', { name: 'Email', exact: true });
    await email.waitFor();
    assert.equal(await email.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true, 'the caret goes to the address');
    await email.fill(READER);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(`Check your inbox at ${READER}`).first().waitFor();

    const mail = await until('the sign-in mail', () => mailsTo(READER).find((m) => /Sign in/.test(m.subject)));
    const link = /https:\/\/news\.example\.org:\d+\/columns\/first#parley-signin=\S+/.exec(mail.text)?.[0];
    assert.ok(link, `the link goes back to the article: ${mail.text}`);

    // opened from the mail client: a new tab of the browser that asked
    const tab = await open(context, link);
    await tab.getByText('Signed in as reader').first().waitFor();
    assert.equal(new URL(tab.url()).hash, '', 'the token is taken out of the address bar');
    const cookies = await context.cookies(parleyBase);
    const session = cookies.find((c) => c.name === 'parley_session');
    assert.ok(session, 'the session cookie is Parley\'s');
    assert.equal(session.httpOnly, true);
    assert.equal(session.secure, true);
    assert.equal(session.sameSite, 'None');
    assert.equal((session as { partitionKey?: string }).partitionKey, 'https://example.org', 'kept in the publisher site\'s partition (CHIPS)');

    // the same link in another browser: refused there (it was used; a browser without the nonce would burn it too)
    const elsewhere = await browser.newContext({ ignoreHTTPSErrors: true });
    const other = await open(elsewhere, link);
    await other.getByText('opened in another browser').first().waitFor();
    assert.equal(await other.getByRole('button', { name: 'Sign out', exact: true }).count(), 0);
    await elsewhere.close();

    // signed in: no name/email fields; "Notify of" is offered at once
    assert.equal(await tab.getByRole('textbox', { name: 'Name' }).count(), 0);
    await tab.getByRole('combobox', { name: 'Notify of' }).selectOption('page');
    await tab.getByRole('textbox', { name: 'Your comment' }).fill('Signed in, and following this page.');
    await tab.getByRole('button', { name: 'Post comment' }).click();
    await status(tab).getByText('Subscribed').waitFor();
    const mine = tab.locator('#parley article.comment', { hasText: 'Signed in, and following this page.' });
    await mine.locator('.author', { hasText: 'reader' }).waitFor();
    assert.equal(await mine.getByLabel('Verified').count(), 1, 'a signed-in author is marked verified');

    // another reader posts: it reaches the subscriber by mail (no confirmation mail was needed) and arrives live
    await tab.evaluate(() => window.scrollTo(0, 900));
    await until('the scroll', () => tab.evaluate(() => window.scrollY > 0));
    const y = await tab.evaluate(() => window.scrollY);
    const first = await tab.locator('#parley article.comment').first().evaluate((el) => el.getBoundingClientRect().top);
    const graceId = await post('A reply from Grace, live');
    await tab.getByRole('button', { name: '1 new comment' }).waitFor();
    assert.equal(await tab.evaluate(() => window.scrollY), y, 'the page did not scroll');
    assert.equal(await tab.locator('#parley article.comment').first().evaluate((el) => el.getBoundingClientRect().top), first, 'nothing moved');
    const note = await until('the notification', () => mailsTo(READER).find((m) => /A reply from Grace, live/.test(m.text)));
    assert.match(note.header('List-Unsubscribe-Post') ?? '', /List-Unsubscribe=One-Click/);
    assert.deepEqual(mailsTo(READER).map((m) => m.subject).filter((s) => /confirm/i.test(s)), [], 'no confirmation mail for a signed-in, verified reader');

    // inserted on request; then "Notify me of replies" on that comment is one step for a signed-in reader
    await tab.getByRole('button', { name: '1 new comment' }).click();
    const grace = tab.locator(`#parley-comment-${graceId}`);
    await grace.waitFor();
    await grace.getByRole('button', { name: 'Notify me of replies' }).click();
    assert.equal(await grace.getByRole('textbox', { name: 'Email', exact: true }).count(), 0, 'no address to type when signed in');
    await grace.getByRole('combobox', { name: 'How often' }).selectOption('daily');
    await grace.getByRole('button', { name: 'Subscribe' }).click();
    await status(tab).getByText('Subscribed').waitFor();
    const subs = await t.parley.storage.db.selectFrom('subscriptions').select(['kind', 'target', 'status', 'mode']).where('email', '=', READER).orderBy('kind').execute();
    assert.deepEqual(subs.map((s) => ({ ...s })), [
      { kind: 'comment', target: graceId, status: 'active', mode: 'daily' },
      { kind: 'page', target: subs[1]!.target, status: 'active', mode: 'immediate' },
    ]);

    // a new page load of the same browser is still signed in; then sign out
    const again = await open(context);
    await again.getByText('Signed in as reader').first().waitFor();
    await again.getByRole('button', { name: 'Sign out', exact: true }).click();
    await again.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await again.getByRole('textbox', { name: 'Name' }).waitFor();
    const left = await t.parley.storage.db.selectFrom('sessions').innerJoin('accounts', 'accounts.id', 'sessions.account_id').select('sessions.id').where('accounts.email', '=', READER).execute();
    assert.deepEqual(left, [], 'the session ended on the server');
    const later = await open(context);
    await later.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    assert.equal(await later.getByText('Signed in as').count(), 0);
    assert.deepEqual([...page.problems, ...tab.problems, ...again.problems, ...later.problems], []);
    await context.close();
  });

  test('a guest follows a comment\'s replies: address and mode in the form, confirmed by mail', async () => {
    const id = await post('Follow my replies, guests');
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await open(context);
    const item = page.locator(`#parley-comment-${id}`);
    await item.getByRole('button', { name: 'Notify me of replies' }).click();
    const email = item.getByRole('textbox', { name: 'Email', exact: true });
    await email.waitFor();
    assert.equal(await email.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true, 'focus moves into the form');
    await email.fill('guest.follower@example.org');
    await item.getByRole('button', { name: 'Subscribe' }).click();
    await status(page).getByText('Check your inbox to confirm').waitFor();
    const mail = await until('the confirmation mail', () => mailsTo('guest.follower@example.org')[0]);
    assert.match(mail.text, /subscriptions\/confirm\?token=/);
    await context.close();
  });
});
