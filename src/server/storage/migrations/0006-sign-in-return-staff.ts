import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The page a magic link was asked from: the mailed link goes back there (#parley-signin=…) so the widget signs
  // in inside the embed (its cookies live in the publisher site's partition). Null: Parley's own /auth/verify page.
  await db.schema.alterTable('magic_links').addColumn('return_url', 'varchar(2048)').execute();

  // A site's staff: accounts an operator labelled (parley user staff). Per site: staff of one publication are
  // readers on another.
  await db.schema
    .createTable('site_staff')
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('account_id', 'varchar(32)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_staff_pk', ['site_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_staff').execute();
  await db.schema.alterTable('magic_links').dropColumn('return_url').execute();
}
