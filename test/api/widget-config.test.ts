import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newSsoSecret } from '../../src/server/use-cases/accounts.js';
import { changeSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const get = (t: TestApp, query: string, headers: Record<string, string> = { origin: ORIGIN }) =>
  t.app.inject({ method: 'GET', url: `/api/v1/config${query}`, headers });

for (const engine of ENGINES) {
  describe(`${engine.name}: GET /api/v1/config`, { skip: engine.skipReason }, () => {
    let plain: TestApp;
    let full: TestApp;
    before(async () => {
      plain = await createTestApp({ engine });
      full = await createTestApp({ engine, config: { smtpUrl: 'smtp://127.0.0.1:2525', maxCommentLength: '500', editWindow: '2h' } });
    });
    after(async () => {
      await plain?.close();
      await full?.close();
    });

    test('without mail: no mail, no sign-in, the default limits, no reactions; cacheable', async () => {
      const res = await get(plain, `?site=${SITE}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        site: { id: SITE, name: 'News' }, mail: false, signIn: [], maxCommentLength: 10000, editWindowSeconds: 900, reactions: [],
      });
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      assert.equal(res.headers['access-control-allow-origin'], ORIGIN);
    });

    test('with mail and an SSO secret: email and sso sign-in, the configured limits', async () => {
      await newSsoSecret(full.parley.deps, SITE);
      full.parley.sites.reload();
      const res = await get(full, `?site=${SITE}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.mail, true);
      assert.deepEqual(body.signIn, ['email', 'sso']);
      assert.equal(body.maxCommentLength, 500);
      assert.equal(body.editWindowSeconds, 7200);
    });

    test('the site\'s reactions, when it has them', async () => {
      await changeSite(full.parley.deps, { id: SITE, reactions: 'like,laugh' });
      full.parley.sites.reload();
      assert.deepEqual((await get(full, `?site=${SITE}`)).json().reactions, ['like', 'laugh']);
    });

    test('tools without an origin may ask; refusals say what to do', async () => {
      assert.equal((await get(plain, `?site=${SITE}`, {})).statusCode, 200);
      const unknown = await get(plain, '?site=nope');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'SITE_NOT_FOUND');
      assert.match(unknown.json().error.message, /parley site add nope --origin https:\/\/news\.example\.org/);
      const evil = await get(plain, `?site=${SITE}`, { origin: 'https://evil.example' });
      assert.equal(evil.statusCode, 403);
      assert.equal(evil.json().error.code, 'ORIGIN_NOT_ALLOWED');
      assert.equal(evil.headers['access-control-allow-origin'], '*');
      const byReferer = await get(plain, `?site=${SITE}`, { referer: 'https://evil.example/a' });
      assert.equal(byReferer.statusCode, 403);
      const bad = await get(plain, '');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    });

    test('it is in the OpenAPI description', async () => {
      const doc = (await plain.app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(doc.paths['/api/v1/config'].get.responses['200']);
    });
  });
}
