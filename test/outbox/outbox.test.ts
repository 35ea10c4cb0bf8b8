import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, afterEach, before, describe, test } from 'node:test';
import { MAX_ATTEMPTS } from '../../src/core/webhook/retry-schedule.js';
import { outboxHandlers } from '../../src/server/outbox/consumers.js';
import { createOutboxWorker } from '../../src/server/outbox/outbox-worker.js';
import { recordCommentEvent } from '../../src/server/outbox/record-event.js';
import { claimOutbox, completeOutbox } from '../../src/server/storage/repos/outbox-repo.js';
import { addWebhook, deliveryLog, removeWebhook } from '../../src/server/webhooks/manage-webhooks.js';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startReceiver, type Hit } from './receiver.js';

/** What a receiver does: recompute the HMAC over "timestamp.body" and compare in constant time. */
function verify(hit: Hit, secret: string): boolean {
  const timestamp = String(hit.headers['parley-timestamp']);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${hit.body}`).digest('hex');
  const given = /^v1=([0-9a-f]{64})$/.exec(String(hit.headers['parley-signature']))?.[1];
  return given !== undefined && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

for (const engine of ENGINES) {
  describe(`${engine.name}: outbox and webhook delivery`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    const receivers: Array<{ close(): Promise<void> }> = [];
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());
    afterEach(async () => {
      // each test starts with no webhook and an empty outbox
      await t.parley.storage.db.deleteFrom('webhooks').execute();
      await t.parley.storage.db.deleteFrom('outbox').execute();
      for (const r of receivers.splice(0)) await r.close();
    });

    const db = () => t.parley.storage.db;
    const outboxRows = () => db().selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();
    const receiver = async (statuses: number[] = []) => {
      const r = await startReceiver(statuses);
      receivers.push(r);
      return r;
    };

    test('a posted comment writes exactly one outbox row, in its transaction; a failed post writes none', async () => {
      const { comment } = await post(t.app, { body: 'outboxed', email: 'ada@example.org' });
      const rows = await outboxRows();
      assert.equal(rows.length, 1);
      const row = rows[0]!;
      assert.equal(row.topic, 'comment.created');
      assert.equal(row.done_at, null);
      assert.equal(row.attempts, 0);
      assert.equal(Number(row.available_at), t.clock.now);
      const event = JSON.parse(row.payload);
      assert.deepEqual({ ...event, threadId: undefined }, { id: row.id, type: 'comment.created', siteId: SITE, url: PAGE, commentId: comment.id, occurredAt: t.clock.now, threadId: undefined });
      assert.doesNotMatch(row.payload, /ada@example\.org/);

      const refused = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
        payload: { site: SITE, url: PAGE, body: 'orphan reply', author: { name: 'Bo' }, parentId: 'zzzzzzzzzzzz' },
      });
      assert.equal(refused.statusCode, 422);
      // a transaction that fails after the event was appended leaves nothing behind either
      await assert.rejects(t.parley.deps.transact(async (trx) => {
        await recordCommentEvent(trx, t.parley.deps, { type: 'comment.created', siteId: SITE, threadId: 'x', url: PAGE, commentId: 'y' });
        throw new Error('boom');
      }), /boom/);
      assert.equal((await outboxRows()).length, 1);
    });

    test('edits and deletions write comment.updated and comment.deleted', async () => {
      const { comment, editToken } = await post(t.app, { body: 'first' });
      const auth = { origin: ORIGIN, authorization: `Bearer ${editToken}` };
      assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/comments/${comment.id}`, headers: auth, payload: { body: 'second' } })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: auth })).statusCode, 204);
      // one clock tick: the rows share a time, so compare them as a set
      assert.deepEqual((await outboxRows()).map((r) => [r.topic, JSON.parse(r.payload).commentId]).sort(), [
        ['comment.created', comment.id], ['comment.deleted', comment.id], ['comment.updated', comment.id],
      ]);
    });

    test('the worker POSTs a signed event to the receiver; the body is the public comment shape', async () => {
      const r = await receiver();
      const hook = await addWebhook(t.parley.deps, { site: SITE, url: r.url });
      assert.match(hook.secret, /^whsec_/);
      const { comment } = await post(t.app, { body: 'Hello *hooks*', name: 'Ada <script>', email: 'ada@example.org' });
      assert.equal(await t.parley.outbox.runOnce(), 2); // the event, then its delivery job
      assert.equal(r.hits.length, 1);
      const hit = r.hits[0]!;
      assert.ok(verify(hit, hook.secret), 'signature verifies');
      assert.ok(!verify(hit, `${hook.secret}x`), 'a wrong secret does not');
      assert.equal(hit.headers['content-type'], 'application/json');
      assert.equal(hit.headers['parley-timestamp'], String(Math.floor(t.clock.now / 1000)));
      const body = JSON.parse(hit.body);
      const eventId = (await outboxRows()).find((row) => row.topic === 'comment.created')!.id;
      assert.equal(hit.headers['parley-event-id'], eventId);
      assert.deepEqual(Object.keys(body).sort(), ['createdAt', 'data', 'id', 'site', 'type']);
      assert.equal(body.id, eventId);
      assert.equal(body.type, 'comment.created');
      assert.equal(body.site, SITE);
      assert.equal(body.createdAt, new Date(t.clock.now).toISOString());
      assert.equal(body.data.url, PAGE);
      assert.equal(body.data.comment.id, comment.id);
      assert.equal(body.data.comment.html, '<p>Hello <em>hooks</em></p>\n');
      assert.deepEqual(body.data.comment.author, { name: 'Ada <script>', url: null, badge: null, verified: false, avatar: null, key: t.parley.deps.authorKey(SITE, { email: 'ada@example.org', name: 'Ada <script>' }) });
      assert.doesNotMatch(hit.body, /ada@example\.org|127\.0\.0\.1|email|"ip"/);
      assert.ok((await outboxRows()).every((row) => row.done_at !== null));
      const log = await deliveryLog(t.parley.deps, SITE);
      assert.deepEqual(log.map((d) => [d.eventId, d.statusCode, d.error, d.attempt]), [[eventId, 200, null, 1]]);
      assert.equal(await t.parley.outbox.runOnce(), 0, 'nothing is delivered twice');
    });

    test('only the subscribed event types are sent; a removed webhook gets nothing more', async () => {
      const created = await receiver();
      const deleted = await receiver();
      await addWebhook(t.parley.deps, { site: SITE, url: created.url, events: ['comment.created'] });
      const hook = await addWebhook(t.parley.deps, { site: SITE, url: deleted.url, events: ['comment.deleted'] });
      const { comment, editToken } = await post(t.app);
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${editToken}` } });
      await t.parley.outbox.runOnce();
      assert.deepEqual(created.hits.map((h) => JSON.parse(h.body).type), ['comment.created']);
      assert.deepEqual(deleted.hits.map((h) => JSON.parse(h.body).type), ['comment.deleted']);
      await removeWebhook(t.parley.deps, SITE, hook.id);
      await post(t.app);
      const other = await post(t.app);
      await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${other.comment.id}`, headers: { origin: ORIGIN, authorization: `Bearer ${other.editToken}` } });
      await t.parley.outbox.runOnce();
      assert.equal(deleted.hits.length, 1);
      assert.equal(created.hits.length, 3);
      await assert.rejects(addWebhook(t.parley.deps, { site: SITE, url: 'ftp://x.example/hook' }), /must be http\(s\)/);
      await assert.rejects(addWebhook(t.parley.deps, { site: SITE, url: created.url, events: ['comment.voted'] }), /Unknown event type/);
    });

    test('a receiver answering 500 gets the retry after the backoff, with the same event id', async () => {
      const r = await receiver([500]);
      await addWebhook(t.parley.deps, { site: SITE, url: r.url });
      await post(t.app);
      await t.parley.outbox.runOnce();
      assert.equal(r.hits.length, 1);
      const job = (await outboxRows()).find((row) => row.topic === 'webhook.deliver')!;
      assert.equal(job.done_at, null);
      assert.equal(job.last_error, `${r.url}: HTTP 500`);
      assert.equal(Number(job.available_at), t.clock.now + 10_000);
      await t.parley.outbox.runOnce();
      t.clock.now += 9_999;
      await t.parley.outbox.runOnce();
      assert.equal(r.hits.length, 1, 'not before the backoff');
      t.clock.now += 1;
      await t.parley.outbox.runOnce();
      assert.equal(r.hits.length, 2);
      assert.equal(r.hits[0]!.headers['parley-event-id'], r.hits[1]!.headers['parley-event-id']);
      const log = await deliveryLog(t.parley.deps, SITE);
      assert.deepEqual(log.map((d) => [d.attempt, d.statusCode, d.error]).sort(), [[1, 500, 'HTTP 500'], [2, 200, null]]);
      assert.ok((await outboxRows()).every((row) => row.done_at !== null));
    });

    test('a receiver that is down: every attempt is logged, and delivery gives up after the last one', async () => {
      const r = await receiver();
      const url = r.url;
      await r.close();
      receivers.pop();
      await addWebhook(t.parley.deps, { site: SITE, url });
      await post(t.app);
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        await t.parley.outbox.runOnce();
        t.clock.now += 8 * 3_600_000;
      }
      const job = (await outboxRows()).find((row) => row.topic === 'webhook.deliver')!;
      assert.equal(job.attempts, MAX_ATTEMPTS);
      assert.notEqual(job.failed_at, null);
      assert.match(job.last_error!, /ECONNREFUSED/);
      const log = await deliveryLog(t.parley.deps, SITE);
      assert.equal(log.length, MAX_ATTEMPTS);
      assert.ok(log.every((d) => d.statusCode === null && d.error === 'ECONNREFUSED'));
    });

    test('a worker that dies holding a claim: the claim expires and another worker delivers', async () => {
      const r = await receiver();
      await addWebhook(t.parley.deps, { site: SITE, url: r.url });
      await post(t.app);
      const claimed = await claimOutbox(db(), t.parley.storage.engine, { workerId: 'dead-worker', now: t.clock.now, leaseMs: 60_000, limit: 10 });
      assert.equal(claimed.length, 1);
      assert.equal(await t.parley.outbox.runOnce(), 0, 'the claim holds');
      t.clock.now += 59_999;
      assert.equal(await t.parley.outbox.runOnce(), 0);
      t.clock.now += 1;
      assert.equal(await t.parley.outbox.runOnce(), 2);
      assert.equal(r.hits.length, 1);
      assert.equal(await completeOutbox(db(), claimed[0]!.id, 'dead-worker', t.clock.now), false, 'the late worker cannot complete it');
      assert.equal((await outboxRows()).find((row) => row.id === claimed[0]!.id)!.attempts, 2);
    });

    test('start() polls in the background and stop() ends it', async () => {
      const r = await receiver();
      await addWebhook(t.parley.deps, { site: SITE, url: r.url });
      const worker = createOutboxWorker({
        db: db(), engine: t.parley.storage.engine, transact: t.parley.deps.transact, now: () => t.clock.now,
        workerId: 'polling', handlers: outboxHandlers(t.parley.deps), intervalMs: 20,
      });
      worker.start();
      try {
        await post(t.app);
        for (let i = 0; i < 200 && r.hits.length === 0; i++) await new Promise((res) => setTimeout(res, 10));
        assert.equal(r.hits.length, 1);
      } finally {
        await worker.stop();
      }
    });

    if (engine.name === 'postgres') {
      test('two workers running at once deliver each of 50 events exactly once (FOR UPDATE SKIP LOCKED)', async () => {
        const r = await receiver();
        await addWebhook(t.parley.deps, { site: SITE, url: r.url });
        for (let i = 0; i < 50; i++) await post(t.app, { body: `comment ${i}` });
        const workers = ['a', 'b'].map((id) => createOutboxWorker({
          db: db(), engine: 'postgres', transact: t.parley.deps.transact, now: () => t.clock.now,
          workerId: id, handlers: outboxHandlers(t.parley.deps), batchSize: 3,
        }));
        const handled = await Promise.all([...workers, ...workers].map((w) => w.runOnce()));
        assert.equal(handled.reduce((a, b) => a + b, 0), 100, `handled ${handled}`);
        assert.equal(r.hits.length, 50);
        assert.equal(new Set(r.hits.map((h) => h.headers['parley-event-id'])).size, 50);
        assert.equal(new Set(r.hits.map((h) => JSON.parse(h.body).data.comment.id)).size, 50);
        assert.ok((await outboxRows()).every((row) => row.done_at !== null && row.attempts === 1));
      });
    }
  });
}
