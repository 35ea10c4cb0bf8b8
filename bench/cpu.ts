/**
 * How much CPU something other than the benchmark used during a measured run: the machine's busy time
 * (/proc/stat) minus the time of the benchmark's own processes (this process, its reaped children such as wrk,
 * and every live server process tree). A high figure means the run was disturbed and should be repeated.
 */
import { readFileSync } from 'node:fs';
import { processTree } from './rss.js';

interface Snapshot {
  busy: number;
  total: number;
  ours: number;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

function processTicks(pid: number | 'self', withChildren: boolean): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    // after "pid (comm) ", field 0 is state; utime=11 stime=12 cutime=13 cstime=14
    const own = (f[11] ?? 0) + (f[12] ?? 0);
    return withChildren ? own + (f[13] ?? 0) + (f[14] ?? 0) : own;
  } catch {
    return 0;
  }
}

export function cpuSnapshot(serverPids: number[]): Snapshot {
  const { busy, total } = machineTicks();
  let ours = processTicks('self', true);
  for (const root of serverPids) for (const pid of processTree(root)) ours += processTicks(pid, false);
  return { busy, total, ours };
}

/** Percentage of the whole machine's capacity used by other work between two snapshots. */
export function otherCpuPercent(a: Snapshot, b: Snapshot): number {
  const total = b.total - a.total;
  if (total <= 0) return 0;
  const other = b.busy - a.busy - (b.ours - a.ours);
  return Math.max(0, Math.round((other / total) * 1000) / 10);
}
