import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mentionableOnPage } from '../../src/server/use-cases/mentions.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const link = (id: string, name: string) => `<a class="mention" href="#parley-comment-${id}" data-comment="${id}">@${name}</a>`;

for (const engine of ENGINES) {
  describe(`${engine.name}: @mentions`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());

    const postMentioning = (body: string, mentions: unknown, url = PAGE) => t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
      payload: { site: SITE, url, body, author: { name: 'Zoe' }, mentions } as object,
    });

    test('@Name links only the valid mentioned comments of this page, whose author\'s name is in the text, outside code', async () => {
      const ada = await post(t.app, { name: 'Ada Lovelace' });
      const bold = await post(t.app, { name: '<b>' });
      const tom = await post(t.app, { name: 'Tom & Jerry' });
      const silent = await post(t.app, { name: 'Silent Sam' });
      const elsewhere = await post(t.app, { name: 'Bob', url: `${PAGE}-other` });
      const body = '@Ada Lovelace, yes. @<b> and @Tom & Jerry too; not `@Ada Lovelace` nor @Bob nor @Ghost.\n\n    @Tom & Jerry';
      const res = await postMentioning(body, [ada.comment.id, bold.comment.id, tom.comment.id, silent.comment.id, elsewhere.comment.id, 'zzzzzzzzzzzz']);
      assert.equal(res.statusCode, 201, res.body);
      const html: string = res.json().comment.html;
      assert.equal(html, `<p>${link(ada.comment.id, 'Ada Lovelace')}, yes. ${link(bold.comment.id, '&lt;b&gt;')} and ${link(tom.comment.id, 'Tom &amp; Jerry')} too; `
        + 'not <code>@Ada Lovelace</code> nor @Bob nor @Ghost.</p>\n<pre><code>@Tom &amp; Jerry\n</code></pre>\n');
      assert.doesNotMatch(html, /<b>/);
      // The list shows the same HTML.
      const listed = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, headers: { origin: ORIGIN } })).json();
      assert.equal(listed.comments.find((c: { id: string }) => c.id === res.json().comment.id).html, html);
    });

    test('a deleted comment is not linked; without mentions @Name is plain text', async () => {
      const gone = await post(t.app, { name: 'Gone' });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${gone.comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${gone.editToken}` } });
      assert.equal((await postMentioning('@Gone', [gone.comment.id])).json().comment.html, '<p>@Gone</p>\n');
      await post(t.app, { name: 'Ada' });
      assert.equal((await postMentioning('@Ada', [])).json().comment.html, '<p>@Ada</p>\n');
      assert.equal((await post(t.app, { body: '@Ada' })).comment.html, '<p>@Ada</p>\n');
    });

    test('an edit renders the stored mentions again', async () => {
      const ada = await post(t.app, { name: 'Ada' });
      const res = await postMentioning('@Ada first', [ada.comment.id]);
      const { comment, editToken } = res.json();
      const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${editToken}` }, payload: { body: 'Second thoughts, @Ada.' } });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().comment.html, `<p>Second thoughts, ${link(ada.comment.id, 'Ada')}.</p>\n`);
    });

    test('for a preview: the page\'s published comments among the ids, none on a page without comments', async () => {
      const ada = await post(t.app, { name: 'Ada P.' });
      const elsewhere = await post(t.app, { name: 'Bob', url: `${PAGE}-preview-other` });
      const db = t.parley.storage.db;
      assert.deepEqual(await mentionableOnPage(db, SITE, PAGE, [ada.comment.id, elsewhere.comment.id, 'zzzz']), [{ id: ada.comment.id, name: 'Ada P.' }]);
      assert.deepEqual(await mentionableOnPage(db, SITE, `${PAGE}-no-thread`, [ada.comment.id]), []);
      const mentions = await mentionableOnPage(db, SITE, PAGE, [ada.comment.id]);
      assert.equal(t.parley.deps.renderMarkdown('@Ada P. hi', { mentions }), `<p>${link(ada.comment.id, 'Ada P.')} hi</p>\n`);
    });

    test('mentions are at most 10 comment ids', async () => {
      const ids = Array.from({ length: 11 }, (_, i) => `c${i}`);
      assert.equal((await postMentioning('@x', ids)).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await postMentioning('@x', ['NOT-AN-ID'])).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await postMentioning('@x', 'c1')).json().error.code, 'VALIDATION_FAILED');
      assert.equal((await postMentioning('@x', ids.slice(0, 10))).statusCode, 201, 'unknown ids are ignored');
    });
  });
}
