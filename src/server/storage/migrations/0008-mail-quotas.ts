import type { Kysely } from 'kysely';

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Counters of mails Parley sends on request (subscription confirmations, sign-in links) per mailbox and per
  // recipient domain in a fixed window, so that spelling variants of one address cannot multiply them.
  await db.schema
    .createTable('mail_quotas')
    .addColumn('key', 'varchar(320)', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_quotas').execute();
}
