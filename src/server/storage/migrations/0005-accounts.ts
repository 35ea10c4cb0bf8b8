import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Readers who signed in: by magic link (email set, verified) or through a publisher's SSO (external_id set).
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)')
    // sso:<site>:<sub> for publisher SSO users; null for magic-link accounts.
    .addColumn('external_id', 'varchar(400)')
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('url', 'varchar(2048)')
    // null | author | staff (SSO: from the publisher's claim; accounts: set by an operator).
    .addColumn('badge', 'varchar(16)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_email').on('accounts').column('email').unique().execute();
  await db.schema.createIndex('accounts_external').on('accounts').column('external_id').unique().execute();

  // Sessions: only the hash of the cookie's token is kept.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('account_id', 'varchar(32)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_account').on('sessions').column('account_id').execute();

  // Magic links: single use, short-lived, bound to the browser that asked (hash of a nonce in its cookie).
  await db.schema
    .createTable('magic_links')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('nonce_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('magic_links_by_email').on('magic_links').columns(['email', 'created_at']).execute();

  // Addresses a site's moderators banned.
  await db.schema
    .createTable('banned_addresses')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('banned_addresses_pk', ['site_id', 'email'])
    .execute();

  await db.schema.alterTable('comments').addColumn('account_id', 'varchar(32)').execute();
  await db.schema.alterTable('comments').addColumn('author_badge', 'varchar(16)').execute();
  await db.schema.alterTable('comments').addColumn('author_verified', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('comments_by_account').on('comments').column('account_id').execute();
  // The column's authors (JSON array of SSO subs or Parley account ids), set by the publisher: labelled "author".
  await db.schema.alterTable('threads').addColumn('author_ids', 'text').execute();
  // The site's HS256 secret for publisher SSO (kept in clear: it must sign-check; shown once by the CLI).
  await db.schema.alterTable('sites').addColumn('sso_secret', 'varchar(128)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('sso_secret').execute();
  await db.schema.alterTable('threads').dropColumn('author_ids').execute();
  await db.schema.dropIndex('comments_by_account').execute();
  for (const c of ['author_verified', 'author_badge', 'account_id']) await db.schema.alterTable('comments').dropColumn(c).execute();
  for (const t of ['banned_addresses', 'magic_links', 'sessions', 'accounts']) await db.schema.dropTable(t).execute();
}
