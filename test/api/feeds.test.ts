import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

const OTHER = 'https://news.example.org/columns/second';

/** The text of every <tag>…</tag> in an XML string (flat, good enough for these feeds). */
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

for (const engine of ENGINES) {
  describe(`${engine.name}: Atom feeds`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine, config: { publicUrl: 'https://comments.example.org' } });
    });
    after(() => t?.close());

    const feed = (path: string, headers: Record<string, string> = {}) => t.app.inject({ url: path, headers });
    const pageFeed = (url = PAGE) => `/feeds/comments.atom?site=${SITE}&url=${encodeURIComponent(url)}`;

    test('a page without comments has a valid empty feed', async () => {
      const res = await feed(pageFeed());
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      assert.match(res.body, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
      assert.deepEqual(all(res.body, 'entry'), []);
      assert.equal(all(res.body, 'title')[0], `Comments on ${PAGE}`);
      assert.match(res.body, /<id>tag:comments\.example\.org,\d{4}-\d\d-\d\d:parley:site:news:page:https:\/\/news\.example\.org\/columns\/first<\/id>/);
      assert.match(res.body, /<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
      assert.ok(res.body.includes(`<link rel="self" type="application/atom+xml" href="https://comments.example.org/feeds/comments.atom?site=news&amp;url=${encodeURIComponent(PAGE)}"/>`));
      assert.ok(res.body.includes(`<link rel="alternate" type="text/html" href="${PAGE}"/>`));
    });

    test('entries: newest first, "NAME on TITLE", author name only, escaped HTML content, permalink', async () => {
      await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: PAGE, title: 'Buses & <Trams>', body: 'first', author: { name: 'Ada', email: 'ada@example.org' } },
      });
      t.clock.now += 1000;
      const hostile = await post(t.app, { name: 'Eve</name><script>alert(1)</script>&amp;', body: 'Hi <script>x</script> & **bold** ]]>', email: 'eve@example.org' });
      t.clock.now += 1000;
      const deleted = await post(t.app, { body: 'gone soon' });
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${deleted.comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${deleted.editToken}` } });
      await post(t.app, { url: OTHER, body: 'elsewhere' });

      const res = await feed(pageFeed());
      assert.equal(res.statusCode, 200);
      const xml = res.body;
      assert.doesNotMatch(xml, /ada@example\.org|eve@example\.org|<script>|gone soon|elsewhere/);
      const entries = all(xml, 'entry');
      assert.equal(entries.length, 2);
      const [eve, ada] = entries as [string, string];
      assert.equal(all(xml, 'title')[0], 'Comments on Buses &amp; &lt;Trams&gt;');
      assert.equal(all(eve, 'title')[0], 'Eve&lt;/name&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp; on Buses &amp; &lt;Trams&gt;');
      assert.equal(all(eve, 'name')[0], 'Eve&lt;/name&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;');
      assert.deepEqual(all(eve, 'author'), [`<name>${all(eve, 'name')[0]}</name>`], 'author has a name only');
      // the sanitised HTML, escaped once as Atom text
      assert.equal(all(eve, 'content')[0], '&lt;p&gt;Hi &amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt; &amp;amp; &lt;strong&gt;bold&lt;/strong&gt; ]]&amp;gt;&lt;/p&gt;\n');
      assert.match(eve, /<content type="html">/);
      assert.ok(eve.includes(`<link rel="alternate" type="text/html" href="${PAGE}#parley-comment-${hostile.comment.id}"/>`));
      assert.equal(all(eve, 'id')[0], `tag:comments.example.org,2026-11-26:parley:comment:${hostile.comment.id}`);
      assert.equal(all(eve, 'updated')[0], hostile.comment.createdAt);
      assert.equal(all(ada, 'name')[0], 'Ada');
      assert.equal(all(xml, 'updated')[0], hostile.comment.createdAt, 'the feed is as new as its newest entry');
    });

    test('the site feed has every page, newest first, and at most 50 entries', async () => {
      for (let i = 0; i < 52; i++) {
        t.clock.now += 1000;
        await post(t.app, { url: OTHER, body: `bulk ${i}`, name: `Reader ${i}` });
      }
      const res = await feed(`/feeds/site.atom?site=${SITE}`);
      assert.equal(res.statusCode, 200);
      const entries = all(res.body, 'entry');
      assert.equal(entries.length, 50);
      assert.equal(all(entries[0]!, 'name')[0], 'Reader 51');
      assert.equal(all(res.body, 'title')[0], 'Comments on News');
      assert.ok(res.body.includes('<link rel="self" type="application/atom+xml" href="https://comments.example.org/feeds/site.atom?site=news"/>'));
      assert.ok(entries.every((e) => all(e, 'title')[0]!.endsWith(` on ${OTHER}`)));
    });

    test('ETag and 304; unknown site and bad URL are coded errors', async () => {
      const first = await feed(pageFeed());
      const etag = first.headers.etag as string;
      assert.ok(etag);
      assert.equal((await feed(pageFeed(), { 'if-none-match': etag })).statusCode, 304);
      await post(t.app, { body: 'new one' });
      assert.equal((await feed(pageFeed(), { 'if-none-match': etag })).statusCode, 200);
      const missing = await feed('/feeds/site.atom?site=nope');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'SITE_NOT_FOUND');
      assert.equal((await feed(`/feeds/comments.atom?site=${SITE}&url=ftp%3A%2F%2Fx`)).json().error.code, 'INVALID_URL');
      assert.equal((await feed(`/feeds/comments.atom?site=${SITE}`)).json().error.code, 'VALIDATION_FAILED');
    });
  });
}
