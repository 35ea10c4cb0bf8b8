import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, ORIGIN, type TestApp } from '../support/app.js';

/** Sends raw bytes to the server and resolves with the whole response once the server ends it (or after 3 s). */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.write(bytes);
  });
}

const parse = (response: string) => {
  const [head, ...rest] = response.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]);
  let body = rest.join('\r\n\r\n');
  if (/transfer-encoding: chunked/i.test(head ?? '')) body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '');
  return { status, head: head ?? '', body };
};

/** Every error on /api/ answers `{error:{code,message}}` with a code from the table, even for what Fastify or Node refuse. */
describe('errors outside the routes keep the JSON error shape', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  after(() => t.close());

  const assertShape = (r: { status: number; body: string; head: string }, status: number, code: string) => {
    assert.equal(r.status, status, r.head);
    assert.match(r.head, /content-type: application\/json/i, r.head);
    const json = JSON.parse(r.body);
    assert.deepEqual(Object.keys(json), ['error']);
    assert.equal(json.error.code, code);
    assert.equal(typeof json.error.message, 'string');
  };

  test('a bad percent-escape in the path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/comments/%E0%A4%A/vote', headers: { origin: ORIGIN }, payload: { value: 1 } });
    assertShape({ status: res.statusCode, body: res.body, head: `content-type: ${res.headers['content-type']}` }, 400, 'VALIDATION_FAILED');
  });

  test('a broken chunked body', async () => {
    const r = parse(await raw(port, 'POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{"a":1}\r\n0\r\n\r\n'));
    assertShape(r, 400, 'VALIDATION_FAILED');
  });

  test('headers over the limit', async () => {
    const r = parse(await raw(port, `GET /api/v1/counts?site=news HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`));
    assertShape(r, 431, 'HEADERS_TOO_LARGE');
  });
});
