import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describeRange, textHash } from '../../src/core/anchoring/index.js';
import { newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, SITE, type TestApp } from '../support/app.js';

const URL_A = 'https://news.example.org/columns/passages';
const T0 = [
  'The council met on Tuesday to discuss the new bus timetabel.',
  'Residents complained that the 7:15 service had been cancelled without notice.',
  '“We were never consulted,” said one commuter, who has taken the same bus for twenty years.',
  'The transport committee promised a review before the end of the month.',
].join('\n\n');
// T1: a typo fixed inside passage A, a paragraph inserted before B, passage C rewritten.
const T1 = [
  'The council met on Tuesday to discuss the new bus timetable.',
  'A correction was appended to this article on Friday.',
  'Residents complained that the 7:15 service had been cancelled without notice.',
  'A regular passenger said nobody had asked for her opinion at any point.',
  'The transport committee promised a review before the end of the month.',
].join('\n\n');

const range = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return describeRange(text, start, start + quote.length);
};

type Passage = { status: string; reason: string | null; quote: { exact: string }; current: { position: { start: number; end: number } } | null; question: string | null };
type Listed = { id: string; parentId: string | null; passage: Passage | null };

for (const engine of ENGINES) {
  describe(`${engine.name}: passage comments and article revisions`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let key: string;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await createTestApp({ engine });
      key = await newSiteKey(t.parley.deps, SITE);
    });
    after(() => t?.close());

    const postPassage = (body: string, passage: unknown, extra: Record<string, unknown> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN }, payload: { site: SITE, url: URL_A, body, author: { name: 'Reader' }, passage, ...extra } as object });
    const putText = (text: string, auth: string | null = key) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/pages/text', headers: auth ? { authorization: `Bearer ${auth}` } : {}, payload: { site: SITE, url: URL_A, text } });
    const passages = async () => (await t.app.inject({ url: `/api/v1/passages?site=${SITE}&url=${encodeURIComponent(URL_A)}`, headers: { origin: ORIGIN } })).json() as { comments: Listed[]; total: number };

    test('a reader comments on passages; the anchor is stored and shown, unchecked until the publisher gives the text', async () => {
      for (const [name, quote] of [['A', 'discuss the new bus timetabel'], ['B', 'cancelled without notice'], ['C', 'We were never consulted']] as const) {
        t.clock.now += 1000;
        const res = await postPassage(`About ${name}`, { selector: range(T0, quote), textHash: textHash(T0) });
        assert.equal(res.statusCode, 201, res.body);
        const { comment, textKnown } = res.json();
        assert.equal(textKnown, false);
        assert.equal(comment.passage.quote.exact, quote);
        assert.equal(comment.passage.status, 'unchecked');
        ids[name] = comment.id;
      }
      const hint = await t.app.inject({ method: 'POST', url: '/api/v1/pages/hint', headers: { origin: ORIGIN }, payload: { site: SITE, url: URL_A, text: T0 } });
      assert.equal(hint.statusCode, 204);
      t.clock.now += 1000;
      const again = await postPassage('Another on A', { selector: range(T0, 'discuss the new bus timetabel'), textHash: textHash(T0) });
      assert.equal(again.json().textKnown, true, 'the hint was kept');
      ids.A2 = again.json().comment.id;
      const reply = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN }, payload: { site: SITE, url: URL_A, body: 'a reply', author: { name: 'R' }, parentId: ids.B } });
      ids.Breply = reply.json().comment.id;
    });

    test('malformed passages and passages on replies are refused', async () => {
      const bad = [
        [{ selector: { quote: { exact: '' } }, textHash: textHash(T0) }, 'PASSAGE_INVALID'],
        [{ selector: { ...range(T0, 'council'), position: { start: 0, end: 99 } }, textHash: textHash(T0) }, 'PASSAGE_INVALID'],
        [{ selector: range(T0, 'council'), textHash: 'not a hash!' }, 'PASSAGE_INVALID'],
        [{ selector: range(T0, 'council') }, 'VALIDATION_FAILED'],
      ] as const;
      for (const [passage, code] of bad) assert.equal((await postPassage('x', passage)).json().error.code, code);
      const onReply = await postPassage('x', { selector: range(T0, 'council'), textHash: textHash(T0) }, { parentId: ids.A });
      assert.equal(onReply.json().error.code, 'PASSAGE_ON_REPLY');
      const hugeHint = await t.app.inject({ method: 'POST', url: '/api/v1/pages/hint', headers: { origin: ORIGIN }, payload: { site: SITE, url: URL_A, text: 'x'.repeat(1_000_001) } });
      assert.equal(hugeHint.statusCode, 400);
    });

    test('only the publisher, with the site key, sets the article text', async () => {
      assert.equal((await putText(T0, null)).json().error.code, 'SITE_KEY_INVALID');
      assert.equal((await putText(T0, 'pk_wrong')).statusCode, 401);
      const orphans = await t.app.inject({ url: `/api/v1/pages/orphans?site=${SITE}&url=${encodeURIComponent(URL_A)}` });
      assert.equal(orphans.statusCode, 401);
    });

    test('the first revision checks every passage in place', async () => {
      const res = await putText(T0);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().passages, { exact: 4, moved: 0, fuzzy: 0, orphaned: 0 });
      const { comments } = await passages();
      assert.deepEqual(comments.filter((c) => c.passage).map((c) => c.passage!.status), ['exact', 'exact', 'exact', 'exact']);
      // a comment made on the publisher's current text is checked at once
      const fresh = await postPassage('On the committee', { selector: range(T0, 'transport committee'), textHash: textHash(T0) });
      assert.equal(fresh.json().comment.passage.status, 'exact');
      ids.D = fresh.json().comment.id;
    });

    test('after a correction: edited passage follows (fuzzy), moved passage follows, rewritten passage is orphaned', async () => {
      const res = await putText(T1);
      assert.deepEqual(res.json().passages, { exact: 0, moved: 2, fuzzy: 2, orphaned: 1 });
      const { comments } = await passages();
      const byId = new Map(comments.map((c) => [c.id, c]));
      const at = (id: string) => {
        const p = byId.get(id)!.passage!;
        return p.current && T1.slice(p.current.position.start, p.current.position.end);
      };
      assert.equal(byId.get(ids.A!)!.passage!.status, 'fuzzy');
      assert.equal(at(ids.A!), 'discuss the new bus timetable');
      assert.equal(byId.get(ids.B!)!.passage!.status, 'moved');
      assert.equal(at(ids.B!), 'cancelled without notice');
      assert.equal(byId.get(ids.D!)!.passage!.status, 'moved');
      const c = byId.get(ids.C!)!.passage!;
      assert.equal(c.status, 'orphaned');
      assert.equal(c.current, null);
      assert.equal(c.quote.exact, 'We were never consulted', 'the original quote is kept');
      // article order, orphans last, replies right after their passage comment
      assert.deepEqual(comments.map((x) => x.id), [ids.A, ids.A2, ids.B, ids.Breply, ids.D, ids.C]);
      const orphans = await t.app.inject({ url: `/api/v1/pages/orphans?site=${SITE}&url=${encodeURIComponent(URL_A)}`, headers: { authorization: `Bearer ${key}` } });
      assert.deepEqual(orphans.json().comments.map((x: Listed) => x.id), [ids.C]);
      // the main listing carries the same verdicts
      const main = (await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(URL_A)}&limit=100` })).json().comments as Listed[];
      assert.equal(main.find((x) => x.id === ids.C)!.passage!.status, 'orphaned');
    });

    test('sending the same text again changes nothing; a passage that comes back is found again', async () => {
      const same = await putText(T1);
      assert.equal(same.json().changed, false);
      const empty = await putText('   ');
      assert.equal(empty.json().error.code, 'VALIDATION_FAILED', 'an empty text would orphan everything');
      const back = await putText(T0);
      assert.deepEqual(back.json().passages, { exact: 5, moved: 0, fuzzy: 0, orphaned: 0 });
      const { comments } = await passages();
      assert.equal(comments.find((c) => c.id === ids.C)!.passage!.status, 'exact', 'the rewritten passage was restored');
    });

    test('a quote the server can check must really be in the article; pages must be on the site', async () => {
      const forged = { ...range(T0, 'The transport committee promised'), quote: { type: 'TextQuoteSelector', exact: 'The mayor is a criminal and sho', prefix: '', suffix: '' } };
      const res = await postPassage('fake', { selector: forged, textHash: textHash(T0) });
      assert.equal(res.json().error.code, 'PASSAGE_INVALID');
      const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN }, payload: { site: SITE, url: 'https://evil.example/x', body: 'x', author: { name: 'A' } } });
      assert.equal(foreign.json().error.code, 'INVALID_URL');
    });
  });
}
