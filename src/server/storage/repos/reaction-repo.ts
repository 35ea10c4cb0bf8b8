import type { Kysely } from 'kysely';
import { isReaction, positiveCounts, REACTIONS, type Reaction, type ReactionCounts } from '../../../core/reaction/reaction.js';
import type { CommentTable, Database } from '../database.js';

/** The comments column holding each reaction's count. */
export const REACTION_COLUMN = {
  like: 'reaction_like', love: 'reaction_love', laugh: 'reaction_laugh', wow: 'reaction_wow', sad: 'reaction_sad', angry: 'reaction_angry',
} as const satisfies Record<Reaction, keyof CommentTable>;

/** A comments row's counts, as the domain sees them (keys above 0 only). */
export const reactionCountsOf = (row: Record<(typeof REACTION_COLUMN)[Reaction], number>): ReactionCounts =>
  positiveCounts(Object.fromEntries(REACTIONS.map((r) => [r, Number(row[REACTION_COLUMN[r]])])));

/** A reader's current reaction to a comment, or null. */
export async function getReaction(db: Kysely<Database>, commentId: string, voterHash: string): Promise<Reaction | null> {
  const row = await db.selectFrom('reactions').select('reaction')
    .where('comment_id', '=', commentId).where('voter_hash', '=', voterHash).executeTakeFirst();
  return row && isReaction(row.reaction) ? row.reaction : null;
}

/** Records a reader's reaction to a comment (one per reader: it replaces the previous one); null removes it. */
export async function setReaction(db: Kysely<Database>, commentId: string, voterHash: string, reaction: Reaction | null, now: number): Promise<void> {
  if (reaction === null) {
    await db.deleteFrom('reactions').where('comment_id', '=', commentId).where('voter_hash', '=', voterHash).execute();
    return;
  }
  await db.insertInto('reactions')
    .values({ comment_id: commentId, voter_hash: voterHash, reaction, created_at: now })
    .onConflict((oc) => oc.columns(['comment_id', 'voter_hash']).doUpdateSet({ reaction, created_at: now }))
    .execute();
}

/** Moves a comment's counts by `delta` (atomic increments, like the vote counters) and returns the new counts. */
export async function addToReactions(db: Kysely<Database>, commentId: string, delta: Partial<Record<Reaction, number>>): Promise<ReactionCounts> {
  const moves = Object.entries(delta).filter(([, d]) => d) as Array<[Reaction, number]>;
  if (moves.length) {
    await db.updateTable('comments')
      .set((eb) => Object.fromEntries(moves.map(([r, d]) => [REACTION_COLUMN[r], eb(REACTION_COLUMN[r], '+', d)])))
      .where('id', '=', commentId)
      .execute();
  }
  const row = await db.selectFrom('comments').select(Object.values(REACTION_COLUMN)).where('id', '=', commentId).executeTakeFirstOrThrow();
  return reactionCountsOf(row);
}
