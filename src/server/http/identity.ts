import { parse as parseCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { Parley } from '../compose.js';
import { sessionAccount, ssoAccount, type Account } from '../use-cases/accounts.js';

export const SESSION_COOKIE = 'parley_session';
export const NONCE_COOKIE = 'parley_login';

/**
 * Cookies of the request, by name (first one wins), parsed by the `cookie` package. Other applications on the
 * publisher's host may set values that are not valid percent-encoding: those are ignored, never an error.
 */
export function cookies(request: FastifyRequest): Map<string, string> {
  const out = new Map<string, string>();
  const parsed = parseCookie(request.headers.cookie ?? '', { decode: lenientDecode });
  for (const [name, value] of Object.entries(parsed)) if (value !== undefined && value !== UNDECODABLE) out.set(name, value);
  return out;
}

const UNDECODABLE = '\u0000undecodable';
const lenientDecode = (value: string): string => {
  try {
    return value.includes('%') ? decodeURIComponent(value) : value;
  } catch {
    return UNDECODABLE;
  }
};

/** Secure cookies except when Parley itself is served over plain http on localhost (development). */
export function cookieSecure(publicUrl: string): boolean {
  const u = new URL(publicUrl);
  return !(u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname));
}

/**
 * A cookie for Parley's own origin that also works inside an embed on another site: SameSite=None, Secure and
 * Partitioned (CHIPS). On http://localhost (no Secure possible) it falls back to SameSite=Lax without Partitioned.
 */
export function setCookie(reply: FastifyReply, publicUrl: string, name: string, value: string, o: { maxAgeS: number; path: string }): void {
  const attrs = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path}`, `Max-Age=${o.maxAgeS}`, 'HttpOnly'];
  attrs.push(...(cookieSecure(publicUrl) ? ['Secure', 'SameSite=None', 'Partitioned'] : ['SameSite=Lax']));
  // Fastify appends to Set-Cookie on each call: never pass the earlier ones again.
  reply.header('set-cookie', attrs.join('; '));
}

export interface Identity {
  account: Account;
  via: 'session' | 'sso';
  sessionId: string | null;
}

const SSO = /^ParleySSO\s+(\S+)$/i;

/** The CSRF token of a session: sent back as X-Parley-CSRF on each state-changing call made with the cookie. */
export const sessionCsrf = (parley: Parley, sessionId: string): string => parley.deps.notify.tokens.sign(['scsrf', sessionId]);

function sessionCsrfValid(parley: Parley, request: FastifyRequest, sessionId: string): boolean {
  const h = request.headers['x-parley-csrf'];
  const f = typeof h === 'string' ? parley.deps.notify.tokens.verify(h) : null;
  return Boolean(f && f.length === 2 && f[0] === 'scsrf' && f[1] === sessionId);
}

/**
 * Who is calling: a publisher SSO user (`Authorization: ParleySSO <jwt>`, needs the site), a signed-in session
 * (`parley_session` cookie), or nobody (null). With a session, a state-changing call must carry the session's
 * CSRF token, else CSRF_INVALID: a cookie alone never changes anything.
 */
export async function identify(parley: Parley, request: FastifyRequest, o: { site?: string | undefined; changes: boolean }): Promise<Identity | null> {
  const sso = SSO.exec(request.headers.authorization ?? '')?.[1];
  if (sso) {
    if (!o.site) throw new DomainError('SSO_INVALID', 'An SSO token is only accepted on calls that name the site.');
    return { account: await ssoAccount(parley.deps, o.site, sso), via: 'sso', sessionId: null };
  }
  const token = cookies(request).get(SESSION_COOKIE);
  if (!token) return null;
  const found = await sessionAccount(parley.deps, token);
  if (!found) return null;
  if (o.changes && !sessionCsrfValid(parley, request, found.sessionId)) {
    throw new DomainError('CSRF_INVALID', 'A call made with the session cookie needs X-Parley-CSRF (from GET /api/v1/me).');
  }
  return { account: found.account, via: 'session', sessionId: found.sessionId };
}

/** Like identify, but somebody must be signed in. */
export async function requireIdentity(parley: Parley, request: FastifyRequest, o: { site?: string | undefined; changes: boolean }): Promise<Identity> {
  const who = await identify(parley, request, o);
  if (!who) throw new DomainError('SIGN_IN_REQUIRED', 'Please sign in.');
  return who;
}
