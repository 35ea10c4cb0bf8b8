import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

/** A URL within 2,048 characters as typed can encode to three times that: the limit holds for what is stored. */
for (const engine of ENGINES) {
  describe(`${engine.name}: page URLs over the limit once encoded`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());
    const long = `${ORIGIN}/${'é'.repeat(1000)}`;

    test('are refused with INVALID_URL by posting, listing and counting, and nothing is stored', async () => {
      const posted = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: long, body: 'x', author: { name: 'A' } },
      });
      assert.equal(posted.statusCode, 400, posted.body);
      assert.equal(posted.json().error.code, 'INVALID_URL');
      const listed = await t.app.inject({ method: 'GET', url: `/api/v1/comments?${new URLSearchParams({ site: SITE, url: long })}`, headers: { origin: ORIGIN } });
      assert.equal(listed.statusCode, 400, listed.body);
      assert.equal(listed.json().error.code, 'INVALID_URL');
      const threads = await t.parley.storage.db.selectFrom('threads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(threads.n), 0);
    });
  });
}
