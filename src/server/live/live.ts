import { sql, type Kysely } from 'kysely';
import { PageCache } from '../http/page-cache.js';
import type { Database } from '../storage/database.js';
import type { ThreadChange } from '../use-cases/deps.js';
import { LiveHub } from './hub.js';
import { loadEvent } from './load-event.js';
import { LivePageCache } from './live-page-cache.js';
import { PgListener, type ListenerLog } from './pg-listener.js';

/** The NOTIFY channel; NOTIFY is per database, so Parleys on other databases of one cluster do not hear it. */
export const CHANNEL = 'parley_live';

/** What travels through NOTIFY (ids only: the payload limit is 8000 bytes); receivers read the comment. */
interface Notice {
  /** origin process (boot id) */
  o: string;
  s: string;
  u: string;
  k: ThreadChange['kind'];
  c: string;
  /** event id */
  e: string;
}

export interface LiveOptions {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  databaseUrl: string;
  pageCache: PageCache;
  now: () => number;
}

const consoleLog: ListenerLog = { info: (m) => console.info(`parley: ${m}`), warn: (m) => console.warn(`parley: ${m}`) };

/**
 * Live updates of threads. Every committed change (`onChange`, from compose's `onThreadChange`) is numbered,
 * and, for threads someone streams, read and sent to the streams of this process (`hub`).
 *
 * On SQLite (one process) that is all. On PostgreSQL every change is published with NOTIFY after its commit,
 * and every process, this one included, delivers events in the order PostgreSQL hands the notices out, so all
 * processes hold the same events in the same order and a reader may reconnect to any of them. A process drops
 * its cached pages of a thread another process changed. While the LISTEN connection is down, changes are
 * delivered locally at once, cached pages are not used, and on reconnect every stream gets `resync`.
 */
export class Live {
  readonly hub: LiveHub;
  private listener: PgListener | null = null;
  private listening = false;
  private started: Promise<void> | null = null;
  /** Per thread, the event being read: events of one thread are read and sent one after another. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly options: LiveOptions) {
    this.hub = new LiveHub({ bufferSize: 500, bufferMs: 10 * 60_000, heartbeatMs: 25_000, maxBacklogBytes: 1 << 20, now: options.now });
  }

  /** On PostgreSQL, starts listening (once; called by the HTTP app: the CLI's commands need none of this). */
  start(log: ListenerLog = consoleLog): Promise<void> {
    if (this.options.engine !== 'postgres') return Promise.resolve();
    this.started ??= (this.listener = new PgListener({
      url: this.options.databaseUrl,
      channel: CHANNEL,
      log,
      onNotification: (payload) => this.onNotice(payload, log),
      onState: (up) => {
        const wasDown = !this.listening;
        this.listening = up;
        if (this.options.pageCache instanceof LivePageCache) this.options.pageCache.setListening(up);
        // Changes made by others while we did not listen are unknown: every reader reloads.
        if (up && wasDown) this.hub.resyncAll();
      },
    })).start();
    return this.started;
  }

  /** A change committed by this process. */
  onChange(change: ThreadChange): void {
    const id = this.hub.nextId();
    const threadKey = PageCache.threadKey(change.siteId, change.url);
    if (this.options.engine !== 'postgres') return this.deliver(threadKey, id, change);
    const notice: Notice = { o: this.hub.bootId, s: change.siteId, u: change.url, k: change.kind, c: change.commentId, e: id };
    const listening = this.listening;
    if (!listening) this.deliver(threadKey, id, change);
    sql`select pg_notify(${CHANNEL}, ${JSON.stringify(notice)})`.execute(this.options.db).catch((e: Error) => {
      consoleLog.warn(`live updates: NOTIFY failed (${e.message}); other processes may serve this thread stale until they resync`);
      if (listening) this.deliver(threadKey, id, change);
    });
  }

  /** Ends every stream (the app is closing). */
  endStreams(): void {
    this.hub.endStreams();
  }

  async close(): Promise<void> {
    this.hub.close();
    await this.listener?.close();
    await Promise.allSettled(this.chains.values());
  }

  private onNotice(payload: string, log: ListenerLog): void {
    let n: Notice;
    try {
      n = JSON.parse(payload) as Notice;
      if (typeof n.s !== 'string' || typeof n.u !== 'string' || typeof n.e !== 'string') throw new Error('bad shape');
    } catch {
      log.warn(`live updates: ignored a malformed notice on ${CHANNEL}`);
      return;
    }
    const threadKey = PageCache.threadKey(n.s, n.u);
    if (n.o !== this.hub.bootId) this.options.pageCache.invalidate(threadKey);
    this.deliver(threadKey, n.e, { kind: n.k, commentId: typeof n.c === 'string' ? n.c : '' });
  }

  private deliver(threadKey: string, id: string, change: Pick<ThreadChange, 'kind' | 'commentId'>): void {
    if (!this.hub.wants(threadKey)) return; // nobody streams this thread: nothing to read
    const previous = this.chains.get(threadKey) ?? Promise.resolve();
    const next = previous
      .then(() => loadEvent(this.options.db, change))
      .then(
        (event) => {
          if (event) this.hub.publish(threadKey, id, event.kind, event.json);
        },
        (e: Error) => {
          consoleLog.warn(`live updates: could not read ${change.kind} ${change.commentId} (${e.message}); streams of the thread resync`);
          this.hub.publish(threadKey, id, 'resync', '{}');
        },
      )
      .finally(() => {
        if (this.chains.get(threadKey) === next) this.chains.delete(threadKey);
      });
    this.chains.set(threadKey, next);
  }
}
