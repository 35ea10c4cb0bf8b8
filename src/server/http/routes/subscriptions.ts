import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CsrfQuery, CsrfReply, ErrorBody, SubscribeBody, SubscribeReply } from '../../../api/schemas.js';
import { DomainError } from '../../../core/errors.js';
import { DELIVERY_MODES, normalizeEmail, type DeliveryMode, type SubscriptionKind } from '../../../core/notification/subscription.js';
import { identify, type Identity } from '../identity.js';
import type { Parley } from '../../compose.js';
import { confirmedPage, invalidPage, managePage, unsubscribedPage, unsubscribePage } from '../../mail/pages.js';
import { csrfValid, issueCsrf } from '../../security/signed-token.js';
import { loadSite } from '../../use-cases/load-site.js';
import { confirmSubscriptions, manageSubscriptions, manageView, unsubscribe, unsubscribeScope, type ManageAction } from '../../use-cases/manage-subscriptions.js';
import { requestSubscription } from '../../use-cases/request-subscription.js';
import { writeLimit } from '../rate-limits.js';
import { requestOrigin } from '../request-origin.js';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const tags = ['subscriptions'];
type TokenQuery = { Querystring: { token?: string } };
const TokenQuerySchema = { type: 'object', properties: { token: { type: 'string', maxLength: 1000 } } } as const;
const hidden = { hide: true, querystring: TokenQuerySchema } as object;

/** Checks X-Parley-CSRF and counts the request against the client IP's hourly budget; throws when refused. */
export function guardSubscription(parley: Parley, request: FastifyRequest, reply: FastifyReply, site: string, o: { csrfChecked?: boolean } = {}): void {
  const now = parley.deps.now();
  if (!parley.subscribeLimiter.take(request.ip, now)) {
    reply.header('Retry-After', String(Math.ceil(parley.subscribeLimiter.retryAfter(now) / 1000)));
    throw new DomainError('RATE_LIMITED', 'Too many subscription requests from this client; try again later.');
  }
  const token = request.headers['x-parley-csrf'];
  // A signed-in reader's call already proved its session's CSRF token (same header).
  if (o.csrfChecked) return;
  if (!csrfValid(parley.deps.notify.tokens, typeof token === 'string' ? token : undefined, { site, ip: request.ip, now })) {
    throw new DomainError('CSRF_INVALID', 'Missing or expired X-Parley-CSRF token; get one from GET /api/v1/csrf.');
  }
}

/**
 * The address a subscription goes to, and whether it is verified: a signed-in reader's own address may be left out;
 * when it is verified (magic link, or SSO with email_verified) no confirmation mail is needed. Any other address is
 * a guest's request, confirmed by mail.
 */
export function subscriberAddress(who: Identity | null, given: string | undefined): { email: string; verified: boolean } {
  const own = who?.account.email ?? null;
  if (own && (given === undefined || normalizeEmail(given) === own)) return { email: own, verified: Boolean(who?.account.emailVerified) };
  if (given === undefined) throw new DomainError('EMAIL_INVALID', who ? 'Your account has no address: give one.' : 'An email address is required.');
  return { email: given, verified: false };
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').header('X-Robots-Tag', 'noindex')
    .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(body);
}

/** Mail link pages answer an HTML page for a bad token, not JSON. */
async function orInvalid(reply: FastifyReply, render: () => Promise<string>): Promise<FastifyReply> {
  try {
    return html(reply, 200, await render());
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return html(reply, 404, invalidPage());
    throw e;
  }
}

/** "Notify of" subscriptions: the CSRF token, the request, and the pages mail links open. */
export async function subscriptionRoutes(app: FastifyInstance, parley: Parley): Promise<void> {
  const { deps, config } = parley;
  const siteName = async (id: string) => (await deps.sites.get(id))?.name ?? id;
  const names = async (ids: string[]) => {
    const map = new Map(await Promise.all([...new Set(ids)].map(async (id) => [id, await siteName(id)] as const)));
    return (id: string) => map.get(id) ?? id;
  };
  // Mail links POST forms (manage page, unsubscribe button) and RFC 8058 one-click bodies; only the token counts.
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString())));
  });

  app.get<{ Querystring: { site: string } }>('/api/v1/csrf', {
    schema: { tags, summary: 'A short-lived token for subscription requests (X-Parley-CSRF), bound to the site and client IP', querystring: CsrfQuery, response: { 200: CsrfReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    const origin = requestOrigin(request, config.publicUrl);
    if (!origin) throw new DomainError('ORIGIN_NOT_ALLOWED', 'Only a page of the site may ask for a token.');
    const site = await loadSite(deps, request.query.site, origin);
    const { token, expiresAt } = issueCsrf(deps.notify.tokens, { site: site.id, ip: request.ip, now: deps.now() });
    return reply.header('Cache-Control', 'no-store').send({ token, expiresAt: new Date(expiresAt).toISOString() });
  });

  app.post<{ Body: SubscribeBody }>('/api/v1/subscriptions', {
    schema: { tags, summary: 'Ask to be emailed about new comments (double opt-in: a confirmation mail is sent first)', body: SubscribeBody, response: { 202: SubscribeReply, ...errors } },
    config: writeLimit(config),
  }, async (request, reply) => {
    const who = await identify(parley, request, { site: request.body.site, changes: true });
    guardSubscription(parley, request, reply, request.body.site, { csrfChecked: who?.via === 'session' });
    const { email, verified } = subscriberAddress(who, request.body.email);
    const body = { ...request.body, kind: request.body.kind as SubscriptionKind, mode: request.body.mode as DeliveryMode };
    const status = await requestSubscription(deps, { ...body, email, verified, origin: requestOrigin(request, config.publicUrl) });
    return reply.code(202).send({ status });
  });

  app.get<TokenQuery>('/subscriptions/confirm', { schema: hidden }, async (request, reply) =>
    orInvalid(reply, async () => {
      const subs = await confirmSubscriptions(deps, request.query.token ?? '');
      return confirmedPage(subs, await names(subs.map((s) => s.siteId)));
    }));

  // GET never unsubscribes: mail scanners fetch links. It shows what the button (a POST) would stop.
  app.get<TokenQuery>('/subscriptions/unsubscribe', { schema: hidden }, async (request, reply) =>
    orInvalid(reply, async () => {
      const scope = await unsubscribeScope(deps, request.query.token ?? '');
      return unsubscribePage(scope.subscriptions, await names([scope.siteId]), request.url);
    }));

  // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click"; the page's button posts the same.
  app.post<TokenQuery>('/subscriptions/unsubscribe', { schema: hidden }, async (request, reply) =>
    orInvalid(reply, async () => {
      await unsubscribe(deps, request.query.token ?? '');
      return unsubscribedPage();
    }));

  app.get<TokenQuery>('/subscriptions/manage', { schema: hidden }, async (request, reply) =>
    orInvalid(reply, async () => {
      const view = await manageView(deps, request.query.token ?? '');
      return managePage({ ...view, siteName: await siteName(view.siteId), action: request.url });
    }));

  app.post<TokenQuery & { Body: Record<string, string> | undefined }>('/subscriptions/manage', { schema: hidden }, async (request, reply) => {
    const token = request.query.token ?? '';
    const change = manageAction(request.body ?? {});
    if (!change) return html(reply, 400, invalidPage());
    try {
      await manageSubscriptions(deps, token, change);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return html(reply, 404, invalidPage());
      throw e;
    }
    return reply.code(303).header('Location', request.url).header('Referrer-Policy', 'no-referrer').send();
  });
}

function manageAction(b: Record<string, string>): ManageAction | null {
  if (b.action === 'unsubscribe-all') return { action: 'unsubscribe-all' };
  if (b.action === 'unsubscribe' && b.id) return { action: 'unsubscribe', id: b.id };
  if (b.action === 'mode' && b.id && (DELIVERY_MODES as readonly string[]).includes(b.mode ?? '')) return { action: 'mode', id: b.id, mode: b.mode as DeliveryMode };
  return null;
}
