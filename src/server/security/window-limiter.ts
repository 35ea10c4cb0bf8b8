/**
 * Counts actions per key in fixed windows (e.g. subscription requests per client IP per hour), on the injected
 * clock. In memory, per process; it bounds what one client can make this process do.
 */
export class WindowLimiter {
  private counts = new Map<string, { windowStart: number; n: number }>();

  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Counts one action; false when the key has used up its window. */
  take(key: string, now: number): boolean {
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    if (this.counts.size > 100_000) this.forgetBefore(windowStart);
    const entry = this.counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      this.counts.set(key, { windowStart, n: 1 });
      return true;
    }
    if (entry.n >= this.max) return false;
    entry.n++;
    return true;
  }

  /** Milliseconds until the key's window ends. */
  retryAfter(now: number): number {
    return Math.floor(now / this.windowMs) * this.windowMs + this.windowMs - now;
  }

  private forgetBefore(windowStart: number): void {
    for (const [k, v] of this.counts) if (v.windowStart < windowStart) this.counts.delete(k);
  }
}
