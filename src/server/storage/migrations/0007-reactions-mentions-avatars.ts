import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/** Frozen copy of the author key (security/author-key.ts) for comments written before this migration. */
const AUTHOR_KEY_SECRET = 'author-key';
const REACTION_COLUMNS = ['reaction_like', 'reaction_love', 'reaction_laugh', 'reaction_wow', 'reaction_sad', 'reaction_angry'];

// Frozen in time: migrations use Kysely<any> and never import application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Readers' reactions: one per reader (the hash of their X-Parley-Voter key) per comment.
  await db.schema
    .createTable('reactions')
    .addColumn('comment_id', 'varchar(32)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('voter_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('reaction', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['comment_id', 'voter_hash'])
    .execute();
  // Their counts, kept on the comment in the same transaction (like upvotes/downvotes).
  for (const column of REACTION_COLUMNS) {
    await db.schema.alterTable('comments').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  // The comments an @mention linked (JSON array of ids): an edit re-renders with them.
  await db.schema.alterTable('comments').addColumn('mentions', 'text').execute();
  // 8 hex characters from an HMAC of the author's identity (per site): the widget's initials colour.
  await db.schema.alterTable('comments').addColumn('author_key', 'varchar(16)').execute();
  // The author's own picture (https), as it was when posted; from the publisher's SSO claim `picture`.
  await db.schema.alterTable('comments').addColumn('author_avatar', 'varchar(2048)').execute();
  await db.schema.alterTable('accounts').addColumn('avatar', 'varchar(2048)').execute();
  // The reactions a site offers (JSON array, in order); [] = off.
  await db.schema.alterTable('sites').addColumn('reactions', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await fillAuthorKeys(db);
}

async function fillAuthorKeys(db: Kysely<any>): Promise<void> {
  if (!(await db.selectFrom('comments').select('id').limit(1).executeTakeFirst())) return;
  await db.insertInto('server_secrets').values({ name: AUTHOR_KEY_SECRET, value: randomBytes(24).toString('base64url'), created_at: Date.now() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  const { value: secret } = await db.selectFrom('server_secrets').select('value').where('name', '=', AUTHOR_KEY_SECRET).executeTakeFirstOrThrow();
  for (let after = ''; ;) {
    const rows = await db.selectFrom('comments').innerJoin('threads', 'threads.id', 'comments.thread_id')
      .select(['comments.id', 'threads.site_id', 'comments.account_id', 'comments.author_email', 'comments.author_name'])
      .where('comments.id', '>', after).orderBy('comments.id').limit(500).execute();
    if (!rows.length) return;
    for (const r of rows) {
      const who = r.account_id ? `a:${r.account_id}` : r.author_email ? `e:${String(r.author_email).toLowerCase()}` : `n:${r.author_name}`;
      const key = createHmac('sha256', secret).update(`${r.site_id}\n${who}`).digest('hex').slice(0, 8);
      await db.updateTable('comments').set({ author_key: key }).where('id', '=', r.id).execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('reactions').execute();
  await db.schema.alterTable('accounts').dropColumn('avatar').execute();
  for (const c of ['author_avatar', 'author_key', 'mentions', ...REACTION_COLUMNS]) await db.schema.alterTable('comments').dropColumn(c).execute();
  await db.schema.dropTable('reactions').execute();
}
