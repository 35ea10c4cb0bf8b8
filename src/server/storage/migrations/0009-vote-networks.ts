import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The network (a keyed hash of the client IP, never the IP) a vote came from: one network counts a bounded number
  // of votes per comment, whatever voter keys it makes up. Votes cast before have none and count for nobody.
  await db.schema.alterTable('votes').addColumn('network_hash', 'varchar(64)').execute();
  await db.schema.createIndex('votes_comment_network').on('votes').columns(['comment_id', 'network_hash']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('votes_comment_network').execute();
  await db.schema.alterTable('votes').dropColumn('network_hash').execute();
}
