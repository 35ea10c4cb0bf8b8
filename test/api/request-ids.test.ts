import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';

/** Every answer carries X-Request-Id (the id on its log lines); only a trusted proxy may choose it. */
describe('request ids', () => {
  const apps: TestApp[] = [];
  after(() => Promise.all(apps.map((a) => a.close())));

  test('a new id per request; a client cannot choose it without a trusted proxy', async () => {
    const t = await createTestApp();
    apps.push(t);
    const a = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'forged' } });
    const b = await t.app.inject({ url: '/healthz' });
    assert.match(String(a.headers['x-request-id']), /^[A-Za-z0-9_-]{12}$/);
    assert.notEqual(a.headers['x-request-id'], b.headers['x-request-id']);
    assert.notEqual(a.headers['x-request-id'], 'forged');
  });

  test('behind a trusted proxy its sane X-Request-Id is kept; an insane one is replaced', async () => {
    const t = await createTestApp({ config: { trustProxy: '10.0.0.1' } });
    apps.push(t);
    const kept = await t.app.inject({ url: '/healthz', remoteAddress: '10.0.0.1', headers: { 'x-request-id': 'edge-42.abc' } });
    assert.equal(kept.headers['x-request-id'], 'edge-42.abc');
    const odd = await t.app.inject({ url: '/healthz', remoteAddress: '10.0.0.1', headers: { 'x-request-id': 'x\nforged log line' } });
    assert.notEqual(odd.headers['x-request-id'], 'x\nforged log line');
    const other = await t.app.inject({ url: '/healthz', remoteAddress: '203.0.113.5', headers: { 'x-request-id': 'edge-42.abc' } });
    assert.notEqual(other.headers['x-request-id'], 'edge-42.abc', 'not from the proxy: not believed');
  });
});
