import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: votes and counts`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());

    const vote = (id: string, value: unknown, voter: string | null = 'voter-aaaaaaaaaaaaaaaa', origin = ORIGIN) =>
      t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/vote`, headers: { origin, ...(voter ? { 'x-parley-voter': voter } : {}) }, payload: { value } as object });

    test('one vote per voter per comment, changeable and retractable', async () => {
      const { comment } = await post(t.app);
      let res = await vote(comment.id, 1);
      assert.deepEqual(res.json(), { id: comment.id, value: 1, score: 1, upvotes: 1, downvotes: 0 });
      res = await vote(comment.id, 1);
      assert.equal(res.json().score, 1, 'voting the same way twice counts once');
      res = await vote(comment.id, -1);
      assert.deepEqual(res.json(), { id: comment.id, value: -1, score: -1, upvotes: 0, downvotes: 1 });
      res = await vote(comment.id, 1, 'another-voter-bbbbbbbbbbb');
      assert.equal(res.json().score, 0);
      res = await vote(comment.id, 0);
      assert.deepEqual(res.json(), { id: comment.id, value: 0, score: 1, upvotes: 1, downvotes: 0 });
      const listed = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}` })).json();
      assert.equal(listed.comments.find((c: { id: string }) => c.id === comment.id).score, 1);
    });

    test('bad votes are refused with a code', async () => {
      const { comment } = await post(t.app);
      assert.equal((await vote(comment.id, 2)).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await vote(comment.id, '1')).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await vote(comment.id, 1, null)).json().error.code, 'VOTER_REQUIRED');
      assert.equal((await vote(comment.id, 1, 'short')).json().error.code, 'VOTER_REQUIRED');
      assert.equal((await vote('zzzzzzzzzzzz', 1)).json().error.code, 'COMMENT_NOT_FOUND');
      assert.equal((await vote(comment.id, 1, 'voter-aaaaaaaaaaaaaaaa', 'https://evil.example')).json().error.code, 'ORIGIN_NOT_ALLOWED');
    });

    test('counts for many URLs in one request, keyed as asked', async () => {
      const a = 'https://news.example.org/counts/a';
      const b = 'https://news.example.org/counts/b';
      await post(t.app, { url: a });
      await post(t.app, { url: a });
      await post(t.app, { url: b });
      const q = [a, `${b}/?utm_source=x`, 'https://news.example.org/counts/none', 'not a url']
        .map((u) => `url=${encodeURIComponent(u)}`)
        .join('&');
      const res = await t.app.inject({ url: `/api/v1/counts?site=${SITE}&${q}`, headers: { origin: ORIGIN } });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().counts, { [a]: 2, [`${b}/?utm_source=x`]: 1, 'https://news.example.org/counts/none': 0, 'not a url': 0 });
      const single = await t.app.inject({ url: `/api/v1/counts?site=${SITE}&url=${encodeURIComponent(a)}` });
      assert.deepEqual(single.json().counts, { [a]: 2 });
      const unknown = await t.app.inject({ url: `/api/v1/counts?site=nope&url=${encodeURIComponent(a)}` });
      assert.equal(unknown.json().error.code, 'SITE_NOT_FOUND');
    });
  });
}

for (const engine of ENGINES) {
  describe(`${engine.name}: concurrent votes`, { skip: engine.skipReason }, () => {
    test('one voter clicking many times at once still counts once', async () => {
      const t = await createTestApp({ engine });
      try {
        const { comment } = await post(t.app);
        const send = () => t.app.inject({ method: 'POST', url: `/api/v1/comments/${comment.id}/vote`, headers: { 'x-parley-voter': 'same-voter-xxxxxxxxxxx' }, payload: { value: 1 } });
        const results = await Promise.all(Array.from({ length: 12 }, send));
        assert.ok(results.every((r) => r.statusCode === 200));
        const list = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}` })).json();
        assert.equal(list.comments[0].upvotes, 1);
      } finally {
        await t.close();
      }
    });
  });
}
