/**
 * Stopping the documented run command: `npm start`, signalled by its PID as a service manager or a shell script
 * does (SIGTERM), or SIGINT. The server must drain and exit 0: in-flight requests finish, live streams end with a
 * retry hint (EventSource then reconnects to the next process), the port closes, no process stays behind.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoColumns, demoColumnUrl } from '../../src/demo/demo-pages.js';
import { buildIfStale, root } from '../support/cli.js';
import { freePort } from '../support/listening.js';

before(buildIfStale);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const children = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter(Boolean);
  } catch {
    return [];
  }
};
/** The process and all its descendants, now. */
const tree = (pid: number): number[] => [pid, ...children(pid).flatMap(tree)];
const portOpen = (port: number) => new Promise<boolean>((resolve) => {
  const s = connect(port, '127.0.0.1');
  s.once('connect', () => (s.destroy(), resolve(true)));
  s.once('error', () => resolve(false));
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** `promise`, or a failure naming `what` (with the server's log) after `ms`. */
const within = <T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(what())), ms)))]).finally(() => clearTimeout(timer));
};

describe('npm start stops cleanly', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-stop-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} to npm's PID: drained, exit 0, port closed, nothing left running`, { timeout: 120_000 }, async () => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: join(dir, `${signal}.db`), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
      delete env.PUBLIC_URL;
      const npm: ChildProcess = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      npm.stdout!.on('data', (b: Buffer) => (log += b));
      npm.stderr!.on('data', (b: Buffer) => (log += b));
      const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      let pids: number[] = [];
      try {
        for (let i = 0; ; i++) {
          const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
          if (ok) break;
          assert.ok(i < 600, `the server did not answer /healthz: ${log}`);
          await sleep(100);
        }
        pids = tree(npm.pid!);
        assert.ok(pids.length >= 2, `npm and the server: ${pids.join(' ')}`);

        // a live stream
        const page = demoColumnUrl(base, demoColumns[0]!.slug);
        const stream = await new Promise<IncomingMessage>((resolve, reject) =>
          request(`${base}/api/v1/stream?site=demo&url=${encodeURIComponent(page)}`, { headers: { accept: 'text/event-stream' } }, resolve).on('error', reject).end());
        assert.equal(stream.statusCode, 200);
        let received = '';
        stream.on('data', (b: Buffer) => (received += b));
        const streamEnded = new Promise<void>((resolve) => stream.once('close', resolve));

        // a request in flight: half its body is sent before the signal, the rest after
        const body = JSON.stringify({ site: 'demo', url: page, body: 'Posted while the server stops', author: { name: 'Last Reader' } });
        const inFlight = request(`${base}/api/v1/comments`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
        const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
          inFlight.on('response', (res) => {
            let text = '';
            res.on('data', (b: Buffer) => (text += b));
            res.on('end', () => resolve({ status: res.statusCode!, text }));
          });
          inFlight.on('error', reject);
        });
        inFlight.write(body.slice(0, 20));
        await sleep(200);

        process.kill(npm.pid!, signal);
        await sleep(500);
        inFlight.end(body.slice(20));

        const reply = await within(answered, 15_000, () => `no answer to the request in flight:\n${log}`);
        assert.equal(reply.status, 201, `the request in flight was finished: ${reply.text}`);
        await within(streamEnded, 15_000, () => `the stream did not end (${JSON.stringify(received)}):\n${log}`);
        assert.match(received, /\nretry: \d+\n/, `the stream ended with a retry hint: ${JSON.stringify(received)}`);
        assert.equal(await within(exited, 15_000, () => `npm did not exit:\n${log}`), 0, log);
        assert.equal(await portOpen(port), false, 'the port is closed');
        for (const pid of pids) assert.equal(alive(pid), false, `process ${pid} is gone`);
        for (const step of [`${signal} received`, 'stopped accepting connections', 'live streams', 'outbox worker stopped', 'database closed']) {
          assert.ok(log.includes(step), `logged "${step}":\n${log}`);
        }
      } finally {
        for (const pid of [...pids, ...tree(npm.pid!)].reverse()) if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
    });
  }
});
