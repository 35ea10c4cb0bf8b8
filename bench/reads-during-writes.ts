/**
 * Do writes make readers wait? `npx tsx bench/reads-during-writes.ts` (part of `npm run bench`). Not a test.
 *
 * On one Parley process (SQLite, built dist), in one run: the widget's cached read of a 200-comment thread alone,
 * writes alone (16 clients), then both at once. The figure that matters across machines is the ratio of read
 * throughput during writes to read throughput without them, and the read p99 during writes; the disk's fsync cost
 * (measured first, in the database's folder) says how expensive each commit is on this machine. Also: the server's
 * CPU time per cached read. Results in bench/reads-during-writes-results.json.
 */
import { closeSync, fdatasyncSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { installCleanupHandlers, log, makeTempDir, removeTempDirs, stopAll } from './lib/procs.js';
import { READ_LUA, WRITE_LUA, runWrk, type WrkResult } from './load/wrk.js';
import { SITE_ID, SITE_ORIGIN, parleyReadPath, seedParley, startParley } from './servers/parley.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, writers: { type: 'string', default: '16' }, readers: { type: 'string', default: '16' } } });
const durationS = Number(values.duration);
const WRITERS = Number(values.writers);
const READERS = Number(values.readers);
const THREAD = 'http://127.0.0.1/articles/benchmark';
const WRITE_THREAD = 'http://127.0.0.1/articles/benchmark-writes';

/** Median and p99 of `n` 4 KiB writes each followed by fdatasync, in a folder on the database's disk. */
function fsyncCost(dir: string, n = 200): { medianUs: number; p99Us: number } {
  const fd = openSync(join(dir, 'fsync-probe'), 'w');
  const buf = Buffer.alloc(4096, 7);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    writeSync(fd, buf, 0, buf.length, (i % 16) * 4096);
    fdatasyncSync(fd);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  closeSync(fd);
  times.sort((a, b) => a - b);
  return { medianUs: Math.round(times[Math.floor(n / 2)]!), p99Us: Math.round(times[Math.floor(n * 0.99)]!) };
}

/** CPU seconds (user + system) of a process so far. */
function cpuSeconds(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  return ((f[11] ?? 0) + (f[12] ?? 0)) / 100;
}

async function main(): Promise<void> {
  installCleanupHandlers(async () => stopAll());
  const probeDir = makeTempDir('fsync');
  const fsync = fsyncCost(probeDir);
  log(`fsync (4 KiB + fdatasync): median ${fsync.medianUs} µs, p99 ${fsync.p99Us} µs`);
  const server = await startParley({ extraEnv: { LOG_LEVEL: 'warn' } });
  try {
    log('seeding 200 comments');
    await seedParley(server.baseUrl, THREAD, 200);
    const dir = makeTempDir('rdw');
    const readUrl = `${server.baseUrl}${parleyReadPath(THREAD, 20)}`;
    const readEnv = { BENCH_ACCEPT_ENCODING: 'gzip', BENCH_ORIGIN: SITE_ORIGIN };
    const writeEnv = { BENCH_TARGET: 'parley', BENCH_SITE: SITE_ID, BENCH_THREAD: WRITE_THREAD, BENCH_ORIGIN: SITE_ORIGIN, BENCH_NONCE: String(Date.now()) };
    const read = (name: string) => runWrk({ name, url: readUrl, script: READ_LUA, durationS, connections: READERS, env: readEnv, logPath: join(dir, `${name}.log`) });
    const write = (name: string) => runWrk({ name, url: `${server.baseUrl}/api/v1/comments`, script: WRITE_LUA, durationS, connections: WRITERS, env: { ...writeEnv, BENCH_NONCE: `${name}${Date.now()}` }, logPath: join(dir, `${name}.log`) });

    await read('warmup');
    const pid = server.child.pid!;
    const cpu0 = cpuSeconds(pid);
    const readsAlone = await read('reads-alone');
    const cpuPerRead = ((cpuSeconds(pid) - cpu0) / readsAlone.requests) * 1e6;
    const writesAlone = await write('writes-alone');
    const load = loadavg()[0]!;
    const [readsDuring, writesDuring] = await Promise.all([read('reads-during-writes'), write('writes-during-reads')]);
    const summary = (r: WrkResult) => ({ rps: Math.round(r.rps), p50Ms: r.latencyMs.p50, p99Ms: r.latencyMs.p99, errors: r.errors });
    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavg1: loadavg()[0], loadBeforeMixedRun: load },
      launcher: server.launcher,
      settings: { durationS, readers: READERS, writers: WRITERS, thread: '200 comments, first page of 20, gzip' },
      fsync,
      serverCpuUsPerCachedRead: Math.round(cpuPerRead),
      readsAlone: summary(readsAlone),
      writesAlone: { ...summary(writesAlone), acceptedPerS: Math.round(writesAlone.acceptedPerS ?? 0), rejected: writesAlone.rejected },
      readsDuringWrites: summary(readsDuring),
      writesDuringReads: { ...summary(writesDuring), acceptedPerS: Math.round(writesDuring.acceptedPerS ?? 0), rejected: writesDuring.rejected },
      ratioReadsDuringWrites: Math.round((readsDuring.rps / readsAlone.rps) * 100) / 100,
    };
    writeFileSync(new URL('./reads-during-writes-results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
    log(`reads during ${WRITERS} writers: ${results.readsDuringWrites.rps} req/s (${results.ratioReadsDuringWrites}× alone), p99 ${results.readsDuringWrites.p99Ms} ms; writes ${results.writesDuringReads.acceptedPerS}/s p99 ${results.writesDuringReads.p99Ms} ms; fsync median ${fsync.medianUs} µs`);
  } finally {
    await server.stop();
    await stopAll();
    removeTempDirs();
  }
}

await main();
