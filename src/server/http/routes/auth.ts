import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AcceptedReply, ClaimBody, ClaimReply, ErrorBody, MagicLinkBody, MeBody, MeQuery, MeReply, VerifyBody } from '../../../api/schemas.js';
import { DomainError } from '../../../core/errors.js';
import type { Parley } from '../../compose.js';
import { say } from '../../mail/messages.js';
import { page } from '../../mail/pages.js';
import { escapeHtml as e } from '../../mail/templates.js';
import { csrfValid } from '../../security/signed-token.js';
import {
  badgeOn, claimComments, logout, logoutEverywhere, MAGIC_LINK_TTL_MS, requestMagicLink, SESSION_TTL_MS, updateProfile, verifyMagicLink, type Account,
} from '../../use-cases/accounts.js';
import { cookies, identify, NONCE_COOKIE, requireIdentity, SESSION_COOKIE, sessionCsrf, setCookie } from '../identity.js';
import { writeLimit } from '../rate-limits.js';
import { requestOrigin } from '../request-origin.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const tags = ['accounts'];
const publicUser = (a: Account, via: 'session' | 'sso', badge = a.badge) => ({ id: a.id, name: a.name, url: a.url, badge, via: via === 'sso' ? 'sso' as const : 'email' as const });

/** Account calls are made only from a page of some site (CORS with credentials reflects only those origins). */
async function checkCaller(parley: Parley, request: FastifyRequest): Promise<void> {
  const origin = requestOrigin(request, parley.config.publicUrl);
  if (origin && !(await parley.sites.anyAllows(origin))) throw new DomainError('ORIGIN_NOT_ALLOWED', 'This origin may not use Parley accounts.');
}

/** Accounts: magic-link sign-in, the signed-in reader (/me), sign-out, and claiming guest comments. */
export async function authRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps, config } = parley;
  const clear = (reply: FastifyReply, name: string, path: string) => setCookie(reply, config.publicUrl, name, '', { maxAgeS: 0, path });

  app.post<{ Body: MagicLinkBody }>('/api/v1/auth/magic-link', {
    schema: { tags, summary: 'Email a single-use sign-in link (15 min), bound to this browser by a cookie; needs X-Parley-CSRF from GET /api/v1/csrf', body: MagicLinkBody, response: { 202: AcceptedReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    const now = deps.now();
    if (!parley.signInLimiter.take(request.ip, now)) {
      reply.header('Retry-After', String(Math.ceil(parley.signInLimiter.retryAfter(now) / 1000)));
      throw new DomainError('RATE_LIMITED', 'Too many sign-in requests from this client; try again later.');
    }
    const token = request.headers['x-parley-csrf'];
    if (!csrfValid(deps.notify.tokens, typeof token === 'string' ? token : undefined, { site: request.body.site, ip: request.ip, now })) {
      throw new DomainError('CSRF_INVALID', 'Missing or expired X-Parley-CSRF token; get one from GET /api/v1/csrf.');
    }
    const { nonce } = await requestMagicLink(deps, { ...request.body, origin: requestOrigin(request, config.publicUrl) });
    setCookie(reply, config.publicUrl, NONCE_COOKIE, nonce, { maxAgeS: MAGIC_LINK_TTL_MS / 1000, path: '/' });
    return reply.code(202).header('Cache-Control', 'no-store').send({ status: 'sent' });
  });

  app.get<{ Querystring: { token?: string } }>('/auth/verify', {
    schema: { hide: true, querystring: { type: 'object', properties: { token: { type: 'string', maxLength: 1000 } } } } as object,
  }, async (request, reply) => {
    try {
      const session = await verifyMagicLink(deps, request.query.token ?? '', cookies(request).get(NONCE_COOKIE));
      setCookie(reply, config.publicUrl, SESSION_COOKIE, session.token, { maxAgeS: SESSION_TTL_MS / 1000, path: '/' });
      clear(reply, NONCE_COOKIE, '/');
      const origins = (await deps.sites.get(session.siteId))?.origins ?? [];
      const script = `(function(){var o=window.opener;if(!o)return;${JSON.stringify(origins)}.forEach(function(t){try{o.postMessage({type:"parley:signed-in"},t)}catch(e){}})})();`;
      const body = `<p>${e(say('page.signedin.body', { name: session.account.name }))}</p><script>${script}</script>`;
      return html(reply, 200, page(say('page.signedin.title'), body), script);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'SIGN_IN_LINK_INVALID') {
        return html(reply, 404, page(say('page.signin.invalid.title'), `<p>${e(say('page.signin.invalid.body'))}</p>`));
      }
      throw err;
    }
  });

  // The widget's hand-back: the mailed link opened the article with #parley-signin=<token>; the widget posts it
  // here with credentials, so the session cookie lands where the embed can use it (the publisher site's partition).
  app.post<{ Body: VerifyBody }>('/api/v1/auth/verify', {
    schema: { tags, summary: 'Sign in with a magic link\'s token (from the #parley-signin= fragment), in the browser that asked for it', body: VerifyBody, response: { 200: MeReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    await checkCaller(parley, request);
    const session = await verifyMagicLink(deps, request.body.token, cookies(request).get(NONCE_COOKIE), { burnOnMismatch: true });
    setCookie(reply, config.publicUrl, SESSION_COOKIE, session.token, { maxAgeS: SESSION_TTL_MS / 1000, path: '/' });
    clear(reply, NONCE_COOKIE, '/');
    reply.header('Cache-Control', 'no-store');
    return { user: publicUser(session.account, 'session', await badgeOn(deps.db, session.siteId, session.account)), csrf: sessionCsrf(parley, session.sessionId) };
  });

  app.get<{ Querystring: MeQuery }>('/api/v1/me', {
    schema: { tags, summary: 'The signed-in reader (session cookie, or publisher SSO with ?site=), or null; with the session\'s CSRF token', querystring: MeQuery, response: { 200: MeReply, ...errors } },
  }, async (request, reply) => {
    await checkCaller(parley, request);
    const site = request.query.site;
    const who = await identify(parley, request, { site, changes: false });
    reply.header('Cache-Control', 'no-store').header('Vary', 'Origin, Cookie, Authorization');
    if (!who) return { user: null };
    const badge = site && (await deps.sites.get(site)) ? await badgeOn(deps.db, site, who.account) : who.account.badge;
    return { user: publicUser(who.account, who.via, badge), ...(who.sessionId ? { csrf: sessionCsrf(parley, who.sessionId) } : {}) };
  });

  app.patch<{ Body: MeBody }>('/api/v1/me', {
    schema: { tags, summary: 'Change the display name or website', body: MeBody, response: { 200: MeReply, ...errors } },
    config: writeLimit(config),
  }, async (request) => {
    await checkCaller(parley, request);
    const who = await requireIdentity(parley, request, { changes: true });
    if (who.via !== 'session') throw new DomainError('SIGN_IN_REQUIRED', 'Publisher SSO users change their profile on the publisher\'s site.');
    return { user: publicUser(await updateProfile(deps, who.account.id, request.body), 'session') };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'Sign out this browser', response: { 204: { type: 'null' }, ...errors } },
  }, async (request, reply) => {
    await checkCaller(parley, request);
    const who = await identify(parley, request, { changes: true });
    if (who?.sessionId) await logout(deps, who.sessionId);
    clear(reply, SESSION_COOKIE, '/');
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/logout-all', {
    schema: { tags, summary: 'Sign out everywhere: every session of the account ends', response: { 204: { type: 'null' }, ...errors } },
  }, async (request, reply) => {
    await checkCaller(parley, request);
    const who = await requireIdentity(parley, request, { changes: true });
    if (who.via !== 'session') throw new DomainError('SIGN_IN_REQUIRED', 'Sign out of the publisher\'s site instead.');
    await logoutEverywhere(deps, who.account.id);
    clear(reply, SESSION_COOKIE, '/');
    return reply.code(204).send();
  });

  app.post<{ Body: ClaimBody }>('/api/v1/auth/claim', {
    schema: { tags, summary: 'Attach guest comments (by their edit tokens) to the signed-in account', body: ClaimBody, response: { 200: ClaimReply, ...errors } },
    config: writeLimit(config),
  }, async (request) => {
    await checkCaller(parley, request);
    const who = await requireIdentity(parley, request, { changes: true });
    return { claimed: await claimComments(deps, who.account.id, request.body.tokens) };
  });
}

function html(reply: FastifyReply, status: number, body: string, script?: string): FastifyReply {
  const scriptSrc = script ? `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'; ` : '';
  return reply.code(status).type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').header('X-Robots-Tag', 'noindex')
    .header('Content-Security-Policy', `default-src 'none'; ${scriptSrc}style-src 'unsafe-inline'; frame-ancestors 'none'`)
    .send(body);
}
