import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: editing and deleting one's own comment`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine, config: { editWindow: '10m' } });
    });
    after(() => t?.close());

    const patch = (id: string, body: string, token?: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: { body } });
    const del = (id: string, token?: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const listAll = async (url = PAGE) =>
      (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}&sort=oldest&limit=100` })).json() as {
        comments: Array<{ id: string; status: string; html: string; editedAt: string | null; author: { name: string } }>;
        total: number;
      };

    test('the author edits within the window and the comment is marked edited', async () => {
      const { comment, editToken } = await post(t.app, { body: 'first draft' });
      t.clock.now += 5 * 60_000;
      const res = await patch(comment.id, 'second *draft*', editToken);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().comment.html, '<p>second <em>draft</em></p>\n');
      assert.equal(res.json().comment.editedAt, new Date(t.clock.now).toISOString());
      const listed = (await listAll()).comments.find((c) => c.id === comment.id)!;
      assert.equal(listed.html, '<p>second <em>draft</em></p>\n');
      assert.ok(listed.editedAt);
    });

    test('without the token, with another comment’s token, or after the window, nothing changes', async () => {
      const a = await post(t.app, { body: 'mine' });
      const b = await post(t.app, { body: 'theirs' });
      assert.equal((await patch(a.comment.id, 'hijack')).json().error.code, 'NOT_AUTHOR');
      assert.equal((await patch(a.comment.id, 'hijack', b.editToken)).json().error.code, 'NOT_AUTHOR');
      assert.equal((await patch(a.comment.id, 'hijack', 'x'.repeat(32))).statusCode, 403);
      assert.equal((await del(a.comment.id, b.editToken)).json().error.code, 'NOT_AUTHOR');
      t.clock.now += 10 * 60_000 + 1;
      const late = await patch(a.comment.id, 'too late', a.editToken);
      assert.equal(late.statusCode, 403);
      assert.equal(late.json().error.code, 'EDIT_WINDOW_PASSED');
      assert.equal((await del(a.comment.id, a.editToken)).json().error.code, 'EDIT_WINDOW_PASSED');
      assert.equal((await listAll()).comments.find((c) => c.id === a.comment.id)!.html, '<p>mine</p>\n');
      assert.equal((await patch('zzzzzzzzzzzz', 'x', a.editToken)).json().error.code, 'COMMENT_NOT_FOUND');
      assert.equal((await patch(b.comment.id, '  ', b.editToken)).json().error.code, 'BODY_EMPTY');
    });

    test('a deleted comment with replies stays as a placeholder; without replies it disappears', async () => {
      const url = 'https://news.example.org/columns/deleting';
      const parent = await post(t.app, { url, body: 'parent text', name: 'Parent' });
      const reply = await post(t.app, { url, body: 'reply text', parentId: parent.comment.id });
      const lone = await post(t.app, { url, body: 'lone' });
      assert.equal((await listAll(url)).total, 3);

      const placeholder = await del(parent.comment.id, parent.editToken);
      assert.equal(placeholder.statusCode, 200);
      assert.equal(placeholder.json().comment.status, 'deleted');
      const gone = await del(lone.comment.id, lone.editToken);
      assert.equal(gone.statusCode, 204);

      let list = await listAll(url);
      assert.equal(list.total, 1);
      assert.deepEqual(list.comments.map((c) => [c.id, c.status]), [[parent.comment.id, 'deleted'], [reply.comment.id, 'published']]);
      const shown = list.comments[0]!;
      assert.equal(shown.html, '');
      assert.equal(shown.author.name, '');
      assert.doesNotMatch(JSON.stringify(list), /parent text|Parent/);

      // replying to a placeholder is refused; deleting the last reply removes the placeholder too
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN }, payload: { site: SITE, url, body: 'x', author: { name: 'A' }, parentId: parent.comment.id } });
      assert.equal(refused.json().error.code, 'PARENT_DELETED');
      assert.equal((await del(reply.comment.id, reply.editToken)).statusCode, 204);
      list = await listAll(url);
      assert.deepEqual(list, { comments: [], nextCursor: null, total: 0 });
      assert.equal((await patch(parent.comment.id, 'back', parent.editToken)).statusCode, 404);
    });
  });
}
