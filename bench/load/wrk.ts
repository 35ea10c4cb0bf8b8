/**
 * Runs wrk (Debian package) against one URL and parses the JSON line our Lua `done` hook prints.
 * Loopback only; one wrk thread (wrk needs a core of its own, and the machine has two).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../lib/procs.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const READ_LUA = join(here, 'read.lua');
export const WRITE_LUA = join(here, 'write.lua');

export interface WrkResult {
  requests: number;
  durationS: number;
  /** completed requests per second (any status) */
  rps: number;
  bytesPerResponse: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  /** % of the machine's CPU used by other work during the run (see bench/cpu.ts) */
  otherCpuPct?: number;
  /** writes only */
  accepted?: number;
  rejected?: number;
  acceptedPerS?: number;
  rejectedByStatus?: Record<string, number>;
  /** status and first 300 bytes of one refused write's answer */
  sampleRejected?: string;
}

interface RawWrk {
  requests: number;
  duration_us: number;
  bytes: number;
  accepted?: number;
  rejected?: number;
  rejected_by_status?: Record<string, number>;
  sample_reject?: string;
  errors: WrkResult['errors'];
  latency_us: { mean: number; max: number; p50: number; p90: number; p99: number; p999: number };
}

export function wrkVersion(): string {
  try {
    const out = execFileSync('wrk', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n')[0]!.trim();
  } catch (err) {
    // wrk -v exits 1 after printing its version and usage
    const e = err as { stdout?: string };
    return (e.stdout ?? '').split('\n')[0]!.trim() || 'unknown';
  }
}

export async function runWrk(opts: {
  name: string;
  url: string;
  script: string;
  durationS: number;
  connections: number;
  env?: Record<string, string>;
  logPath: string;
}): Promise<WrkResult> {
  const url = new URL(opts.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`wrk: loopback only, not ${url.hostname}`);
  const args = [
    '-t1',
    `-c${opts.connections}`,
    `-d${opts.durationS}s`,
    '--timeout',
    '10s',
    '-s',
    opts.script,
    opts.url,
  ];
  const out = await runCommand(`wrk ${opts.name}`, 'wrk', args, {
    env: { ...process.env, ...opts.env },
    logPath: opts.logPath,
    timeoutMs: (opts.durationS + 60) * 1000,
  });
  const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk ${opts.name}: no WRK_JSON line in its output:\n${out}`);
  const raw = JSON.parse(line.slice('WRK_JSON '.length)) as RawWrk;
  const durationS = raw.duration_us / 1e6;
  const ms = (us: number) => Math.round(us) / 1000;
  const result: WrkResult = {
    requests: raw.requests,
    durationS,
    rps: raw.requests / durationS,
    bytesPerResponse: raw.requests > 0 ? raw.bytes / raw.requests : 0,
    latencyMs: {
      mean: ms(raw.latency_us.mean),
      p50: ms(raw.latency_us.p50),
      p90: ms(raw.latency_us.p90),
      p99: ms(raw.latency_us.p99),
      p999: ms(raw.latency_us.p999),
      max: ms(raw.latency_us.max),
    },
    errors: raw.errors,
  };
  if (raw.accepted !== undefined) {
    result.accepted = raw.accepted;
    result.rejected = raw.rejected ?? 0;
    result.acceptedPerS = raw.accepted / durationS;
    result.rejectedByStatus = raw.rejected_by_status ?? {};
    if (raw.sample_reject) result.sampleRejected = raw.sample_reject;
  }
  return result;
}
