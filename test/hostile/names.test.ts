import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signSsoJwt } from '../../src/server/security/sso-jwt.js';
import { newSsoSecret } from '../../src/server/use-cases/accounts.js';
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

    test('SSO names are cleaned the same way: no NUL, no bidi override; a name of nothing visible is refused', async () => {
      const secret = await newSsoSecret(t.parley.deps, SITE);
      const exp = Math.floor(t.clock.now / 1000) + 3600;
      const postAsSso = (claims: Record<string, unknown>) => t.app.inject({
        method: 'POST', url: '/api/v1/comments',
        headers: { origin: ORIGIN, authorization: `ParleySSO ${signSsoJwt({ exp, ...claims }, secret)}` },
        payload: { site: SITE, url: PAGE, body: 'from the publisher' },
      });
      const ok = await postAsSso({ sub: 'u1', name: 'Eve\u0000\u202E (staff)' });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().comment.author.name, 'Eve (staff)');
      const empty = await postAsSso({ sub: 'u2', name: '\u200B\u202E' });
      assert.equal(empty.statusCode, 401, empty.body);
      assert.equal(empty.json().error.code, 'SSO_INVALID');
    });
  });
}
