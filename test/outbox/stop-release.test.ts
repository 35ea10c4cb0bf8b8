import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOutboxWorker } from '../../src/server/outbox/outbox-worker.js';
import { appendOutbox, claimOutbox } from '../../src/server/storage/repos/outbox-repo.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/engines.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: a stopping outbox worker releases what it holds`, { skip: engine.skipReason }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp({ engine });
    });
    after(() => t?.close());

    test('jobs stuck in a handler past the grace period are claimable by another worker at once', async () => {
      const db = t.parley.storage.db;
      const now = t.clock.now;
      await appendOutbox(db, [1, 2, 3].map((i) => ({ id: `stuck${i}`, topic: 'slow', payload: {}, availableAt: now })), now);
      let started = 0;
      let finish: () => void = () => undefined;
      const hanging = new Promise<void>((resolve) => (finish = resolve));
      const worker = createOutboxWorker({
        db, engine: t.parley.storage.engine, transact: t.parley.deps.transact, now: () => t.clock.now, workerId: 'stopping',
        handlers: { slow: async () => { started++; await hanging; } }, leaseMs: 60_000,
      });
      const round = worker.runOnce();
      for (let i = 0; i < 200 && started < 3; i++) await new Promise((r) => setTimeout(r, 5));
      assert.equal(started, 3);
      const other = { workerId: 'next', now: t.clock.now, leaseMs: 60_000, limit: 10 };
      assert.equal((await t.parley.deps.transact((trx) => claimOutbox(trx, engine.name, other))).length, 0, 'leased to the stopping worker');

      const t0 = Date.now();
      assert.equal(await worker.stop({ graceMs: 100 }), 3);
      assert.ok(Date.now() - t0 < 2_000, 'the grace period bounds the wait');
      const claimed = await t.parley.deps.transact((trx) => claimOutbox(trx, engine.name, other));
      assert.deepEqual(claimed.map((j) => j.id).sort(), ['stuck1', 'stuck2', 'stuck3'], 'released: claimable at once');

      finish();
      await round;
      const rows = await db.selectFrom('outbox').select(['id', 'claimed_by', 'done_at']).execute();
      assert.ok(rows.every((r) => r.claimed_by === 'next' && r.done_at === null), 'the late handlers do not complete rows they no longer hold');
    });

    test('a worker with nothing in hand stops at once and releases nothing', async () => {
      const worker = createOutboxWorker({
        db: t.parley.storage.db, engine: t.parley.storage.engine, transact: t.parley.deps.transact, now: () => t.clock.now, workerId: 'idle', handlers: {},
      });
      worker.start();
      assert.equal(await worker.stop(), 0);
    });
  });
}
