import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';
import { freePort } from '../support/listening.js';

type Answer = { status: number; headers: Record<string, unknown>; body: Buffer };
/** Headers that differ between any two answers (or between inject and a socket). */
const VOLATILE = ['date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding'];
const comparable = (a: Answer) => ({
  status: a.status,
  headers: Object.fromEntries(Object.entries(a.headers).filter(([k]) => !VOLATILE.includes(k)).map(([k, v]) => [k, String(v)]).sort()),
  body: a.body.toString('base64'),
});

describe('the cached read ahead of Fastify (fast-read.ts)', () => {
  let t: TestApp;
  let base: string;
  let routeRuns = 0;
  const path = `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}&sort=newest`;

  before(async () => {
    t = await createTestApp();
    for (let i = 0; i < 30; i++) await post(t.app, { body: `Comment ${i}: ${'a thoughtful remark about the column, '.repeat(3)}` });
    // the route looks its site up through sites.get; the fast path never does
    const get = t.parley.sites.get.bind(t.parley.sites);
    t.parley.sites.get = (id) => (routeRuns++, get(id));
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  });
  after(() => t?.close());

  /** Over a socket: through the server's request event, where the fast path sits. */
  const viaSocket = (headers: Record<string, string>, url = path) => new Promise<Answer>((resolve, reject) => {
    request(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
  /** Through inject: Fastify's own handler, always the route. */
  const viaRoute = async (headers: Record<string, string>, url = path): Promise<Answer> => {
    const res = await t.app.inject({ url, headers });
    return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
  };
  /** The answer over the socket, asserting whether the route ran for it. */
  const fast = async (headers: Record<string, string>, expectRoute: boolean, url = path) => {
    const before = routeRuns;
    const a = await viaSocket(headers, url);
    assert.equal(routeRuns > before, expectRoute, expectRoute ? 'expected the route to answer' : 'expected the fast path to answer');
    return a;
  };

  test('an allowed origin: the fast answer equals the route\'s, headers included (gzip and identity)', async () => {
    // one ready answer per URL and Origin, serving both encodings
    const cases: [Record<string, string>, boolean][] = [[{ origin: ORIGIN, 'accept-encoding': 'gzip' }, true], [{ origin: ORIGIN }, false], [{}, true]];
    for (const [headers, first] of cases) {
      await fast(headers, first); // a first answer goes through the route and is kept
      const quick = await fast(headers, false);
      const slow = await viaRoute(headers);
      assert.equal(quick.status, 200);
      assert.deepEqual(comparable(quick), comparable(slow));
      assert.match(String(quick.headers['x-request-id']), /^[A-Za-z0-9_-]{12}$/);
    }
    const gz = await fast({ origin: ORIGIN, 'accept-encoding': 'gzip' }, false);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['access-control-allow-origin'], ORIGIN);
  });

  test('If-None-Match: the same 304 as the route', async () => {
    const etag = String((await fast({ origin: ORIGIN }, false)).headers.etag);
    for (const match of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const headers = { origin: ORIGIN, 'if-none-match': match };
      const quick = await fast(headers, false);
      assert.equal(quick.status, 304);
      assert.deepEqual(comparable(quick), comparable(await viaRoute(headers)));
    }
    const stale = await fast({ origin: ORIGIN, 'if-none-match': '"stale"' }, false);
    assert.equal(stale.status, 200);
  });

  test('a disallowed origin on a kept URL gets the route\'s own refusal', async () => {
    const headers = { origin: 'https://evil.example.com', 'accept-encoding': 'gzip' };
    const refused = await fast(headers, true);
    assert.equal(refused.status, 403);
    assert.deepEqual(comparable(refused), comparable(await viaRoute(headers)));
    assert.equal((await fast(headers, true)).status, 403, 'a refusal is never kept');
  });

  test('a write drops the ready answer with the page cache: the next read has the new comment', async () => {
    const headers = { origin: ORIGIN };
    const total = (a: Answer) => (JSON.parse(a.body.toString()) as { total: number }).total;
    const was = total(await fast(headers, false));
    t.clock.now += 1000;
    await post(t.app, { body: 'The newest comment.' });
    const fresh = await fast(headers, true);
    assert.equal(total(fresh), was + 1);
    assert.match(fresh.body.toString(), /The newest comment\./);
    assert.deepEqual(comparable(await fast(headers, false)), comparable(fresh));
  });

  test('a site that no longer allows the origin: refused, not served from memory', async () => {
    const headers = { origin: ORIGIN };
    await fast(headers, false);
    const site = (await t.parley.sites.get(SITE))!;
    const origins = site.origins;
    (site as { origins: string[] }).origins = ['https://elsewhere.example.org'];
    try {
      assert.equal((await fast(headers, true)).status, 403);
    } finally {
      (site as { origins: string[] }).origins = origins;
    }
  });

  test('other spellings of the query, Referer-only and HEAD requests go through the route', async () => {
    await fast({ origin: ORIGIN }, false);
    await fast({ origin: ORIGIN }, true, `${path}&limit=20`);
    await fast({ referer: `${ORIGIN}/columns/first` }, true);
    await fast({ referer: `${ORIGIN}/columns/first` }, true);
  });
});
