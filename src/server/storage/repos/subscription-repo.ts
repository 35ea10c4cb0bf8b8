import type { Kysely, Selectable } from 'kysely';
import type { DeliveryMode, Subscription, SubscriptionKind } from '../../../core/notification/subscription.js';
import type { Database, MailAddressTable, SubscriptionTable } from '../database.js';

export interface StoredSubscription extends Subscription {
  siteId: string;
  addressId: string;
  url: string;
  status: 'pending' | 'active';
  createdAt: number;
}

export type MailAddress = { id: string; email: string; lastConfirmationAt: number | null };

const toSubscription = (r: Selectable<SubscriptionTable>): StoredSubscription => ({
  id: r.id, siteId: r.site_id, addressId: r.address_id, email: r.email, kind: r.kind as SubscriptionKind, target: r.target,
  url: r.url, mode: r.mode as DeliveryMode, status: r.status as 'pending' | 'active', createdAt: Number(r.created_at),
});
const toAddress = (r: Selectable<MailAddressTable>): MailAddress => ({
  id: r.id, email: r.email, lastConfirmationAt: r.last_confirmation_at === null ? null : Number(r.last_confirmation_at),
});

/** The row of an address (normalised), created on first use. */
export async function upsertAddress(db: Kysely<Database>, o: { id: string; email: string; now: number }): Promise<MailAddress> {
  await db.insertInto('mail_addresses')
    .values({ id: o.id, email: o.email, last_confirmation_at: null, confirmation_due_at: null, created_at: o.now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return toAddress(await db.selectFrom('mail_addresses').selectAll().where('email', '=', o.email).executeTakeFirstOrThrow());
}

export async function getAddress(db: Kysely<Database>, id: string): Promise<MailAddress | undefined> {
  const row = await db.selectFrom('mail_addresses').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAddress(row);
}

/**
 * Records a requested subscription as pending. An existing pending one is put back in the queue for the next
 * confirmation mail; an active one is left as it is (a request cannot change what its owner confirmed).
 */
export async function requestSubscriptionRow(
  db: Kysely<Database>,
  s: Omit<StoredSubscription, 'status' | 'createdAt'> & { now: number },
): Promise<void> {
  const inserted = await db.insertInto('subscriptions')
    .values({
      id: s.id, site_id: s.siteId, address_id: s.addressId, email: s.email, kind: s.kind, target: s.target, url: s.url,
      mode: s.mode, status: 'pending', confirm_slot: null, created_at: s.now, confirmed_at: null,
    })
    .onConflict((oc) => oc.columns(['site_id', 'email', 'kind', 'target']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return;
  await db.updateTable('subscriptions').set({ confirm_slot: null, mode: s.mode })
    .where('site_id', '=', s.siteId).where('email', '=', s.email).where('kind', '=', s.kind).where('target', '=', s.target)
    .where('status', '=', 'pending')
    .execute();
}

export async function countPending(db: Kysely<Database>, addressId: string): Promise<number> {
  const row = await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address_id', '=', addressId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Pending subscriptions of an address not yet listed in a confirmation mail. */
export async function countUnlisted(db: Kysely<Database>, addressId: string): Promise<number> {
  const row = await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address_id', '=', addressId).where('status', '=', 'pending').where('confirm_slot', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Undoes scheduleConfirmation when no mail may be sent (mail quotas): the next request may queue one. */
export async function unscheduleConfirmation(db: Kysely<Database>, addressId: string): Promise<void> {
  await db.updateTable('mail_addresses').set({ confirmation_due_at: null }).where('id', '=', addressId).execute();
}

/** Marks a confirmation job as queued for `dueAt`; false when one is queued already. */
export async function scheduleConfirmation(db: Kysely<Database>, addressId: string, dueAt: number): Promise<boolean> {
  const r = await db.updateTable('mail_addresses').set({ confirmation_due_at: dueAt })
    .where('id', '=', addressId).where('confirmation_due_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Takes this hour's confirmation mail of an address, atomically: false when one went out less than `gapMs` ago
 * (whichever process sent it). On success, the pending subscriptions not yet in a mail are listed in this one.
 */
export async function claimConfirmationSlot(db: Kysely<Database>, addressId: string, now: number, gapMs: number): Promise<number | null> {
  const r = await db.updateTable('mail_addresses').set({ last_confirmation_at: now, confirmation_due_at: null })
    .where('id', '=', addressId)
    .where((eb) => eb.or([eb('last_confirmation_at', 'is', null), eb('last_confirmation_at', '<=', now - gapMs)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  const listed = await db.updateTable('subscriptions').set({ confirm_slot: now })
    .where('address_id', '=', addressId).where('status', '=', 'pending').where('confirm_slot', 'is', null)
    .executeTakeFirst();
  return Number(listed.numUpdatedRows);
}

/** The confirmation job ran: the next request queues a new one. */
export async function clearConfirmationDue(db: Kysely<Database>, addressId: string): Promise<void> {
  await db.updateTable('mail_addresses').set({ confirmation_due_at: null }).where('id', '=', addressId).execute();
}

/** The pending subscriptions a confirmation mail listed. */
export async function subscriptionsInSlot(db: Kysely<Database>, addressId: string, slot: number): Promise<StoredSubscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll()
    .where('address_id', '=', addressId).where('confirm_slot', '=', slot).where('status', '=', 'pending')
    .orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubscription);
}

export async function activate(db: Kysely<Database>, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('subscriptions').set({ status: 'active', confirmed_at: now, confirm_slot: null })
    .where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Starts the subscription of (site, address, kind, target) at once: a signed-in reader's own verified address. */
export async function activateRequested(
  db: Kysely<Database>,
  o: { siteId: string; email: string; kind: SubscriptionKind; target: string; now: number },
): Promise<void> {
  await db.updateTable('subscriptions').set({ status: 'active', confirmed_at: o.now, confirm_slot: null })
    .where('site_id', '=', o.siteId).where('email', '=', o.email).where('kind', '=', o.kind).where('target', '=', o.target)
    .where('status', '=', 'pending').execute();
}

/** Active subscriptions of a site that may concern a new comment; exact matches on ids and the address only. */
export async function candidateSubscriptions(
  db: Kysely<Database>,
  o: { siteId: string; threadId: string; ancestorIds: readonly string[]; parentAuthorEmail: string | null; mentionedAuthorEmails?: readonly string[] },
): Promise<StoredSubscription[]> {
  const repliesTo = [...new Set([o.parentAuthorEmail, ...(o.mentionedAuthorEmails ?? [])].filter((e): e is string => Boolean(e)))];
  const rows = await db.selectFrom('subscriptions').selectAll()
    .where('site_id', '=', o.siteId).where('status', '=', 'active')
    .where((eb) => eb.or([
      eb.and([eb('kind', '=', 'page'), eb('target', '=', o.threadId)]),
      ...(o.ancestorIds.length ? [eb.and([eb('kind', 'in', ['comment', 'passage']), eb('target', 'in', [...o.ancestorIds])])] : []),
      ...(repliesTo.length ? [eb.and([eb('kind', '=', 'replies'), eb('email', 'in', repliesTo)])] : []),
    ]))
    .execute();
  return rows.map(toSubscription);
}

export async function getSubscription(db: Kysely<Database>, id: string): Promise<StoredSubscription | undefined> {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSubscription(row);
}

/** An address's subscriptions on one site (pending ones included), oldest first. */
export async function listSubscriptions(db: Kysely<Database>, addressId: string, siteId: string): Promise<StoredSubscription[]> {
  const rows = await db.selectFrom('subscriptions').selectAll()
    .where('address_id', '=', addressId).where('site_id', '=', siteId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubscription);
}

export async function deleteSubscriptions(db: Kysely<Database>, o: { addressId: string; siteId: string; ids?: string[]; mode?: DeliveryMode }): Promise<number> {
  let q = db.deleteFrom('subscriptions').where('address_id', '=', o.addressId).where('site_id', '=', o.siteId);
  if (o.ids) q = q.where('id', 'in', o.ids.length ? o.ids : ['']);
  if (o.mode) q = q.where('mode', '=', o.mode);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function setMode(db: Kysely<Database>, o: { addressId: string; siteId: string; id: string; mode: DeliveryMode }): Promise<void> {
  await db.updateTable('subscriptions').set({ mode: o.mode })
    .where('id', '=', o.id).where('address_id', '=', o.addressId).where('site_id', '=', o.siteId).execute();
}

/** Forgets requests nobody confirmed within `before`. */
export async function prunePending(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('subscriptions').where('status', '=', 'pending').where('created_at', '<', before).execute();
}
