import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';

/** Opens a socket to the app and collects what it receives until the server closes it. */
function open(port: number): { socket: Socket; closed: Promise<{ data: string; ms: number }> } {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.on('data', (d) => (data += d.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<{ data: string; ms: number }>((resolve) => socket.on('close', () => resolve({ data, ms: Date.now() - started })));
  return { socket, closed };
}

/**
 * Slow clients must not hold connections for ever (a body trickled one byte per 10 s stayed open for 420 s and more,
 * and enough of them exhaust file descriptors): the whole request must arrive within REQUEST_TIMEOUT, and one IP may
 * hold at most CONNECTIONS_PER_IP connections.
 */
describe('slow clients and connection floods', () => {
  let t: TestApp;
  let port: number;
  before(async () => {
    t = await createTestApp({ config: { requestTimeout: '1s', connectionsPerIp: '5' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  after(() => t?.close());

  test('a body trickled byte by byte is answered 408 REQUEST_TIMEOUT and closed', async () => {
    const { socket, closed } = open(port);
    socket.write('POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{');
    const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
    const { data, ms } = await closed;
    clearInterval(trickle);
    assert.match(data, /^HTTP\/1\.1 408/, data);
    assert.match(data, /"code":"REQUEST_TIMEOUT"/);
    assert.ok(ms < 4000, `closed after ${ms} ms`);
  });

  test('headers that never finish are timed out too', async () => {
    const { socket, closed } = open(port);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
    const { ms } = await closed;
    clearInterval(trickle);
    assert.ok(ms < 4000, `closed after ${ms} ms`);
  });

  test('one IP holds at most CONNECTIONS_PER_IP connections; others still get in once they close', async () => {
    const held = Array.from({ length: 5 }, () => open(port));
    await new Promise((r) => setTimeout(r, 100));
    const extra = open(port);
    const { data } = await extra.closed;
    assert.equal(data, '', 'the sixth connection is closed without an answer');
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(res.status, 200);
  });
});
