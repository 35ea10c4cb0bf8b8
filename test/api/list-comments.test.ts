import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, post, SITE, type TestApp } from '../support/app.js';

type Listed = { id: string; parentId: string | null; depth: number; score: number; html: string };
type Page = { comments: Listed[]; nextCursor: string | null; total: number };

for (const engine of ENGINES) {
  describe(`${engine.name}: GET /api/v1/comments`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    const url = 'https://news.example.org/columns/listing';
    const ids: string[] = [];
    before(async () => {
      t = await createTestApp({ engine });
      for (let i = 0; i < 7; i++) {
        t.clock.now += 1000;
        ids.push((await post(t.app, { url, body: `root ${i}` })).comment.id);
      }
      // replies at several depths under root 1, and one under root 5
      t.clock.now += 1000;
      const r1 = (await post(t.app, { url, body: 'reply to 1', parentId: ids[1] })).comment.id;
      t.clock.now += 1000;
      const r2 = (await post(t.app, { url, body: 'reply to reply', parentId: r1 })).comment.id;
      t.clock.now += 1000;
      await post(t.app, { url, body: 'deep', parentId: r2 });
      t.clock.now += 1000;
      await post(t.app, { url, body: 'reply to 5', parentId: ids[5] });
    });
    after(() => t?.close());

    const list = async (query: string): Promise<Page> => {
      const res = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&${query}`, headers: { origin: ORIGIN } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const roots = (p: Page) => p.comments.filter((c) => c.parentId === null).map((c) => c.id);

    test('newest first by default, each top-level comment followed by its replies at any depth', async () => {
      const page = await list('limit=3');
      assert.deepEqual(roots(page), [ids[6], ids[5], ids[4]]);
      assert.equal(page.total, 11);
      const i5 = page.comments.findIndex((c) => c.id === ids[5]);
      assert.equal(page.comments[i5 + 1]!.parentId, ids[5]);
      assert.ok(page.nextCursor);
    });

    test('load more follows the cursor until every comment was seen exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(`limit=2&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.comments.map((c) => c.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 4);
      assert.equal(new Set(seen).size, 11);
      assert.deepEqual(seen.filter((id) => ids.includes(id)), ids);
      const deep = seen.length && (await list('sort=oldest&limit=100')).comments.find((c) => c.html.includes('deep'));
      assert.equal(deep && deep.depth, 3);
    });

    test('most voted puts the highest score first, then the newest', async () => {
      const vote = (id: string, voter: string, value: number) =>
        t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/vote`, headers: { origin: ORIGIN, 'x-parley-voter': voter.padEnd(20, 'x') }, payload: { value } });
      await vote(ids[2]!, 'a', 1);
      await vote(ids[2]!, 'b', 1);
      await vote(ids[0]!, 'a', 1);
      await vote(ids[6]!, 'a', -1);
      const page = await list('sort=top&limit=100');
      assert.deepEqual(roots(page), [ids[2], ids[0], ids[5], ids[4], ids[3], ids[1], ids[6]]);
      const next = await list('sort=top&limit=2');
      const rest = await list(`sort=top&limit=100&cursor=${next.nextCursor}`);
      assert.deepEqual(roots(rest)[0], ids[5]);
    });

    test('a bad cursor or sort is refused with a code', async () => {
      const res = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&cursor=garbage` });
      assert.equal(res.json().error.code, 'CURSOR_INVALID');
      const cur = (await list('limit=1&sort=newest')).nextCursor!;
      const mixed = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&sort=oldest&cursor=${cur}` });
      assert.equal(mixed.json().error.code, 'CURSOR_INVALID');
      const sort = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&sort=random` });
      assert.equal(sort.statusCode, 400);
      assert.equal(sort.json().error.code, 'VALIDATION_FAILED');
      const limit = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&limit=100000` });
      assert.equal(limit.json().error.code, 'VALIDATION_FAILED');
    });

    test('a page nobody commented on is an empty thread, not an error', async () => {
      const res = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent('https://news.example.org/quiet')}` });
      assert.deepEqual(res.json(), { comments: [], nextCursor: null, total: 0 });
    });

    test('ETag answers 304 until the thread changes; a new comment shows at once', async () => {
      const path = `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&limit=5`;
      const first = await t.app.inject({ url: path });
      const etag = first.headers.etag as string;
      assert.ok(etag);
      const again = await t.app.inject({ url: path, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      const gz = await t.app.inject({ url: path, headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const posted = await post(t.app, { url, body: 'fresh' });
      const after = await t.app.inject({ url: path, headers: { 'if-none-match': etag } });
      assert.equal(after.statusCode, 200);
      assert.equal(after.json().comments[0].id, posted.comment.id);
    });

    test('the conversation of a reply is its top-level comment with all replies', async () => {
      const page = await list('sort=oldest&limit=100');
      const deep = page.comments.find((c) => c.html.includes('deep'))!;
      const here = `site=${SITE}&url=${encodeURIComponent(url)}`;
      const res = await t.app.inject({ url: `/api/v1/comments/${deep.id}/conversation?${here}` });
      const conv = res.json().comments as Listed[];
      assert.equal(conv[0]!.id, ids[1]);
      assert.equal(conv.length, 4);
      const missing = await t.app.inject({ url: `/api/v1/comments/zzzzzzzzzzzz/conversation?${here}` });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'COMMENT_NOT_FOUND');
      // a permalink crafted with another article's comment shows nothing of that article
      const elsewhere = await post(t.app, { url: 'https://news.example.org/columns/elsewhere', body: 'other article' });
      const foreign = await t.app.inject({ url: `/api/v1/comments/${elsewhere.comment.id}/conversation?${here}` });
      assert.equal(foreign.json().error.code, 'COMMENT_NOT_FOUND');
      const noPage = await t.app.inject({ url: `/api/v1/comments/${deep.id}/conversation` });
      assert.equal(noPage.json().error.code, 'VALIDATION_FAILED');
    });
  });
}
