import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { signSsoJwt } from '../../src/server/security/sso-jwt.js';
import { newSsoSecret } from '../../src/server/use-cases/accounts.js';
import { addSite } from '../../src/server/use-cases/manage-sites.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

interface Author { name: string; avatar: string | null; key: string }
const OTHER_SITE = 'other';
const OTHER_ORIGIN = 'https://other.example.org';

for (const engine of ENGINES) {
  describe(`${engine.name}: avatars and author keys`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
      await addSite(t.parley.deps, { id: OTHER_SITE, origins: [OTHER_ORIGIN] });
    });
    after(() => t?.close());

    const postAs = async (o: { name: string; email?: string; site?: string; headers?: Record<string, string>; parentId?: string }) => {
      const site = o.site ?? SITE;
      const origin = site === SITE ? ORIGIN : OTHER_ORIGIN;
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin, ...o.headers },
        payload: { site, url: `${origin}/a-column`, body: 'Hello', author: { name: o.name, ...(o.email ? { email: o.email } : {}) }, ...(o.parentId ? { parentId: o.parentId } : {}) },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res;
    };
    const authorOf = async (o: Parameters<typeof postAs>[0]) => (await postAs(o)).json().comment.author as Author;

    test('a guest\'s key: 8 hex characters, stable per address on a site whatever the name, by name without an address', async () => {
      const a = await authorOf({ name: 'Ada', email: 'ada@example.org' });
      assert.match(a.key, /^[0-9a-f]{8}$/);
      assert.equal(a.avatar, null, 'guests have no picture, and never a Gravatar');
      assert.equal((await authorOf({ name: 'Ada L.', email: 'ADA@Example.org' })).key, a.key, 'same address, any case or name');
      assert.notEqual((await authorOf({ name: 'Ada', email: 'bob@example.org' })).key, a.key, 'another address');
      const byName = await authorOf({ name: 'Carol' });
      assert.equal((await authorOf({ name: 'Carol' })).key, byName.key);
      assert.notEqual((await authorOf({ name: 'Dave' })).key, byName.key);
      // The list shows the same keys as the answers to the posts.
      const listed = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(`${ORIGIN}/a-column`)}`, headers: { origin: ORIGIN } })).json();
      assert.equal(listed.comments.filter((c: { author: Author }) => c.author.key === a.key).length, 2);
    });

    test('keys differ across sites and never reveal the address (no hash of it alone, not in the answer)', async () => {
      const email = 'erin@example.org';
      const here = await postAs({ name: 'Erin', email });
      const there = await postAs({ name: 'Erin', email, site: OTHER_SITE });
      const [k1, k2] = [here.json().comment.author.key, there.json().comment.author.key];
      assert.notEqual(k1, k2);
      for (const res of [here, there]) assert.doesNotMatch(res.body, /erin@example\.org/);
      for (const algo of ['md5', 'sha1', 'sha256']) {
        const plain = createHash(algo).update(email).digest('hex');
        assert.ok(!plain.startsWith(k1) && !plain.startsWith(k2), `not ${algo}(email) as Gravatar and the like do`);
      }
      assert.notEqual((await authorOf({ name: 'Erin' })).key, k1, 'the name alone gives another key than the address');
    });

    test('signed in by the publisher: key by account, the SSO picture passes through only as https', async () => {
      const secret = await newSsoSecret(t.parley.deps, SITE);
      const exp = Math.floor(t.clock.now / 1000) + 3600;
      const as = (claims: Record<string, unknown>) => ({ authorization: `ParleySSO ${signSsoJwt({ sub: 'u-7', name: 'Fay', exp, ...claims }, secret)}` });
      const picture = 'https://cdn.news.example.org/people/fay.jpg?s=96';
      const fay = await authorOf({ name: 'ignored', headers: as({ picture }) });
      assert.equal(fay.avatar, picture);
      assert.match(fay.key, /^[0-9a-f]{8}$/);
      const renamed = await authorOf({ name: 'ignored', headers: as({ name: 'Fay Q.', email: 'fay@example.org', picture }) });
      assert.equal(renamed.key, fay.key, 'the account is the identity, not its name or address');
      assert.notEqual((await authorOf({ name: 'Fay' })).key, fay.key, 'a guest of the same name is someone else');
      for (const bad of ['http://cdn.news.example.org/fay.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', `https://cdn.example.org/${'a'.repeat(2048)}`, '//cdn.example.org/x.png']) {
        assert.equal((await authorOf({ name: 'ignored', headers: as({ picture: bad }) })).avatar, null, bad);
      }
      assert.equal((await authorOf({ name: 'ignored', headers: as({}) })).avatar, null, 'no claim: no picture (the account keeps the latest claims)');
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, ...as({ picture: 42 }) }, payload: { site: SITE, url: PAGE, body: 'x' } });
      assert.equal(refused.json().error.code, 'SSO_INVALID');
      // The earlier comment keeps the picture it was posted with.
      const listed = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(`${ORIGIN}/a-column`)}&limit=100`, headers: { origin: ORIGIN } })).json();
      assert.ok(listed.comments.some((c: { author: Author }) => c.author.avatar === picture));
    });

    test('a deleted comment shows neither picture nor key', async () => {
      const { comment, editToken } = await post(t.app, { email: 'gil@example.org' });
      await post(t.app, { parentId: comment.id });
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${editToken}` } });
      assert.deepEqual(res.json().comment.author, { name: '', url: null, badge: null, verified: false, avatar: null, key: '' });
    });
  });
}
