import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildIfStale, parley } from '../support/cli.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

before(buildIfStale);

for (const engine of ENGINES) {
  describe(`${engine.name}: parley site sso-secret, parley user history|ban`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await engine.create();
      env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
      assert.equal((await parley(['migrate'], env)).code, 0);
      assert.equal((await parley(['site', 'add', 'paper', '--origin', 'https://paper.example'], env)).code, 0);
    });
    after(async () => database?.drop());

    test('sso-secret is printed once and changes each time', async () => {
      const a = await parley(['site', 'sso-secret', 'paper'], env);
      assert.equal(a.code, 0, a.stderr);
      const secret = /New SSO secret for paper: (sso_\S+)/.exec(a.stdout)?.[1];
      assert.ok(secret && secret.length > 40);
      const b = await parley(['site', 'sso-secret', 'paper'], env);
      assert.notEqual(/: (sso_\S+)/.exec(b.stdout)?.[1], secret);
      assert.equal((await parley(['site', 'sso-secret', 'nope'], env)).code, 1);
    });

    test('user history and ban', async () => {
      const empty = await parley(['user', 'history', 'x@example.org', '--site', 'paper', '--json'], env);
      assert.equal(empty.code, 0, empty.stderr);
      assert.deepEqual(JSON.parse(empty.stdout), { email: 'x@example.org', banned: false, comments: [] });
      const ban = await parley(['user', 'ban', 'X@Example.org', '--site', 'paper'], env);
      assert.equal(ban.code, 0, ban.stderr);
      assert.match(ban.stdout, /Banned x@example\.org on paper/);
      assert.equal(JSON.parse((await parley(['user', 'history', 'x@example.org', '--site', 'paper', '--json'], env)).stdout).banned, true);
      assert.equal((await parley(['user', 'ban', 'x@example.org'], env)).code, 2, '--site is required');
      assert.equal((await parley(['user', 'ban', 'not-an-email', '--site', 'paper'], env)).code, 1);
      assert.equal((await parley(['user', '--help'], env)).code, 0);
    });

    test('user staff labels an address as the site\'s staff, lists and removes it', async () => {
      assert.match((await parley(['user', 'staff', '--list', '--site', 'paper'], env)).stdout, /paper has no staff accounts/);
      const add = await parley(['user', 'staff', 'Editor@Paper.example', '--site', 'paper'], env);
      assert.equal(add.code, 0, add.stderr);
      assert.match(add.stdout, /editor@paper\.example is staff on paper/);
      assert.match((await parley(['user', 'staff', '--list', '--site', 'paper'], env)).stdout, /^editor@paper\.example\teditor\t/m);
      const rm = await parley(['user', 'staff', 'editor@paper.example', '--site', 'paper', '--remove'], env);
      assert.equal(rm.code, 0, rm.stderr);
      assert.match((await parley(['user', 'staff', '--list', '--site', 'paper'], env)).stdout, /paper has no staff accounts/);
      assert.equal((await parley(['user', 'staff', 'nobody@paper.example', '--site', 'paper', '--remove'], env)).code, 1);
      assert.equal((await parley(['user', 'staff', 'a@paper.example', '--site', 'nope'], env)).code, 1);
      assert.equal((await parley(['user', 'staff', '--site', 'paper'], env)).code, 2, 'an address is required');
    });
  });
}
