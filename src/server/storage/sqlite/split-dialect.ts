/**
 * SQLite for a server: the event loop never waits on the disk.
 *
 * - Writes: one writer connection on the event loop runs the statements (microseconds each, in memory) with
 *   `synchronous = NORMAL`, so a COMMIT writes its WAL frames without an fsync. Before any write is answered, the WAL
 *   file is fdatasync'ed on libuv's thread pool (`WalSync`, coalesced: commits made while a sync runs share the next
 *   one). An acknowledged write is therefore on disk, as with `synchronous = FULL`, but the event loop does not wait
 *   for the fsync, and commits keep flowing while it runs (group commit by the transactor, pipelined with the syncs).
 * - Checkpoints: automatic checkpoints are off on the writer; a checkpoint thread (checkpoint-thread.ts) copies the WAL
 *   into the database file, with its fsyncs, off the event loop.
 * - Reads: SELECTs outside a transaction run on a second, read-only connection: in WAL mode they never wait for the
 *   writer (an open transaction, a checkpoint) and see every committed transaction.
 * - Both connections prepare each distinct statement once.
 *
 * Writes and transactions take turns on the writer (a mutex, as Kysely's own SQLite driver has); a SELECT inside a
 * transaction runs on the writer, so it sees the transaction's own changes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  CompiledQuery, SelectQueryNode, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely,
  type QueryCompiler, type QueryResult,
} from 'kysely';
import { applyPragmas, statementRunner, type StatementResult } from './statement-cache.js';

const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './checkpoint-thread.ts' : './checkpoint-thread.js', import.meta.url);
/**
 * Run from the TypeScript sources (tests, `npm run dev`), the thread registers tsx's loader first: on Node 20 a
 * worker does not inherit the loader `--import tsx` gave the main thread.
 */
const newWorker = (workerData: unknown): Worker => fromSource
  ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`, { eval: true, workerData })
  : new Worker(workerUrl, { workerData });

/** How often the checkpoint thread copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 1000;

/**
 * fdatasync of the WAL file on libuv's thread pool. `sync()` resolves once every commit made before the call is on
 * disk: a call made while a sync runs waits for the next one, which all such calls share.
 */
class WalSync {
  private file: FileHandle | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly path: string) {}

  sync(): Promise<void> {
    if (!this.running) return (this.running = this.run());
    if (!this.next) {
      this.next = this.running.catch(() => undefined).then(() => {
        this.next = null;
        return (this.running = this.run());
      });
    }
    return this.next;
  }

  private async run(): Promise<void> {
    try {
      this.file ??= await open(`${this.path}-wal`, 'r+');
      await this.file.datasync();
    } finally {
      this.running = null;
    }
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.file?.close();
    this.file = null;
  }
}

/** The checkpoint thread, seen from the main thread. */
class Checkpointer {
  private constructor(private readonly worker: Worker) {}

  static start(path: string): Promise<Checkpointer> {
    const worker = newWorker({ path, everyMs: CHECKPOINT_EVERY_MS });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => {
        worker.off('error', reject);
        worker.on('message', (m: { warn?: string }) => m.warn && console.warn(`parley: ${m.warn}`));
        worker.on('error', (e) => console.warn(`parley: the WAL checkpoint thread stopped: ${e.message}`));
        worker.unref();
        resolve(new Checkpointer(worker));
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      this.worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('close');
    });
    await this.worker.terminate();
  }
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** Resolves, once it is this caller's turn, with the function that ends the turn. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => turn);
    return ready;
  }
}

const toQueryResult = <R>(r: StatementResult): QueryResult<R> => ({
  rows: r.rows as R[],
  ...(r.changes !== undefined ? { numAffectedRows: BigInt(r.changes) } : {}),
  ...(r.lastInsertRowid !== undefined ? { insertId: BigInt(r.lastInsertRowid) } : {}),
});

class SplitConnection implements DatabaseConnection {
  /** While this connection holds a transaction: the function that gives the writer back. */
  release: (() => void) | null = null;
  constructor(private readonly driver: SplitDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters, query } = compiled;
    if (this.release) return toQueryResult(this.driver.write(sql, parameters));
    if (SelectQueryNode.is(query)) return toQueryResult(this.driver.read(sql, parameters));
    // A write outside a transaction commits at once: answered once it is on disk.
    const release = await this.driver.turn.lock();
    let result: StatementResult;
    try {
      result = this.driver.write(sql, parameters);
    } finally {
      release();
    }
    await this.driver.wal.sync();
    return toQueryResult(result);
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (this.release || !SelectQueryNode.is(compiled.query)) throw new Error('only SELECTs outside a transaction can be streamed');
    for (const row of this.driver.reader.prepare(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class SplitDriver implements Driver {
  writer!: Database.Database;
  reader!: Database.Database;
  write!: (sql: string, params: readonly unknown[]) => StatementResult;
  read!: (sql: string, params: readonly unknown[]) => StatementResult;
  readonly turn = new Mutex();
  readonly wal: WalSync;
  private checkpointer: Checkpointer | null = null;

  constructor(private readonly path: string) {
    this.wal = new WalSync(path);
  }

  async init(): Promise<void> {
    this.writer = new Database(this.path);
    applyPragmas(this.writer);
    // Durability comes from WalSync before each answer; checkpoints from the checkpoint thread.
    this.writer.pragma('synchronous = NORMAL');
    this.writer.pragma('wal_autocheckpoint = 0');
    this.writer.pragma('journal_size_limit = 67108864');
    this.write = statementRunner(this.writer);
    this.reader = new Database(this.path, { readonly: true, fileMustExist: true });
    this.reader.pragma('busy_timeout = 5000');
    this.read = statementRunner(this.reader);
    this.checkpointer = await Checkpointer.start(this.path);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as SplitConnection;
    const release = await this.turn.lock();
    try {
      this.write('begin', []);
    } catch (e) {
      release();
      throw e;
    }
    c.release = release;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // On failure the writer stays taken: the caller rolls back next, which gives it back.
    this.write('commit', []);
    // The next transaction may start while this one's WAL frames are synced: nobody is answered before.
    this.end(connection as SplitConnection);
    await this.wal.sync();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.writer.inTransaction) this.write('rollback', []);
    } finally {
      this.end(connection as SplitConnection);
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as SplitConnection;
    if (c.release) await this.rollbackTransaction(c);
  }

  async destroy(): Promise<void> {
    await this.checkpointer?.close();
    await this.wal.close();
    this.reader?.close();
    this.writer?.close();
  }

  private end(c: SplitConnection): void {
    const release = c.release;
    c.release = null;
    release?.();
  }
}

/** The Kysely dialect: SQLite's SQL, the split driver. */
export class SplitSqliteDialect implements Dialect {
  constructor(private readonly path: string) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new SplitDriver(this.path);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
