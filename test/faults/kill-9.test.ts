import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { buildIfStale, parley, serve, type Served } from '../support/cli.js';

const ORIGIN = 'https://news.example.org';
const PAGE = `${ORIGIN}/columns/killed`;

/**
 * `kill -9` of a SQLite server while 16 clients write and 4 read: every comment it acknowledged (201) is in the
 * database afterwards, the database is intact, and the next start serves it.
 */
describe('kill -9 under mixed load (SQLite)', () => {
  let dir: string;
  let server: Served;
  let env: Record<string, string>;
  before(async () => {
    await buildIfStale();
    dir = mkdtempSync(join(tmpdir(), 'parley-kill-'));
    env = { DATABASE_URL: join(dir, 'parley.db'), DEMO: 'off', RATE_LIMIT: 'off' };
    assert.equal((await parley(['site', 'add', 'news', '--name', 'News', '--origin', ORIGIN], env)).code, 0);
    server = await serve(env);
  });
  after(() => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('nothing acknowledged is lost; the database is intact and serves again', async (t) => {
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async () => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${server.url}/api/v1/comments`, {
            method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
            body: JSON.stringify({ site: 'news', url: PAGE, body: `comment ${i}`, author: { name: 'W' } }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { comment: { id: string } }).comment.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const reader = async () => {
      while (!stop) {
        try {
          await (await fetch(`${server.url}/api/v1/comments?site=news&url=${encodeURIComponent(PAGE)}`)).arrayBuffer();
        } catch {
          return;
        }
      }
    };
    const load = [...Array.from({ length: 16 }, writer), ...Array.from({ length: 4 }, reader)];
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    stop = true;
    await Promise.all(load);
    assert.ok(acknowledged.length > 50, `writes were acknowledged before the kill (${acknowledged.length})`);

    const db = new Database(env.DATABASE_URL!);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const stored = new Set((db.prepare('select id from comments').all() as { id: string }[]).map((r) => r.id));
    db.close();
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments lost`);

    server = await serve(env);
    const list = (await (await fetch(`${server.url}/api/v1/comments?site=news&url=${encodeURIComponent(PAGE)}`)).json()) as { total: number };
    assert.ok(list.total >= acknowledged.length, 'the restarted server serves them');
    t.diagnostic(`${acknowledged.length} acknowledged before kill -9, all stored (${stored.size} rows)`);
  });
});
