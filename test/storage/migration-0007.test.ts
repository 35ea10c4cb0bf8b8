import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { compose } from '../../src/server/compose.js';
import { configWith } from '../../src/server/config/config.js';
import { openStorage } from '../../src/server/storage/connect.js';
import { parseDatabaseUrl } from '../../src/server/storage/database-url.js';
import { migrationProvider } from '../../src/server/storage/migrations/index.js';
import { ENGINES } from '../support/engines.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: migration 0007 (reactions, mentions, avatars)`, { skip: engine.skipReason }, () => {
    test('comments written before it get the author key the server derives now; sites get reactions off', async () => {
      const database = await engine.create();
      try {
        const s = await openStorage(parseDatabaseUrl(database.url));
        const db = s.db as unknown as Kysely<any>;
        const migrator = new Migrator({ db, provider: migrationProvider });
        assert.equal((await migrator.migrateTo('0006-sign-in-return-staff')).error, undefined);
        await db.insertInto('sites').values({ id: 'old', name: 'Old', origins: '[]', created_at: 1, key_hash: null, sso_secret: null }).execute();
        await db.insertInto('threads').values({ id: 't1', site_id: 'old', url: 'https://old.example/a', title: null, comment_count: 3, created_at: 1, updated_at: 1, text_hash: null }).execute();
        const row = (id: string, o: { email?: string; account?: string; name: string }) => ({
          id, thread_id: 't1', parent_id: null, root_id: id, depth: 0, author_name: o.name, author_email: o.email ?? null, author_url: null, author_ip: null,
          body_md: 'x', body_html: '<p>x</p>', status: 'published', created_at: 1, edited_at: null, upvotes: 0, downvotes: 0, score: 0, reply_count: 0,
          edit_token_hash: null, passage: null, passage_order: null, account_id: o.account ?? null, author_badge: null, author_verified: 0,
        });
        await db.insertInto('comments').values([row('c1', { name: 'Ada', email: 'ada@example.org' }), row('c2', { name: 'Bo' }), row('c3', { name: 'Cy', account: 'acc1' })]).execute();
        await s.close();

        const parley = await compose(configWith({ databaseUrl: database.url, logLevel: 'silent', demo: 'off' }));
        try {
          const keys = await parley.storage.db.selectFrom('comments').select(['id', 'author_key']).orderBy('id').execute();
          const key = parley.deps.authorKey;
          assert.deepEqual(keys.map((k) => k.author_key), [
            key('old', { email: 'ada@example.org', name: 'Ada' }), key('old', { name: 'Bo' }), key('old', { accountId: 'acc1', name: 'Cy' }),
          ]);
          assert.ok(keys.every((k) => /^[0-9a-f]{8}$/.test(k.author_key ?? '')));
          assert.deepEqual((await parley.sites.get('old'))?.reactions, []);
        } finally {
          await parley.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
