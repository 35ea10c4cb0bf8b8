import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrateToLatest, openStorage, type Storage } from '../../src/server/storage/connect.js';
import { parseDatabaseUrl } from '../../src/server/storage/database-url.js';
import { getSite, insertSite } from '../../src/server/storage/repos/site-repo.js';
import { createTransactor } from '../../src/server/storage/transactor.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

for (const engine of ENGINES) {
  describe(`${engine.name}: transactions of concurrent writers`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let s: Storage;
    before(async () => {
      database = await engine.create();
      s = await openStorage(parseDatabaseUrl(database.url));
      await migrateToLatest(s.db);
    });
    after(async () => {
      await s?.close();
      await database?.drop();
    });

    test('a failing writer undoes only its own writes; the others are committed and answered', async () => {
      const transact = createTransactor(s.db, s.engine);
      const jobs = Array.from({ length: 30 }, (_, i) =>
        transact(async (trx) => {
          await insertSite(trx, { id: `s${i}`, name: `S${i}`, origins: [], createdAt: i });
          if (i % 3 === 0) throw new Error(`job ${i} fails after writing`);
          return i;
        }),
      );
      const results = await Promise.allSettled(jobs);
      results.forEach((r, i) => assert.equal(r.status, i % 3 === 0 ? 'rejected' : 'fulfilled', `job ${i}`));
      for (let i = 0; i < 30; i++) assert.equal(Boolean(await getSite(s.db, `s${i}`)), i % 3 !== 0, `site s${i}`);
    });

    test('a lone failing writer leaves nothing behind and the next one still works', async () => {
      const transact = createTransactor(s.db, s.engine);
      await assert.rejects(transact(async (trx) => {
        await insertSite(trx, { id: 'lone', name: 'L', origins: [], createdAt: 1 });
        throw new Error('no');
      }), /no/);
      assert.equal(await getSite(s.db, 'lone'), undefined);
      assert.equal(await transact(async (trx) => (await insertSite(trx, { id: 'lone', name: 'L', origins: [], createdAt: 1 }), 'ok')), 'ok');
    });

    test('a write answered is visible to the next reader', async () => {
      const transact = createTransactor(s.db, s.engine);
      await Promise.all(Array.from({ length: 10 }, (_, i) => transact((trx) => insertSite(trx, { id: `v${i}`, name: 'V', origins: [], createdAt: 1 })).then(async () => {
        assert.ok(await getSite(s.db, `v${i}`), `v${i} visible once acknowledged`);
      })));
    });
  });
}
