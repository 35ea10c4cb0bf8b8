import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../support/engines.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { SseStream } from './sse-client.js';

/** Waits for a condition, not a duration (up to 10 s). */
async function until(cond: () => boolean): Promise<void> {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - t0 > 10_000) throw new Error('condition not met within 10 s');
  }
}

const PUBLIC_KEYS = ['author', 'createdAt', 'depth', 'downvotes', 'editedAt', 'html', 'id', 'parentId', 'passage', 'reactions', 'replyCount', 'score', 'status', 'upvotes'];

for (const engine of ENGINES) {
  describe(`${engine.name}: live updates (GET /api/v1/stream)`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let base: string;
    const open: SseStream[] = [];
    before(async () => {
      t = await createTestApp({ engine, config: { streamLimitPerIp: '3' } });
      base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      for (const s of open) s.close();
      await t?.close();
    });

    const streamUrl = (page = PAGE) => `${base}/api/v1/stream?site=${SITE}&url=${encodeURIComponent(page)}`;
    const connect = async (headers: Record<string, string> = {}, page = PAGE) => {
      const s = await SseStream.open(streamUrl(page), { origin: ORIGIN, ...headers });
      open.push(s);
      return s;
    };
    const edit = (id: string, token: string, body: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, authorization: `Bearer ${token}` }, payload: { body } });
    const remove = (id: string, token: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers: { origin: ORIGIN, authorization: `Bearer ${token}` } });
    const vote = (id: string, value: number) =>
      t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/vote`, headers: { origin: ORIGIN, 'x-parley-voter': 'voter-aaaaaaaaaaaaaaaa' }, payload: { value } });

    test('a stream gets created, updated, voted and deleted comments in order, in the public shape', async () => {
      const page = `${PAGE}-order`;
      const s = await connect({}, page);
      assert.equal(s.status, 200);
      assert.match(s.response.headers.get('content-type')!, /^text\/event-stream/);
      assert.equal(s.response.headers.get('cache-control'), 'no-cache');
      assert.equal(s.response.headers.get('x-accel-buffering'), 'no');
      assert.equal(s.response.headers.get('access-control-allow-origin'), ORIGIN);

      // Each event is read before the next change: an event carries the comment as it is when it is sent.
      const { comment, editToken } = await post(t.app, { url: page, email: 'ada@example.org', body: 'Live *one*' });
      const created = await s.next();
      assert.equal(created.event, 'comment.created');
      assert.ok(!created.data.includes('ada@example.org') && !created.data.includes('127.0.0.1'), 'no email or IP');
      const c = JSON.parse(created.data);
      assert.deepEqual(Object.keys(c).sort(), PUBLIC_KEYS);
      assert.equal(c.id, comment.id);
      assert.equal(c.html, '<p>Live <em>one</em></p>\n');
      assert.equal((await edit(comment.id, editToken, 'Live one, edited')).statusCode, 200);
      const updated = await s.next();
      assert.equal(updated.event, 'comment.updated');
      assert.match(JSON.parse(updated.data).html, /edited/);
      assert.equal((await vote(comment.id, 1)).statusCode, 200);
      const voted = await s.next();
      assert.equal(voted.event, 'comment.voted');
      assert.deepEqual(JSON.parse(voted.data), { id: comment.id, score: 1, upvotes: 1, downvotes: 0, reactions: {} });
      const reply = await post(t.app, { url: page, parentId: comment.id, body: 'A reply' });
      const replied = await s.next();
      assert.equal(replied.event, 'comment.created');
      assert.equal(JSON.parse(replied.data).parentId, comment.id);
      assert.equal(JSON.parse(replied.data).id, reply.comment.id);
      assert.equal((await remove(comment.id, editToken)).statusCode, 200); // has a reply: a placeholder stays
      const deleted = await s.next();
      assert.equal(deleted.event, 'comment.deleted');
      assert.deepEqual({ ...JSON.parse(deleted.data), createdAt: 0, editedAt: 0 }, {
        ...c, status: 'deleted', author: { name: '', url: null, badge: null, verified: false, avatar: null, key: '' }, html: '', createdAt: 0, editedAt: 0, score: 1, upvotes: 1, replyCount: 1,
      });
      // ids increase within the process: <boot>.<n>
      const ns = [created, updated, voted, replied, deleted].map((e) => Number(e.id!.split('.')[1]));
      assert.deepEqual(ns, [...ns].sort((a, b) => a - b));
      s.close();
    });

    test('other pages’ changes are not sent', async () => {
      const s = await connect({}, `${PAGE}-quiet`);
      await post(t.app, { url: `${PAGE}-noisy` });
      await assert.rejects(s.next(300), /no event/);
      s.close();
    });

    test('a reconnect with Last-Event-ID gets exactly the missed events; an unknown id gets resync', async () => {
      const page = `${PAGE}-reconnect`;
      const first = await connect({}, page);
      const a = await post(t.app, { url: page, body: 'first' });
      const seen = await first.next();
      assert.equal(JSON.parse(seen.data).id, a.comment.id);
      first.close();
      const b = await post(t.app, { url: page, body: 'second' });
      await vote(b.comment.id, 1);
      // let the server read and buffer the events (nobody is connected meanwhile)
      await new Promise((r) => setTimeout(r, 100));

      const again = await connect({ 'last-event-id': seen.id! }, page);
      const missed1 = await again.next();
      const missed2 = await again.next();
      assert.deepEqual([missed1.event, JSON.parse(missed1.data).id], ['comment.created', b.comment.id]);
      assert.deepEqual([missed2.event, JSON.parse(missed2.data).id], ['comment.voted', b.comment.id]);
      await assert.rejects(again.next(300), /no event/, 'nothing more, nothing twice');
      again.close();

      // a stream that saw no event still has a position: nothing posted meanwhile is lost
      const quiet = await connect({}, page);
      await new Promise((r) => setTimeout(r, 50));
      const position = quiet.lastId!;
      quiet.close();
      const c = await post(t.app, { url: page, body: 'third' });
      await new Promise((r) => setTimeout(r, 100));
      const back = await connect({ 'last-event-id': position }, page);
      assert.equal(JSON.parse((await back.next()).data).id, c.comment.id);
      back.close();

      const stale = await connect({ 'last-event-id': 'zzzzzz.42' }, page);
      const resync = await stale.next();
      assert.equal(resync.event, 'resync');
      assert.ok(resync.id, 'resync carries the current position');
      stale.close();
    });

    test('open streams per client IP are limited: RATE_LIMITED (429)', async () => {
      const page = `${PAGE}-limit`;
      const heldHere = () => t.parley.live.hub.streamsOf('127.0.0.1');
      await until(() => heldHere() === 0); // earlier tests' streams close asynchronously
      const held = [await connect({}, page), await connect({}, page), await connect({}, page)];
      for (const s of held) assert.equal(s.status, 200);
      const refused = await fetch(streamUrl(page), { headers: { origin: ORIGIN } });
      assert.equal(refused.status, 429);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
      held[0]!.close();
      await until(() => heldHere() === 2);
      const admitted = await connect({}, page);
      assert.equal(admitted.status, 200);
      for (const s of [...held, admitted]) s.close();
    });

    test('origin, site and URL are checked as for other reads', async () => {
      const evil = await fetch(streamUrl(), { headers: { origin: 'https://evil.example' } });
      assert.equal(evil.status, 403);
      assert.equal(((await evil.json()) as { error: { code: string } }).error.code, 'ORIGIN_NOT_ALLOWED');
      // the refusal is readable by the page (so the widget can say why), without credentials
      assert.equal(evil.headers.get('access-control-allow-origin'), '*');
      assert.equal(evil.headers.get('access-control-allow-credentials'), null);
      const unknown = await fetch(`${base}/api/v1/stream?site=nope&url=${encodeURIComponent(PAGE)}`);
      assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'SITE_NOT_FOUND');
      const badUrl = await fetch(`${base}/api/v1/stream?site=${SITE}&url=not-a-url`);
      assert.equal(badUrl.status, 400);
    });
  });
}

describe('live streams and shutdown', () => {
  test('closing the app ends open streams', async () => {
    const t = await createTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const s = await SseStream.open(`${base}/api/v1/stream?site=${SITE}&url=${encodeURIComponent(PAGE)}`, { origin: ORIGIN });
    assert.equal(s.status, 200);
    const started = Date.now();
    await t.close();
    assert.ok(await s.waitEnd(2000), 'the stream ended');
    assert.ok(Date.now() - started < 2000);
  });

  test('the global cap refuses with 503', async () => {
    const t = await createTestApp({ config: { streamLimit: '1' } });
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${base}/api/v1/stream?site=${SITE}&url=${encodeURIComponent(PAGE)}`;
    const s = await SseStream.open(url);
    assert.equal(s.status, 200);
    const refused = await fetch(url);
    assert.equal(refused.status, 503);
    assert.ok(refused.headers.get('retry-after'));
    s.close();
    await t.close();
  });
});
