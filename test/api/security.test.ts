import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createTestApp, ORIGIN, PAGE, post, SITE, type TestApp } from '../support/app.js';

describe('attacks on the public API', () => {
  const apps: TestApp[] = [];
  after(() => Promise.all(apps.map((a) => a.close())));
  const make = async (config: Parameters<typeof createTestApp>[0] = {}) => {
    const t = await createTestApp(config);
    apps.push(t);
    return t;
  };

  test('markup in a comment is inert: no raw HTML, no script links, no third-party images', async () => {
    const t = await make();
    const cases: Array<[string, RegExp]> = [
      ['<img src=x onerror=alert(1)>', /&lt;img src=x onerror=alert\(1\)&gt;/],
      ['[x](javascript:alert(1))', /\[x\]\(javascript:alert\(1\)\)/],
      ['[x](JaVaScRiPt:alert(1))', /\[x\]\(JaVaScRiPt:alert\(1\)\)/],
      ['[x](data:text/html;base64,PHNjcmlwdD4=)', /\[x\]\(data:text/],
      ['<script>alert(1)</script>', /&lt;script&gt;alert\(1\)&lt;\/script&gt;/],
      ['![tracker](https://evil.example/pixel.gif)', /<a href="https:\/\/evil.example\/pixel.gif" rel="nofollow ugc noopener">tracker<\/a>/],
      ['[ok](https://example.org/a?b=1&c=2)', /<a href="https:\/\/example.org\/a\?b=1&amp;c=2" rel="nofollow ugc noopener">ok<\/a>/],
      ['see https://example.org/x', /<a href="https:\/\/example.org\/x" rel="nofollow ugc noopener">/],
      ['"><svg onload=alert(1)>', /&quot;&gt;&lt;svg onload=alert\(1\)&gt;/],
    ];
    for (const [body, expected] of cases) {
      const { comment } = await post(t.app, { body });
      assert.match(comment.html, expected, body);
      assert.doesNotMatch(comment.html, /<(img|script|svg|iframe)\b|href="(?!https?:)/i, body);
    }
  });

  test('names and website links cannot inject markup either (they are JSON text, never HTML)', async () => {
    const t = await make();
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', headers: { origin: ORIGIN },
      payload: { site: SITE, url: PAGE, body: 'x', author: { name: '<img src=x onerror=alert(1)>', url: 'https://ok.example/"><script>' } },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().comment.author.name, '<img src=x onerror=alert(1)>');
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('writes are rate-limited per client IP; a spoofed X-Forwarded-For does not get around it', async () => {
    const t = await make({ config: { rateLimit: 'on', rateLimitWrites: '3' } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/comments', remoteAddress: '203.0.113.7',
        headers: { origin: ORIGIN, 'x-forwarded-for': `198.51.100.${i}` },
        payload: { site: SITE, url: PAGE, body: `flood ${i}`, author: { name: 'F' } },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        assert.equal(res.json().error.code, 'RATE_LIMITED');
        assert.ok(Number(res.headers['retry-after']) > 0);
      }
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    const other = await t.app.inject({
      method: 'POST', url: '/api/v1/comments', remoteAddress: '203.0.113.8', headers: { origin: ORIGIN },
      payload: { site: SITE, url: PAGE, body: 'another person', author: { name: 'G' } },
    });
    assert.equal(other.statusCode, 201, 'another client is not affected');
    const reads = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, remoteAddress: '203.0.113.7' });
    assert.equal(reads.statusCode, 200, 'reads are not limited');
  });

  test('behind a configured trusted proxy, the client IP comes from X-Forwarded-For', async () => {
    const t = await make({ config: { rateLimit: 'on', rateLimitWrites: '1', trustProxy: '10.0.0.1' } });
    const send = (client: string, via = '10.0.0.1') => t.app.inject({
      method: 'POST', url: '/api/v1/comments', remoteAddress: via, headers: { origin: ORIGIN, 'x-forwarded-for': client },
      payload: { site: SITE, url: PAGE, body: `from ${client}`, author: { name: 'P' } },
    });
    assert.equal((await send('198.51.100.1')).statusCode, 201);
    assert.equal((await send('198.51.100.2')).statusCode, 201, 'a different client behind the proxy');
    assert.equal((await send('198.51.100.1')).statusCode, 429);
    // the same header from an untrusted address is ignored: both count against the socket address
    assert.equal((await send('198.51.100.3', '203.0.113.9')).statusCode, 201);
    assert.equal((await send('198.51.100.4', '203.0.113.9')).statusCode, 429);
  });

  test('CORS: only allowed origins get access headers', async () => {
    const t = await make();
    const pre = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/comments', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(pre.headers['access-control-allow-origin'], ORIGIN);
    const evil = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/comments', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(evil.headers['access-control-allow-origin'], undefined);
    const read = await t.app.inject({ url: `/api/v1/comments?site=${SITE}&url=${encodeURIComponent(PAGE)}`, headers: { origin: 'https://evil.example' } });
    assert.equal(read.statusCode, 403);
    assert.equal(read.json().error.code, 'ORIGIN_NOT_ALLOWED');
  });

  test('unknown routes and methods answer a JSON error, and health and the OpenAPI document are served', async () => {
    const t = await make();
    const missing = await t.app.inject({ url: '/api/v1/nothing' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'NOT_FOUND');
    assert.deepEqual((await t.app.inject({ url: '/healthz' })).json(), { status: 'ok' });
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/comments', '/api/v1/comments/{id}', '/api/v1/comments/{id}/vote', '/api/v1/counts', '/healthz']) {
      assert.ok(doc.paths[path], `OpenAPI documents ${path}`);
    }
    const comment = doc.paths['/api/v1/comments'].get.responses['200'].content['application/json'].schema.properties.comments.items;
    assert.ok(!('email' in comment.properties.author.properties), 'no email in the public comment schema');
  });
});
