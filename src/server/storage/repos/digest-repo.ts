import type { Kysely } from 'kysely';
import type { DeliveryMode } from '../../../core/notification/subscription.js';
import type { Database } from '../database.js';

export interface DigestItem {
  id: string;
  siteId: string;
  email: string;
  subscriptionId: string;
  commentId: string;
  mode: DeliveryMode;
  dueAt: number;
}

/** Queues a comment for an address's digest; a retried fan-out adds nothing twice. */
export async function addDigestItem(db: Kysely<Database>, item: DigestItem, now: number): Promise<void> {
  await db.insertInto('digest_items')
    .values({
      id: item.id, site_id: item.siteId, email: item.email, subscription_id: item.subscriptionId, comment_id: item.commentId,
      mode: item.mode, due_at: item.dueAt, created_at: now, sent_at: null,
    })
    .onConflict((oc) => oc.columns(['email', 'comment_id']).doNothing())
    .execute();
}

/** The unsent items of one digest (address, site, due time), oldest first. */
export async function digestItems(db: Kysely<Database>, o: { email: string; siteId: string; dueAt: number }): Promise<DigestItem[]> {
  const rows = await db.selectFrom('digest_items').selectAll()
    .where('email', '=', o.email).where('site_id', '=', o.siteId).where('due_at', '<=', o.dueAt).where('sent_at', 'is', null)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, siteId: r.site_id, email: r.email, subscriptionId: r.subscription_id, commentId: r.comment_id, mode: r.mode as DeliveryMode, dueAt: Number(r.due_at),
  }));
}

export async function markDigestSent(db: Kysely<Database>, ids: string[], now: number): Promise<void> {
  if (ids.length) await db.updateTable('digest_items').set({ sent_at: now }).where('id', 'in', ids).execute();
}

export async function pruneDigestItems(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('digest_items').where('sent_at', '<', before).execute();
}
