import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/**
 * Takes one unit of the quota `key` (at most `max` per window of `windowMs`), atomically on either engine: a single
 * upsert that starts a new window when the old one is over and counts only while under `max`. False when the quota
 * is used up (nothing changes then).
 */
export async function takeMailQuota(db: Kysely<Database>, o: { key: string; max: number; windowMs: number; now: number }): Promise<boolean> {
  const expired = sql<boolean>`mail_quotas.window_start <= ${o.now - o.windowMs}`;
  const row = await db
    .insertInto('mail_quotas')
    .values({ key: o.key, window_start: o.now, count: 1 })
    .onConflict((oc) => oc.column('key')
      .doUpdateSet({
        window_start: sql`case when ${expired} then ${o.now} else mail_quotas.window_start end`,
        count: sql`case when ${expired} then 1 else mail_quotas.count + 1 end`,
      })
      .where(sql<boolean>`${expired} or mail_quotas.count < ${o.max}`))
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}
