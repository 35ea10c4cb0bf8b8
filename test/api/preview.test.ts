import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const MARKDOWN = 'Some **bold** and <script>alert(1)</script>, a [link](https://example.org), ![pic](https://img.example/x.png) and [bad](javascript:alert(1))';

for (const engine of ENGINES) {
  describe(`${engine.name}: POST /api/v1/preview`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let limited: TestApp;
    before(async () => {
      t = await createTestApp({ engine, config: { maxCommentLength: '200' } });
      limited = await createTestApp({ engine, config: { rateLimit: 'on', rateLimitVotes: '3' } });
    });
    after(async () => {
      await t?.close();
      await limited?.close();
    });

    const preview = (app: TestApp, payload: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
      app.app.inject({ method: 'POST', url: '/api/v1/preview', headers, payload: payload as object });
    const rows = async (app: TestApp) => {
      const db = app.parley.storage.db;
      return (await db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n
        + ':' + (await db.selectFrom('threads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    };

    test('renders exactly what a posted comment would show, and writes nothing', async () => {
      const before = await rows(t);
      const res = await preview(t, { site: SITE, body: MARKDOWN });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const { html } = res.json() as { html: string };
      assert.match(html, /<strong>bold<\/strong>/);
      assert.doesNotMatch(html, /<script>/);
      assert.equal(await rows(t), before, 'no comment, no thread');
      const posted = await post(t.app, { body: MARKDOWN });
      assert.equal(html, posted.comment.html);
    });

    test('it is in the OpenAPI description', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(doc.paths['/api/v1/preview'].post.responses['200']);
    });

    test('an empty text previews as nothing', async () => {
      assert.deepEqual((await preview(t, { site: SITE, body: '  \n ' })).json(), { html: '' });
    });

    test('mentions are accepted; with the page they link like a posted comment', async () => {
      const { comment } = await post(t.app, { body: 'First!', name: 'Grace Hopper' });
      const text = '@Grace Hopper is right';
      const withPage = await preview(t, { site: SITE, url: PAGE, body: text, mentions: [comment.id] });
      assert.equal(withPage.statusCode, 200, withPage.body);
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: PAGE, body: text, author: { name: 'Ada' }, mentions: [comment.id] },
      });
      assert.equal(withPage.json().html, res.json().comment.html);
      const without = await preview(t, { site: SITE, body: text, mentions: [comment.id] });
      assert.equal(without.statusCode, 200);
    });

    test('refusals: too long (with the limit), unknown site, other origin, bad input', async () => {
      const long = await preview(t, { site: SITE, body: 'x'.repeat(201) });
      assert.equal(long.statusCode, 413);
      assert.equal(long.json().error.code, 'BODY_TOO_LONG');
      assert.match(long.json().error.message, /200 characters/);
      const unknown = await preview(t, { site: 'nope', body: 'hi' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'SITE_NOT_FOUND');
      const evil = await preview(t, { site: SITE, body: 'hi' }, { origin: 'https://evil.example' });
      assert.equal(evil.statusCode, 403);
      assert.equal(evil.json().error.code, 'ORIGIN_NOT_ALLOWED');
      for (const bad of [{ site: SITE }, { site: SITE, body: 'x', extra: 1 }, { site: SITE, body: 'x', mentions: ['NOT AN ID'] }]) {
        const res = await preview(t, bad);
        assert.equal(res.statusCode, 400, JSON.stringify(bad));
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      }
    });

    test('rate-limited per client with the votes budget, counted apart from votes', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await preview(limited, { site: SITE, body: `try ${i}` })).statusCode, 200);
      const over = await preview(limited, { site: SITE, body: 'one more' });
      assert.equal(over.statusCode, 429);
      assert.equal(over.json().error.code, 'RATE_LIMITED');
      assert.ok(over.headers['retry-after']);
      const { comment } = await post(limited.app, { body: 'votable' });
      const vote = await limited.app.inject({
        method: 'POST', url: `/api/v1/comments/${comment.id}/vote`, headers: { origin: ORIGIN, 'x-parley-voter': 'voter-aaaaaaaaaaaaaaaa' }, payload: { value: 1 },
      });
      assert.equal(vote.statusCode, 200, 'votes have their own budget');
    });
  });
}
