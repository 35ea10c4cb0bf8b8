import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { buildIfStale, parley, serve, type Served } from '../support/cli.js';
import { pgClusterSkipReason, startPgCluster, type PgCluster } from '../support/pg-cluster.js';

const ORIGIN = 'https://news.example.org';
const PAGE = `${ORIGIN}/columns/restart`;
const WRITERS = 32;

/**
 * PostgreSQL restarts (an upgrade, a failover) while 32 clients write. Before: the process died of an unhandled
 * 'error' event from a pooled client (57P01 terminating connection due to administrator command) and never came
 * back. Now: during the outage clients get 503 SERVICE_UNAVAILABLE with Retry-After, the process stays up, recovers
 * by itself, and every comment it acknowledged (201) is in the database.
 */
describe('a PostgreSQL restart under write load', { skip: pgClusterSkipReason }, () => {
  let cluster: PgCluster;
  let server: Served;
  before(async () => {
    await buildIfStale();
    cluster = await startPgCluster();
    const env = { DATABASE_URL: cluster.url, DEMO: 'off', RATE_LIMIT: 'off' };
    const added = await parley(['site', 'add', 'news', '--name', 'News', '--origin', ORIGIN], env);
    assert.equal(added.code, 0, added.stderr);
    server = await serve(env);
  });
  after(() => {
    server?.child.kill('SIGKILL');
    cluster?.destroy();
  });

  test('clients get 503 with Retry-After during the outage; the process recovers; nothing acknowledged is lost', async (t) => {
    const acknowledged: string[] = [];
    const statuses = new Map<string, number>();
    let stop = false;
    let n = 0;
    const writer = async () => {
      while (!stop) {
        const i = n++;
        let res: Response;
        try {
          res = await fetch(`${server.url}/api/v1/comments`, {
            method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
            body: JSON.stringify({ site: 'news', url: PAGE, body: `comment ${i}`, author: { name: 'W' } }),
          });
        } catch {
          statuses.set('network', (statuses.get('network') ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const json = (await res.json()) as { comment?: { id: string }; error?: { code: string } };
        const key = res.status === 201 ? '201' : `${res.status} ${json.error?.code}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (res.status === 201) acknowledged.push(json.comment!.id);
        else {
          assert.equal(res.status, 503, `only 503 during the outage, got ${key}`);
          assert.equal(json.error?.code, 'SERVICE_UNAVAILABLE');
          assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After is set');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);
    await new Promise((r) => setTimeout(r, 1500));
    const beforeRestart = acknowledged.length;
    cluster.restart();
    await new Promise((r) => setTimeout(r, 2500));
    stop = true;
    await Promise.all(writers);
    assert.equal(server.child.exitCode, null, `the process is still running; its log:\n${server.log().slice(-2000)}`);
    assert.ok(beforeRestart > 0, 'writes were accepted before the restart');

    // It recovers by itself: writes are accepted again.
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      const res = await fetch(`${server.url}/api/v1/comments`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ site: 'news', url: PAGE, body: 'after', author: { name: 'W' } }),
      });
      if (res.status === 201) {
        recovered = true;
        acknowledged.push(((await res.json()) as { comment: { id: string } }).comment.id);
      } else await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(recovered, `writes accepted again after the restart (statuses: ${JSON.stringify([...statuses])})`);
    assert.ok(acknowledged.length > beforeRestart, 'writes were accepted after the restart too');

    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('select id from comments');
    await client.end();
    const stored = new Set(rows.map((r) => r.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments are missing`);
    t.diagnostic(`answers during the run: ${JSON.stringify(Object.fromEntries(statuses))}; ${acknowledged.length} acknowledged, all stored`);
  });
});
