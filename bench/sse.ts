/**
 * Live updates under load: 1,000 Server-Sent Event streams on one thread, then ~20 comments posted one after
 * another; for each, the time from sending the POST to the event having reached every stream (p50, p99), and the
 * server's resident memory with the streams open against before (KB per idle stream).
 *
 *   npx tsx bench/sse.ts [--streams 1000] [--posts 20] [--workers 2]
 *
 * Parley runs as an operator starts it (bench/servers/parley.ts: ./bin/parley.js serve, SQLite, RATE_LIMIT=off).
 * The streams are opened by worker processes (fetch, each reading its bodies as they arrive), so neither the
 * server nor one client process needs more than ~streams/workers sockets. Results: bench/sse-results.json.
 * Targets: p99 ≤ 200 ms, ≤ 30 KB per idle stream.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SseStream } from '../test/live/sse-client.js';
import { postJson } from './lib/http.js';
import { installCleanupHandlers, log, removeTempDirs, sleep, stopAll } from './lib/procs.js';
import { REPO_ROOT, SITE_ID, SITE_ORIGIN, startParley } from './servers/parley.js';

// On the bench site's own origin: browsers may only discuss pages of the site's origins.
const PAGE = `${SITE_ORIGIN}/articles/live-thread`;
const clock = () => performance.timeOrigin + performance.now();

interface ToWorker { base: string; count: number }
type FromWorker = { type: 'ready'; opened: number } | { type: 'arrived'; id: string; last: number } | { type: 'error'; message: string };

/** A worker: opens `count` streams, and for every new comment reports when the last of its streams got it. */
async function worker(): Promise<void> {
  const send = (m: FromWorker) => process.send!(m);
  const { base, count } = await new Promise<ToWorker>((r) => process.once('message', (m) => r(m as ToWorker)));
  const url = `${base}/api/v1/stream?site=${SITE_ID}&url=${encodeURIComponent(PAGE)}`;
  const arrivals = new Map<string, { n: number; last: number }>();
  const streams: SseStream[] = [];
  try {
    for (let i = 0; i < count; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => SseStream.open(url, { origin: SITE_ORIGIN })));
      for (const s of batch) if (s.status !== 200) throw new Error(`stream refused: ${s.status}`);
      streams.push(...batch);
    }
  } catch (e) {
    send({ type: 'error', message: (e as Error).message });
    return;
  }
  for (const s of streams) {
    void (async () => {
      for (;;) {
        let event;
        try {
          event = await s.next(600_000);
        } catch {
          return;
        }
        if (event.event !== 'comment.created') continue;
        const at = clock();
        const { id } = JSON.parse(event.data) as { id: string };
        const a = arrivals.get(id) ?? { n: 0, last: 0 };
        a.n++;
        a.last = Math.max(a.last, at);
        arrivals.set(id, a);
        if (a.n === streams.length) send({ type: 'arrived', id, last: a.last });
      }
    })();
  }
  send({ type: 'ready', opened: streams.length });
  process.on('disconnect', () => process.exit(0));
}

const rssKb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { streams: { type: 'string', default: '1000' }, posts: { type: 'string', default: '20' }, workers: { type: 'string', default: '2' } } });
  const total = Number(values.streams);
  const posts = Number(values.posts);
  const nWorkers = Number(values.workers);
  installCleanupHandlers(async () => stopAll());
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const server = await startParley({ extraEnv: { STREAM_LIMIT_PER_IP: String(total + 10), STREAM_LIMIT: String(total + 10), CONNECTIONS_PER_IP: String(total + 100), LOG_LEVEL: 'warn' } });
  const workers: ChildProcess[] = [];
  try {
    const post = async (body: string) => {
      const res = await postJson(`${server.baseUrl}/api/v1/comments`, { site: SITE_ID, url: PAGE, body, author: { name: 'Bench' } }, { origin: SITE_ORIGIN });
      if (res.status !== 201) throw new Error(`POST failed: ${res.status}`);
      return (JSON.parse(res.body.toString('utf8')) as { comment: { id: string } }).comment.id;
    };
    // warm up: code paths, the thread, a few streams opened and closed
    for (let i = 0; i < 5; i++) await post(`Warm-up ${i}`);
    const warm = await Promise.all(Array.from({ length: 20 }, () => SseStream.open(`${server.baseUrl}/api/v1/stream?site=${SITE_ID}&url=${encodeURIComponent(PAGE)}`, { origin: SITE_ORIGIN })));
    await post('Warm-up with streams');
    for (const s of warm) await s.next(5000).catch(() => {});
    for (const s of warm) s.close();
    await sleep(1500);
    const rssBefore = rssKb(server.child.pid);

    log(`opening ${total} streams from ${nWorkers} worker processes`);
    const arrived = new Map<string, number[]>();
    const waiters = new Map<string, () => void>();
    let opened = 0;
    await Promise.all(Array.from({ length: nWorkers }, (_, w) => new Promise<void>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      workers.push(child);
      child.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          opened += m.opened;
          resolve();
        } else if (m.type === 'error') reject(new Error(m.message));
        else {
          const list = arrived.get(m.id) ?? [];
          list.push(m.last);
          arrived.set(m.id, list);
          if (list.length === nWorkers) waiters.get(m.id)?.();
        }
      });
      const share = Math.floor(total / nWorkers) + (w < total % nWorkers ? 1 : 0);
      child.send({ base: server.baseUrl, count: share } satisfies ToWorker);
    })));
    await sleep(2000);
    const rssOpen = rssKb(server.child.pid);
    log(`${opened} streams open; server RSS ${Math.round(rssBefore / 1024)} MB → ${Math.round(rssOpen / 1024)} MB`);

    const latencies: number[] = [];
    for (let i = 0; i < posts; i++) {
      const t0 = clock();
      const id = await post(`Live comment ${i + 1}`);
      if ((arrived.get(id)?.length ?? 0) < nWorkers) {
        await Promise.race([new Promise<void>((r) => waiters.set(id, r)), sleep(10_000).then(() => { throw new Error(`comment ${id} did not reach every stream in 10 s`); })]);
      }
      latencies.push(Math.max(...arrived.get(id)!) - t0);
      await sleep(100);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      streams: opened,
      posts,
      workers: nWorkers,
      latencyMs: { p50: +percentile(sorted, 50).toFixed(1), p99: +percentile(sorted, 99).toFixed(1), max: +sorted.at(-1)!.toFixed(1), all: latencies.map((l) => +l.toFixed(1)) },
      serverRssKb: { before: rssBefore, withStreams: rssOpen, perStream: +((rssOpen - rssBefore) / opened).toFixed(1) },
      targets: { p99Ms: 200, perStreamKb: 30 },
      launcher: server.launcher,
      node: process.version,
    };
    const ok = (v: boolean) => (v ? 'ok' : 'MISSED');
    console.log(`
| measure | value | target |
|---|---|---|
| streams open | ${opened} | 1,000 |
| POST → every stream, p50 | ${result.latencyMs.p50} ms | |
| POST → every stream, p99 (${posts} posts) | ${result.latencyMs.p99} ms | ≤ 200 ms ${ok(result.latencyMs.p99 <= 200)} |
| server RSS before / with streams | ${Math.round(rssBefore / 1024)} MB / ${Math.round(rssOpen / 1024)} MB | |
| memory per idle stream | ${result.serverRssKb.perStream} KB | ≤ 30 KB ${ok(result.serverRssKb.perStream <= 30)} |
`);
    writeFileSync(join(REPO_ROOT, 'bench', 'sse-results.json'), `${JSON.stringify(result, null, 2)}\n`);
    log('wrote bench/sse-results.json');
  } finally {
    for (const w of workers) w.kill();
    await server.stop();
    removeTempDirs();
  }
}

if (process.argv.includes('--worker')) await worker();
else await main();
