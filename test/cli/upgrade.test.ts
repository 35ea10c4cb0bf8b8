import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { migrationProvider } from '../../src/server/storage/migrations/index.js';
import { openStorage } from '../../src/server/storage/connect.js';
import { parseDatabaseUrl } from '../../src/server/storage/database-url.js';
import { sql } from 'kysely';
import { bin, buildIfStale, parley, root } from '../support/cli.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

/**
 * Upgrades: `parley migrate --dry-run` lists what would run and changes nothing; a database whose schema is newer
 * than this version (a migration it does not know, left by a newer Parley) is refused by migrate and by serve,
 * before anything changes.
 */
for (const engine of ENGINES) {
  describe(`${engine.name}: migrate --dry-run and a database newer than this version`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      await buildIfStale();
      database = await engine.create();
      env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    });
    after(() => database?.drop());

    test('dry run lists the pending migrations and applies none', async () => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const dry = await parley(['migrate', '--dry-run'], env);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(dry.stdout.trim(), `Would apply ${names.length} migration(s): ${names.join(', ')}`);
      const again = await parley(['migrate', '--dry-run'], env);
      assert.equal(again.stdout.trim(), dry.stdout.trim(), 'nothing was applied');
      assert.equal((await parley(['migrate'], env)).code, 0);
      assert.match((await parley(['migrate', '--dry-run'], env)).stdout, /up to date/);
    });

    test('a schema from a newer Parley is refused by migrate and serve, and left as it is', async () => {
      const storage = await openStorage(parseDatabaseUrl(database.url));
      await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(storage.db);
      await storage.close();
      const dry = await parley(['migrate', '--dry-run'], env);
      assert.equal(dry.code, 1);
      assert.match(dry.stdout, /newer than this version of Parley \(unknown migration\(s\): 9999-from-the-future\)/);
      const migrate = await parley(['migrate'], env);
      assert.notEqual(migrate.code, 0);
      assert.match(migrate.stderr, /schema is newer than this version of Parley.*9999-from-the-future.*restore the backup/);
      const serve = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, ...env, PORT: '0', DEMO: 'off' }, cwd: root });
      let out = '';
      serve.stdout.on('data', (b) => (out += b));
      serve.stderr.on('data', (b) => (out += b));
      const code = await new Promise<number | null>((resolve) => serve.on('exit', resolve));
      assert.notEqual(code, 0, out);
      assert.match(out, /schema is newer than this version/);
      assert.doesNotMatch(out, /Server listening/);
    });
  });
}
