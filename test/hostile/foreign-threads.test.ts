import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addSite, newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const B_ORIGIN = 'https://b.example.net';

/**
 * Threads exist only for pages on their site's origins, whoever asks (a request without Origin could open a thread on
 * site B for https://evil.example/p, which then showed as a link in B's public feed); feeds are public and send no
 * credentialed CORS.
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: threads for other hosts' pages, and feeds' CORS`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      t = await createTestApp({ engine });
      await addSite(t.parley.deps, { id: 'b', name: 'B', origins: [B_ORIGIN] });
      t.parley.sites.reload();
      key = await newSiteKey(t.parley.deps, 'b');
    });
    after(() => t?.close());

    test('no thread for a page outside the site\'s origins, with or without an Origin header; nothing written', async () => {
      const evil = 'https://evil.example/p';
      for (const headers of [{}, { origin: B_ORIGIN }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers, payload: { site: 'b', url: evil, body: 'spam', author: { name: 'S' } } });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.code, 'INVALID_URL');
      }
      const text = await t.app.inject({ method: 'PUT', url: '/api/v1/pages/text', headers: { authorization: `Bearer ${key}` }, payload: { site: 'b', url: evil, text: 'An article.' } });
      assert.equal(text.json().error?.code, 'INVALID_URL', text.body);
      const threads = await t.parley.storage.db.selectFrom('threads').select('url').execute();
      assert.deepEqual(threads.map((r) => r.url), []);
      const feed = await t.app.inject({ url: '/feeds/site.atom?site=b' });
      assert.doesNotMatch(feed.body, /evil\.example/);
    });

    test('feeds answer without credentialed CORS, whatever the Origin', async () => {
      for (const origin of [ORIGIN, B_ORIGIN, 'https://unknown.example']) {
        const res = await t.app.inject({ url: '/feeds/site.atom?site=b', headers: { origin } });
        assert.equal(res.statusCode, 200);
        assert.notEqual(res.headers['access-control-allow-credentials'], 'true', `no credentials for ${origin}`);
        assert.equal(res.headers['access-control-allow-origin'], '*', `public: ${origin}`);
      }
    });
  });
}
