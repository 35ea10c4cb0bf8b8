import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { buildIfStale, parley, serve, type Served } from '../support/cli.js';

const ORIGIN = 'https://news.example.org';
const PAGE = `${ORIGIN}/columns/full`;

/** A 4 MB filesystem of the test's own (tmpfs), so that it can be filled; mounting needs root. */
const skip = process.getuid?.() !== 0 ? 'mounting a small tmpfs to fill needs root (CI runs as root)' : false;

/**
 * The disk under a SQLite database fills up. Writes answer 503 STORAGE_FULL with Retry-After (not 500), /readyz says
 * "disk full", the database stays intact (integrity_check), nothing acknowledged is lost, and writes resume by
 * themselves once space returns.
 */
describe('SQLite on a full disk', { skip }, () => {
  let dir: string;
  let mnt: string;
  let server: Served;
  const post = (i: number) => fetch(`${server.url}/api/v1/comments`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ site: 'news', url: PAGE, body: `comment ${i} ${'x'.repeat(2000)}`, author: { name: 'W' } }),
  });
  before(async () => {
    await buildIfStale();
    dir = mkdtempSync(join(tmpdir(), 'parley-full-'));
    mnt = join(dir, 'disk');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
    const env = { DATABASE_URL: join(mnt, 'parley.db'), DEMO: 'off', RATE_LIMIT: 'off' };
    assert.equal((await parley(['site', 'add', 'news', '--name', 'News', '--origin', ORIGIN], env)).code, 0);
    server = await serve(env);
  });
  after(() => {
    server?.child.kill('SIGKILL');
    try {
      execFileSync('umount', ['-l', mnt]);
    } catch {
      /* not mounted */
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('503 STORAGE_FULL and "disk full" on /readyz while full; intact; writes resume when space returns', async (t) => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await post(i);
      assert.equal(res.status, 201);
      acknowledged.push(((await res.json()) as { comment: { id: string } }).comment.id);
    }
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    // Fill the disk: a file taking what is left.
    const filler = join(mnt, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
    } catch {
      /* ENOSPC: the disk is full, as wanted */
    }
    const refused: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const res = await post(100 + i);
      const json = (await res.json()) as { comment?: { id: string }; error?: { code: string } };
      if (res.status === 201) acknowledged.push(json.comment!.id);
      else {
        assert.equal(res.status, 503, JSON.stringify(json));
        assert.equal(json.error?.code, 'STORAGE_FULL');
        assert.ok(Number(res.headers.get('retry-after')) > 0);
        refused[json.error!.code] = (refused[json.error!.code] ?? 0) + 1;
      }
    }
    assert.ok(refused.STORAGE_FULL, 'writes were refused while the disk was full');
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { error: { code: string } }).error.code, 'STORAGE_FULL');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the process is alive');
    assert.equal((await fetch(`${server.url}/api/v1/comments?site=news&url=${encodeURIComponent(PAGE)}`)).status, 200, 'reads still work');

    rmSync(filler);
    let resumed = false;
    for (let i = 0; i < 30 && !resumed; i++) {
      const res = await post(1000 + i);
      if (res.status === 201) {
        resumed = true;
        acknowledged.push(((await res.json()) as { comment: { id: string } }).comment.id);
      } else await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(resumed, 'writes resume once space returns');
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));

    const db = new Database(join(mnt, 'parley.db'), { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const stored = new Set((db.prepare('select id from comments').all() as { id: string }[]).map((r) => r.id));
    db.close();
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], 'every acknowledged comment is stored');
    t.diagnostic(`${acknowledged.length} acknowledged, ${refused.STORAGE_FULL} refused with STORAGE_FULL while full`);
  });
});
