import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // A passage comment's anchor (JSON: quote, position, text hash, question, status, current place) and its
  // place in the latest publisher text, for listing in article order.
  await db.schema.alterTable('comments').addColumn('passage', 'text').execute();
  await db.schema.alterTable('comments').addColumn('passage_order', 'integer').execute();
  await db.schema.createIndex('comments_passages').on('comments').columns(['thread_id', 'passage_order']).execute();

  // Article texts: revisions sent by the publisher, and unverified hints sent by widgets.
  await db.schema
    .createTable('page_texts')
    .addColumn('thread_id', 'varchar(32)', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('text_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_texts_pk', ['thread_id', 'text_hash'])
    .execute();
  await db.schema.alterTable('threads').addColumn('text_hash', 'varchar(64)').execute();

  // Publishers authenticate their calls (page text revisions, orphan lists) with a per-site key.
  await db.schema.alterTable('sites').addColumn('key_hash', 'varchar(128)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('key_hash').execute();
  await db.schema.alterTable('threads').dropColumn('text_hash').execute();
  await db.schema.dropTable('page_texts').execute();
  await db.schema.dropIndex('comments_passages').execute();
  await db.schema.alterTable('comments').dropColumn('passage_order').execute();
  await db.schema.alterTable('comments').dropColumn('passage').execute();
}
