import type { ServerResponse } from 'node:http';

/** What a stream receives besides comments: `resync` tells the widget to reload the thread. */
export type LiveKind = 'comment.created' | 'comment.updated' | 'comment.deleted' | 'comment.voted' | 'resync';

export interface LiveEvent {
  id: string;
  kind: LiveKind;
  at: number;
  /** The whole SSE frame, serialised once for every stream. */
  frame: string;
}

export interface HubOptions {
  /** Events kept per thread for reconnecting readers, by count and by age. */
  bufferSize: number;
  bufferMs: number;
  heartbeatMs: number;
  /** A stream whose unsent output exceeds this many bytes (a reader that stopped reading) is closed. */
  maxBacklogBytes: number;
  now: () => number;
}

interface Stream {
  res: ServerResponse;
  ip: string;
  thread: ThreadState;
}

interface ThreadState {
  key: string;
  streams: Set<Stream>;
  /** Recent events, oldest first; at most `bufferSize`, none older than `bufferMs`. */
  events: LiveEvent[];
  /** The point just before `events[0]`: the last event dropped from the buffer, or the thread's start mark. */
  base: string;
  lastActive: number;
}

/** The reconnection delay streams are told when this process stops (SSE `retry:`). */
export const RECONNECT_AFTER_STOP_MS = 2_000;

const frameOf = (id: string, kind: LiveKind, json: string) => `id: ${id}\nevent: ${kind}\ndata: ${json}\n\n`;

/**
 * The live streams of one process: per thread, the open SSE responses and a bounded ring of recent events
 * for readers that reconnect with Last-Event-ID. Event ids are `<boot>.<n>`: the boot id of the process that
 * numbered the event and its counter there, so an id from before a restart (or from a process that is gone)
 * is never mistaken for a recent one; it is simply unknown and answered with `resync`. Idle streams cost no
 * timer: one shared interval writes the heartbeats and forgets idle threads.
 */
export class LiveHub {
  readonly bootId = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  private seq = 0;
  private readonly threads = new Map<string, ThreadState>();
  private readonly perIp = new Map<string, number>();
  private open = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: HubOptions) {
    this.timer = setInterval(() => this.tick(), options.heartbeatMs);
    this.timer.unref();
  }

  get streamCount(): number {
    return this.open;
  }

  nextId(): string {
    return `${this.bootId}.${++this.seq}`;
  }

  /** Whether events of this thread are worth loading: someone streams it now or did recently. */
  wants(threadKey: string): boolean {
    return this.threads.has(threadKey);
  }

  /** Reserves a stream slot for `ip`; false with the limit that was reached. */
  /** Streams a client address holds open now. */
  streamsOf(ip: string): number {
    return this.perIp.get(ip) ?? 0;
  }

  admit(ip: string, limits: { global: number; perIp: number }): 'ok' | 'per-ip' | 'global' {
    if ((this.perIp.get(ip) ?? 0) >= limits.perIp) return 'per-ip';
    if (this.open >= limits.global) return 'global';
    return 'ok';
  }

  /**
   * Starts streaming `threadKey` to `res` (headers already written): replays the events after `lastEventId`,
   * or sends `resync` when that id is no longer (or never was) in the buffer, then follows the thread.
   */
  attach(res: ServerResponse, ip: string, threadKey: string, lastEventId: string | undefined): () => void {
    const thread = this.thread(threadKey);
    const stream: Stream = { res, ip, thread };
    let head = 'retry: 3000\n';
    if (lastEventId) {
      const at = lastEventId === thread.base ? -1 : thread.events.findIndex((e) => e.id === lastEventId);
      if (at === -1 && lastEventId !== thread.base) {
        const last = thread.events.at(-1)?.id ?? thread.base;
        head += frameOf(last, 'resync', '{}');
      } else {
        head += thread.events.slice(at + 1).map((e) => e.frame).join('');
      }
    }
    // A stream that has seen nothing yet still gets a position, so a reconnect misses nothing.
    if (!lastEventId || !head.includes('\nid: ')) head += `id: ${thread.events.at(-1)?.id ?? thread.base}\n\n`;
    res.write(head);
    thread.streams.add(stream);
    thread.lastActive = this.options.now();
    this.open++;
    this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      thread.streams.delete(stream);
      thread.lastActive = this.options.now();
      this.open--;
      const n = (this.perIp.get(ip) ?? 1) - 1;
      if (n) this.perIp.set(ip, n);
      else this.perIp.delete(ip);
      if (!res.writableEnded) res.end();
    };
    res.once('close', close);
    return close;
  }

  /** Sends an event to every stream of the thread and keeps it for reconnects. `json` is the `data:` payload. */
  publish(threadKey: string, id: string, kind: LiveKind, json: string): void {
    const thread = this.threads.get(threadKey);
    if (!thread) return;
    const now = this.options.now();
    const event: LiveEvent = { id, kind, at: now, frame: frameOf(id, kind, json) };
    thread.events.push(event);
    this.trim(thread, now);
    for (const stream of thread.streams) this.write(stream, event.frame);
  }

  /** Tells every open stream to reload (e.g. after this process may have missed events from others). */
  resyncAll(): void {
    for (const thread of this.threads.values()) this.publish(thread.key, this.nextId(), 'resync', '{}');
  }

  /**
   * Ends every open stream (their readers will reconnect, elsewhere or later), each with a `retry:` hint, so
   * EventSource comes back after `retryMs`: time for a restarted process, or another one, to listen.
   */
  endStreams(retryMs = RECONNECT_AFTER_STOP_MS): void {
    for (const thread of this.threads.values()) {
      for (const s of [...thread.streams]) {
        if (!s.res.writableEnded && !s.res.destroyed) s.res.end(`retry: ${retryMs}\n\n`);
      }
    }
  }

  /** Ends every stream and stops the heartbeat. */
  close(): void {
    clearInterval(this.timer);
    this.endStreams();
    this.threads.clear();
  }

  private thread(key: string): ThreadState {
    let t = this.threads.get(key);
    if (!t) {
      t = { key, streams: new Set(), events: [], base: this.nextId(), lastActive: this.options.now() };
      this.threads.set(key, t);
    }
    return t;
  }

  private trim(thread: ThreadState, now: number): void {
    const { bufferSize, bufferMs } = this.options;
    let drop = 0;
    while (drop < thread.events.length && (thread.events.length - drop > bufferSize || now - thread.events[drop]!.at > bufferMs)) drop++;
    if (drop) thread.base = thread.events.splice(0, drop).at(-1)!.id;
  }

  private write(stream: Stream, text: string): void {
    const { res } = stream;
    if (res.writableEnded || res.destroyed) return;
    if (res.writableLength > this.options.maxBacklogBytes) {
      res.destroy(); // the reader is not reading; it will reconnect and replay or resync
      return;
    }
    res.write(text);
  }

  private tick(): void {
    const now = this.options.now();
    for (const [key, thread] of this.threads) {
      this.trim(thread, now);
      if (!thread.streams.size && now - thread.lastActive > this.options.bufferMs) {
        this.threads.delete(key);
        continue;
      }
      for (const stream of thread.streams) this.write(stream, ': ping\n\n');
    }
  }
}
