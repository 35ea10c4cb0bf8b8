import type { Kysely } from 'kysely';
import type { VoteValue } from '../../../core/vote/vote.js';
import type { Database } from '../database.js';

export async function getVote(db: Kysely<Database>, commentId: string, voterHash: string): Promise<VoteValue> {
  const row = await db
    .selectFrom('votes')
    .select('value')
    .where('comment_id', '=', commentId)
    .where('voter_hash', '=', voterHash)
    .executeTakeFirst();
  return (row?.value ?? 0) as VoteValue;
}

/** Records a voter's current vote on a comment; 0 removes it. */
export async function setVote(db: Kysely<Database>, commentId: string, voterHash: string, value: VoteValue, now: number, networkHash: string | null = null): Promise<void> {
  if (value === 0) {
    await db.deleteFrom('votes').where('comment_id', '=', commentId).where('voter_hash', '=', voterHash).execute();
    return;
  }
  await db
    .insertInto('votes')
    .values({ comment_id: commentId, voter_hash: voterHash, value, created_at: now, network_hash: networkHash })
    .onConflict((oc) => oc.columns(['comment_id', 'voter_hash']).doUpdateSet({ value, created_at: now }))
    .execute();
}

/** A voter's votes on a set of comments, so the widget can show which arrows are pressed. */
export async function votesOf(db: Kysely<Database>, voterHash: string, commentIds: string[]): Promise<Map<string, VoteValue>> {
  if (commentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('votes')
    .select(['comment_id', 'value'])
    .where('voter_hash', '=', voterHash)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Map(rows.map((r) => [r.comment_id, r.value as VoteValue]));
}

/** How many voters of one network have a vote on the comment. */
export async function countNetworkVotes(db: Kysely<Database>, commentId: string, networkHash: string): Promise<number> {
  const row = await db.selectFrom('votes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comment_id', '=', commentId).where('network_hash', '=', networkHash).executeTakeFirstOrThrow();
  return Number(row.n);
}
