import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { buildIfStale, parley, serve, type Served } from '../support/cli.js';
import { postgresEngine, type TestDatabase } from '../support/engines.js';
import { SseStream } from './sse-client.js';

/** Waits for a condition, not a duration (up to 10 s). */
async function until(cond: () => boolean): Promise<void> {
  for (const t0 = Date.now(); !cond(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - t0 > 10_000) throw new Error('condition not met within 10 s');
  }
}

const ORIGIN = 'https://news.example.org';
const PAGE = 'https://news.example.org/columns/shared';


async function stop(server: Served | undefined): Promise<number | null> {
  if (!server || server.child.exitCode !== null) return server?.child.exitCode ?? null;
  const exited = new Promise<number | null>((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  return exited;
}

// Two real `parley serve` processes on one PostgreSQL database: what one is told, the other's readers see.
describe('postgres: live updates across processes (LISTEN/NOTIFY)', { skip: postgresEngine.skipReason }, () => {
  let db: TestDatabase;
  let a: Served | undefined;
  let b: Served | undefined;
  let env: Record<string, string>;

  before(async () => {
    await buildIfStale();
    db = await postgresEngine.create();
    env = { DATABASE_URL: db.url, DEMO: 'off', RATE_LIMIT: 'off' };
    const added = await parley(['site', 'add', 'news', '--name', 'News', '--origin', ORIGIN], env);
    assert.equal(added.code, 0, added.stderr);
    [a, b] = await Promise.all([serve(env), serve(env)]);
  });
  after(async () => {
    await Promise.all([stop(a), stop(b)]);
    await db?.drop();
  });

  const list = async (server: Served) => {
    const res = await fetch(`${server.url}/api/v1/comments?site=news&url=${encodeURIComponent(PAGE)}`, { headers: { origin: ORIGIN } });
    return (await res.json()) as { comments: { id: string }[]; total: number };
  };
  const postOn = async (server: Served, body: string) => {
    const res = await fetch(`${server.url}/api/v1/comments`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'news', url: PAGE, body, author: { name: 'Ada', email: 'ada@example.org' } }),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { comment: { id: string } }).comment;
  };

  test('a comment posted on A reaches a stream on B, and B’s cached page shows it at once', async () => {
    // B caches the (empty) page
    assert.equal((await list(b!)).total, 0);
    assert.equal((await list(b!)).total, 0);
    const stream = await SseStream.open(`${b!.url}/api/v1/stream?site=news&url=${encodeURIComponent(PAGE)}`, { origin: ORIGIN });
    // A follows the thread too (so it keeps its events for reconnecting readers)
    const watcher = await SseStream.open(`${a!.url}/api/v1/stream?site=news&url=${encodeURIComponent(PAGE)}`, { origin: ORIGIN });
    try {
      assert.equal(stream.status, 200);
      const started = Date.now();
      const comment = await postOn(a!, 'Posted on A');
      const event = await stream.next(10_000);
      assert.equal(event.event, 'comment.created');
      assert.equal(JSON.parse(event.data).id, comment.id);
      assert.ok(!event.data.includes('ada@example.org'));
      assert.ok(Date.now() - started < 2000);
      const seen = await list(b!);
      assert.equal(seen.total, 1, 'no stale page on B');
      assert.deepEqual(seen.comments.map((c) => c.id), [comment.id]);

      // and the other way round, with B's own stream seeing its own writes once, in order
      const second = await postOn(b!, 'Posted on B');
      const next = await stream.next(10_000);
      assert.equal(JSON.parse(next.data).id, second.id);
      await assert.rejects(stream.next(300), /no event/, 'delivered once');
      assert.equal((await list(a!)).total, 2, 'no stale page on A');

      // both processes numbered the events alike: a reader of B may reconnect to A with B's last id
      const third = await postOn(a!, 'Posted on A again');
      const onA = await SseStream.open(`${a!.url}/api/v1/stream?site=news&url=${encodeURIComponent(PAGE)}`, { origin: ORIGIN, 'last-event-id': next.id! });
      const replayed = await onA.next(10_000);
      assert.equal(replayed.event, 'comment.created');
      assert.equal(JSON.parse(replayed.data).id, third.id);
      assert.equal(replayed.id, (await stream.next(10_000)).id);
      onA.close();
      watcher.close();

      // the LISTEN connections are cut (both processes'): they reconnect, and their readers are told to reload
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'parley-live' and datname = current_database()`);
      await admin.end();
      assert.equal(cut.rowCount, 2);
      const resync = await stream.next(10_000);
      assert.equal(resync.event, 'resync');
      // the child's log arrives through a pipe, possibly after the event: wait for it rather than race it
      await until(() => /listening to PostgreSQL again/.test(b!.log()));
      assert.match(b!.log(), /LISTEN connection failed .*reconnecting in 0\.5 s/);
      const fourth = await postOn(a!, 'After the cut');
      assert.equal(JSON.parse((await stream.next(10_000)).data).id, fourth.id);
      assert.equal((await list(b!)).total, 4);
    } finally {
      stream.close();
    }
  });

  test('both processes stop cleanly (LISTEN connection closed)', async () => {
    assert.equal(await stop(a), 0, a!.log());
    assert.equal(await stop(b), 0, b!.log());
  });
});
