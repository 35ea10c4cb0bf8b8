import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

/** Names that would mislead readers: reversed by a bidi override, or made only of invisible characters. */
for (const engine of ENGINES) {
  describe(`${engine.name}: misleading guest names`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());
    const postAs = (name: string) => t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
      payload: { site: SITE, url: PAGE, body: 'hello', author: { name } },
    });

    test('bidi overrides are removed; names of nothing visible are refused with NAME_REQUIRED', async () => {
      const rtl = await postAs('\u202Enimda');
      assert.equal(rtl.statusCode, 201, rtl.body);
      assert.equal(rtl.json().comment.author.name, 'nimda');
      for (const name of ['\u200B\u200B\u200B', '\u200D\uFEFF', '\u202E\u2066']) {
        const res = await postAs(name);
        assert.equal(res.statusCode, 400, `${JSON.stringify(name)}: ${res.body}`);
        assert.equal(res.json().error.code, 'NAME_REQUIRED');
      }
    });
  });
}
