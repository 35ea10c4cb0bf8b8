import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest, openStorage, type Storage } from '../../src/server/storage/connect.js';
import { parseDatabaseUrl } from '../../src/server/storage/database-url.js';
import { getSite, insertSite } from '../../src/server/storage/repos/site-repo.js';
import { createTransactor } from '../../src/server/storage/transactor.js';
import { sqliteEngine, type TestDatabase } from '../support/engines.js';

/**
 * SQLite reads run on a read-only connection of their own: a reader never waits for the writer (a transaction still
 * open, the fsync of a commit, a checkpoint), and sees each committed write. Writes take turns on the writer.
 */
describe('sqlite: writer and read connections', () => {
  let database: TestDatabase;
  let s: Storage;
  before(async () => {
    database = await sqliteEngine.create();
    s = await openStorage(parseDatabaseUrl(database.url));
    await migrateToLatest(s.db);
    await insertSite(s.db, { id: 'a', name: 'A', origins: [], createdAt: 1 });
  });
  after(async () => {
    await s?.close();
    await database?.drop();
  });

  /**
   * Starts a transaction that inserts site `id` and stays open on the writer until `finish()`; `ended` settles when
   * it does (rejected when `fail`). Resolves once the insert is done inside it.
   */
  const holdTransaction = async (id: string, fail = false) => {
    let inside!: () => void;
    const held = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const release = new Promise<void>((r) => (finish = r));
    const ended = createTransactor(s.db, s.engine)(async (trx) => {
      await insertSite(trx, { id, name: id.toUpperCase(), origins: [], createdAt: 2 });
      inside();
      await release;
      if (fail) throw new Error('rolled back');
    });
    await held;
    return { finish, ended };
  };

  test('a read is answered while a write transaction is open, and sees the last committed state', async () => {
    const open = await holdTransaction('b');
    const started = performance.now();
    const a = await getSite(s.db, 'a');
    const b = await getSite(s.db, 'b');
    const ms = performance.now() - started;
    assert.equal(a?.name, 'A', 'committed rows are read during the open transaction');
    assert.equal(b, undefined, 'the open transaction is not visible to readers');
    assert.ok(ms < 100, `the reads did not wait for the writer (${ms.toFixed(1)} ms)`);
    open.finish();
    await open.ended;
    assert.equal((await getSite(s.db, 'b'))?.name, 'B', 'visible once committed');
  });

  test('writes outside a transaction wait their turn and do not mix into an open one', async () => {
    const open = await holdTransaction('c', true);
    const outside = insertSite(s.db, { id: 'd', name: 'D', origins: [], createdAt: 4 });
    open.finish();
    await assert.rejects(open.ended, /rolled back/);
    await outside;
    assert.equal(await getSite(s.db, 'c'), undefined, 'the failed transaction left nothing');
    assert.equal((await getSite(s.db, 'd'))?.name, 'D', 'the write made meanwhile is kept');
  });

  test('the database is intact, in WAL mode, its writer syncing the WAL itself', async () => {
    const rows = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(s.db);
    assert.equal(rows.rows[0]?.journal_mode, 'wal');
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(s.db);
    assert.equal(sync.rows[0]?.synchronous, 1, 'synchronous = NORMAL on the writer: each answer waits for an fdatasync of the WAL instead');
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(s.db);
    assert.equal(check.rows[0]?.integrity_check, 'ok');
  });
});
