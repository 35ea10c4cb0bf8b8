import { createHmac } from 'node:crypto';

/** The server secret (server_secrets) the author keys are derived with; migration 0007 uses the same name. */
export const AUTHOR_KEY_SECRET = 'author-key';

/** Who wrote a comment, as far as the key goes: the account when signed in, else the address, else the name. */
export interface AuthorIdentity {
  accountId?: string | null | undefined;
  email?: string | null | undefined;
  name: string;
}

export type AuthorKeyer = (siteId: string, who: AuthorIdentity) => string;

/**
 * 8 lowercase hex characters from an HMAC (the server's secret) of the site and the author's identity: stable for one
 * author on one site, different across sites, and no way back to the address or account. The widget colours the
 * author's initials with it. Migration 0007 holds a frozen copy for comments written before it.
 * @example createAuthorKeyer(secret)('my-paper', { email: 'ada@example.org', name: 'Ada' }) // e.g. '3fa09c1e'
 */
export function createAuthorKeyer(secret: string): AuthorKeyer {
  return (siteId, who) => {
    const identity = who.accountId ? `a:${who.accountId}` : who.email ? `e:${who.email.toLowerCase()}` : `n:${who.name}`;
    return createHmac('sha256', secret).update(`${siteId}\n${identity}`).digest('hex').slice(0, 8);
  };
}
