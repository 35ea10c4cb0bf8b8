import { cleanName } from '../../core/comment/name.js';
import { mayMail } from './mail-quota.js';
import { checkPageUrl } from '../../core/site/origin.js';
import { BADGES, isHttpUrl, type Badge } from '../../core/comment/comment.js';
import { DomainError, unwrap } from '../../core/errors.js';
import { canonicalUrl } from '../../core/url/canonical-url.js';
import { getOrCreateThread } from '../storage/repos/thread-repo.js';
import { normalizeEmail } from '../../core/notification/subscription.js';
import { verifySsoJwt } from '../security/sso-jwt.js';
import { hashSecret, secretMatches } from '../security/tokens.js';
import { appendOutbox } from '../storage/repos/outbox-repo.js';
import {
  accountByEmail, accountForEmail, attachComment, isStaff, listStaff, setStaff, banAddress, commentsByAddress, countLinksSince, deleteSession, deleteSessionsOf, getAccount, getMagicLink,
  getSsoSecret, insertMagicLink, setPageAuthorIds, insertSession, isBanned, sessionByTokenHash, setSsoSecret, updateAccountProfile, upsertExternalAccount,
  useMagicLink, type Account,
} from '../storage/repos/account-repo.js';
import { getCommentWithSecrets } from '../storage/repos/comment-repo.js';
import type { Deps } from './deps.js';
import { loadSite } from './load-site.js';

export type { Account };
export const MAIL_MAGIC_LINK = 'mail.magic-link';
export const MAGIC_LINK_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 86_400_000;
/** Magic links one address may be sent per hour; more requests are dropped silently. */
export const MAX_LINKS_PER_ADDRESS_HOUR = 3;

/**
 * POST /api/v1/auth/magic-link: queues a sign-in mail for the address, bound to the asking browser by a nonce
 * (returned here for its cookie; only its hash is kept). Answers the same whatever happened.
 */
export async function requestMagicLink(
  deps: Deps,
  input: { site: string; email: string; returnUrl?: string | undefined; origin: string | undefined },
): Promise<{ nonce: string }> {
  if (!input.origin) throw new DomainError('ORIGIN_NOT_ALLOWED', 'Sign-in is requested from a page of the site.');
  const site = await loadSite(deps, input.site, input.origin);
  const email = normalizeEmail(input.email);
  if (!email) throw new DomainError('EMAIL_INVALID', 'The email address is not valid.');
  const returnUrl = input.returnUrl === undefined ? null : returnPage(site.origins, input.returnUrl);
  if (!deps.notify.mailer.enabled) throw new DomainError('MAIL_DISABLED', 'This Parley sends no mail (SMTP_URL is empty): sign-in by email is off.');
  const nonce = deps.newSecret();
  const now = deps.now();
  await deps.transact(async (trx) => {
    if ((await countLinksSince(trx, email, now - 3_600_000)) >= MAX_LINKS_PER_ADDRESS_HOUR) return;
    if (!(await mayMail(deps, trx, email))) return; // the mailbox's or the domain's hour is used up
    const id = deps.newId();
    await insertMagicLink(trx, { id, siteId: site.id, email, nonceHash: hashSecret(nonce), now, expiresAt: now + MAGIC_LINK_TTL_MS, returnUrl });
    await appendOutbox(trx, [{ id: deps.newId(), topic: MAIL_MAGIC_LINK, payload: { linkId: id }, availableAt: now }], now);
  });
  return { nonce };
}

/**
 * The page a sign-in link goes back to: an http(s) page on one of the site's origins, without its fragment, user
 * name or password in it, whose path does not start with `//` (which some servers treat as another host).
 */
function returnPage(origins: readonly string[], raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new DomainError('INVALID_URL', 'returnUrl must be an absolute http(s) URL.');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new DomainError('INVALID_URL', 'returnUrl must be an http(s) URL.');
  if (u.username || u.password || u.pathname.startsWith('//')) throw new DomainError('INVALID_URL', 'returnUrl must be a plain page URL.');
  if (!origins.includes(u.origin)) throw new DomainError('INVALID_URL', 'returnUrl is not on one of this site’s origins.');
  u.hash = '';
  if (u.href.length > 2048) throw new DomainError('INVALID_URL', 'returnUrl is too long.');
  return u.href;
}

export interface NewSession {
  token: string;
  sessionId: string;
  account: Account;
  siteId: string;
  expiresAt: number;
}

/**
 * POST /api/v1/auth/verify (the widget, from the link's #parley-signin= fragment) and GET /auth/verify: the link
 * works once, before it expires, and only in the browser that asked (its nonce cookie). A wrong browser or a mail
 * scanner does not use it up. Creates the account on first sign-in.
 */
export async function verifyMagicLink(deps: Deps, token: string, nonce: string | undefined, o: { burnOnMismatch?: boolean } = {}): Promise<NewSession> {
  const invalid = () => new DomainError('SIGN_IN_LINK_INVALID', 'This sign-in link has expired, was used already, or was opened in another browser than the one that asked for it.');
  const f = deps.notify.tokens.verify(token);
  if (!f || f.length !== 2 || f[0] !== 'magic') throw invalid();
  const now = deps.now();
  const result = await deps.transact(async (trx) => {
    const link = await getMagicLink(trx, f[1]!);
    if (!link || link.used_at !== null || Number(link.expires_at) <= now) return null;
    if (!nonce || !secretMatches(nonce, link.nonce_hash)) {
      // Through the widget (the article page), a link in a browser without its nonce is used up: its token was
      // shown to a page the publisher controls, so it must not stay usable by whoever asked for it elsewhere.
      if (o.burnOnMismatch) await useMagicLink(trx, link.id, now);
      return null;
    }
    if (!(await useMagicLink(trx, link.id, now))) return null;
    const account = await accountForEmail(trx, { id: deps.newId(), email: link.email, name: link.email.split('@')[0]!.slice(0, 80), now });
    const session = deps.newSecret();
    const expiresAt = now + SESSION_TTL_MS;
    const sessionId = deps.newId();
    await insertSession(trx, { id: sessionId, tokenHash: hashSecret(session), accountId: account.id, now, expiresAt });
    return { token: session, sessionId, account, siteId: link.site_id, expiresAt };
  });
  if (!result) throw invalid();
  return result;
}

/** The signed-in account of a session cookie, or null. */
export async function sessionAccount(deps: Pick<Deps, 'db' | 'now'>, token: string | undefined): Promise<{ sessionId: string; account: Account } | null> {
  if (!token || token.length > 200) return null;
  return (await sessionByTokenHash(deps.db, hashSecret(token), deps.now())) ?? null;
}

export const logout = (deps: Pick<Deps, 'db'>, sessionId: string): Promise<void> => deleteSession(deps.db, sessionId);
export const logoutEverywhere = (deps: Pick<Deps, 'db'>, accountId: string): Promise<void> => deleteSessionsOf(deps.db, accountId);

/** PATCH /api/v1/me: display name and website. */
export async function updateProfile(deps: Deps, accountId: string, input: { name?: string | undefined; url?: string | null | undefined }): Promise<Account> {
  const account = await getAccount(deps.db, accountId);
  if (!account) throw new DomainError('SIGN_IN_REQUIRED', 'Please sign in again.');
  const name = input.name === undefined ? account.name : cleanName(input.name);
  if (!name) throw new DomainError('NAME_REQUIRED', 'A name is required.');
  if (name.length > deps.limits.maxNameLength) throw new DomainError('NAME_TOO_LONG', `The name is longer than ${deps.limits.maxNameLength} characters.`);
  const url = input.url === undefined ? account.url : input.url?.trim() || null;
  if (url !== null && !isHttpUrl(url)) throw new DomainError('AUTHOR_URL_INVALID', 'The website must be an http(s) URL.');
  await updateAccountProfile(deps.db, accountId, { name, url });
  return { ...account, name, url };
}

/** POST /api/v1/auth/claim: comments whose edit token the reader holds become the account's. */
export async function claimComments(deps: Deps, accountId: string, tokens: Array<{ id: string; editToken: string }>): Promise<string[]> {
  return deps.transact(async (trx) => {
    const claimed: string[] = [];
    for (const t of tokens) {
      const found = await getCommentWithSecrets(trx, t.id);
      if (!found || !secretMatches(t.editToken, found.secrets.editTokenHash)) continue;
      if (found.secrets.accountId === accountId || (await attachComment(trx, t.id, accountId))) claimed.push(t.id);
    }
    return claimed;
  });
}

/** A publisher SSO user (`Authorization: ParleySSO <jwt>`), as the account `sso:<site>:<sub>`. */
export async function ssoAccount(deps: Deps, siteId: string, jwt: string): Promise<Account> {
  const secret = await getSsoSecret(deps.db, siteId);
  if (!secret) throw new DomainError('SSO_INVALID', 'This site has no SSO secret.');
  const v = verifySsoJwt(jwt, secret, deps.now());
  if (!v.ok) throw new DomainError('SSO_INVALID', `The SSO token was refused: ${v.reason}.`);
  const c = v.claims;
  const name = cleanName(c.name).slice(0, deps.limits.maxNameLength);
  if (!name) throw new DomainError('SSO_INVALID', 'The SSO token was refused: its name has no visible character.');
  const badge: Badge | null = (BADGES as readonly string[]).includes(c.badge ?? '') ? (c.badge as Badge) : null;
  const url = c.url && isHttpUrl(c.url) ? c.url : null;
  // Only the publisher's own https picture: no http (mixed content), no data: or javascript: URLs.
  const avatar = c.picture && isHttpUrl(c.picture) && new URL(c.picture).protocol === 'https:' ? c.picture : null;
  const account = await upsertExternalAccount(deps.db, { id: deps.newId(), email: null, externalId: `sso:${siteId}:${c.sub}`, name, url, badge, avatar, now: deps.now() });
  const email = c.email ? normalizeEmail(c.email) ?? null : null;
  return { ...account, email, emailVerified: Boolean(email) && c.email_verified === true };
}

/** `parley site sso-secret`: a new HS256 secret (printed once). */
export async function newSsoSecret(deps: Deps, siteId: string): Promise<string> {
  if (!(await deps.sites.get(siteId))) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  const secret = `sso_${deps.newSecret()}${deps.newSecret()}`;
  await setSsoSecret(deps.db, siteId, secret);
  return secret;
}

export async function checkNotBanned(deps: Pick<Deps, 'db'>, siteId: string, email: string | null | undefined): Promise<void> {
  const e = email ? normalizeEmail(email) : null;
  if (e && (await isBanned(deps.db, siteId, e))) throw new DomainError('AUTHOR_BANNED', 'This address may not comment on this site.');
}

/** The badge an account carries on a site: its own (publisher SSO claim), else staff when an operator said so. */
export async function badgeOn(db: Deps['db'], siteId: string, account: Account): Promise<Badge | null> {
  return account.badge ?? ((await isStaff(db, siteId, account.id)) ? 'staff' : null);
}

/**
 * `parley user staff`: labels (or, with staff false, unlabels) the account of an address as the site's staff.
 * The account is created when the address never signed in, so an operator can name staff ahead of time.
 */
export async function setSiteStaff(deps: Deps, siteId: string, email: string, staff: boolean): Promise<Account> {
  if (!(await deps.sites.get(siteId))) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  const e = normalizeEmail(email);
  if (!e) throw new DomainError('EMAIL_INVALID', 'The email address is not valid.');
  const now = deps.now();
  return deps.transact(async (trx) => {
    const account = staff ? await accountForEmail(trx, { id: deps.newId(), email: e, name: e.split('@')[0]!.slice(0, 80), now }) : await accountByEmail(trx, e);
    if (!account) throw new DomainError('NOT_FOUND', `No account has the address ${e}.`);
    await setStaff(trx, { siteId, accountId: account.id, staff, now });
    return account;
  });
}

/** `parley user staff --list`. */
export async function siteStaff(deps: Deps, siteId: string): Promise<Account[]> {
  if (!(await deps.sites.get(siteId))) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  return listStaff(deps.db, siteId);
}

/** `parley user ban`. */
export async function banUser(deps: Deps, siteId: string, email: string): Promise<string> {
  if (!(await deps.sites.get(siteId))) throw new DomainError('SITE_NOT_FOUND', `There is no site "${siteId}".`);
  const e = normalizeEmail(email);
  if (!e) throw new DomainError('EMAIL_INVALID', 'The email address is not valid.');
  await banAddress(deps.db, siteId, e, deps.now());
  return e;
}

/** `parley user history`: a moderator's view of what an address wrote on the site. */
export async function userHistory(deps: Deps, siteId: string, email: string, limit = 100) {
  const e = normalizeEmail(email);
  if (!e) throw new DomainError('EMAIL_INVALID', 'The email address is not valid.');
  const rows = await commentsByAddress(deps.db, siteId, e, limit);
  return { email: e, banned: await isBanned(deps.db, siteId, e), comments: rows.map((r) => ({ id: r.id, url: r.url, status: r.status, name: r.author_name, createdAt: Number(r.created_at), body: r.body_md })) };
}


/** PUT /api/v1/pages/authors (publisher, site key): who wrote the column: SSO `sub`s or Parley account ids. */
export async function setPageAuthors(deps: Deps, input: { site: string; url: string; authorIds: string[] }): Promise<string[]> {
  const site = await deps.sites.get(input.site);
  if (!site) throw new DomainError('SITE_NOT_FOUND', `There is no site "${input.site}".`);
  const url = unwrap(canonicalUrl(input.url));
  unwrap(checkPageUrl(site.origins, url));
  const ids = [...new Set(input.authorIds.map((a) => a.trim()).filter(Boolean))];
  await deps.transact(async (trx) => {
    const thread = await getOrCreateThread(trx, { id: deps.newId(), siteId: site.id, url, title: null, now: deps.now() });
    await setPageAuthorIds(trx, thread.id, ids);
  });
  return ids;
}

/** The publisher's user id of an SSO account (`sso:<site>:<sub>`). */
export const ssoSub = (a: Account): string | null => (a.externalId ? a.externalId.split(':').slice(2).join(':') : null);
