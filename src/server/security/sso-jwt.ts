import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SsoClaims {
  sub: string;
  name: string;
  email?: string;
  /** The publisher checked the address: its "Notify of" subscriptions need no confirmation mail. */
  email_verified?: boolean;
  url?: string;
  badge?: string;
  /** The user's own picture: an https URL of at most 2,048 characters (anything else is ignored). */
  picture?: string;
  exp: number;
}

const MAX_AHEAD_S = 24 * 3600;
const b64json = (s: string): unknown => {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
};

/**
 * Verifies a publisher's SSO token: a compact JWT signed HS256 with the site's secret. Only HS256 is accepted
 * (`alg: none` and every other algorithm are refused); `exp` is required, in the future and at most 24 h ahead.
 * Returns the claims or a reason.
 */
export function verifySsoJwt(token: string, secret: string, nowMs: number): { ok: true; claims: SsoClaims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 4096) return { ok: false, reason: 'not a compact JWT' };
  const [h, p, sig] = parts as [string, string, string];
  const header = b64json(h) as { alg?: unknown; typ?: unknown } | null;
  if (!header || header.alg !== 'HS256') return { ok: false, reason: 'only HS256 is accepted' };
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  const c = b64json(p) as Record<string, unknown> | null;
  if (!c || typeof c !== 'object') return { ok: false, reason: 'bad claims' };
  const now = Math.floor(nowMs / 1000);
  if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) return { ok: false, reason: 'exp is required' };
  if (c.exp <= now) return { ok: false, reason: 'expired' };
  if (c.exp > now + MAX_AHEAD_S) return { ok: false, reason: 'exp is more than 24 h ahead' };
  if (typeof c.sub !== 'string' || !c.sub || c.sub.length > 200) return { ok: false, reason: 'sub is required' };
  if (typeof c.name !== 'string' || !c.name.trim()) return { ok: false, reason: 'name is required' };
  for (const k of ['email', 'url', 'badge', 'picture'] as const) if (c[k] !== undefined && c[k] !== null && typeof c[k] !== 'string') return { ok: false, reason: `${k} must be a string` };
  if (c.email_verified !== undefined && typeof c.email_verified !== 'boolean') return { ok: false, reason: 'email_verified must be a boolean' };
  return { ok: true, claims: c as unknown as SsoClaims };
}

/** Makes an HS256 token (tests and docs; publishers use their own language's HMAC). */
export function signSsoJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
