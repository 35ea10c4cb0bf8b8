import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Secrets the server generates once and shares between processes (HMAC keys for CSRF and mail-link tokens).
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(256)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // Every address anyone asked to notify (normalised: lower-case). last_confirmation_at enforces "at most one
  // confirmation mail per address per hour"; confirmation_due_at says a confirmation job is already queued.
  await db.schema
    .createTable('mail_addresses')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('last_confirmation_at', 'bigint')
    .addColumn('confirmation_due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('address_id', 'varchar(32)', (c) => c.notNull().references('mail_addresses.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    // page | replies | comment | passage
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // page: thread id; comment/passage: comment id; replies: '' (the site)
    .addColumn('target', 'varchar(32)', (c) => c.notNull())
    .addColumn('url', 'varchar(2048)', (c) => c.notNull())
    // immediate | hourly | daily
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    // pending | active
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // The confirmation mail (its time) that listed this pending subscription; its link confirms exactly these.
    .addColumn('confirm_slot', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .execute();
  await db.schema.createIndex('subscriptions_unique').on('subscriptions').columns(['site_id', 'email', 'kind', 'target']).unique().execute();
  await db.schema.createIndex('subscriptions_by_target').on('subscriptions').columns(['site_id', 'target', 'status']).execute();
  await db.schema.createIndex('subscriptions_by_address').on('subscriptions').columns(['address_id', 'status']).execute();

  // Comments waiting for an hourly or daily digest; one row per address and comment.
  await db.schema
    .createTable('digest_items')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('subscription_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('comment_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('digest_items_unique').on('digest_items').columns(['email', 'comment_id']).unique().execute();
  await db.schema.createIndex('digest_items_due').on('digest_items').columns(['email', 'site_id', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_items').execute();
  await db.schema.dropTable('subscriptions').execute();
  await db.schema.dropTable('mail_addresses').execute();
  await db.schema.dropTable('server_secrets').execute();
}
