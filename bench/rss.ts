/**
 * Peak resident memory of a server's whole process tree (the server may fork: Waline runs a cluster worker,
 * `tsx` runs the program in a child node), sampled from /proc.
 *
 * peak = max(largest sampled sum of VmRSS over the tree, largest VmHWM of any single process in it).
 * VmHWM is the kernel's exact high-water mark for one process; the sum catches multi-process servers.
 * Also the peak of RssAnon (RSS minus file-backed pages such as the node binary, ~34 MB for a bare node).
 */
import { readFileSync, readdirSync } from 'node:fs';

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (text) for (const c of text.split(/\s+/)) out.push(Number(c));
      } catch {
        /* kernel without CONFIG_PROC_CHILDREN, or thread gone */
      }
    }
  } catch {
    /* process gone */
  }
  return out;
}

export function processTree(root: number): number[] {
  const seen: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.includes(pid)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen;
}

export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private maxTreeKb = 0;
  private maxHwmKb = 0;
  private maxAnonKb = 0;
  samples = 0;
  processes = 1;
  private currentPhase = 'start';
  /** largest sampled tree RSS (bytes) per phase, in the order the phases began */
  readonly phases = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly rootPid: number,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const pids = processTree(this.rootPid);
    let sum = 0;
    let anon = 0;
    for (const pid of pids) {
      sum += readStatusKb(pid, 'VmRSS');
      anon += readStatusKb(pid, 'RssAnon');
      this.maxHwmKb = Math.max(this.maxHwmKb, readStatusKb(pid, 'VmHWM'));
    }
    this.processes = Math.max(this.processes, pids.length);
    this.maxTreeKb = Math.max(this.maxTreeKb, sum);
    this.maxAnonKb = Math.max(this.maxAnonKb, anon);
    this.phases.set(this.currentPhase, Math.max(this.phases.get(this.currentPhase) ?? 0, sum * 1024));
    this.samples++;
  }

  /** Names what the server does from now on (e.g. "reads"), so the report can say when memory peaked. */
  phase(name: string): void {
    this.sample();
    this.currentPhase = name;
  }

  /** Takes a last sample and stops; call before the server is stopped. */
  stop(): void {
    if (this.timer) this.sample();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Largest sampled sum of RssAnon (heap, stacks: RSS without the mapped node binary and libraries). */
  peakAnonBytes(): number {
    return this.maxAnonKb * 1024;
  }

  peakBytes(): number {
    return Math.max(this.maxTreeKb, this.maxHwmKb) * 1024;
  }
}
