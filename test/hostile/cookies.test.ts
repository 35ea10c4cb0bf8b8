import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';

/**
 * Another application on the publisher's host may set cookies Parley cannot decode (`%E0%A4%A` is a truncated
 * UTF-8 escape). Browsers send them along; readers of such a site must still be able to comment and sign in.
 */
describe('a malformed cookie of another application on the host', () => {
  let t: TestApp;
  after(() => t?.close());
  const bad = { cookie: 'other_app=%E0%A4%A; theme=%ZZ; parley_session=%E0' };

  test('does not break posting, editing, deleting, /me, sign-in verification or subscriptions', async () => {
    t = await createTestApp();
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN, ...bad },
      payload: { site: SITE, url: PAGE, body: 'Still here.', author: { name: 'Ada' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { comment, editToken } = created.json();
    const auth = { origin: ORIGIN, authorization: `Bearer ${editToken}`, ...bad };
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${comment.id}`, headers: auth, payload: { body: 'Edited.' } });
    assert.equal(edited.statusCode, 200, edited.body);
    const me = await t.app.inject({ method: 'GET', url: `/api/v1/me?site=${SITE}`, headers: { origin: ORIGIN, ...bad } });
    assert.equal(me.statusCode, 200, me.body);
    assert.equal(me.json().user, null);
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify', headers: { origin: ORIGIN, ...bad }, payload: { token: 'nope' } });
    assert.ok(verify.statusCode < 500, verify.body);
    assert.equal(verify.json().error.code, 'SIGN_IN_LINK_INVALID');
    const sub = await t.app.inject({
      method: 'POST', url: '/api/v1/subscriptions', headers: { origin: ORIGIN, ...bad },
      payload: { site: SITE, url: PAGE, email: 'a@example.org', kind: 'page' },
    });
    assert.ok(sub.statusCode < 500, sub.body);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: auth });
    assert.ok([200, 204].includes(removed.statusCode), removed.body);
    const other = await post(t.app, { body: 'and another' });
    assert.ok(other.comment.id);
  });
});
