/**
 * Parley's benchmark: `npm run bench` (= tsx bench/run.ts). Not a test: it measures and compares, in one run,
 * Parley against nginx serving the same bytes (the machine's ceiling for a cached read) and against Waline
 * (a Node comments server from npm). See bench/README.md.
 *
 * Options:
 *   --skip-waline            do not install/run Waline
 *   --duration N             seconds per measured wrk run (default 10)
 *   --only reads|writes      run one half
 *   --warmup N               seconds of discarded wrk warm-up before each measured run (default 2; 0 = none)
 *   --from-source            run Parley from src/ with tsx even if dist/ is built
 *   --parley-env KEY=VALUE   extra environment for `parley serve` (repeatable), e.g. LOG_LEVEL=warn
 *   --out PATH               where to write the results (default bench/results.json)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { rawRequest } from './lib/http.js';
import { cpuSnapshot, otherCpuPercent } from './cpu.js';
import { installCleanupHandlers, liveChildPids, log, makeTempDir, removeTempDirs, stopAll, tailLog } from './lib/procs.js';
import { READ_LUA, WRITE_LUA, runWrk, wrkVersion, type WrkResult } from './load/wrk.js';
import { RssSampler } from './rss.js';
import { startNginx, type NginxServer, type StaticFile } from './servers/nginx.js';
import { REPO_ROOT, SITE_ID, SITE_ORIGIN, parleyReadPath, seedParley, startParley, type ParleyServer } from './servers/parley.js';
import { WALINE_DIR, ensureWalineInstalled, seedWaline, startWaline, walineReadPath, type WalineServer } from './servers/waline.js';
import { widgetSizes, type WidgetFileSize } from './widget.js';

// ------------------------------------------------------------------ settings
const SEED_COMMENTS = 200;
const CONNECTIONS = 32;
const READ_LIMITS = [20, 100] as const;
const THREAD_URL = 'http://127.0.0.1/articles/benchmark';
const WRITE_THREAD_URL = 'http://127.0.0.1/articles/benchmark-writes';
const WALINE_PAGE = '/articles/benchmark';
const WALINE_WRITE_PAGE = '/articles/benchmark-writes';

const TARGETS = {
  readsVsNginx: 0.5,
  writesPerS: 1000,
  writeP99Ms: 50,
  peakRssBytes: 150 * 1000 * 1000, // 150 MB (≈ 143 MiB)
};

interface Options {
  skipWaline: boolean;
  durationS: number;
  warmupS: number;
  only: 'reads' | 'writes' | null;
  fromSource: boolean;
  parleyEnv: Record<string, string>;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'skip-waline': { type: 'boolean' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      'from-source': { type: 'boolean' },
      'parley-env': { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
    process.exit(0);
  }
  const num = (v: string | undefined, def: number, name: string, min: number) => {
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return n;
  };
  const only = values.only ?? null;
  if (only !== null && only !== 'reads' && only !== 'writes') throw new Error('--only must be reads or writes');
  const parleyEnv: Record<string, string> = {};
  for (const kv of values['parley-env'] ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new Error(`--parley-env needs KEY=VALUE, not ${kv}`);
    parleyEnv[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return {
    skipWaline: values['skip-waline'] ?? false,
    durationS: Math.round(num(values.duration, 10, 'duration', 1)),
    warmupS: Math.round(num(values.warmup, 2, 'warmup', 0)),
    only,
    fromSource: values['from-source'] ?? false,
    parleyEnv,
    out: values.out ?? join(REPO_ROOT, 'bench', 'results.json'),
  };
}

// ------------------------------------------------------------------ environment
function ensureWrk(): void {
  try {
    execFileSync('wrk', ['-v'], { stdio: 'ignore' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return; // wrk -v exits 1 but exists
    log('wrk not found: apt-get install -y wrk');
    execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}

function machineInfo() {
  let os = '';
  try {
    const rel = readFileSync('/etc/os-release', 'utf8');
    os = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(rel)?.[1] ?? '';
  } catch {
    /* not Linux */
  }
  const c = cpus();
  return {
    os,
    kernel: release(),
    cpuModel: c[0]?.model ?? 'unknown',
    cpus: c.length,
    memoryMiB: Math.round(totalmem() / 1048576),
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function sqliteVersion(): string {
  try {
    const require = createRequire(join(REPO_ROOT, 'package.json'));
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(':memory:');
    const v = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
    db.close();
    const pkg = require('better-sqlite3/package.json') as { version: string };
    return `SQLite ${v} (better-sqlite3 ${pkg.version})`;
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------ measuring
interface Run {
  label: string;
  server: string;
  limit?: number;
  url: string;
  result?: WrkResult;
  error?: string;
}

async function measure(
  runDir: string,
  opts: Options,
  label: string,
  url: string,
  script: string,
  env: Record<string, string>,
): Promise<WrkResult> {
  const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  if (opts.warmupS > 0) {
    await runWrk({
      name: `${label} (warm-up)`,
      url,
      script,
      durationS: opts.warmupS,
      connections: CONNECTIONS,
      env: { ...env, BENCH_NONCE: `w${Date.now().toString(36)}` },
      logPath: join(runDir, `${slug}-warmup.log`),
    });
  }
  log(`${label}: wrk -t1 -c${CONNECTIONS} -d${opts.durationS}s ${url}`);
  const pids = liveChildPids();
  const cpuBefore = cpuSnapshot(pids);
  const result = await runWrk({
    name: label,
    url,
    script,
    durationS: opts.durationS,
    connections: CONNECTIONS,
    env: { ...env, BENCH_NONCE: `m${Date.now().toString(36)}` },
    logPath: join(runDir, `${slug}.log`),
  });
  result.otherCpuPct = otherCpuPercent(cpuBefore, cpuSnapshot(pids));
  const errs = Object.values(result.errors).reduce((a, b) => a + b, 0);
  const other = result.otherCpuPct > 5 ? ` [warning: other work used ${result.otherCpuPct}% of the CPU during this run]` : '';
  if (result.accepted !== undefined) {
    log(`  → ${fmtInt(result.acceptedPerS!)} accepted/s, p50 ${fmtMs(result.latencyMs.p50)}, p99 ${fmtMs(result.latencyMs.p99)}` +
      `${result.rejected ? `, ${result.rejected} rejected ${JSON.stringify(result.rejectedByStatus)}, e.g. ${result.sampleRejected}` : ''}${errs ? `, ${errs} socket/status errors` : ''}${other}`);
  } else {
    log(`  → ${fmtInt(result.rps)} req/s, p50 ${fmtMs(result.latencyMs.p50)}, p99 ${fmtMs(result.latencyMs.p99)}, ` +
      `${fmtInt(result.bytesPerResponse)} B/response${errs ? `, ${errs} errors ${JSON.stringify(result.errors)}` : ''}${other}`);
  }
  return result;
}

async function tryMeasure(runs: Run[], run: Run, fn: () => Promise<WrkResult>): Promise<void> {
  runs.push(run);
  try {
    run.result = await fn();
  } catch (err) {
    run.error = err instanceof Error ? err.message : String(err);
    log(`  ✗ ${run.label}: ${run.error}`);
  }
}

// ------------------------------------------------------------------ formatting
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(n >= 10 ? 1 : 2)} ms`);
const fmtMiB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const fmtRatio = (n: number | null) => (n === null ? '–' : `${n.toFixed(n >= 10 ? 1 : 3)}×`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function totalErrors(r: WrkResult): number {
  return Object.values(r.errors).reduce((a, b) => a + b, 0);
}

// ------------------------------------------------------------------ main
async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  installCleanupHandlers(async () => {
    await stopAll();
    removeTempDirs();
  });
  const doReads = opts.only !== 'writes';
  const doWrites = opts.only !== 'reads';
  const started = new Date();
  log(`Parley benchmark: ${doReads ? 'reads' : ''}${doReads && doWrites ? ' + ' : ''}${doWrites ? 'writes' : ''}, ` +
    `${opts.durationS}s per run (+${opts.warmupS}s warm-up), ${CONNECTIONS} connections, Waline ${opts.skipWaline ? 'skipped' : 'included'}`);

  ensureWrk();
  {
    const before = cpuSnapshot([]);
    await new Promise((r) => setTimeout(r, 1000));
    const busy = otherCpuPercent(before, cpuSnapshot([]));
    if (busy > 5) log(`warning: other work uses ${busy}% of this machine's CPU right now; it will skew the figures`);
  }
  const runDir = makeTempDir('run');
  const readRuns: Run[] = [];
  const writeRuns: Run[] = [];
  const rss: Record<string, { peakBytes: number; peakAnonBytes: number; processes: number; samples: number; byPhase: Record<string, number> }> = {};
  const versions: Record<string, string> = { node: process.version, wrk: wrkVersion(), sqlite: sqliteVersion() };
  const notes: string[] = [];
  let encoding: 'gzip' | 'identity' = 'identity';
  const bodySizes: Record<string, { identity: number; gzip: number | null }> = {};

  let parley: ParleyServer | undefined;
  let nginx: NginxServer | undefined;
  let waline: WalineServer | undefined;
  const samplers: RssSampler[] = [];
  const stopSampler = (s: RssSampler | undefined) => {
    if (!s) return;
    s.stop();
    rss[s.name] = { peakBytes: s.peakBytes(), peakAnonBytes: s.peakAnonBytes(), processes: s.processes, samples: s.samples, byPhase: Object.fromEntries(s.phases) };
  };

  let walineError: string | null = null;
  try {
    // Waline first: its first install takes minutes, and a failure should show early.
    if (!opts.skipWaline) {
      try {
        await ensureWalineInstalled();
      } catch (err) {
        walineError = err instanceof Error ? err.message : String(err);
        log(`✗ Waline install failed; continuing without it:\n${walineError}`);
      }
    }

    // ---------------------------------------------------------------- Parley
    log('Parley: starting');
    parley = await startParley({ fromSource: opts.fromSource, extraEnv: opts.parleyEnv });
    versions.parley = `${parley.version} (${parley.launcher})`;
    const parleySampler = new RssSampler('parley', parley.child.pid);
    samplers.push(parleySampler);
    log(`Parley: listening on ${parley.baseUrl} (pid ${parley.child.pid})`);

    if (doReads) {
      parleySampler.phase('seed');
      const t0 = Date.now();
      await seedParley(parley.baseUrl, THREAD_URL, SEED_COMMENTS);
      log(`Parley: seeded ${SEED_COMMENTS} comments of ~300 characters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

      // The exact bytes Parley answers, for nginx to serve. Browsers send Accept-Encoding: gzip, so ask for it,
      // and compare every server on whatever encoding Parley answers.
      const files: StaticFile[] = [];
      for (const limit of READ_LIMITS) {
        const res = await rawRequest(parley.baseUrl + parleyReadPath(THREAD_URL, limit), { headers: { 'accept-encoding': 'gzip', origin: SITE_ORIGIN } });
        if (res.status !== 200) throw new Error(`Parley read limit=${limit}: status ${res.status}: ${res.body.toString().slice(0, 300)}`);
        const gz = res.headers['content-encoding'] === 'gzip';
        if (limit === READ_LIMITS[0]) encoding = gz ? 'gzip' : 'identity';
        else if ((encoding === 'gzip') !== gz) throw new Error('Parley answered gzip for one page size and not for the other');
        const identity = gz ? gunzipSync(res.body) : res.body;
        const page = JSON.parse(identity.toString('utf8')) as { comments: unknown[]; total: number };
        log(`Parley: limit=${limit} → ${page.comments.length} comments, total ${page.total}, ${identity.length} B` +
          `${gz ? `, ${res.body.length} B gzip` : ' (not compressed)'}`);
        bodySizes[`limit${limit}`] = { identity: identity.length, gzip: gz ? res.body.length : null };
        files.push({ name: `comments-${limit}.json`, body: identity, ...(gz ? { gzip: res.body } : {}) });
      }
      const readEnv = { BENCH_ACCEPT_ENCODING: encoding === 'gzip' ? 'gzip' : '', BENCH_ORIGIN: SITE_ORIGIN };
      if (encoding === 'identity') notes.push('Parley did not compress its answer: reads compared without Accept-Encoding.');

      // ---------------------------------------------------------------- nginx, same bytes
      log('nginx: starting with the same response bytes as static files');
      nginx = await startNginx(files);
      versions.nginx = nginx.version;
      const nginxSampler = new RssSampler('nginx', nginx.child.pid);
      samplers.push(nginxSampler);
      for (const f of files) {
        const res = await rawRequest(`${nginx.baseUrl}/${f.name}`, { headers: encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {} });
        const expected = encoding === 'gzip' ? f.gzip! : f.body;
        if (res.status !== 200 || !res.body.equals(expected)) {
          throw new Error(`nginx does not serve the same bytes for ${f.name} (status ${res.status}, ${res.body.length} B vs ${expected.length} B)`);
        }
      }
      log(`nginx: ${nginx.version} on ${nginx.baseUrl}, bytes verified identical (${encoding})`);

      parleySampler.phase('reads');
      for (const limit of READ_LIMITS) {
        const nUrl = `${nginx.baseUrl}/comments-${limit}.json`;
        await tryMeasure(readRuns, { label: `nginx, same bytes, limit=${limit}`, server: 'nginx', limit, url: nUrl }, () =>
          measure(runDir, opts, `read nginx limit=${limit}`, nUrl, READ_LUA, readEnv));
        const pUrl = parley!.baseUrl + parleyReadPath(THREAD_URL, limit);
        await tryMeasure(readRuns, { label: `Parley, limit=${limit}${limit === 20 ? ' (widget default)' : ' (show all)'}`, server: 'parley', limit, url: pUrl }, () =>
          measure(runDir, opts, `read Parley limit=${limit}`, pUrl, READ_LUA, readEnv));
      }
      stopSampler(nginxSampler);
      await nginx.stop();
      nginx = undefined;
    }

    // ---------------------------------------------------------------- Parley writes
    if (doWrites) {
      parleySampler.phase('writes');
      const url = `${parley.baseUrl}/api/v1/comments`;
      await tryMeasure(writeRuns, { label: 'Parley', server: 'parley', url }, () =>
        measure(runDir, opts, 'write Parley', url, WRITE_LUA, { BENCH_TARGET: 'parley', BENCH_SITE: SITE_ID, BENCH_THREAD: WRITE_THREAD_URL, BENCH_ORIGIN: SITE_ORIGIN }));
    }
    stopSampler(parleySampler);
    if (!parley.child.isRunning()) notes.push(`Parley exited during the run:\n${tailLog(parley.child.logPath)}`);
    await parley.stop();
    parley = undefined;

    // ---------------------------------------------------------------- Waline
    if (!opts.skipWaline && !walineError) {
      try {
        log('Waline: starting');
        waline = await startWaline();
        versions.waline = `@waline/vercel ${waline.version}`;
        const walineSampler = new RssSampler('waline', waline.child.pid);
        samplers.push(walineSampler);
        log(`Waline: listening on ${waline.baseUrl} (pid ${waline.child.pid})`);
        if (doReads) {
          walineSampler.phase('seed');
          const t0 = Date.now();
          await seedWaline(waline.baseUrl, WALINE_PAGE, SEED_COMMENTS);
          log(`Waline: seeded ${SEED_COMMENTS} comments in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
          walineSampler.phase('reads');
          const wUrl = waline.baseUrl + walineReadPath(WALINE_PAGE, 10);
          await tryMeasure(readRuns, { label: 'Waline, its widget\'s page of 10', server: 'waline', url: wUrl }, () =>
            measure(runDir, opts, 'read Waline pageSize=10', wUrl, READ_LUA, { BENCH_ACCEPT_ENCODING: encoding === 'gzip' ? 'gzip' : '', BENCH_ORIGIN: SITE_ORIGIN }));
        }
        if (doWrites) {
          walineSampler.phase('writes');
          const url = `${waline.baseUrl}/api/comment?lang=en-US`;
          await tryMeasure(writeRuns, { label: 'Waline', server: 'waline', url }, () =>
            measure(runDir, opts, 'write Waline', url, WRITE_LUA, { BENCH_TARGET: 'waline', BENCH_THREAD: WALINE_WRITE_PAGE, BENCH_ORIGIN: SITE_ORIGIN }));
        }
        stopSampler(walineSampler);
      } catch (err) {
        walineError = err instanceof Error ? err.message : String(err);
        log(`✗ Waline failed; continuing without it:\n${walineError}`);
      } finally {
        await waline?.stop();
        waline = undefined;
      }
    }
  } finally {
    for (const s of samplers) if (!rss[s.name]) stopSampler(s);
    await stopAll();
  }
  if (walineError) notes.push(`Waline: ${walineError.split('\n')[0]}`);

  // ------------------------------------------------------------------ results
  const find = (runs: Run[], server: string, limit?: number) =>
    runs.find((r) => r.server === server && (limit === undefined || r.limit === limit))?.result;
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : null);

  const readRatios: Record<string, number | null> = {};
  for (const limit of READ_LIMITS) {
    readRatios[`parleyVsNginx_limit${limit}`] = ratio(find(readRuns, 'parley', limit)?.rps, find(readRuns, 'nginx', limit)?.rps);
  }
  readRatios.parleyLimit20VsWalinePage10 = ratio(find(readRuns, 'parley', 20)?.rps, find(readRuns, 'waline')?.rps);
  const pw = find(writeRuns, 'parley');
  const ww = find(writeRuns, 'waline');
  const writeRatio = ratio(pw?.acceptedPerS, ww?.acceptedPerS);

  const targets: { name: string; value: string; target: string; pass: boolean | null }[] = [];
  if (doReads) {
    for (const limit of READ_LIMITS) {
      const r = readRatios[`parleyVsNginx_limit${limit}`] ?? null;
      targets.push({ name: `reads limit=${limit} vs nginx (same bytes)`, value: fmtRatio(r), target: `≥ ${TARGETS.readsVsNginx}×`, pass: r === null ? null : r >= TARGETS.readsVsNginx });
    }
  }
  if (doWrites) {
    targets.push({ name: 'writes accepted/s (SQLite)', value: pw ? fmtInt(pw.acceptedPerS!) : '–', target: `≥ ${fmtInt(TARGETS.writesPerS)}`, pass: pw ? pw.acceptedPerS! >= TARGETS.writesPerS : null });
    targets.push({ name: 'writes p99', value: pw ? fmtMs(pw.latencyMs.p99) : '–', target: `≤ ${TARGETS.writeP99Ms} ms`, pass: pw ? pw.latencyMs.p99 <= TARGETS.writeP99Ms : null });
  }
  const prss = rss.parley?.peakBytes;
  targets.push({ name: 'Parley peak RSS', value: prss ? fmtMiB(prss) : '–', target: '≤ 150 MB (143.1 MiB)', pass: prss ? prss <= TARGETS.peakRssBytes : null });

  const widget = widgetSizes(REPO_ROOT);

  // ------------------------------------------------------------------ print
  const out: string[] = [];
  out.push('');
  out.push(`Parley benchmark — ${started.toISOString()} — ${machineInfo().cpus} × ${machineInfo().cpuModel}`);
  out.push(`${SEED_COMMENTS} comments of ~300 characters in one thread; wrk -t1 -c${CONNECTIONS} -d${opts.durationS}s on loopback; reads on ${encoding}`);
  if (doReads) {
    out.push('');
    out.push('READS (GET, the widget\'s first-page request)');
    out.push(table(
      ['target', 'req/s', 'p50', 'p99', 'B/response', 'errors', 'vs nginx', 'other CPU'],
      readRuns.map((r) => {
        if (!r.result) return [r.label, 'FAILED', '', '', '', r.error?.split('\n')[0]?.slice(0, 60) ?? '', ''];
        const limit = r.limit;
        const vs = r.server === 'parley' && limit ? fmtRatio(readRatios[`parleyVsNginx_limit${limit}`] ?? null) : r.server === 'nginx' ? '1×' : '';
        return [r.label, fmtInt(r.result.rps), fmtMs(r.result.latencyMs.p50), fmtMs(r.result.latencyMs.p99), fmtInt(r.result.bytesPerResponse), String(totalErrors(r.result)), vs, `${r.result.otherCpuPct ?? 0}%`];
      }),
    ));
    if (readRatios.parleyLimit20VsWalinePage10 !== null) {
      out.push(`Parley (page of 20) / Waline (page of 10): ${fmtRatio(readRatios.parleyLimit20VsWalinePage10 ?? null)}`);
    }
  }
  if (doWrites) {
    out.push('');
    out.push(`WRITES (POST, distinct ~300-character comments, ${CONNECTIONS} concurrent clients)`);
    out.push(table(
      ['target', 'accepted/s', 'p50', 'p99', 'accepted', 'rejected', 'errors', 'other CPU'],
      writeRuns.map((r) => {
        if (!r.result) return [r.label, 'FAILED', '', '', '', '', r.error?.split('\n')[0]?.slice(0, 60) ?? ''];
        const rej = r.result.rejected ?? 0;
        return [r.label, fmtInt(r.result.acceptedPerS!), fmtMs(r.result.latencyMs.p50), fmtMs(r.result.latencyMs.p99), fmtInt(r.result.accepted!),
          rej ? `${rej} ${JSON.stringify(r.result.rejectedByStatus)}` : '0', String(totalErrors(r.result)), `${r.result.otherCpuPct ?? 0}%`];
      }),
    ));
    if (writeRatio !== null) out.push(`Parley / Waline accepted/s: ${fmtRatio(writeRatio)}`);
  }
  out.push('');
  out.push('PEAK RSS (whole process tree, sampled every 200 ms + VmHWM)');
  out.push(table(['server', 'peak RSS', 'of which anon', 'processes', 'peak RSS by phase'], Object.entries(rss).map(([k, v]) => [k, fmtMiB(v.peakBytes), fmtMiB(v.peakAnonBytes), String(v.processes),
    Object.entries(v.byPhase).map(([p, b]) => `${p} ${(b / 1048576).toFixed(0)}`).join(', ') + ' MiB'])));
  out.push('');
  out.push('WIDGET BYTES');
  out.push(table(['file', 'raw', 'gzip -9'], widget.map((w) => [w.file, w.built ? fmtInt(w.raw!) : 'not built', w.built ? fmtInt(w.gzip9!) : ''])));
  out.push('');
  out.push('TARGETS');
  out.push(table(['target', 'measured', 'goal', 'result'], targets.map((t) => [t.name, t.value, t.target, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'])));
  for (const n of notes) out.push(`note: ${n}`);
  console.log(out.join('\n'));

  // ------------------------------------------------------------------ results.json
  const results = {
    date: started.toISOString(),
    finished: new Date().toISOString(),
    machine: machineInfo(),
    versions,
    settings: {
      seedComments: SEED_COMMENTS,
      commentLength: '~300 characters',
      connections: CONNECTIONS,
      wrkThreads: 1,
      durationS: opts.durationS,
      warmupS: opts.warmupS,
      readEncoding: encoding,
      parleyEnv: { RATE_LIMIT: 'off', DEMO: 'off', ...opts.parleyEnv },
      walineInstallDir: opts.skipWaline ? null : WALINE_DIR,
      only: opts.only,
    },
    responseBytes: bodySizes,
    reads: readRuns.map((r) => ({ label: r.label, server: r.server, limit: r.limit ?? null, url: r.url, ...(r.result ? { result: r.result } : { error: r.error }) })),
    writes: writeRuns.map((r) => ({ label: r.label, server: r.server, url: r.url, ...(r.result ? { result: r.result } : { error: r.error }) })),
    peakRss: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, { bytes: v.peakBytes, MiB: Math.round((v.peakBytes / 1048576) * 10) / 10,
      anonMiB: Math.round((v.peakAnonBytes / 1048576) * 10) / 10, processes: v.processes,
      peakMiBByPhase: Object.fromEntries(Object.entries(v.byPhase).map(([p, b]) => [p, Math.round((b / 1048576) * 10) / 10])) }])),
    widgetBytes: widget,
    ratios: Object.fromEntries(Object.entries({ ...readRatios, parleyVsWalineWrites: writeRatio })
      .map(([k, v]) => [k, v === null ? null : Math.round(v * 10000) / 10000])),
    targets,
    notes,
  };
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${opts.out}`);
  const failedRuns = [...readRuns, ...writeRuns].filter((r) => r.error && r.server !== 'waline');
  return failedRuns.length ? 1 : 0;
}

main()
  .then((code) => {
    removeTempDirs();
    process.exitCode = code;
  })
  .catch(async (err) => {
    console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await stopAll();
    removeTempDirs();
    process.exitCode = 1;
  });
