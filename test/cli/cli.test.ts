import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrationProvider } from '../../src/server/storage/migrations/index.js';
import { buildIfStale, parley, serve } from '../support/cli.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

before(buildIfStale);

describe('parley CLI: help and configuration errors', () => {
  test('--help everywhere', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['site', '--help'], ['site', 'add', '--help'], ['page', '--help']]) {
      const r = await parley(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /Usage: parley/, args.join(' '));
    }
    const serveHelp = (await parley(['serve', '--help'])).stdout;
    for (const env of ['PORT', 'HOST', 'DATABASE_URL', 'EDIT_WINDOW', 'RATE_LIMIT', 'TRUST_PROXY']) assert.match(serveHelp, new RegExp(`env ${env}\\b`));
  });

  test('an unknown command or flag is a usage error with exit code 2', async () => {
    const unknown = await parley(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    const flag = await parley(['migrate', '--colour']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--colour'/);
  });

  test('every bad configuration value is reported at once, clearly, before anything starts', async () => {
    const r = await parley(['serve'], { PORT: 'eighty', EDIT_WINDOW: 'soon', RATE_LIMIT: 'maybe', TRUST_PROXY: 'everyone', DATABASE_URL: 'mysql://x' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /PORT="eighty" must be a whole number from 0 to 65535/);
    assert.match(r.stderr, /EDIT_WINDOW="soon" must be a duration/);
    assert.match(r.stderr, /RATE_LIMIT="maybe" must be on or off/);
    assert.match(r.stderr, /TRUST_PROXY="everyone" "everyone" is not an IP address/);
    const db = await parley(['migrate'], { DATABASE_URL: 'mysql://x' });
    assert.equal(db.code, 1);
    assert.match(db.stderr, /DATABASE_URL must be a file path, a sqlite: URL or a postgres:\/\/ URL/);
  });
});

for (const engine of ENGINES) {
  describe(`${engine.name}: parley migrate, site and serve`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    const dirs: string[] = [];
    before(async () => {
      database = await engine.create();
      env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    });
    after(async () => {
      await database?.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    test('migrate applies the schema once', async () => {
      const first = await parley(['migrate'], env);
      assert.equal(first.code, 0, first.stderr);
      const names = Object.keys(await migrationProvider.getMigrations());
      assert.ok(names.length >= 2 && names[0] === '0001-initial');
      assert.equal(first.stdout.trim(), `Applied ${names.length} migration(s): ${names.join(', ')}`);
      const again = await parley(['migrate'], env);
      assert.match(again.stdout, /up to date/);
    });

    test('site add, list, update', async () => {
      const add = await parley(['site', 'add', 'my-paper', '--name', 'My Paper', '--origin', 'https://News.Example.org/', '--origin', 'https://www.example.org'], env);
      assert.equal(add.code, 0, add.stderr);
      assert.match(add.stdout, /Added site my-paper\tMy Paper\thttps:\/\/news\.example\.org https:\/\/www\.example\.org/);
      const dup = await parley(['site', 'add', 'my-paper'], env);
      assert.equal(dup.code, 1);
      assert.match(dup.stderr, /already exists/);
      const bad = await parley(['site', 'add', 'other', '--origin', 'news.example.org'], env);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /not an origin/);
      const upd = await parley(['site', 'update', 'my-paper', '--origin', 'https://paper.example'], env);
      assert.match(upd.stdout, /Updated site my-paper\tMy Paper\thttps:\/\/paper\.example\tnone$/m, 'reactions are off by default');
      const list = JSON.parse((await parley(['site', 'list', '--json'], env)).stdout);
      assert.deepEqual(list.map((s: { id: string; origins: string[] }) => [s.id, s.origins]), [['my-paper', ['https://paper.example']]]);
      // Reactions: a subset of the vocabulary, in the order given; none turns them off; unknown names are refused.
      const react = await parley(['site', 'update', 'my-paper', '--reactions', 'love,like,laugh'], env);
      assert.equal(react.code, 0, react.stderr);
      assert.match(react.stdout, /Updated site my-paper\tMy Paper\thttps:\/\/paper\.example\tlove,like,laugh$/m, 'origins are kept');
      const table = (await parley(['site', 'list'], env)).stdout;
      assert.match(table, /^id\tname\torigins\treactions$/m);
      assert.match(table, /^my-paper\tMy Paper\thttps:\/\/paper\.example\tlove,like,laugh$/m);
      assert.deepEqual(JSON.parse((await parley(['site', 'list', '--json'], env)).stdout)[0].reactions, ['love', 'like', 'laugh']);
      const unknown = await parley(['site', 'update', 'my-paper', '--reactions', 'like,thumbsup'], env);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /thumbsup.*like, love, laugh, wow, sad, angry/);
      assert.match((await parley(['site', 'update', 'my-paper', '--name', 'My Paper'], env)).stdout, /\tlove,like,laugh$/m, 'an update without --reactions keeps them');
      assert.match((await parley(['site', 'update', 'my-paper', '--reactions', 'none'], env)).stdout, /\tnone$/m);
      const added = await parley(['site', 'add', 'with-reactions', '--reactions', 'wow'], env);
      assert.match(added.stdout, /Added site with-reactions\twith-reactions\t.*\twow$/m);
      const missing = await parley(['site', 'update', 'nope', '--name', 'x'], env);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no site "nope"/);
    });

    test('site key and page update: a publisher revision re-anchors passage comments; orphans are listed', async () => {
      const key = await parley(['site', 'key', 'my-paper'], env);
      assert.equal(key.code, 0, key.stderr);
      assert.match(key.stdout, /New publisher key for my-paper: pk_[A-Za-z0-9_-]{20,}/);
      const dir = mkdtempSync(join(tmpdir(), 'parley-page-'));
      dirs.push(dir);
      const file = join(dir, 'column.txt');
      writeFileSync(file, 'First paragraph about buses.\n\nSecond paragraph about trams.');
      const url = 'https://paper.example/columns/transit';
      const first = await parley(['page', 'update', '--site', 'my-paper', '--url', url, '--file', file], env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /New article text \(59 characters/);
      assert.match(first.stdout, /0 in place, 0 moved, 0 on an edited passage, 0 orphaned/);
      const again = await parley(['page', 'update', '--site', 'my-paper', '--url', url, '--file', file], env);
      assert.match(again.stdout, /Article text unchanged/);
      const orphans = await parley(['page', 'orphans', '--site', 'my-paper', '--url', url], env);
      assert.match(orphans.stdout, /No orphaned passage comments/);
      const missing = await parley(['page', 'update', '--url', url, '--file', file], env);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /needs --site and --url/);
    });

    test('serve starts on PORT/HOST with the demo publication and stops cleanly on SIGTERM', async () => {
      const { child, url } = await serve(env);
      try {
        assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
        const index = await (await fetch(`${url}/`)).text();
        assert.match(index, /href="\/columns\//);
        const embed = await fetch(`${url}/embed.js`);
        assert.equal(embed.status, 200);
      } finally {
        child.kill('SIGTERM');
      }
      const code = await new Promise((r) => child.on('exit', r));
      assert.equal(code, 0);
    });
  });
}

test('DATABASE_URL as a sqlite: URL creates the file and its folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  try {
    const r = await parley(['migrate'], { DATABASE_URL: `sqlite:${join(dir, 'nested', 'x.db')}` });
    assert.equal(r.code, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
