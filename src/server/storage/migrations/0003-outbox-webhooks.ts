import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Domain events and the jobs they fan out to, written in the same transaction as the change they report.
  // A worker claims due rows (claimed_by/claimed_until is a lease that expires if the worker dies).
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('topic', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('available_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'varchar(64)')
    .addColumn('claimed_until', 'bigint')
    .addColumn('done_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['done_at', 'failed_at', 'available_at']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('url', 'varchar(2048)', (c) => c.notNull())
    // JSON array of event types, e.g. ["comment.created"].
    .addColumn('events', 'text', (c) => c.notNull())
    // Kept in clear: it signs every delivery (HMAC), so it cannot be a hash.
    .addColumn('secret', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_by_site').on('webhooks').columns(['site_id']).execute();

  // One row per delivery attempt: the log site admins read.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('webhook_id', 'varchar(32)', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_by_site').on('webhook_deliveries').columns(['site_id', 'created_at']).execute();

  // Feeds list the latest comments of a whole site.
  await db.schema.createIndex('comments_by_time').on('comments').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_by_time').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhooks').execute();
  await db.schema.dropTable('outbox').execute();
}
