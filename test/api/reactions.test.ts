import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { changeSite } from '../../src/server/use-cases/manage-sites.js';
import { SseStream } from '../live/sse-client.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const READER = 'reader-aaaaaaaaaaaaaaaa';
const list = async (t: TestApp, url = PAGE) =>
  (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}`, headers: { origin: ORIGIN } })).json() as { comments: Array<{ id: string; reactions: object }> };
const react = (t: TestApp, id: string, reaction: unknown, reader: string | null = READER, origin = ORIGIN) =>
  t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/react`, headers: { origin, ...(reader ? { 'x-parley-voter': reader } : {}) }, payload: { reaction } as object });
/** What `parley site update news --reactions …` does, then this process reads the site again. */
const setReactions = async (t: TestApp, reactions: string) => {
  await changeSite(t.parley.deps, { id: SITE, reactions });
  t.parley.sites.reload();
};

for (const engine of ENGINES) {
  describe(`${engine.name}: reactions`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());

    test('off by default: every reaction is refused with REACTION_INVALID, and comments show none', async () => {
      const { comment } = await post(t.app);
      const res = await react(t, comment.id, 'like');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'REACTION_INVALID');
      assert.match(res.json().error.message, /off/);
      assert.deepEqual((await list(t)).comments.find((c) => c.id === comment.id)?.reactions, {});
    });

    test('on after site update: one reaction per reader, replaced or taken back; counts on the comment and the cached list', async () => {
      await setReactions(t, 'like,love,laugh');
      const url = `${PAGE}-reactions`;
      const { comment } = await post(t.app, { url });
      assert.deepEqual((await list(t, url)).comments[0]!.reactions, {}, 'the page is now cached');
      let res = await react(t, comment.id, 'like');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { reaction: 'like', reactions: { like: 1 } });
      assert.deepEqual((await react(t, comment.id, 'like')).json(), { reaction: 'like', reactions: { like: 1 } }, 'the same reaction twice counts once');
      assert.deepEqual((await react(t, comment.id, 'love')).json(), { reaction: 'love', reactions: { love: 1 } }, 'a new one replaces the old');
      assert.deepEqual((await react(t, comment.id, 'love', 'reader-bbbbbbbbbbbbbbbb')).json(), { reaction: 'love', reactions: { love: 2 } });
      assert.deepEqual((await react(t, comment.id, 'laugh', 'reader-cccccccccccccccc')).json(), { reaction: 'laugh', reactions: { love: 2, laugh: 1 } });
      assert.deepEqual((await list(t, url)).comments[0]!.reactions, { love: 2, laugh: 1 }, 'the cached page was dropped');
      res = await react(t, comment.id, null);
      assert.deepEqual(res.json(), { reaction: null, reactions: { love: 1, laugh: 1 } });
      assert.deepEqual((await react(t, comment.id, null)).json(), { reaction: null, reactions: { love: 1, laugh: 1 } }, 'nothing to take back');
      assert.deepEqual((await list(t, url)).comments[0]!.reactions, { love: 1, laugh: 1 });
    });

    test('only the site\'s reactions: the error says which are on', async () => {
      await setReactions(t, 'like,sad');
      const { comment } = await post(t.app);
      for (const bad of ['love', 'thumbsup', 'LIKE', '']) {
        const res = await react(t, comment.id, bad);
        assert.equal(res.json().error.code, 'REACTION_INVALID', bad);
        assert.match(res.json().error.message, /like, sad/);
      }
      assert.equal((await react(t, comment.id, 'sad')).statusCode, 200);
      await setReactions(t, 'none');
      assert.equal((await react(t, comment.id, 'sad')).json().error.code, 'REACTION_INVALID', 'turned off again');
      assert.deepEqual((await list(t)).comments.find((c) => c.id === comment.id)?.reactions, { sad: 1 }, 'counts given stay');
    });

    test('bad requests are refused with a code', async () => {
      await setReactions(t, 'like');
      const { comment, editToken } = await post(t.app);
      assert.equal((await react(t, comment.id, 1)).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/comments/${comment.id}/react`, headers: { origin: ORIGIN, 'x-parley-voter': READER }, payload: {} })).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await react(t, comment.id, 'like', null)).json().error.code, 'VOTER_REQUIRED');
      assert.equal((await react(t, comment.id, 'like', 'short')).json().error.code, 'VOTER_REQUIRED');
      assert.equal((await react(t, 'zzzzzzzzzzzz', 'like')).json().error.code, 'COMMENT_NOT_FOUND');
      assert.equal((await react(t, comment.id, 'like', READER, 'https://evil.example')).json().error.code, 'ORIGIN_NOT_ALLOWED');
      // deleted with a reply: a placeholder that cannot be reacted to
      await post(t.app, { parentId: comment.id });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${editToken}` } });
      const gone = await react(t, comment.id, 'like');
      assert.equal(gone.statusCode, 409);
      assert.equal(gone.json().error.code, 'COMMENT_DELETED');
    });

    test('live readers hear of a reaction like of a vote (comment.voted, with the counts)', async () => {
      await setReactions(t, 'like,wow');
      const url = `${PAGE}-live-reactions`;
      const { comment } = await post(t.app, { url });
      const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const s = await SseStream.open(`${base}/api/v1/stream?site=${SITE}&url=${encodeURIComponent(url)}`, { origin: ORIGIN });
      try {
        assert.equal((await react(t, comment.id, 'wow')).statusCode, 200);
        let event = await s.next();
        // On PostgreSQL the post's own notice may come through after the stream opened.
        if (event.event === 'comment.created') event = await s.next();
        assert.equal(event.event, 'comment.voted');
        assert.deepEqual(JSON.parse(event.data), { id: comment.id, score: 0, upvotes: 0, downvotes: 0, reactions: { wow: 1 } });
      } finally {
        s.close();
      }
    });
  });
}

for (const engine of ENGINES) {
  describe(`${engine.name}: concurrent reactions`, { skip: engine.skipReason }, () => {
    test('many readers at once, and one reader clicking many times, are counted exactly', async () => {
      const t = await createTestApp({ engine });
      try {
        await setReactions(t, 'like,love');
        const { comment } = await post(t.app);
        const readers = Array.from({ length: 24 }, (_, i) => `reader-${String(i).padStart(16, '0')}`);
        const results = await Promise.all([
          ...readers.map((r, i) => react(t, comment.id, i % 3 === 0 ? 'love' : 'like', r)),
          ...Array.from({ length: 12 }, () => react(t, comment.id, 'like', 'same-reader-xxxxxxxxxx')),
        ]);
        assert.ok(results.every((r) => r.statusCode === 200), results.map((r) => r.body).join('\n'));
        assert.deepEqual((await list(t)).comments[0]!.reactions, { like: 17, love: 8 });
        // everybody switches at once
        await Promise.all(readers.map((r) => react(t, comment.id, 'love', r)));
        assert.deepEqual((await list(t)).comments[0]!.reactions, { like: 1, love: 24 });
      } finally {
        await t.close();
      }
    });

    test('reactions are rate limited like votes (RATE_LIMIT_VOTES per minute)', async () => {
      const t = await createTestApp({ engine, config: { rateLimit: 'on', rateLimitVotes: '3' } });
      try {
        await setReactions(t, 'like');
        const { comment } = await post(t.app);
        for (const r of ['like', null, 'like']) assert.equal((await react(t, comment.id, r)).statusCode, 200);
        const limited = await react(t, comment.id, null);
        assert.equal(limited.statusCode, 429);
        assert.equal(limited.json().error.code, 'RATE_LIMITED');
      } finally {
        await t.close();
      }
    });
  });
}
