import type pg from 'pg';

export interface ListenerLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * One dedicated PostgreSQL connection (not from the pool) that LISTENs on a channel. When it drops (server
 * restart, failover, network) it reconnects with exponential backoff (0.5 s to 30 s), saying so in the log;
 * `onState(false)` is called on loss, `onState(true)` once listening again.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: {
      url: string;
      channel: string;
      onNotification(payload: string): void;
      onState(up: boolean): void;
      log: ListenerLog;
    },
  ) {}

  /** Connects once; on failure keeps trying in the background and resolves anyway. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client({ connectionString: this.options.url, keepAlive: true, application_name: 'parley-live' });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (this.closed) return;
      this.options.onState(false);
      this.schedule(why);
    };
    client.on('error', (e) => onLost(e.message));
    client.on('end', () => onLost('connection ended'));
    client.on('notification', (msg) => {
      if (msg.channel === this.options.channel && msg.payload !== undefined) this.options.onNotification(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (e) {
      onLost((e as Error).message);
      return;
    }
    if (this.closed || lost) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    if (this.attempt) this.options.log.info(`live updates: listening to PostgreSQL again (channel ${this.options.channel})`);
    this.attempt = 0;
    this.options.onState(true);
  }

  private schedule(why: string): void {
    const delay = Math.min(30_000, 500 * 2 ** this.attempt++);
    this.options.log.warn(`live updates: the PostgreSQL LISTEN connection failed (${why}); reconnecting in ${delay / 1000} s`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
