import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, PAGE, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

/**
 * U+0000 and lone surrogates are refused at the edge with 400 VALIDATION_FAILED, the same on both engines (PostgreSQL
 * cannot store NUL and answered 500 before; SQLite stored it), and nothing is written.
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: NUL characters and lone surrogates`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      t = await createTestApp({ engine });
      key = await newSiteKey(t.parley.deps, SITE);
    });
    after(() => t?.close());

    const rows = async () => {
      const db = t.parley.storage.db;
      const n = async (table: 'comments' | 'threads') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { comments: await n('comments'), threads: await n('threads') };
    };
    const refused = (res: { statusCode: number; body: string }, what: string) => {
      assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
      assert.equal(JSON.parse(res.body).error.code, 'VALIDATION_FAILED', what);
    };
    const comment = (extra: Record<string, unknown>, author: Record<string, unknown> = {}) => t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
      payload: { site: SITE, url: PAGE, body: 'ok', author: { name: 'Ada', ...author }, ...extra },
    });

    test('in query strings of unauthenticated and publisher routes', async () => {
      refused(await t.app.inject({ url: '/api/v1/webhooks/deliveries?site=%00' }), 'deliveries');
      refused(await t.app.inject({ url: '/api/v1/pages/orphans?site=%00', headers: { authorization: `Bearer ${key}` } }), 'orphans');
      refused(await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(`${PAGE}\u0000`)}` }), 'list');
      refused(await t.app.inject({ url: `/api/v1/counts?site=${SITE}&url=%00` }), 'counts');
    });

    test('in every field of a guest comment, and in the article text; nothing is written', async () => {
      const before = await rows();
      refused(await comment({ title: 'A\u0000' }), 'title');
      refused(await comment({}, { email: 'a\u0000@example.org' }), 'email');
      refused(await comment({}, { url: 'https://x.example/\u0000' }), 'author url');
      refused(await comment({}, { name: 'A\u0000' }), 'name');
      refused(await comment({ body: 'hello \u0000 world' }), 'body');
      refused(await comment({ body: 'half a pair \uD83D' }), 'lone surrogate');
      refused(await comment({ site: '\u0000' }), 'site');
      refused(await t.app.inject({
        method: 'PUT', url: '/api/v1/pages/text', headers: { authorization: `Bearer ${key}` },
        payload: { site: SITE, url: PAGE, text: 'An article\u0000 text.' },
      }), 'article text');
      assert.deepEqual(await rows(), before);
      const fine = await comment({ body: 'emoji 😀 and ü are fine' });
      assert.equal(fine.statusCode, 201, fine.body);
    });
  });
}
