import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newSiteKey } from '../../src/server/use-cases/manage-sites.js';
import { addWebhook } from '../../src/server/webhooks/manage-webhooks.js';
import { createTestApp, post, SITE, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';
import { startReceiver } from '../outbox/receiver.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: GET /api/v1/webhooks/deliveries`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    let key: string;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    before(async () => {
      t = await createTestApp({ engine });
      key = await newSiteKey(t.parley.deps, SITE);
      receiver = await startReceiver([503]);
    });
    after(async () => {
      await receiver?.close();
      await t?.close();
    });

    const log = (auth?: string, query = `site=${SITE}`) =>
      t.app.inject({ url: `/api/v1/webhooks/deliveries?${query}`, headers: auth ? { authorization: `Bearer ${auth}` } : {} });

    test('needs the site key', async () => {
      for (const res of [await log(), await log('pk_wrong')]) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'SITE_KEY_INVALID');
      }
      assert.equal((await log(key, 'site=news&limit=0')).json().error.code, 'VALIDATION_FAILED');
    });

    test('lists attempts newest first, with status, duration and error; never the secret', async () => {
      const hook = await addWebhook(t.parley.deps, { site: SITE, url: receiver.url });
      await post(t.app);
      await t.parley.outbox.runOnce();
      t.clock.now += 10_000;
      await t.parley.outbox.runOnce();
      const res = await log(key);
      assert.equal(res.statusCode, 200, res.body);
      const { deliveries } = res.json() as { deliveries: Array<Record<string, unknown>> };
      assert.deepEqual(deliveries.map((d) => [d.webhookId, d.attempt, d.status, d.delivered, d.error, d.eventType]), [
        [hook.id, 2, 200, true, null, 'comment.created'],
        [hook.id, 1, 503, false, 'HTTP 503', 'comment.created'],
      ]);
      assert.equal(deliveries[0]!.createdAt, new Date(t.clock.now).toISOString());
      assert.equal(typeof deliveries[0]!.durationMs, 'number');
      assert.ok(!res.body.includes(hook.secret));
      assert.equal((await log(key, `site=${SITE}&limit=1`)).json().deliveries.length, 1);
    });
  });
}
