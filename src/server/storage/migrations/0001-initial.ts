import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('origins', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('threads_site_url_unique', ['site_id', 'url'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('thread_id', 'varchar(32)', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('parent_id', 'varchar(32)', (c) => c.references('comments.id'))
    .addColumn('root_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('author_email', 'varchar(320)')
    .addColumn('author_url', 'varchar(2048)')
    .addColumn('author_ip', 'varchar(64)')
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('upvotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('downvotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edit_token_hash', 'varchar(128)')
    .execute();
  await db.schema.createIndex('comments_roots_by_time').on('comments').columns(['thread_id', 'parent_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_roots_by_score').on('comments').columns(['thread_id', 'parent_id', 'score', 'created_at']).execute();
  await db.schema.createIndex('comments_by_root').on('comments').columns(['root_id', 'created_at']).execute();

  await db.schema
    .createTable('votes')
    .addColumn('comment_id', 'varchar(32)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('voter_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['comment_id', 'voter_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['votes', 'comments', 'threads', 'sites']) await db.schema.dropTable(table).execute();
}
