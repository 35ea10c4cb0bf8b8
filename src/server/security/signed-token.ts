import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens signed with a server secret (HMAC-SHA256): `<base64url(fields joined by "|")>.<signature>`. They hold no
 * secret of their own, so nothing needs storing to check them, and each purpose signs a different first field.
 */
export interface TokenSigner {
  sign(fields: string[]): string;
  /** The fields, or null when the token was not signed here (or was altered). */
  verify(token: string): string[] | null;
}

export function createTokenSigner(secret: string): TokenSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 32);
  return {
    sign(fields) {
      const payload = Buffer.from(fields.join('|')).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    verify(token) {
      const m = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{32})$/.exec(token);
      if (!m) return null;
      const given = Buffer.from(m[2]!);
      const expected = Buffer.from(mac(m[1]!));
      if (!timingSafeEqual(given, expected)) return null;
      return Buffer.from(m[1]!, 'base64url').toString().split('|');
    },
  };
}

const CSRF_TTL_MS = 3_600_000;

/**
 * CSRF token for the cookie-less subscription calls: bound to the site, the client IP (Fastify's request.ip, which
 * believes X-Forwarded-For only from TRUST_PROXY) and its issue time; valid for an hour.
 */
export function issueCsrf(signer: TokenSigner, o: { site: string; ip: string; now: number }): { token: string; expiresAt: number } {
  return { token: signer.sign(['csrf', o.site, o.ip, String(o.now)]), expiresAt: o.now + CSRF_TTL_MS };
}

export function csrfValid(signer: TokenSigner, token: string | undefined, o: { site: string; ip: string; now: number }): boolean {
  const f = token ? signer.verify(token) : null;
  if (!f || f.length !== 4 || f[0] !== 'csrf' || f[1] !== o.site || f[2] !== o.ip) return false;
  const issued = Number(f[3]);
  return Number.isFinite(issued) && issued <= o.now + 60_000 && o.now - issued < CSRF_TTL_MS;
}
