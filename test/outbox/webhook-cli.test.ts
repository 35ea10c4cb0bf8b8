import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildIfStale, parley } from '../support/cli.js';
import { ENGINES, type TestDatabase } from '../support/engines.js';

before(buildIfStale);

test('parley webhook --help', async () => {
  const r = await parley(['webhook', '--help']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Usage: parley webhook add\|list\|remove\|log/);
  assert.match((await parley(['--help'])).stdout, /webhook add\|list\|remove\|log/);
  const bad = await parley(['webhook', 'frob', 'x']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown webhook command "frob"/);
});

for (const engine of ENGINES) {
  describe(`${engine.name}: parley webhook add, list, log, remove`, { skip: engine.skipReason }, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    before(async () => {
      database = await engine.create();
      env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
      assert.equal((await parley(['site', 'add', 'paper'], env)).code, 0);
    });
    after(() => database?.drop());

    test('add prints the secret once; list shows the webhook without it; remove deletes it', async () => {
      const add = await parley(['webhook', 'add', 'paper', 'https://hooks.example.org/parley', '--events', 'comment.created,comment.deleted'], env);
      assert.equal(add.code, 0, add.stderr);
      const m = /^Added webhook (\w+)\thttps:\/\/hooks\.example\.org\/parley\tcomment\.created,comment\.deleted$/m.exec(add.stdout);
      assert.ok(m, add.stdout);
      const secret = /Signing secret: (whsec_[A-Za-z0-9_-]{20,})/.exec(add.stdout)?.[1];
      assert.ok(secret, add.stdout);
      const list = await parley(['webhook', 'list', 'paper'], env);
      assert.match(list.stdout, new RegExp(`^${m[1]}\\thttps://hooks\\.example\\.org/parley\\tcomment\\.created,comment\\.deleted$`, 'm'));
      assert.ok(!list.stdout.includes(secret));
      const json = JSON.parse((await parley(['webhook', 'list', 'paper', '--json'], env)).stdout);
      assert.deepEqual(json.map((w: { id: string; secret?: string }) => [w.id, w.secret]), [[m[1], undefined]]);
      assert.match((await parley(['webhook', 'log', 'paper', '--limit', '5'], env)).stdout, /No deliveries yet for paper/);

      const http = await parley(['webhook', 'add', 'paper', 'http://127.0.0.1:9/hook'], env);
      assert.equal(http.code, 0, http.stderr);
      assert.match(http.stdout, /comment\.created,comment\.updated,comment\.deleted/);
      assert.match(http.stderr, /not https/);

      const rm = await parley(['webhook', 'remove', 'paper', m[1]!], env);
      assert.equal(rm.code, 0, rm.stderr);
      assert.doesNotMatch((await parley(['webhook', 'list', 'paper'], env)).stdout, new RegExp(m[1]!));
      const again = await parley(['webhook', 'remove', 'paper', m[1]!], env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /has no webhook/);
    });

    test('refused: non-http(s) URLs, unknown events, unknown sites, missing arguments', async () => {
      const ftp = await parley(['webhook', 'add', 'paper', 'ftp://hooks.example.org/x'], env);
      assert.equal(ftp.code, 1);
      assert.match(ftp.stderr, /must be http\(s\)/);
      const events = await parley(['webhook', 'add', 'paper', 'https://hooks.example.org/x', '--events', 'comment.voted'], env);
      assert.equal(events.code, 1);
      assert.match(events.stderr, /Unknown event type\(s\): comment\.voted/);
      const site = await parley(['webhook', 'list', 'nope'], env);
      assert.equal(site.code, 1);
      assert.match(site.stderr, /Site 'nope' does not exist: create it with `parley site add nope/);
      const missing = await parley(['webhook', 'add', 'paper'], env);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /needs <site> <url>/);
    });
  });
}
