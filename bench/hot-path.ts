/**
 * The cached read against the framework's floor and the machine's ceiling (issue 9): the widget's first page
 * (200-comment thread, gzip, with the site's Origin) on Parley, on a bare Fastify route sending the same bytes and
 * headers (servers/bare-fastify.ts), and on nginx serving the same bytes (servers/nginx.ts). For each: wrk req/s,
 * p99, and server CPU µs per request (utime + stime of the server's process tree from /proc, after − before, ÷
 * requests). Writes bench/hot-path-results.json.
 *
 *   node scripts/build.mjs && npx tsx bench/hot-path.ts [--duration 10] [--warmup 2] [--out PATH]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuSnapshot, otherCpuPercent } from './cpu.js';
import { rawRequest } from './lib/http.js';
import { freePort, installCleanupHandlers, log, makeTempDir, removeTempDirs, startChild, stopAll, stopChild, waitForHttp } from './lib/procs.js';
import { READ_LUA, runWrk, wrkVersion, type WrkResult } from './load/wrk.js';
import { processTree } from './rss.js';
import { startNginx } from './servers/nginx.js';
import { parleyReadPath, REPO_ROOT, seedParley, SITE_ORIGIN, startParley } from './servers/parley.js';
import type { CapturedReply } from './servers/bare-fastify.js';

const THREAD = 'http://127.0.0.1/articles/hot-path';
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const DURATION = Number(arg('duration', '10'));
const WARMUP = Number(arg('warmup', '2'));
const OUT = arg('out', join(REPO_ROOT, 'bench', 'hot-path-results.json'));
const READ_ENV = { BENCH_ACCEPT_ENCODING: 'gzip', BENCH_ORIGIN: SITE_ORIGIN };
/** Headers that differ per answer or per connection: not part of "the same bytes and headers". */
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** CPU seconds (user + system) of a process so far. */
function cpuSeconds(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    return ((f[11] ?? 0) + (f[12] ?? 0)) / 100;
  } catch {
    return 0;
  }
}
const treeCpu = (pids: number[]) => pids.reduce((s, p) => s + cpuSeconds(p), 0);

interface Measured {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  cpuUsPerRequest: number;
  bytesPerResponse: number;
  errors: WrkResult['errors'];
  otherCpuPct: number;
}

async function measure(name: string, url: string, rootPid: number, dir: string): Promise<Measured> {
  if (WARMUP > 0) await runWrk({ name: `${name} warm-up`, url, script: READ_LUA, durationS: WARMUP, connections: 32, env: READ_ENV, logPath: join(dir, `${name}-warmup.log`) });
  const pids = processTree(rootPid);
  const cpu0 = treeCpu(pids);
  const snap0 = cpuSnapshot([rootPid]);
  const r = await runWrk({ name, url, script: READ_LUA, durationS: DURATION, connections: 32, env: READ_ENV, logPath: join(dir, `${name}.log`) });
  const cpu1 = treeCpu(pids);
  const m: Measured = {
    rps: Math.round(r.rps),
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    requests: r.requests,
    cpuUsPerRequest: Math.round(((cpu1 - cpu0) * 1e6 / r.requests) * 10) / 10,
    bytesPerResponse: Math.round(r.bytesPerResponse),
    errors: r.errors,
    otherCpuPct: Math.round(otherCpuPercent(snap0, cpuSnapshot([rootPid])) * 10) / 10,
  };
  log(`${name}: ${m.rps} req/s, p99 ${m.p99Ms} ms, ${m.cpuUsPerRequest} µs CPU/request, ${m.bytesPerResponse} B/response, other CPU ${m.otherCpuPct} %`);
  return m;
}

async function main(): Promise<void> {
  installCleanupHandlers(async () => stopAll());
  const dir = makeTempDir('hot-path');
  const parley = await startParley({ extraEnv: { LOG_LEVEL: 'warn' } });
  const results: Record<string, Measured> = {};
  let captured: CapturedReply;
  const path = parleyReadPath(THREAD, 20);
  try {
    log('seeding 200 comments');
    await seedParley(parley.baseUrl, THREAD, 200);
    const gz = await rawRequest(`${parley.baseUrl}${path}`, { headers: { 'accept-encoding': 'gzip', accept: 'application/json', origin: SITE_ORIGIN } });
    const plain = await rawRequest(`${parley.baseUrl}${path}`, { headers: { accept: 'application/json', origin: SITE_ORIGIN } });
    if (gz.status !== 200 || plain.status !== 200) throw new Error(`Parley answered ${gz.status}/${plain.status}`);
    const headers = Object.fromEntries(Object.entries(gz.headers).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, String(v)]));
    captured = { headers, body: plain.body.toString('base64'), gzip: gz.headers['content-encoding'] === 'gzip' ? gz.body.toString('base64') : null };
    results.parley = await measure('parley', `${parley.baseUrl}${path}`, parley.child.pid, dir);
  } finally {
    await parley.stop();
  }

  const replyFile = join(dir, 'reply.json');
  writeFileSync(replyFile, JSON.stringify(captured));
  const port = await freePort();
  const bare = startChild('bare-fastify', process.execPath, ['--max-semi-space-size=4', '--import', 'tsx', join(REPO_ROOT, 'bench', 'servers', 'bare-fastify.ts'), replyFile, String(port)], {
    cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'production' }, logPath: join(dir, 'bare-fastify.log'),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, bare, 30_000);
    const check = await rawRequest(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', origin: SITE_ORIGIN } });
    if (check.body.toString('base64') !== (captured.gzip ?? captured.body)) throw new Error('bare Fastify does not send Parley\'s bytes');
    results.bareFastify = await measure('bare-fastify', `${base}${path}`, bare.pid, dir);
  } finally {
    await stopChild(bare);
  }

  const nginx = await startNginx([{ name: 'comments.json', body: Buffer.from(captured.body, 'base64'), ...(captured.gzip ? { gzip: Buffer.from(captured.gzip, 'base64') } : {}) }]);
  try {
    results.nginx = await measure('nginx', `${nginx.baseUrl}/comments.json`, nginx.child.pid, dir);
  } finally {
    await nginx.stop();
  }

  const p = results.parley!, b = results.bareFastify!, n = results.nginx!;
  const ratios = {
    cpuVsBareFastify: Math.round((p.cpuUsPerRequest / b.cpuUsPerRequest) * 100) / 100,
    rpsVsNginx: Math.round((p.rps / n.rps) * 100) / 100,
    rpsVsBareFastify: Math.round((p.rps / b.rps) * 100) / 100,
  };
  log(`Parley CPU per read ${ratios.cpuVsBareFastify}× bare Fastify (goal ≤ 1.3×): ${ratios.cpuVsBareFastify <= 1.3 ? 'PASS' : 'FAIL'}`);
  log(`Parley req/s ${ratios.rpsVsNginx}× nginx (goal ≥ 0.5×): ${ratios.rpsVsNginx >= 0.5 ? 'PASS' : 'FAIL'}`);
  writeFileSync(OUT, `${JSON.stringify({
    date: new Date().toISOString(), wrk: `${wrkVersion()} -t1 -c32 -d${DURATION}s, warm-up ${WARMUP}s`, node: process.version,
    request: `GET ${path} (Accept-Encoding: gzip, Origin: ${SITE_ORIGIN}), 200-comment thread, first page of 20`,
    results, ratios,
  }, null, 2)}\n`);
  log(`wrote ${OUT}`);
}

main().then(() => stopAll().then(removeTempDirs), async (err: Error) => {
  console.error(err);
  await stopAll();
  removeTempDirs();
  process.exit(1);
});
