/**
 * Child processes, temp dirs and ports for the benchmark.
 *
 * Every child is spawned in its own process group (detached) and registered here, so that the whole group
 * (e.g. Waline's cluster worker, tsx's child node) is killed at the end — on success, on error, on Ctrl-C,
 * and from a synchronous process 'exit' handler as a last resort. Temp dirs registered here are removed too.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logPath: string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  isRunning(): boolean;
}

const children = new Set<Child>();
const tempDirs = new Set<string>();
/** Set on Ctrl-C/SIGTERM: no new child may start while everything is being stopped. */
let aborting = false;

export function log(msg: string): void {
  const t = new Date().toISOString().slice(11, 19);
  process.stdout.write(`[bench ${t}] ${msg}\n`);
}

/** A temp dir under the OS temp dir, removed at the end of the run. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `parley-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a long-running child in its own process group; stdout+stderr go to `logPath`.
 */
export function startChild(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logPath: string },
): Child {
  if (aborting) throw new Error(`${name}: not started, the benchmark is stopping`);
  const fd = openSync(opts.logPath, 'a');
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  };
  const proc = spawn(cmd, args, spawnOpts);
  closeSync(fd);
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${cmd}`);
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    proc.on('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal ?? -1);
    });
    proc.on('error', (err) => {
      running = false;
      resolve(`error: ${err.message}`);
    });
  });
  const child: Child = { name, proc, pid: proc.pid, logPath: opts.logPath, exited, isRunning: () => running };
  children.add(child);
  return child;
}

/** Runs a command to completion (tracked like any child) and returns its output; throws on non-zero exit. */
export async function runCommand(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logPath: string; timeoutMs?: number },
): Promise<string> {
  const child = startChild(name, cmd, args, opts);
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  const result = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    await stopChild(child);
    throw new Error(`${name}: timed out after ${timeoutMs / 1000}s\n${tailLog(child.logPath)}`);
  }
  children.delete(child);
  const out = safeRead(child.logPath);
  if (result !== 0) throw new Error(`${name}: exited with ${result}\n${tailLog(child.logPath)}`);
  return out;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function tailLog(path: string, lines = 25): string {
  const text = safeRead(path).trimEnd();
  if (!text) return `  (${path} is empty)`;
  return text
    .split('\n')
    .slice(-lines)
    .map((l) => `  | ${l}`)
    .join('\n');
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM to the child's process group, SIGKILL after a grace period. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (child.isRunning()) {
    killGroup(child.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      child.exited,
      new Promise((r) => {
        timer = setTimeout(r, graceMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }
  // The group may still hold workers even after the leader exited.
  killGroup(child.pid, 'SIGKILL');
  children.delete(child);
}

/** Process-group leaders of every child still registered (the running servers and tools). */
export function liveChildPids(): number[] {
  return [...children].filter((c) => c.isRunning()).map((c) => c.pid);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

export function removeTempDirs(): void {
  if (process.env.BENCH_KEEP_TMP) {
    if (tempDirs.size) log(`BENCH_KEEP_TMP set: keeping ${[...tempDirs].join(' ')}`);
    tempDirs.clear();
    return;
  }
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
    tempDirs.delete(dir);
  }
}

/** Synchronous last resort: runs from process 'exit', where nothing async can happen. */
function killEverythingSync(): void {
  for (const c of children) killGroup(c.pid, 'SIGKILL');
  children.clear();
  removeTempDirs();
}

let installed = false;
export function installCleanupHandlers(onSignal: () => Promise<void>): void {
  if (installed) return;
  installed = true;
  process.on('exit', killEverythingSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      aborting = true;
      log(`${sig}: stopping everything`);
      onSignal()
        .catch(() => {})
        .finally(() => process.exit(130));
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `url` until it answers with a status below 500, the child dies, or the deadline passes. */
export async function waitForHttp(url: string, child: Child | null, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr = '';
  while (Date.now() < deadline) {
    if (child && !child.isRunning()) {
      throw new Error(`${child.name} exited before answering ${url}\n${tailLog(child.logPath)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      lastErr = `status ${res.status}`;
    } catch (err) {
      lastErr = err instanceof Error ? err.message : String(err);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s (${lastErr})${child ? `\n${tailLog(child.logPath)}` : ''}`);
}
