import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Comment } from '../../src/core/comment/comment.js';
import { migrateToLatest, openStorage, type Storage } from '../../src/server/storage/connect.js';
import { parseDatabaseUrl } from '../../src/server/storage/database-url.js';
import { addToReplyCount, addToVotes, getComment, getCommentWithSecrets, insertComment, listRepliesOf, listRootPage, saveCommentChange } from '../../src/server/storage/repos/comment-repo.js';
import { getSite, insertSite, listSites, updateSite } from '../../src/server/storage/repos/site-repo.js';
import { addToCommentCount, countsByUrl, getOrCreateThread } from '../../src/server/storage/repos/thread-repo.js';
import { getVote, setVote, votesOf } from '../../src/server/storage/repos/vote-repo.js';
import { addToReactions, getReaction, setReaction } from '../../src/server/storage/repos/reaction-repo.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

// One contract, every storage engine: the repos must behave the same on SQLite and PostgreSQL.
for (const engine of ENGINES) {
  describe(`${engine.name}: storage contract`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let s: Storage;
    before(async () => {
      database = await engine.create();
      s = await openStorage(parseDatabaseUrl(database.url));
      await migrateToLatest(s.db);
      await insertSite(s.db, { id: 'site', name: 'Site', origins: ['https://a.example'], createdAt: 1 });
    });
    after(async () => {
      await s?.close();
      await database?.drop();
    });

    const comment = (id: string, threadId: string, over: Partial<Comment> = {}): Comment => ({
      id, threadId, parentId: null, depth: 0, author: { name: `N${id}`, email: `${id}@mail.example`, url: null },
      bodyMarkdown: `body ${id}`, bodyHtml: `<p>body ${id}</p>`, status: 'published', createdAt: 1000, editedAt: null,
      upvotes: 0, downvotes: 0, replyCount: 0, passage: null, ...over,
    });

    test('migrations are idempotent: running them again applies nothing', async () => {
      assert.deepEqual((await migrateToLatest(s.db)).applied, []);
    });

    test('sites round-trip with their origins', async () => {
      assert.deepEqual(await getSite(s.db, 'site'), { id: 'site', name: 'Site', origins: ['https://a.example'], createdAt: 1, reactions: [] });
      await updateSite(s.db, { id: 'site', name: 'Renamed', origins: ['https://a.example', 'https://b.example'], createdAt: 1, reactions: ['love', 'like'] });
      assert.deepEqual((await listSites(s.db)).map((x) => [x.name, x.origins.length, x.reactions]), [['Renamed', 2, ['love', 'like']]]);
      await updateSite(s.db, { id: 'site', name: 'Renamed', origins: ['https://a.example', 'https://b.example'], createdAt: 1 });
      assert.deepEqual((await getSite(s.db, 'site'))?.reactions, ['love', 'like'], 'an update without reactions keeps them');
      assert.equal(await getSite(s.db, 'missing'), undefined);
    });

    test('racing writers on a new page get one thread', async () => {
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) => getOrCreateThread(s.db, { id: `race${i}`, siteId: 'site', url: 'https://a.example/race', title: 'Race', now: 5 })),
      );
      assert.equal(new Set(made.map((t) => t.id)).size, 1);
    });

    test('comments round-trip with secrets kept apart; counters move atomically', async () => {
      const thread = await getOrCreateThread(s.db, { id: 'th1', siteId: 'site', url: 'https://a.example/1', title: null, now: 1 });
      await insertComment(s.db, comment('c1', thread.id), { rootId: 'c1', ip: '192.0.2.1', editTokenHash: 'hash' });
      const got = await getCommentWithSecrets(s.db, 'c1');
      assert.deepEqual(got?.comment, comment('c1', thread.id));
      assert.deepEqual(got?.secrets, { rootId: 'c1', ip: '192.0.2.1', editTokenHash: 'hash' });
      await Promise.all(Array.from({ length: 10 }, () => addToReplyCount(s.db, 'c1', 1)));
      await Promise.all(Array.from({ length: 10 }, () => addToCommentCount(s.db, thread.id, 1, 2)));
      assert.equal((await getComment(s.db, 'c1'))?.replyCount, 10);
      assert.equal((await countsByUrl(s.db, 'site', ['https://a.example/1', 'https://a.example/none'])).get('https://a.example/1'), 10);
      const voted = await addToVotes(s.db, 'c1', 3, 1);
      assert.deepEqual([voted?.upvotes, voted?.downvotes], [3, 1]);
      await saveCommentChange(s.db, { ...comment('c1', thread.id), status: 'deleted', bodyMarkdown: '', bodyHtml: '', editedAt: 9 });
      assert.equal((await getComment(s.db, 'c1'))?.status, 'deleted');
    });

    test('root pages keep their order across cursors; replies come by root, oldest first', async () => {
      const thread = await getOrCreateThread(s.db, { id: 'th2', siteId: 'site', url: 'https://a.example/2', title: null, now: 1 });
      // equal timestamps on purpose: the id breaks ties
      for (const [id, t, score] of [['r1', 100, 0], ['r2', 100, 2], ['r3', 200, 2], ['r4', 300, -1]] as const) {
        await insertComment(s.db, comment(id, thread.id, { createdAt: t, upvotes: Math.max(score, 0), downvotes: Math.max(-score, 0) }), { rootId: id, ip: null, editTokenHash: null });
      }
      await insertComment(s.db, comment('x1', thread.id, { parentId: 'r2', depth: 1, createdAt: 400 }), { rootId: 'r2', ip: null, editTokenHash: null });
      await insertComment(s.db, comment('x2', thread.id, { parentId: 'x1', depth: 2, createdAt: 350 }), { rootId: 'r2', ip: null, editTokenHash: null });
      await insertComment(s.db, comment('gone', thread.id, { createdAt: 500, status: 'removed' }), { rootId: 'gone', ip: null, editTokenHash: null });
      const ids = (cs: Comment[]) => cs.map((c) => c.id);
      assert.deepEqual(ids(await listRootPage(s.db, thread.id, 'oldest', null, 10)), ['r1', 'r2', 'r3', 'r4']);
      assert.deepEqual(ids(await listRootPage(s.db, thread.id, 'newest', null, 10)), ['r4', 'r3', 'r2', 'r1']);
      assert.deepEqual(ids(await listRootPage(s.db, thread.id, 'top', null, 10)), ['r3', 'r2', 'r1', 'r4']);
      const cursor = { order: 'oldest' as const, createdAt: 100, score: 0, id: 'r1' };
      assert.deepEqual(ids(await listRootPage(s.db, thread.id, 'oldest', cursor, 10)), ['r2', 'r3', 'r4']);
      const top = { order: 'top' as const, createdAt: 100, score: 2, id: 'r2' };
      assert.deepEqual(ids(await listRootPage(s.db, thread.id, 'top', top, 10)), ['r1', 'r4']);
      assert.deepEqual(ids(await listRepliesOf(s.db, ['r2', 'r1'])), ['x2', 'x1']);
    });

    test('a voter has one vote per comment', async () => {
      await setVote(s.db, 'r1', 'voterA', 1, 1);
      await setVote(s.db, 'r1', 'voterA', -1, 2);
      await setVote(s.db, 'r2', 'voterA', 1, 2);
      assert.equal(await getVote(s.db, 'r1', 'voterA'), -1);
      assert.deepEqual([...(await votesOf(s.db, 'voterA', ['r1', 'r2', 'r3']))].sort(), [['r1', -1], ['r2', 1]]);
      await setVote(s.db, 'r1', 'voterA', 0, 3);
      assert.equal(await getVote(s.db, 'r1', 'voterA'), 0);
    });

    test('a reader has one reaction per comment; counts live on the comment and move atomically', async () => {
      const thread = await getOrCreateThread(s.db, { id: 'thr', siteId: 'site', url: 'https://a.example/reactions', title: null, now: 1 });
      await insertComment(s.db, comment('re1', thread.id), { rootId: 're1', ip: null, editTokenHash: null });
      assert.equal(await getReaction(s.db, 're1', 'readerA'), null);
      await setReaction(s.db, 're1', 'readerA', 'like', 1);
      await setReaction(s.db, 're1', 'readerA', 'love', 2);
      await setReaction(s.db, 're1', 'readerB', 'love', 2);
      assert.equal(await getReaction(s.db, 're1', 'readerA'), 'love', 'a new reaction replaces the old one');
      await setReaction(s.db, 're1', 'readerB', null, 3);
      assert.equal(await getReaction(s.db, 're1', 'readerB'), null);
      // 20 writers at once, each +1 like, and 5 moving one love to sad: exact counts, keys above 0 only.
      await Promise.all([
        ...Array.from({ length: 20 }, () => addToReactions(s.db, 're1', { like: 1 })),
        ...Array.from({ length: 5 }, () => addToReactions(s.db, 're1', { love: 1 })),
      ]);
      assert.deepEqual(await addToReactions(s.db, 're1', { love: -2, sad: 1 }), { like: 20, love: 3, sad: 1 });
      assert.deepEqual((await getComment(s.db, 're1'))?.reactions, { like: 20, love: 3, sad: 1 });
      assert.deepEqual(Object.keys((await getComment(s.db, 're1'))!.reactions!), ['like', 'love', 'sad']);
    });

    test('avatar, author key and mentions round-trip; a comment without them reads back without them', async () => {
      const thread = await getOrCreateThread(s.db, { id: 'thm', siteId: 'site', url: 'https://a.example/mentions', title: null, now: 1 });
      const withAll = comment('m1', thread.id, {
        author: { name: 'Ada', email: null, url: null, avatar: 'https://cdn.example/ada.png', key: '0a1b2c3d' }, mentions: ['re1', 'c1'],
      });
      await insertComment(s.db, withAll, { rootId: 'm1', ip: null, editTokenHash: null });
      assert.deepEqual(await getComment(s.db, 'm1'), withAll);
      await insertComment(s.db, comment('m2', thread.id), { rootId: 'm2', ip: null, editTokenHash: null });
      assert.deepEqual(await getComment(s.db, 'm2'), comment('m2', thread.id));
    });
  });
}
