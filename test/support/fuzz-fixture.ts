import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { sql } from 'kysely';
import { sessionCsrf } from '../../src/server/http/identity.js';
import { hashSecret } from '../../src/server/security/tokens.js';
import { accountForEmail, insertSession } from '../../src/server/storage/repos/account-repo.js';
import { changeSite, newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from './app.js';
import type { Engine } from './engines.js';
import { baseRequest, routesOf, wireOf, type FuzzRequest, type KnownValues, type Route } from './fuzz-requests.js';
import { startSmtp, type SmtpSink } from './smtp.js';

export interface WireAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Tables whose rows a refused request must not change, counted in the database itself (no cache in between). */
const COUNTED = ['sites', 'threads', 'comments', 'votes', 'reactions', 'subscriptions', 'page_texts', 'accounts', 'sessions', 'magic_links', 'banned_addresses', 'site_staff', 'webhooks'] as const;

/**
 * A listening Parley (mail on, through a real SMTP sink) with a comment, a signed-in reader, a site key and reactions,
 * the valid request of every route in its OpenAPI document, and a way to send any request over a real socket.
 */
export class FuzzFixture {
  readonly routes: Route[];
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  private constructor(
    readonly t: TestApp,
    private readonly smtp: SmtpSink,
    private readonly port: number,
    private readonly known: KnownValues,
    private readonly secrets: { siteKey: string; editToken: string; cookie: string; sessionCsrf: string; csrf: string },
  ) {
    this.routes = routesOf(t.app.swagger() as never);
  }

  static async start(engine: Engine): Promise<FuzzFixture> {
    const smtp = await startSmtp();
    const t = await createTestApp({ engine, config: { smtpUrl: smtp.url, publicUrl: 'https://comments.example.org', rateLimitSubscriptions: '1000000' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    await changeSite(t.parley.deps, { id: SITE, reactions: 'like,love' });
    const siteKey = await newSiteKey(t.parley.deps, SITE);
    const first = await post(t.app, { body: 'The first comment.' });
    const f = new FuzzFixture(t, smtp, port, {}, { siteKey, editToken: first.editToken, cookie: '', sessionCsrf: '', csrf: '' });
    await f.signIn();
    Object.assign(f.known, {
      site: SITE, url: PAGE, id: first.comment.id, body: 'A fuzzed comment.', title: 'A column', text: 'The article text.',
      name: 'Ada', author: { name: 'Ada' }, email: 'ada@example.org', value: 1, reaction: 'like', kind: 'page', mode: 'immediate', returnUrl: PAGE,
      authorIds: ['ada'], tokens: [{ id: first.comment.id, editToken: first.editToken }], mentions: [], token: 'x',
    });
    return f;
  }

  /** Signs a reader in the way a browser does: magic link, mail, verify with the nonce cookie. */
  private async signIn(): Promise<void> {
    const csrf = JSON.parse((await this.send({ method: 'GET', path: '/api/v1/csrf', pathParams: {}, query: [['site', SITE]], headers: { origin: ORIGIN } })).body).token as string;
    const asked = await this.send({ method: 'POST', path: '/api/v1/auth/magic-link', pathParams: {}, query: [], headers: { origin: ORIGIN, 'x-parley-csrf': csrf }, body: { site: SITE, email: 'reader@example.org' }, contentType: 'application/json' });
    const nonce = String(asked.headers['set-cookie']).split(';')[0]!;
    await this.t.parley.outbox.runOnce();
    const token = /token=([A-Za-z0-9_.-]+)/.exec(this.smtp.mails.at(-1)?.text ?? '')?.[1];
    if (!token) throw new Error(`no sign-in mail (${asked.status} ${asked.body})`);
    const verified = await this.send({ method: 'POST', path: '/api/v1/auth/verify', pathParams: {}, query: [], headers: { origin: ORIGIN, cookie: nonce }, body: { token }, contentType: 'application/json' });
    if (verified.status !== 200) throw new Error(`sign-in failed: ${verified.status} ${verified.body}`);
    const session = ([] as string[]).concat(verified.headers['set-cookie'] ?? []).find((c) => c.startsWith('parley_session='))!.split(';')[0]!;
    const answer = JSON.parse(verified.body) as { csrf: string };
    Object.assign(this.secrets, { csrf, cookie: session, sessionCsrf: answer.csrf });
  }

  /** The valid request of a route; routes that use up what they act on (delete, logout) get a fresh one each time. */
  async prepare(route: Route): Promise<FuzzRequest> {
    const s = this.secrets;
    const headers: Record<string, string> = { origin: ORIGIN, 'x-parley-voter': 'voter-aaaaaaaaaaaaaaaa' };
    const known = { ...this.known };
    if (/\/pages\/|\/webhooks\//.test(route.path)) headers.authorization = `Bearer ${s.siteKey}`;
    if (/^\/api\/v1\/comments\/\{id\}$/.test(route.path)) {
      let token = s.editToken;
      if (route.method === 'DELETE') {
        const fresh = await post(this.t.app, { body: 'To be deleted.' });
        known.id = fresh.comment.id;
        token = fresh.editToken;
      }
      headers.authorization = `Bearer ${token}`;
    }
    if (/\/subscriptions|\/auth\/magic-link/.test(route.path)) headers['x-parley-csrf'] = s.csrf;
    if (/\/me$|\/auth\/(logout|logout-all|claim)$/.test(route.path)) {
      let { cookie, sessionCsrf: csrf } = s;
      if (/logout/.test(route.path)) ({ cookie, csrf } = await this.freshSession());
      headers.cookie = cookie;
      headers['x-parley-csrf'] = csrf;
    }
    return baseRequest(route, known, headers);
  }

  /**
   * A new session of another reader, straight into the database: logout routes end theirs (logout-all every one of
   * the account), so they must not end the signed-in reader's.
   */
  private async freshSession(): Promise<{ cookie: string; csrf: string }> {
    const token = randomBytes(24).toString('base64url');
    const id = randomBytes(8).toString('hex');
    const now = this.t.clock.now;
    const db = this.t.parley.storage.db;
    const account = await accountForEmail(db, { id: randomBytes(8).toString('hex'), email: 'leaving@example.org', name: 'leaving', now });
    await insertSession(db, { id, tokenHash: hashSecret(token), accountId: account.id, now, expiresAt: now + 86_400_000 });
    return { cookie: `parley_session=${token}`, csrf: sessionCsrf(this.t.parley, id) };
  }

  /** Rows of the main tables, and what edits, votes and deletions change in comments, read from the database itself. */
  async snapshot(): Promise<Record<string, number>> {
    const counts = COUNTED.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
    const q = sql<Record<string, unknown>>`select ${sql.join(counts)},
      (select coalesce(sum(score), 0) from comments) as score,
      (select count(edited_at) from comments) as edited,
      (select count(*) from comments where status <> 'published') as unpublished`;
    const row = (await q.execute(this.t.parley.storage.db)).rows[0]!;
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }

  /** Sends a request over a real socket; a live stream is cut once its head has arrived. */
  send(req: FuzzRequest): Promise<WireAnswer> {
    const wire = wireOf(req);
    return new Promise((resolve, reject) => {
      const r = request({ host: '127.0.0.1', port: this.port, method: req.method, path: wire.target, headers: wire.headers, agent: this.agent, timeout: 15_000 }, (res) => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers, body: '' };
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.destroy();
          resolve(answer);
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ ...answer, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      r.on('timeout', () => r.destroy(new Error('no answer within 15 s')));
      r.on('error', reject);
      r.end(wire.body);
    });
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await this.t.close();
    await this.smtp.stop();
  }
}
