import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: POST /api/v1/comments`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine, config: { maxCommentLength: '500', bodyLimit: '4096' } });
    });
    after(() => t?.close());

    const count = async (url = PAGE) => {
      const res = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(url)}` });
      return (res.json() as { total: number }).total;
    };
    const postRaw = (payload: unknown, headers: Record<string, string> = { origin: ORIGIN }) =>
      t.app.inject({ method: 'POST', url: '/api/v1/comments', headers, payload: payload as object });

    test('a guest posts a comment and it is listed with its rendered text, never its email or IP', async () => {
      const res = await postRaw({ site: SITE, url: PAGE, title: 'First', body: 'Hello **world**', author: { name: ' Ada ', email: 'Ada@Example.org' } });
      assert.equal(res.statusCode, 201);
      const { comment, editToken, editableUntil } = res.json();
      assert.equal(comment.author.name, 'Ada');
      assert.equal(comment.html, '<p>Hello <strong>world</strong></p>\n');
      assert.equal(comment.parentId, null);
      assert.equal(comment.score, 0);
      assert.ok(editToken.length >= 32);
      assert.equal(Date.parse(editableUntil) - Date.parse(comment.createdAt), 15 * 60_000);
      assert.doesNotMatch(res.body, /example\.org"|Ada@|127\.0\.0\.1|author_ip|email/i);
      const list = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}` });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().total, 1);
      assert.equal(list.json().comments[0].id, comment.id);
      assert.doesNotMatch(list.body, /Ada@|email|127\.0\.0\.1/i);
    });

    test('refusals carry a stable code and write nothing', async () => {
      const before = await count();
      const cases: Array<[unknown, number, string, Record<string, string>?]> = [
        [{ site: 'nope', url: PAGE, body: 'x', author: { name: 'A' } }, 404, 'SITE_NOT_FOUND'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: 'A' } }, 403, 'ORIGIN_NOT_ALLOWED', { origin: 'https://evil.example' }],
        [{ site: SITE, url: PAGE, body: '   \n ', author: { name: 'A' } }, 400, 'BODY_EMPTY'],
        [{ site: SITE, url: PAGE, body: 'x'.repeat(501), author: { name: 'A' } }, 413, 'BODY_TOO_LONG'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: '  ' } }, 400, 'NAME_REQUIRED'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: 'A', email: 'not-an-email' } }, 400, 'EMAIL_INVALID'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: 'A', url: 'javascript:alert(1)' } }, 400, 'AUTHOR_URL_INVALID'],
        [{ site: SITE, url: 'ftp://x.example/a', body: 'x', author: { name: 'A' } }, 400, 'INVALID_URL'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: 'A' }, parentId: 'doesnotexist' }, 422, 'PARENT_NOT_FOUND'],
        [{ site: SITE, url: PAGE, body: 'x', author: { name: 'A' }, isAdmin: true }, 400, 'VALIDATION_FAILED'],
        [{ site: SITE, url: PAGE, body: 42, author: { name: 'A' } }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [payload, status, code, headers] of cases) {
        const res = await postRaw(payload, headers);
        assert.equal(res.statusCode, status, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
        assert.equal(typeof res.json().error.message, 'string');
      }
      assert.equal(await count(), before);
    });

    test('malformed JSON, a huge body and a wrong content type are refused cleanly', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { 'content-type': 'application/json', origin: ORIGIN }, payload: '{"site": "news", ' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'INVALID_JSON');
      const huge = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { 'content-type': 'application/json', origin: ORIGIN }, payload: JSON.stringify({ site: SITE, url: PAGE, body: 'x'.repeat(10_000), author: { name: 'A' } }) });
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json().error.code, 'PAYLOAD_TOO_LARGE');
      const form = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { 'content-type': 'text/plain', origin: ORIGIN }, payload: 'hello' });
      assert.equal(form.statusCode, 415);
      assert.equal(form.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    });

    test('a reply must be to a comment of the same page', async () => {
      const other = await post(t.app, { url: 'https://news.example.org/columns/other' });
      const res = await postRaw({ site: SITE, url: PAGE, body: 'reply', author: { name: 'B' }, parentId: other.comment.id });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'PARENT_OTHER_PAGE');
      const ok = await post(t.app, { url: 'https://news.example.org/columns/other', parentId: other.comment.id });
      assert.equal(ok.comment.parentId, other.comment.id);
    });

    test('URL variants of one page share one thread', async () => {
      const base = 'https://news.example.org/columns/variants';
      await post(t.app, { url: base });
      await post(t.app, { url: 'HTTPS://NEWS.example.org:443/columns/variants/?utm_source=tw&fbclid=1#comments' });
      assert.equal(await count(base), 2);
      assert.equal(await count(`${base}/?utm_medium=email`), 2);
    });

    test('requests without an Origin header (servers, tools) are accepted', async () => {
      const res = await postRaw({ site: SITE, url: PAGE, body: 'from a script', author: { name: 'Bot' } }, {});
      assert.equal(res.statusCode, 201);
    });
  });
}
