import type { Kysely, Selectable } from 'kysely';
import type { Badge } from '../../../core/comment/comment.js';
import type { AccountTable, Database } from '../database.js';

export interface Account {
  id: string;
  email: string | null;
  externalId: string | null;
  name: string;
  url: string | null;
  badge: Badge | null;
  createdAt: number;
  /** The user's own https picture (publisher SSO claim `picture`); null for magic-link accounts. */
  avatar?: string | null;
  /** The address is known to be the user's: a magic-link account's own, or a publisher's with email_verified. */
  emailVerified?: boolean;
}

const toAccount = (r: Selectable<AccountTable>): Account => ({
  id: r.id, email: r.email, externalId: r.external_id, name: r.name, url: r.url,
  badge: r.badge === 'author' || r.badge === 'staff' ? r.badge : null, createdAt: Number(r.created_at), avatar: r.avatar,
  // Magic-link accounts exist only for addresses that clicked a link (or an operator named as staff).
  emailVerified: r.external_id === null && r.email !== null,
});

export async function getAccount(db: Kysely<Database>, id: string): Promise<Account | undefined> {
  const r = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAccount(r);
}

/** The account of an address, created on first sign-in. */
export async function accountForEmail(db: Kysely<Database>, a: { id: string; email: string; name: string; now: number }): Promise<Account> {
  await db.insertInto('accounts').values({ id: a.id, email: a.email, external_id: null, name: a.name, url: null, badge: null, created_at: a.now, avatar: null })
    .onConflict((oc) => oc.column('email').doNothing()).execute();
  return toAccount(await db.selectFrom('accounts').selectAll().where('email', '=', a.email).executeTakeFirstOrThrow());
}

/** A publisher SSO user: created or refreshed from the latest claims. */
export async function upsertExternalAccount(db: Kysely<Database>, a: Omit<Account, 'createdAt'> & { externalId: string; now: number }): Promise<Account> {
  const values = { name: a.name, url: a.url, badge: a.badge, email: null, avatar: a.avatar ?? null };
  await db.insertInto('accounts').values({ id: a.id, external_id: a.externalId, created_at: a.now, ...values })
    .onConflict((oc) => oc.column('external_id').doUpdateSet({ name: a.name, url: a.url, badge: a.badge, avatar: a.avatar ?? null })).execute();
  return toAccount(await db.selectFrom('accounts').selectAll().where('external_id', '=', a.externalId).executeTakeFirstOrThrow());
}

export async function updateAccountProfile(db: Kysely<Database>, id: string, p: { name: string; url: string | null }): Promise<void> {
  await db.updateTable('accounts').set({ name: p.name, url: p.url }).where('id', '=', id).execute();
}

export async function insertSession(db: Kysely<Database>, s: { id: string; tokenHash: string; accountId: string; now: number; expiresAt: number }): Promise<void> {
  await db.insertInto('sessions').values({ id: s.id, token_hash: s.tokenHash, account_id: s.accountId, created_at: s.now, expires_at: s.expiresAt }).execute();
}

export async function sessionByTokenHash(db: Kysely<Database>, tokenHash: string, now: number): Promise<{ sessionId: string; account: Account } | undefined> {
  const s = await db.selectFrom('sessions').select(['id', 'account_id']).where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  if (!s) return undefined;
  const account = await getAccount(db, s.account_id);
  return account && { sessionId: s.id, account };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
}

export async function insertMagicLink(
  db: Kysely<Database>,
  l: { id: string; siteId: string; email: string; nonceHash: string; now: number; expiresAt: number; returnUrl: string | null },
): Promise<void> {
  await db.insertInto('magic_links')
    .values({ id: l.id, site_id: l.siteId, email: l.email, nonce_hash: l.nonceHash, created_at: l.now, expires_at: l.expiresAt, used_at: null, return_url: l.returnUrl })
    .execute();
}

export async function countLinksSince(db: Kysely<Database>, email: string, since: number): Promise<number> {
  const r = await db.selectFrom('magic_links').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', email).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getMagicLink(db: Kysely<Database>, id: string) {
  return db.selectFrom('magic_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks the link used; false when another request used it first. */
export async function useMagicLink(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('magic_links').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function pruneMagicLinks(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('magic_links').where('expires_at', '<', before).execute();
  await db.deleteFrom('sessions').where('expires_at', '<', before).execute();
}

/** Attaches a guest's comment to an account (only if no account has it yet). */
export async function attachComment(db: Kysely<Database>, commentId: string, accountId: string): Promise<boolean> {
  const r = await db.updateTable('comments').set({ account_id: accountId }).where('id', '=', commentId).where('account_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function banAddress(db: Kysely<Database>, siteId: string, email: string, now: number): Promise<void> {
  await db.insertInto('banned_addresses').values({ site_id: siteId, email, created_at: now }).onConflict((oc) => oc.columns(['site_id', 'email']).doNothing()).execute();
}

export async function isBanned(db: Kysely<Database>, siteId: string, email: string): Promise<boolean> {
  return Boolean(await db.selectFrom('banned_addresses').select('email').where('site_id', '=', siteId).where('email', '=', email).executeTakeFirst());
}

/** Every comment on the site written with this address or by the account of this address, newest first. */
export async function commentsByAddress(db: Kysely<Database>, siteId: string, email: string, limit: number) {
  return db.selectFrom('comments')
    .innerJoin('threads', 'threads.id', 'comments.thread_id')
    .leftJoin('accounts', 'accounts.id', 'comments.account_id')
    .select(['comments.id', 'comments.created_at', 'comments.status', 'comments.body_md', 'comments.author_name', 'threads.url'])
    .where('threads.site_id', '=', siteId)
    .where((eb) => eb.or([eb('comments.author_email', '=', email), eb('accounts.email', '=', email)]))
    .orderBy('comments.created_at', 'desc').limit(limit).execute();
}

export async function getSsoSecret(db: Kysely<Database>, siteId: string): Promise<string | null> {
  const r = await db.selectFrom('sites').select('sso_secret').where('id', '=', siteId).executeTakeFirst();
  return r?.sso_secret ?? null;
}

export async function setSsoSecret(db: Kysely<Database>, siteId: string, secret: string): Promise<void> {
  await db.updateTable('sites').set({ sso_secret: secret }).where('id', '=', siteId).execute();
}

export async function pageAuthorIds(db: Kysely<Database>, threadId: string): Promise<string[]> {
  const r = await db.selectFrom('threads').select('author_ids').where('id', '=', threadId).executeTakeFirst();
  return r?.author_ids ? (JSON.parse(r.author_ids) as string[]) : [];
}

export async function setPageAuthorIds(db: Kysely<Database>, threadId: string, ids: string[]): Promise<void> {
  await db.updateTable('threads').set({ author_ids: JSON.stringify(ids) }).where('id', '=', threadId).execute();
}

/** Whether the account is labelled staff on the site (`parley user staff`). */
export async function isStaff(db: Kysely<Database>, siteId: string, accountId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('site_staff').select('account_id').where('site_id', '=', siteId).where('account_id', '=', accountId).executeTakeFirst());
}

export async function setStaff(db: Kysely<Database>, o: { siteId: string; accountId: string; staff: boolean; now: number }): Promise<void> {
  if (o.staff) {
    await db.insertInto('site_staff').values({ site_id: o.siteId, account_id: o.accountId, created_at: o.now })
      .onConflict((oc) => oc.columns(['site_id', 'account_id']).doNothing()).execute();
  } else {
    await db.deleteFrom('site_staff').where('site_id', '=', o.siteId).where('account_id', '=', o.accountId).execute();
  }
}

/** A site's staff accounts (magic-link accounts an operator labelled), oldest first. */
export async function listStaff(db: Kysely<Database>, siteId: string): Promise<Account[]> {
  const rows = await db.selectFrom('site_staff').innerJoin('accounts', 'accounts.id', 'site_staff.account_id')
    .selectAll('accounts').where('site_staff.site_id', '=', siteId).orderBy('site_staff.created_at').execute();
  return rows.map(toAccount);
}

export async function accountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  const r = await db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
  return r && toAccount(r);
}

/** Ids of the sites that have an SSO secret (publisher sign-in on): kept in memory with the sites (site-directory.ts). */
export async function ssoSiteIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('id').where('sso_secret', 'is not', null).execute();
  return rows.map((r) => r.id);
}
